// Tricky NDJSON for the scan tests: JSON escapes hiding a term (\u004f, \/), case variants, a Kelvin sign
// that lower-cases to "k", a Records batch on one line, a timeless record after a filtered-out timed one,
// CRLF endings, blank and malformed lines, a BOM, and a final line without a newline.

const ct = (over: Record<string, unknown>) =>
  JSON.stringify({
    eventVersion: '1.08',
    eventTime: '2026-01-05T10:00:00Z',
    eventSource: 'ec2.amazonaws.com',
    eventName: 'DescribeInstances',
    sourceIPAddress: '198.51.100.1',
    userIdentity: { arn: 'arn:aws:iam::111122223333:user/alice' },
    ...over,
  });

export function trickyLines(): string[] {
  return [
    '\ufeff' + ct({ eventName: 'OpenTunnel', eventSource: 'ec2-instance-connect.amazonaws.com' }),
    ct({ eventTime: '2026-01-05T10:01:00Z' }),
    // \u004f is "O": the decoded value is OpenTunnel although the bytes are not.
    ct({ eventTime: '2026-01-05T10:02:00Z', eventSource: 'ec2-instance-connect.amazonaws.com' }).replace('"DescribeInstances"', '"\\u004fpenTunnel"'),
    ct({ eventTime: '2026-01-05T10:03:00Z', eventName: 'opentunnel', eventSource: 'EC2-INSTANCE-CONNECT.amazonaws.com' }),
    ct({ eventTime: '2026-01-05T10:04:00Z', eventName: 'OPENTUNNEL', sourceIPAddress: '203.0.113.9' }) + '\r',
    // "\/" is "/": a path value with an escaped slash.
    ct({ eventTime: '2026-01-05T10:05:00Z', userAgent: 'x/y' }).replace('"x/y"', '"x\\/y"'),
    // U+212A KELVIN SIGN lower-cases to ASCII "k".
    ct({ eventTime: '2026-01-05T10:06:00Z', eventName: 'Open\u212Aey' }),
    '',
    '   ',
    '{"Records":[' + ct({ eventTime: '2026-01-05T10:07:00Z', eventName: 'OpenTunnel' }) + ',' + ct({ eventTime: '2026-01-05T10:08:00Z' }) + ']}',
    '{not json',
    '[1, 2]',
    ct({ eventTime: '2026-01-05T10:09:00Z', sourceIPAddress: '203.0.113.9', eventName: 'SendSSHPublicKey', eventSource: 'ec2-instance-connect.amazonaws.com' }),
    // A record with no time of its own after a timed one the prefilter skips: it takes 10:10.
    ct({ eventTime: '2026-01-05T10:10:00Z' }),
    JSON.stringify({ message: 'no time here OpenTunnel', kind: 'note' }),
    JSON.stringify({ CreationTime: '2026-01-05T10:11:00', Operation: 'FileAccessed', Workload: 'SharePoint', UserId: 'bob@contoso.example', ClientIP: '203.0.113.9' }),
    JSON.stringify({ time: '2026-01-05T10:12:00Z', category: 'SignInLogs', operationName: 'Sign-in activity', properties: { createdDateTime: '2026-01-05T10:12:00Z', userPrincipalName: 'Carol@contoso.example', status: { errorCode: 0 }, ipAddress: '203.0.113.9' } }),
    ct({ eventTime: '2026-01-05T10:13:00Z', eventName: 'StartSession', eventSource: 'ssm.amazonaws.com', requestParameters: { target: 'i-0abc' } }),
  ];
}

/** The lines joined as a file: CRLF where the line asked for it, no newline after the last line. */
export function trickyText(): string {
  return trickyLines().join('\n');
}

/** Queries whose answers the prefilter must not change (OR, NOT, case, wildcards, escapes, sourcetypes). */
export const TRICKY_QUERIES: readonly string[] = [
  'eventName=OpenTunnel | table _time, eventName, sourceIPAddress',
  'OpenTunnel | table _time, _raw',
  'sourcetype="aws:cloudtrail" eventName=opentunnel | table _time, eventName',
  'sourcetype="aws:cloudtrail" eventSource="ec2-instance-connect.amazonaws.com" (eventName=OpenTunnel OR eventName=SendSSHPublicKey) | table _time, eventName',
  'sourcetype="aws:cloudtrail" NOT eventName=DescribeInstances | table _time, eventName',
  'openkey | table _time, eventName',
  'eventName=OpenK* | table _time, eventName',
  'userAgent="x/y" | table _time, userAgent',
  '"x/y" | table _time',
  'sourceIPAddress="203.0.113.9" | stats count by sourcetype',
  '203.0.113.9 | stats count by sourcetype',
  'sourcetype="o365:management:activity" OR sourcetype="azure:monitor:aad:signin" | table _time, sourcetype, src',
  'no time here | table _time, kind',
  'eventSource="ssm.amazonaws.com" eventName IN ("StartSession", "ResumeSession") | table _time, requestParameters.target',
  'TERM(OpenTunnel) | stats count',
  'sourcetype=_json | table _time, message',
];
