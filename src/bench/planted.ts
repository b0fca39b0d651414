// Planted records: one small batch per PLANT_EVERY generated lines (the first batch opens the file) with an
// instance of what each bench query and each rule of rules/ looks for, including the cases where the engines'
// semantics could part: upper-case values that Splunk matches case-insensitively, the Azure REST and Event
// Hub layouts, events an allowlist or lookup silences, a pair across midnight. The random background alone
// leaves several rules with no rows on a small dataset, and equal empty answers prove little.

const ACCOUNT = '111122223333';
const CLI_APP = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';

/** Lines of random background between two planted batches. */
export const PLANT_EVERY = 100_000;

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function cloudTrail(ms: number, eventSource: string, eventName: string, arn: string, sourceIPAddress: string, extra: Record<string, unknown> = {}): object {
  return { eventVersion: '1.09', eventTime: iso(ms), eventSource, eventName, awsRegion: 'us-east-1', sourceIPAddress, userAgent: 'aws-cli/2.15.30', userIdentity: { type: 'AssumedRole', arn }, ...extra };
}

function signin(ms: number, user: string, userId: string, ip: string, props: Record<string, unknown>): object {
  return {
    time: iso(ms + 60_000),
    operationName: 'Sign-in activity',
    category: props.isInteractive === false ? 'NonInteractiveUserSignInLogs' : 'SignInLogs',
    resultType: '0',
    callerIpAddress: ip,
    properties: { createdDateTime: iso(ms), userPrincipalName: user, userId, ipAddress: ip, status: { errorCode: 0 }, isInteractive: true, appDisplayName: 'Azure Portal', ...props },
  };
}

