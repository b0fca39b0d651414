// Hand-built logical plans for the translator tests: the shapes plan/lower.ts produces for the seed
// detections (multisearch branches per sourcetype) plus one small plan per expression kind.
import type { PlanExpr, PlanNode, QueryPlan, Pattern } from '../../src/plan/nodes.ts';

export const pat = (text: string, wildcard = true, caseSensitive = false): Pattern => ({ text, wildcard, caseSensitive });
export const sm = (field: string, text: string, op: '=' | '!=' | '<' | '<=' | '>' | '>=' = '='): PlanExpr => ({ kind: 'searchMatch', field, op, pattern: pat(text) });
export const f = (name: string): PlanExpr => ({ kind: 'field', name });
export const lit = (value: string | number | boolean | null): PlanExpr => ({ kind: 'literal', value });
export const call = (fn: string, ...args: PlanExpr[]): PlanExpr => ({ kind: 'call', fn, args });
export const and = (...items: PlanExpr[]): PlanExpr => ({ kind: 'and', items });
export const or = (...items: PlanExpr[]): PlanExpr => ({ kind: 'or', items });
export const not = (operand: PlanExpr): PlanExpr => ({ kind: 'not', operand });
export const eq = (left: PlanExpr, right: PlanExpr, op: '=' | '!=' | '<' | '<=' | '>' | '>=' = '='): PlanExpr => ({ kind: 'compare', op, left, right });

export const scan = (predicate: PlanExpr): PlanNode => ({ kind: 'scan', predicate, earliest: null, latest: null });
export const filter = (input: PlanNode, predicate: PlanExpr): PlanNode => ({ kind: 'filter', input, predicate });
export const evals = (input: PlanNode, ...pairs: [string, PlanExpr][]): PlanNode => ({ kind: 'eval', input, assignments: pairs.map(([field, expr]) => ({ field, expr })) });
export const table = (input: PlanNode, ...fields: string[]): PlanNode => ({ kind: 'table', input, fields });
export const plan = (root: PlanNode): QueryPlan => ({ root });

/** A single-branch plan over one sourcetype with `where` on top: the unit-test carrier for expressions. */
export function whereOver(sourcetype: string, cond: PlanExpr): QueryPlan {
  return plan(table(filter(scan(sm('sourcetype', sourcetype)), cond), '_time'));
}

export function awsConsoleNoMfa(): PlanNode {
  let n = scan(and(sm('sourcetype', 'aws:cloudtrail'), sm('eventName', 'ConsoleLogin'), sm('responseElements.ConsoleLogin', 'Success')));
  n = evals(n, ['UserArn', f('userIdentity.arn')]);
  n = evals(n, ['SourceIP', f('sourceIPAddress')]);
  n = evals(n, ['MFA', f('additionalEventData.MFAUsed')]);
  n = filter(n, eq(f('MFA'), lit('No')));
  n = evals(n, ['AlertType', lit('AWSConsoleLoginNoMFA')]);
  return table(n, '_time', 'UserArn', 'SourceIP', 'MFA', 'AlertType');
}

export function azureRiskySignin(): PlanNode {
  let n = scan(and(sm('sourcetype', 'azure:monitor:aad:signin'), sm('properties.status.errorCode', '0')));
  n = evals(n, ['UserUPN', f('properties.userPrincipalName')], ['AppName', f('properties.appDisplayName')], ['SourceIP', f('properties.ipAddress')],
    ['RiskLevel', f('properties.riskLevelDuringSignIn')], ['IsAnon', call('if', call('match', f('properties.networkLocationDetails{}.networkType'), lit('anonymizedIP')), lit(1), lit(0))]);
  n = filter(n, or({ kind: 'inList', expr: f('RiskLevel'), list: [lit('medium'), lit('high')] }, eq(f('IsAnon'), lit(1))));
  n = evals(n, ['AlertType', lit('AzureRiskySignin')]);
  return table(n, '_time', 'UserUPN', 'AppName', 'SourceIP', 'RiskLevel', 'IsAnon', 'AlertType');
}

export function o365MultiIp(appField = 'ApplicationName'): PlanNode {
  let n = scan(and(sm('sourcetype', 'o365:management:activity'), sm('Operation', 'UserLoggedIn'), sm('ResultStatus', 'Success')));
  n = evals(n, ['UserUPN', f('UserId')], ['ClientIP', f('ClientIP')], ['AppName', f(appField)]);
  n = { kind: 'aggregate', input: n, mode: 'stats', aggregations: [{ fn: 'dc', arg: f('ClientIP'), as: 'UniqueIPs' }, { fn: 'values', arg: f('ClientIP'), as: 'IPs' }], by: ['UserUPN', 'AppName'], options: {} };
  n = filter(n, eq(f('UniqueIPs'), lit(3), '>='));
  n = evals(n, ['AlertType', lit('O365MultiIPLogin')]);
  return table(n, 'UserUPN', 'AppName', 'UniqueIPs', 'IPs', 'AlertType');
}

export function awsDirectVm(): PlanNode {
  const names = ['StartSession', 'ResumeSession', 'TerminateSession', 'SendCommand', 'StartAutomationExecution', 'SendSSHPublicKey', 'StartSSHSession'];
  let n = scan(and(sm('sourcetype', 'aws:cloudtrail'), or(...names.map((x) => sm('eventName', x))), or(sm('eventSource', 'ssm.amazonaws.com'), sm('eventSource', 'ec2-instance-connect.amazonaws.com'))));
  n = evals(n, ['UserARN', f('userIdentity.arn')], ['TargetInstance', call('coalesce', f('requestParameters.target'), f('requestParameters.instanceId'))], ['SourceIP', f('sourceIPAddress')], ['AlertType', lit('AWS_DirectVMConnection')]);
  return table(n, '_time', 'UserARN', 'eventName', 'TargetInstance', 'SourceIP', 'AlertType');
}

export function azureDirectVm(): PlanNode {
  const ops = ['MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION', 'MICROSOFT.SERIALCONSOLE/CONSOLESERVICES/ACCESS', 'MICROSOFT.COMPUTE/VIRTUALMACHINES/EXTENSIONS/WRITE'];
  let n = scan(and(sm('sourcetype', 'azure:activity'), or(...ops.map((x) => sm('operationName.value', x)))));
  n = evals(n, ['CallerUPN', f('caller')], ['VMName', f('resourceId')], ['SourceIP', f('httpRequest.clientIpAddress')], ['AlertType', lit('Azure_DirectVMConnection')]);
  return table(n, '_time', 'CallerUPN', 'operationName.value', 'VMName', 'SourceIP', 'AlertType');
}

/** The T1021.008 page as valid SPL: multisearch of streaming branches, then table and sort after the union. */
export function directVmMultisearch(): QueryPlan {
  const strip = (n: PlanNode): PlanNode => (n.kind === 'table' ? n.input : n);
  const u: PlanNode = { kind: 'union', mode: 'multisearch', inputs: [strip(awsDirectVm()), strip(azureDirectVm())], maxout: null };
  const t = table(u, '_time', 'UserARN', 'CallerUPN', 'eventName', 'operationName.value', 'TargetInstance', 'VMName', 'SourceIP', 'AlertType');
  return plan({ kind: 'sort', input: t, keys: [{ field: '_time', descending: true, type: 'auto' }], limit: 10000 });
}
