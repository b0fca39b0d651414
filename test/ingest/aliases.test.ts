// Add-on field aliases and calculated fields per sourcetype (docs/fields.md). Table-driven: each row is a
// record, a field and the value the add-on definition gives, including rows where the source field is
// missing (null) and where it is multivalue. Fields the record has itself always win over aliases: Splunk's
// "Create field aliases": "An alias does not replace or remove the original field name" and "Overwrite field
// values is not selected by default" (an existing field keeps its value).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { makeEvent } from '../../src/ingest/make-event.ts';
import type { Value } from '../../src/core/value.ts';

interface AliasCase {
  readonly sourcetype: string;
  readonly record: Record<string, unknown>;
  readonly field: string;
  readonly expected: Value;
  readonly why?: string;
}

const iamUser = {
  eventVersion: '1.08',
  eventSource: 'signin.amazonaws.com',
  eventName: 'ConsoleLogin',
  eventTime: '2022-11-10T16:24:34Z',
  awsRegion: 'us-east-2',
  sourceIPAddress: '192.0.2.0',
  userAgent: 'Mozilla/5.0',
  recipientAccountId: '111122223333',
  userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/anaya', userName: 'anaya', accountId: '111122223333', accessKeyId: 'AKIA1' },
  responseElements: { ConsoleLogin: 'Failure' },
  errorMessage: 'Failed authentication',
};
const assumedRole = {
  eventVersion: '1.08',
  eventSource: 'ssm.amazonaws.com',
  eventName: 'StartSession',
  eventTime: '2024-01-01T00:00:00Z',
  userIdentity: { type: 'AssumedRole', arn: 'arn:aws:sts::123:assumed-role/Admin/alice-session', principalId: 'AROA:alice-session' },
  errorCode: 'AccessDenied',
};
const root = { eventVersion: '1.08', eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', eventTime: '2024-01-01T00:00:00Z', userIdentity: { type: 'Root', principalId: '123' } };

const signin = {
  time: '2023-10-24T20:13:31.4449614Z',
  category: 'SignInLogs',
  operationName: 'Sign-in activity',
  tenantId: 'tenant-1',
  callerIpAddress: '198.51.100.9',
  properties: {
    userPrincipalName: 'User15@Example.onmicrosoft.com',
    appDisplayName: 'Azure Active Directory PowerShell',
    ipAddress: '203.0.113.5',
    userAgent: 'WindowsPowerShell/5.1',
    status: { errorCode: 50076, failureReason: 'MFA required' },
    resourceDisplayName: 'Windows Azure Active Directory',
    processingTimeInMilliseconds: 72,
    authenticationDetails: [{ authenticationMethod: 'Password' }, { authenticationMethod: 'Mobile app notification' }],
  },
};
const signinOk = { category: 'SignInLogs', properties: { status: { errorCode: 0 }, authenticationDetails: [{ authenticationMethod: 'Password' }] } };

const o365 = {
  CreationTime: '2023-12-04T20:42:05',
  Operation: 'UserLoggedIn',
  RecordType: 15,
  Workload: 'AzureActiveDirectory',
  UserId: 'user15@example.com',
  ClientIP: '54.68.231.63',
  ObjectId: '00000002-0000-0ff1-ce00-000000000000',
  ResultStatus: 'Success',
  OrganizationId: 'org-1',
};
const o365Failed = { CreationTime: '2023-12-04T20:42:05', Operation: 'UserLoginFailed', RecordType: 15, Workload: 'AzureActiveDirectory', ActorIpAddress: '10.0.0.1', ResultStatus: 'Success' };

const UPN = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn';
const activityEventHub = {
  time: '2024-12-17T10:30:00Z',
  resourceId: '/subscriptions/sub-1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1',
  operationName: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION',
  category: 'Administrative',
  resultType: 'Success',
  callerIpAddress: '203.0.113.7',
  identity: { claims: { [UPN]: 'admin@example.com' } },
};
const activityRest = {
  eventTimestamp: '2024-12-24T15:45:00Z',
  operationName: { value: 'Microsoft.SerialConsole/consoleServices/access', localizedValue: 'Serial console' },
  caller: 'ops@example.com',
  httpRequest: { clientIpAddress: '198.51.100.20' },
  resourceId: '/subscriptions/sub-2/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm2',
  subscriptionId: 'sub-2',
  status: { value: 'Failed' },
};
const activityBare = { time: '2024-12-17T10:30:00Z', operationName: 'X/READ', category: 'Administrative' };

const cases: AliasCase[] = [
  // aws:cloudtrail
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'src', expected: '192.0.2.0' },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'src_ip', expected: '192.0.2.0' },
  { sourcetype: 'aws:cloudtrail', record: root, field: 'src', expected: null, why: 'no sourceIPAddress' },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'user_agent', expected: 'Mozilla/5.0' },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'errorCode', expected: 'success', why: 'no error -> "success"' },
  { sourcetype: 'aws:cloudtrail', record: assumedRole, field: 'errorCode', expected: 'AccessDenied', why: 'the record wins' },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'signature', expected: 'ConsoleLogin' },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'vendor_region', expected: 'us-east-2' },
  { sourcetype: 'aws:cloudtrail', record: root, field: 'vendor_region', expected: null },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'aws_account_id', expected: '111122223333' },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'user', expected: 'anaya' },
  { sourcetype: 'aws:cloudtrail', record: assumedRole, field: 'user', expected: 'alice-session', why: 'session name from the ARN' },
  { sourcetype: 'aws:cloudtrail', record: root, field: 'user', expected: 'root' },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'user_name', expected: 'anaya' },
  { sourcetype: 'aws:cloudtrail', record: assumedRole, field: 'user_name', expected: null },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'user_arn', expected: 'arn:aws:iam::111122223333:user/anaya' },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'user_type', expected: 'IAMUser' },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'action', expected: 'failure', why: 'ConsoleLogin: Failure' },
  { sourcetype: 'aws:cloudtrail', record: assumedRole, field: 'action', expected: 'failure', why: 'errorCode present' },
  { sourcetype: 'aws:cloudtrail', record: root, field: 'action', expected: 'success' },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'dest', expected: 'signin.amazonaws.com' },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'msg', expected: 'Failed authentication' },
  { sourcetype: 'aws:cloudtrail', record: iamUser, field: 'vendor_product', expected: 'AWS CloudTrail' },
  // azure:monitor:aad:signin
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'src', expected: '203.0.113.5', why: 'properties.ipAddress before callerIpAddress' },
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'src_ip', expected: '203.0.113.5' },
  { sourcetype: 'azure:monitor:aad:signin', record: signinOk, field: 'src', expected: null },
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'user', expected: 'user15@example.onmicrosoft.com', why: 'lower(userPrincipalName)' },
  { sourcetype: 'azure:monitor:aad:signin', record: signinOk, field: 'user', expected: null },
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'user_id', expected: 'user15@example.onmicrosoft.com' },
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'app', expected: 'azure:active:directory:powershell' },
  { sourcetype: 'azure:monitor:aad:signin', record: signinOk, field: 'app', expected: null },
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'action', expected: 'failure' },
  { sourcetype: 'azure:monitor:aad:signin', record: signinOk, field: 'action', expected: 'success' },
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'signature', expected: 'Sign-in activity' },
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'reason', expected: 'MFA required' },
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'authentication_method', expected: ['Password', 'Mobile app notification'], why: 'multivalue' },
  { sourcetype: 'azure:monitor:aad:signin', record: signinOk, field: 'authentication_method', expected: 'Password' },
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'dest', expected: 'windows.azure.active.directory' },
  { sourcetype: 'azure:monitor:aad:signin', record: signinOk, field: 'dest', expected: 'https://login.microsoftonline.com' },
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'duration', expected: 0.072 },
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'user_agent', expected: 'WindowsPowerShell/5.1' },
  { sourcetype: 'azure:monitor:aad:signin', record: signin, field: 'vendor_account', expected: 'tenant-1' },
  // o365:management:activity
  { sourcetype: 'o365:management:activity', record: o365, field: 'user', expected: 'user15@example.com' },
  { sourcetype: 'o365:management:activity', record: o365Failed, field: 'user', expected: null },
  { sourcetype: 'o365:management:activity', record: o365, field: 'src', expected: '54.68.231.63' },
  { sourcetype: 'o365:management:activity', record: o365Failed, field: 'src_ip', expected: '10.0.0.1', why: 'ActorIpAddress when no ClientIP' },
  { sourcetype: 'o365:management:activity', record: o365, field: 'action', expected: 'success' },
  { sourcetype: 'o365:management:activity', record: o365Failed, field: 'action', expected: 'failure', why: 'UserLoginFailed' },
  { sourcetype: 'o365:management:activity', record: o365, field: 'app', expected: 'AzureActiveDirectory' },
  { sourcetype: 'o365:management:activity', record: o365, field: 'object', expected: '00000002-0000-0ff1-ce00-000000000000' },
  { sourcetype: 'o365:management:activity', record: o365Failed, field: 'object', expected: null },
  { sourcetype: 'o365:management:activity', record: o365, field: 'signature', expected: 'UserLoggedIn' },
  { sourcetype: 'o365:management:activity', record: o365, field: 'vendor_account', expected: 'org-1' },
  // azure:activity
  { sourcetype: 'azure:activity', record: activityEventHub, field: 'user', expected: 'admin@example.com', why: 'UPN claim (a key with dots)' },
  { sourcetype: 'azure:activity', record: activityRest, field: 'user', expected: 'ops@example.com' },
  { sourcetype: 'azure:activity', record: activityBare, field: 'user', expected: null },
  { sourcetype: 'azure:activity', record: activityEventHub, field: 'src', expected: '203.0.113.7' },
  { sourcetype: 'azure:activity', record: activityRest, field: 'src_ip', expected: '198.51.100.20' },
  { sourcetype: 'azure:activity', record: activityBare, field: 'src', expected: null },
  { sourcetype: 'azure:activity', record: activityEventHub, field: 'action', expected: 'success' },
  { sourcetype: 'azure:activity', record: activityRest, field: 'action', expected: 'failure' },
  { sourcetype: 'azure:activity', record: activityBare, field: 'action', expected: null },
  { sourcetype: 'azure:activity', record: activityEventHub, field: 'object', expected: activityEventHub.resourceId },
  { sourcetype: 'azure:activity', record: activityRest, field: 'signature', expected: 'Microsoft.SerialConsole/consoleServices/access' },
  { sourcetype: 'azure:activity', record: activityEventHub, field: 'vendor_account', expected: 'sub-1', why: 'from resourceId' },
  { sourcetype: 'azure:activity', record: activityRest, field: 'vendor_account', expected: 'sub-2' },
  // Layout bridges: REST names on Event Hub records and back.
  { sourcetype: 'azure:activity', record: activityEventHub, field: 'operationName.value', expected: 'MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION' },
  { sourcetype: 'azure:activity', record: activityEventHub, field: 'caller', expected: 'admin@example.com' },
  { sourcetype: 'azure:activity', record: activityEventHub, field: 'httpRequest.clientIpAddress', expected: '203.0.113.7' },
  { sourcetype: 'azure:activity', record: activityRest, field: 'callerIpAddress', expected: '198.51.100.20' },
  { sourcetype: 'azure:activity', record: activityBare, field: 'callerIpAddress', expected: null, why: 'two aliases naming each other end' },
  { sourcetype: 'azure:activity', record: activityEventHub, field: 'category.value', expected: 'Administrative' },
  { sourcetype: 'azure:activity', record: activityEventHub, field: 'status.value', expected: 'Success', why: 'the Event Hub resultType' },
  { sourcetype: 'azure:activity', record: activityRest, field: 'status.value', expected: 'Failed', why: 'the REST record keeps its own' },
  { sourcetype: 'azure:activity', record: activityEventHub, field: 'resourceProviderName.value', expected: 'MICROSOFT.COMPUTE', why: 'the provider part of the operation name' },
  { sourcetype: 'azure:activity', record: activityBare, field: 'resourceProviderName.value', expected: 'X' },
  { sourcetype: 'azure:activity', record: { time: '2024-12-17T10:30:00Z', category: 'Administrative' }, field: 'resourceProviderName.value', expected: null, why: 'no operation name' },
];

for (const c of cases) {
  test(`${c.sourcetype}: ${c.field}${c.why ? ` (${c.why})` : ''}`, () => {
    const e = makeEvent(c.record, { sourcetype: c.sourcetype });
    assert.deepEqual(e.get(c.field), c.expected);
  });
}

test('aliases appear in fieldNames after the record fields, only when they have a value', () => {
  const names = makeEvent(iamUser).fieldNames();
  assert.ok(names.indexOf('src') > names.indexOf('sourceIPAddress'));
  assert.ok(names.includes('errorCode'));
  assert.ok(!makeEvent(root).fieldNames().includes('src'));
});

test('no aliases apply to _json records', () => {
  const e = makeEvent({ sourceIPAddress: '1.2.3.4', UserId: 'x' });
  assert.equal(e.sourcetype, '_json');
  assert.equal(e.get('src'), null);
  assert.equal(e.get('user'), null);
});