/** The k-th planted batch, around time `t` (ms). Identities carry k so batches do not merge. */
export function plantedRecords(k: number, t: number): object[] {
  const intruder = `arn:aws:sts::${ACCOUNT}:assumed-role/Contractor/intruder${k}`;
  const day = Math.floor(t / 86_400_000) * 86_400_000;
  const uid = (n: number) => `0000000${k}-0000-4000-8000-00000000000${n}`;
  return [
    // rare-filter
    cloudTrail(t, 'ec2.amazonaws.com', 'DescribeInstances', intruder, '203.0.113.77'),
    // EC2 Instance Connect Endpoint: a tunnel, a denied one, an allowlisted operator
    cloudTrail(t + 1000, 'ec2-instance-connect.amazonaws.com', 'OpenTunnel', intruder, '198.51.100.67', { requestParameters: { instanceConnectEndpointId: 'eice-0123456789abcdef0', remotePort: '22', privateIpAddress: '10.0.1.15' } }),
    cloudTrail(t + 2000, 'EC2-Instance-Connect.amazonaws.com', 'OpenTunnel', intruder, '198.51.100.67', { errorCode: 'AccessDenied', requestParameters: { instanceConnectEndpointId: 'eice-0123456789abcdef0', remotePort: '3389', privateIpAddress: '10.0.1.16' } }),
    cloudTrail(t + 3000, 'ec2-instance-connect.amazonaws.com', 'OpenTunnel', `arn:aws:sts::${ACCOUNT}:assumed-role/Bastionless-Admins/rita`, '10.0.9.9', { requestParameters: { remotePort: '22', privateIpAddress: '10.0.1.20' } }),
    // serial console: enable, push a key, and a push from the ops bastion network (allowlisted)
    cloudTrail(t + 4000, 'ec2.amazonaws.com', 'EnableSerialConsoleAccess', intruder, '198.51.100.67'),
    cloudTrail(t + 5000, 'ec2-instance-connect.amazonaws.com', 'SendSerialConsoleSSHPublicKey', intruder, '198.51.100.67', { requestParameters: { instanceId: `i-0fedcba98765432${k}0`, serialPort: 0 } }),
    cloudTrail(t + 6000, 'ec2-instance-connect.amazonaws.com', 'SendSerialConsoleSSHPublicKey', `arn:aws:sts::${ACCOUNT}:assumed-role/CloudOps/anna`, '10.20.0.14', { requestParameters: { instanceId: 'i-0abc', serialPort: 0 } }),
    // SSM sessions: a new principal twice (one in upper case), the baseline principal, an on-call role, SendCommand with a target list
    cloudTrail(t + 7000, 'ssm.amazonaws.com', 'StartSession', intruder, '198.51.100.67', { requestParameters: { target: `i-0aaa${k}` } }),
    cloudTrail(t + 8000, 'SSM.AMAZONAWS.COM', 'RESUMESESSION', intruder, '198.51.100.68', { requestParameters: { target: `i-0bbb${k}` } }),
    cloudTrail(t + 9000, 'ssm.amazonaws.com', 'StartSession', `arn:aws:sts::${ACCOUNT}:assumed-role/SRE-Admin/jane`, '198.51.100.69', { requestParameters: { target: 'i-0ccc' } }),
    cloudTrail(t + 10_000, 'ssm.amazonaws.com', 'StartSession', `arn:aws:sts::${ACCOUNT}:assumed-role/SRE-OnCall/omar`, '198.51.100.70', { requestParameters: { target: 'i-0ddd' } }),
    cloudTrail(t + 11_000, 'ssm.amazonaws.com', 'SendCommand', intruder, '198.51.100.67', { requestParameters: { instanceIds: [`i-0eee${k}`, `i-0fff${k}`], documentName: 'AWS-RunShellScript' } }),
    cloudTrail(t + 12_000, 'ssm.amazonaws.com', 'SendCommand', `arn:aws:sts::${ACCOUNT}:assumed-role/PatchManagerMaintenanceWindow-prod/run1`, '198.51.100.71', { requestParameters: { instanceIds: ['i-0ggg'] } }),
    // console logins without MFA: one alerts, an Identity Center role is allowlisted
    cloudTrail(t + 13_000, 'signin.amazonaws.com', 'ConsoleLogin', intruder, '198.51.100.72', { responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No' } }),
    cloudTrail(t + 14_000, 'signin.amazonaws.com', 'ConsoleLogin', `arn:aws:sts::${ACCOUNT}:assumed-role/AWSReservedSSO_Admin_0123/bob`, '198.51.100.73', { responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No' } }),
    // Azure VM run command: REST layout by a new caller, Event Hub layout (upper case) with the evidence principal, a baseline operator
    { eventTimestamp: iso(t + 15_000), operationName: { value: 'Microsoft.Compute/virtualMachines/runCommand/action', localizedValue: 'Run Command on Virtual Machine' }, category: { value: 'Administrative', localizedValue: 'Administrative' }, caller: `Intruder${k}@Contoso.example`, httpRequest: { clientIpAddress: '198.51.100.74' }, resourceId: `/subscriptions/0f8b3c2a/resourceGroups/rg-1/providers/Microsoft.Compute/virtualMachines/vm-${k}`, status: { value: 'Succeeded' } },
    { time: iso(t + 16_000), operationName: 'MICROSOFT.SERIALCONSOLE/SERIALPORTS/CONNECT/ACTION', category: 'Administrative', resultType: 'Success', callerIpAddress: '198.51.100.75', resourceId: `/SUBSCRIPTIONS/0F8B3C2A/RESOURCEGROUPS/RG-2/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM-${k}`, identity: { authorization: { evidence: { principalId: `9a9a9a9a-0000-4000-8000-00000000000${k}` } } } },
    { eventTimestamp: iso(t + 17_000), operationName: { value: 'Microsoft.Compute/virtualMachines/runCommand/action' }, category: { value: 'Administrative' }, caller: 'ops.anna@contoso.example', httpRequest: { clientIpAddress: '198.51.100.76' }, resourceId: '/subscriptions/0f8b3c2a/resourceGroups/rg-1/providers/Microsoft.Compute/virtualMachines/vm-a' },
    // risky sign-ins: high risk in upper case, anonymized (older field name), from corporate egress (allowlisted), a monitoring app (allowlisted)
    signin(t + 18_000, `Risky${k}@Contoso.example`, uid(1), '198.51.100.80', { riskLevelDuringSignIn: 'High' }),
    signin(t + 19_000, `anon${k}@contoso.example`, uid(2), '198.51.100.81', { riskEventTypes: ['anonymizedIPAddress'] }),
    signin(t + 20_000, `vpn${k}@contoso.example`, uid(3), '203.0.113.9', { riskLevelDuringSignIn: 'medium' }),
    signin(t + 21_000, `scan${k}@contoso.example`, uid(4), '198.51.100.82', { riskLevelDuringSignIn: 'high', appDisplayName: 'Contoso Cloud Monitor' }),
    // O365: one user and app from three addresses
    ...['198.51.100.90', '198.51.100.91', '198.51.100.92'].map((ip, i) => ({ CreationTime: iso(t + 22_000 + i * 1000).replace('Z', ''), Id: `${k}-o365-${i}`, Operation: 'UserLoggedIn', RecordType: 15, Workload: 'AzureActiveDirectory', ResultStatus: 'Success', UserId: `roamer${k}@contoso.example`, ApplicationId: '00000003-0000-0ff1-ce00-000000000000', ClientIP: ip })),
    // anonymized sign-in then Azure CLI: within a day; across midnight (carried to the next day); from corporate egress (allowlisted)
    signin(t + 30_000, `Pair${k}@contoso.example`, uid(5), '198.51.100.100', { riskEventTypes_v2: ['anonymizedIPAddress'] }),
    signin(t + 3_630_000, `pair${k}@contoso.example`, uid(5), '198.51.100.101', { appId: CLI_APP, appDisplayName: 'Microsoft Azure CLI' }),
    signin(day + 86_400_000 - 600_000, `night${k}@contoso.example`, uid(6), '198.51.100.102', { riskEventTypes_v2: ['anonymizedIPAddress'] }),
    signin(day + 86_400_000 + 600_000, `night${k}@contoso.example`, uid(6), '198.51.100.103', { appId: CLI_APP }),
    signin(t + 40_000, `dev${k}@contoso.example`, uid(7), '198.51.100.20', { riskEventTypes_v2: ['anonymizedIPAddress'] }),
    signin(t + 50_000, `dev${k}@contoso.example`, uid(7), '198.51.100.21', { appId: CLI_APP }),
    // one session's non-interactive sign-ins from two countries; a roaming user (allowlisted, UPN in two cases)
    signin(t + 60_000, `Token${k}@contoso.example`, uid(8), '198.51.100.110', { isInteractive: false, sessionId: `planted-${k}`, location: { countryOrRegion: 'DE' }, appDisplayName: 'Microsoft Office' }),
    signin(t + 70_000, `token${k}@contoso.example`, uid(8), '198.51.100.111', { isInteractive: false, sessionId: `planted-${k}`, location: { countryOrRegion: 'NG' }, appDisplayName: 'Microsoft Graph' }),
    signin(t + 80_000, 'Field.Engineer@contoso.example', uid(9), '192.0.2.40', { isInteractive: false, sessionId: `roam-${k}`, location: { countryOrRegion: 'AT' } }),
    signin(t + 90_000, 'field.engineer@contoso.example', uid(9), '192.0.2.41', { isInteractive: false, sessionId: `roam-${k}`, location: { countryOrRegion: 'DE' } }),
  ];
}
