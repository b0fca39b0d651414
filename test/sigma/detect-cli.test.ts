// `sightline detect --sigma DIR`: Sigma rules run beside the SPL rules in the same pass over the input;
// their alerts carry the Sigma id/title/level/ATT&CK tags; a Sigma rule that cannot run is refused with its
// code while the SPL rules run (exit 0), and --strict makes the refusal exit 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDetect } from '../../src/cli/commands/detect.ts';

const SIGMA_RULE = `title: Serial console key pushed
id: 5d1c0f59-0000-4000-8000-000000000001
level: critical
tags: [attack.lateral-movement, attack.t1021.008]
logsource: {product: aws, service: cloudtrail}
detection:
  sel:
    eventName: sendserialconsolesshpublickey
  condition: sel
fields: [userIdentity.arn]
`;

function setup(sigma: string): { logs: string; sigmaDir: string; rulesDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'sigma-detect-'));
  const logs = join(dir, 'logs.json');
  const records = [
    { eventVersion: '1.08', eventTime: '2026-11-20T16:00:00Z', eventSource: 'ec2-instance-connect.amazonaws.com', eventName: 'SendSerialConsoleSSHPublicKey', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/intruder' }, sourceIPAddress: '198.51.100.66', requestParameters: { instanceId: 'i-0abc', serialPort: 0 } },
    { eventVersion: '1.08', eventTime: '2026-11-20T16:01:00Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/bob' } },
  ];
  writeFileSync(logs, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const sigmaDir = join(dir, 'sigma');
  const rulesDir = join(dir, 'rules');
  mkdirSync(sigmaDir);
  mkdirSync(rulesDir);
  writeFileSync(join(sigmaDir, 'rule.yml'), sigma);
  return { logs, sigmaDir, rulesDir };
}

test('detect --sigma runs Sigma rules beside the SPL rules and prints their alerts', async () => {
  const { logs, sigmaDir } = setup(SIGMA_RULE);
  let out = '';
  let err = '';
  const code = await runDetect({ paths: [logs], rulesDir: 'rules', sigmaDir, format: 'json', tuned: true }, (s) => void (out += s), (s) => void (err += s));
  assert.equal(code, 0, err);
  const alerts = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const sigma = alerts.filter((a) => a.rule_id === '5d1c0f59-0000-4000-8000-000000000001');
  assert.equal(sigma.length, 1);
  assert.equal(sigma[0]!.severity, 'critical');
  assert.equal(sigma[0]!.technique, 'T1021.008');
  assert.equal(sigma[0]!['userIdentity.arn'], 'arn:aws:iam::111122223333:user/intruder');
  assert.ok(alerts.some((a) => a.rule_id === 'aws-ec2-serial-console-ssh-key-t1021-008'), 'the SPL rule alerts on the same pass');
  assert.match(err, /Sigma: 1 loaded, 0 refused; 1 run, 0 skipped .*; 1 alerts/);
});

test('detect --sigma with OCSF output describes the Sigma rule as the analytic', async () => {
  const { logs, sigmaDir, rulesDir } = setup(SIGMA_RULE);
  let out = '';
  const code = await runDetect({ paths: [logs], rulesDir, sigmaDir, format: 'ocsf', tuned: true }, (s) => void (out += s), () => {});
  assert.equal(code, 0);
  const finding = JSON.parse(out.trim().split('\n')[0]!) as { finding_info: { analytic: { uid: string } }; attacks: { technique: { uid: string } }[] };
  assert.equal(finding.finding_info.analytic.uid, '5d1c0f59-0000-4000-8000-000000000001');
  assert.equal(finding.attacks[0]!.technique.uid, 'T1021');
});

test('a Sigma rule sightline cannot run is refused with its code; the SPL rules still run (exit 0)', async () => {
  const { logs, sigmaDir } = setup(SIGMA_RULE.replace('eventName: sendserialconsolesshpublickey', 'eventName|hour: 3'));
  let out = '';
  let err = '';
  const code = await runDetect({ paths: [logs], rulesDir: 'rules', sigmaDir, format: 'json', tuned: true }, (s) => void (out += s), (s) => void (err += s));
  assert.equal(code, 0, err);
  assert.match(err, /rule\.yml:1:1: refused SIGMA-UNSUPPORTED-MODIFIER/);
  assert.match(err, /Sigma: 0 loaded, 1 refused: 1 SIGMA-UNSUPPORTED-MODIFIER/);
  assert.ok(out.includes('aws-ec2-serial-console-ssh-key-t1021-008'), 'the SPL alerts are kept');
});

test('with strict, the same refusal exits 2 before any log is read', async () => {
  const { logs, sigmaDir, rulesDir } = setup(SIGMA_RULE.replace('eventName: sendserialconsolesshpublickey', 'eventName|hour: 3'));
  let out = '';
  let err = '';
  const code = await runDetect({ paths: [logs], rulesDir, sigmaDir, format: 'json', tuned: true, strict: true }, (s) => void (out += s), (s) => void (err += s));
  assert.equal(code, 2);
  assert.equal(out, '');
  assert.match(err, /SIGMA-UNSUPPORTED-MODIFIER/);
});
