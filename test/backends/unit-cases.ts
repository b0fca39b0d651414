// Small plans, one construct each, for the per-target unit goldens. Each case names the Splunk rule it
// exercises; the goldens show the translation or the `UNSUPPORTED <code>` a target reports for it.
import type { PlanExpr, PlanNode, QueryPlan } from '../../src/plan/nodes.ts';
import { and, call, eq, evals, f, filter, lit, not, or, pat, plan, scan, sm, table, whereOver } from './sample-plans.ts';

export interface UnitCase {
  readonly name: string;
  readonly plan: QueryPlan;
}

const CT = 'aws:cloudtrail';
const where = (cond: PlanExpr) => whereOver(CT, cond);
const searchCt = (cond: PlanExpr) => plan(table(scan(and(sm('sourcetype', CT), cond)), '_time'));
const node = (n: PlanNode) => plan(n);
const AA = 'azure:activity';
const coalesceCaller = call('coalesce', f('caller'), f('identity.authorization.evidence.principalId'));

export const UNIT_CASES: readonly UnitCase[] = [
  // spl-semantics: search field=value is case-insensitive; `*` is a wildcard.
  { name: 'search exact (case-insensitive)', plan: searchCt(sm('eventName', 'ConsoleLogin')) },
  { name: 'search prefix wildcard', plan: searchCt(sm('eventName', 'Console*')) },
  { name: 'search suffix wildcard', plan: searchCt(sm('eventName', '*Login')) },
  { name: 'search contains wildcard', plan: searchCt(sm('userAgent', '*aws-cli*')) },
  { name: 'search general glob', plan: searchCt(sm('eventName', 'Con*Lo*n')) },
  // spl-semantics: field=* means the field exists.
  { name: 'search field exists', plan: searchCt(sm('errorMessage', '*')) },
  // spl-semantics: field!=value needs the field; NOT field=value also matches events without it.
  { name: 'search not-equal', plan: searchCt(sm('eventName', 'ConsoleLogin', '!=')) },
  { name: 'NOT search equal', plan: searchCt(not(sm('eventName', 'ConsoleLogin'))) },
  { name: 'search numeric greater-than', plan: plan(table(scan(and(sm('sourcetype', 'azure:monitor:aad:signin'), sm('properties.status.errorCode', '0', '>'))), '_time')) },
  { name: 'search CASE() (case-sensitive)', plan: searchCt({ kind: 'searchMatch', field: 'eventName', op: '=', pattern: pat('ConsoleLogin', false, true) }) },
  { name: 'search OR and AND', plan: searchCt(or(and(sm('eventSource', 'ssm.amazonaws.com'), sm('eventName', 'StartSession')), sm('eventName', 'SendSSHPublicKey'))) },
  // spl-semantics: where/eval comparisons are exact and case-sensitive.
  { name: 'where string equality', plan: where(eq(f('userIdentity.type'), lit('Root'))) },
  { name: 'where NOT equality (missing field is not true)', plan: where(not(eq(f('userIdentity.type'), lit('Root')))) },
  { name: 'where numeric comparison', plan: where(eq(call('len', f('userAgent')), lit(10), '>')) },
  { name: 'where IN list', plan: where({ kind: 'inList', expr: f('eventName'), list: [lit('StartSession'), lit('SendCommand')] }) },
  { name: 'where like()', plan: where(call('like', f('userAgent'), lit('aws-cli/%'))) },
  { name: 'where match()', plan: where(call('match', f('userAgent'), lit('^aws-cli/2'))) },
  { name: 'where cidrmatch()', plan: where(call('cidrmatch', lit('10.0.0.0/8'), f('sourceIPAddress'))) },
  { name: 'where cidrmatch() with an IPv6 network', plan: where(call('cidrmatch', lit('2001:db8::/32'), f('sourceIPAddress'))) },
  { name: 'where isnull()', plan: where(call('isnull', f('errorCode'))) },
  { name: 'where lower() IN list (case-insensitive membership)', plan: where({ kind: 'inList', expr: call('lower', f('userIdentity.type')), list: [lit('root'), lit('IAMUser')] }) },
  { name: 'where isnotnull(mvfind(mvappend()))', plan: whereOver('azure:monitor:aad:signin', call('isnotnull', call('mvfind', call('mvappend', f('properties.riskEventTypes_v2{}'), f('properties.riskEventTypes{}')), lit('^anonymizedIPAddress$')))) },
  { name: 'where isnull(mvfind()) on one multivalue field', plan: whereOver('azure:monitor:aad:signin', call('isnull', call('mvfind', f('properties.riskEventTypes_v2{}'), lit('^anonymizedIPAddress$')))) },
  { name: 'where isnotnull(mvfind()) with a real regex', plan: whereOver('azure:monitor:aad:signin', call('isnotnull', call('mvfind', f('properties.riskEventTypes_v2{}'), lit('^anonymized.*')))) },
  { name: 'where xor', plan: where({ kind: 'xor', left: eq(f('eventName'), lit('A')), right: eq(f('eventSource'), lit('B')) }) },
  { name: 'eval if(match()) then where flag=1', plan: node(table(filter(evals(scan(sm('sourcetype', CT)), ['Flag', call('if', call('match', f('userAgent'), lit('Terraform')), lit(1), lit(0))]), eq(f('Flag'), lit(1))), '_time', 'Flag')) },
  { name: 'eval coalesce / lower / concat / arithmetic', plan: node(table(evals(scan(sm('sourcetype', CT)), ['Who', call('coalesce', f('userIdentity.arn'), f('userIdentity.principalId'))], ['Lower', call('lower', f('eventName'))], ['Both', { kind: 'concat', left: f('eventSource'), right: f('eventName') }], ['Len2', { kind: 'arith', op: '*', left: call('len', f('eventName')), right: lit(2) }]), 'Who', 'Lower', 'Both', 'Len2')) },
  { name: 'eval mvindex(split())', plan: node(table(evals(scan(sm('sourcetype', CT)), ['First', call('mvindex', call('split', f('userAgent'), lit('/')), lit(0))]), 'First')) },
  // spl-semantics: stats BY drops events whose BY field is missing; values() is sorted and distinct.
  {
    name: 'stats count, dc, values BY',
    plan: node(table(filter({ kind: 'aggregate', input: scan(sm('sourcetype', CT)), mode: 'stats', aggregations: [{ fn: 'count', arg: null, as: 'count' }, { fn: 'dc', arg: f('sourceIPAddress'), as: 'ips' }, { fn: 'values', arg: f('eventName'), as: 'names' }], by: ['userIdentity.arn'], options: {} }, eq(f('ips'), lit(2), '>=')), 'userIdentity.arn', 'count', 'ips', 'names')),
  },
  // docs/tuning.md: on a multivalue field an allowlist cell matches when any value matches (cidrmatch).
  {
    name: 'where NOT cidrmatch() over a values() multivalue',
    plan: node(filter(table({ kind: 'aggregate', input: scan(sm('sourcetype', CT)), mode: 'stats', aggregations: [{ fn: 'values', arg: f('sourceIPAddress'), as: 'ips' }], by: ['userIdentity.arn'], options: {} }, 'userIdentity.arn', 'ips'),
      not(and(call('isnotnull', f('ips')), call('cidrmatch', lit('10.0.0.0/8'), f('ips')))))),
  },
  {
    name: 'eval cidrmatch() over a values() multivalue',
    plan: node(table(evals({ kind: 'aggregate', input: scan(sm('sourcetype', CT)), mode: 'stats', aggregations: [{ fn: 'values', arg: f('sourceIPAddress'), as: 'ips' }], by: ['userIdentity.arn'], options: {} }, ['internal', call('if', call('cidrmatch', lit('10.0.0.0/8'), f('ips')), lit(1), lit(0))]), 'userIdentity.arn', 'internal')),
  },
  { name: 'rename and sort', plan: node({ kind: 'sort', input: { kind: 'rename', input: table(scan(sm('sourcetype', CT)), '_time', 'eventName'), pairs: [{ from: 'eventName', to: 'Action' }] }, keys: [{ field: '_time', descending: true, type: 'auto' }], limit: 100 }) },
  { name: 'multivalue field search', plan: searchCt(sm('requestParameters.instanceIds{}', 'i-0abc*')) },
  // spl-semantics: coalesce() returns the first argument that is not null. Sigma says it with `exists`.
  { name: 'where coalesce() = value (first present argument)', plan: whereOver(AA, eq(coalesceCaller, lit('mallory@contoso.example'))) },
  { name: 'where NOT coalesce() = value (null when every argument is missing)', plan: whereOver(AA, not(eq(coalesceCaller, lit('mallory@contoso.example')))) },
  { name: 'where lower(coalesce()) IN list', plan: whereOver(AA, { kind: 'inList', expr: call('lower', coalesceCaller), list: [lit('ops.anna@contoso.example'), lit('Mixed@Case')] }) },
  { name: 'where isnull(coalesce())', plan: whereOver(AA, call('isnull', coalesceCaller)) },
  // spl-semantics: stats BY drops events whose BY value is null; coalesce() picks the first non-null argument.
  { name: 'stats count BY coalesce() (one Sigma rule per argument, correlation aliases)', plan: node(filter({ kind: 'aggregate', input: evals(scan(and(sm('sourcetype', AA), sm('operationName.value', 'Microsoft.Compute/virtualMachines/runCommand/action'))), ['Who', coalesceCaller]), mode: 'stats', aggregations: [{ fn: 'count', arg: null, as: 'Calls' }], by: ['Who'], options: {} }, eq(f('Calls'), lit(2), '>='))) },
  // Sigma leaves group-by case handling to the backend: lower() of a BY field has no exact Sigma form.
  { name: 'stats count BY lower()', plan: node({ kind: 'aggregate', input: evals(scan(sm('sourcetype', AA)), ['Who', call('lower', f('caller'))]), mode: 'stats', aggregations: [{ fn: 'count', arg: null, as: 'Calls' }], by: ['Who'], options: {} }) },
  { name: 'UNSUPPORTED bare search term', plan: searchCt({ kind: 'searchTerm', pattern: pat('AccessDenied'), termMode: false }) },
  { name: 'UNSUPPORTED dedup', plan: node({ kind: 'dedup', input: scan(sm('sourcetype', CT)), fields: ['eventName'], count: 1, keepempty: false, consecutive: false, sortBy: [] }) },
  { name: 'UNSUPPORTED search without sourcetype', plan: node(table(scan(sm('eventName', 'ConsoleLogin')), '_time')) },
  { name: 'UNSUPPORTED one search over two sourcetypes', plan: node(table(scan(or(sm('sourcetype', CT), sm('sourcetype', 'azure:activity'))), '_time')) },
  { name: 'UNSUPPORTED index that the sourcetype never lands in', plan: node(table(scan(and(sm('index', 'o365'), sm('sourcetype', CT))), '_time')) },
  { name: 'UNSUPPORTED unknown function', plan: where(eq(call('md5', f('eventName')), lit('x'))) },
  // search docs: "The search command supports IPv4 and IPv6 addresses and subnets that use CIDR notation";
  // the planner lowers `sourceIPAddress=10.0.0.0/8` to this (plan/lower-search.ts).
  { name: 'search CIDR value (lowered to isnotnull AND cidrmatch)', plan: searchCt(and(call('isnotnull', f('sourceIPAddress')), call('cidrmatch', lit('10.0.0.0/8'), f('sourceIPAddress')))) },
  { name: 'UNSUPPORTED makemv', plan: node({ kind: 'makemv', input: scan(sm('sourcetype', CT)), field: 'eventName', delim: ' ', tokenizer: null, allowempty: false }) },
  { name: 'UNSUPPORTED join', plan: node({ kind: 'join', input: scan(sm('sourcetype', CT)), subsearch: scan(sm('sourcetype', CT)), fields: ['eventName'], type: 'inner', max: 1, overwrite: true, maxout: 50000 }) },
  { name: 'UNSUPPORTED streamstats reset_on_change', plan: node({ kind: 'aggregate', input: scan(sm('sourcetype', CT)), mode: 'streamstats', aggregations: [{ fn: 'count', arg: null, as: 'n' }], by: ['eventName'], options: { reset_on_change: 'true' } }) },
];
