// alert_severity: an AlertType may carry its own severity (issue #14: federated console sign-ins without
// MFA and dismissed Entra risk are reported at low severity, failed attempts at medium).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { makeEvent } from '../../src/ingest/make-event.ts';
import { loadRules } from '../../src/rules/load.ts';
import { runRules } from '../../src/rules/run.ts';
import { RULES_DIR } from './helpers.ts';

const rules = await loadRules(RULES_DIR);
const rule = (id: string) => rules.filter((r) => r.id === id);

// Record shape: AWS CloudTrail user guide, "AWS Management Console sign-in events" and "CloudTrail userIdentity element".
const login = (identity: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  makeEvent({ eventVersion: '1.08', eventTime: '2026-11-20T10:00:00Z', eventSource: 'signin.amazonaws.com', eventName: 'ConsoleLogin', sourceIPAddress: '192.0.2.9', userIdentity: identity, responseElements: { ConsoleLogin: 'Success' }, additionalEventData: { MFAUsed: 'No', ...extra } });

describe('alert_severity', () => {
  it('gives the federated console AlertType low and keeps IAM users at the rule severity', async () => {
    const alerts = await runRules(rule('cloud-services-risky-signin-t1021-007'), [
      login({ type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/maria' }),
      login({ type: 'AssumedRole', arn: 'arn:aws:sts::111122223333:assumed-role/OktaAdmins/ana' }, { SamlProviderArn: 'arn:aws:iam::111122223333:saml-provider/Okta' }),
    ], { tuned: false });
    assert.deepEqual(alerts.map((a) => [a.AlertType, a.severity]).sort(), [['AWSConsoleLoginNoMFA', 'high'], ['AWSFederatedConsoleLoginNoMFA', 'low']]);
  });

  it('gives failed Instance Connect attempts medium', async () => {
    const alerts = await runRules(rule('direct-cloud-vm-connection-t1021-008'), [
      makeEvent({ eventTime: '2026-11-20T16:13:00Z', eventSource: 'ec2-instance-connect.amazonaws.com', eventName: 'SendSSHPublicKey', sourceIPAddress: '198.51.100.67', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/intruder' }, errorCode: 'AccessDenied', requestParameters: { instanceId: 'i-0f' } }),
    ], { tuned: false });
    assert.deepEqual(alerts.map((a) => [a.AlertType, a.severity, a.Outcome]), [['AWS_DirectVMConnectionFailed', 'medium', 'AccessDenied']]);
  });
});
