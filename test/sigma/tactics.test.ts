// Alerts keep every ATT&CK tactic a Sigma rule is tagged with, not only the first (issue #13). Tags follow
// sigma-appendix-tags.md ("attack.<tactic>", e.g. attack.persistence; older rules use underscores).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDetect } from '../../src/cli/commands/detect.ts';
import { attackOfTags } from '../../src/sigma/tags.ts';
import { ct, runYaml, cloudtrailRule } from './helpers.ts';

test('attackOfTags keeps every tactic in tag order, once each; the first is the primary one', () => {
  const a = attackOfTags(['attack.persistence', 'attack.privilege_escalation', 'attack.t1098', 'attack.privilege-escalation', 'cve.2021-1']);
  assert.deepEqual(a.tactics, ['Persistence', 'Privilege Escalation']);
  assert.equal(a.tactic, 'Persistence');
  assert.equal(a.technique, 'T1098');
  assert.deepEqual(attackOfTags(['attack.t1078']).tactics, []);
});

test('an alert of a rule with several tactics carries all of them; one tactic stays a plain value', async () => {
  const several = cloudtrailRule('s:\n  eventName: CreateAccessKey\ncondition: s', 'tags: [attack.persistence, attack.privilege-escalation, attack.t1098]\n');
  const [a] = await runYaml(several, [ct({ eventName: 'CreateAccessKey' })]);
  assert.deepEqual(a?.tactic, ['Persistence', 'Privilege Escalation']);
  const one = cloudtrailRule('s:\n  eventName: CreateAccessKey\ncondition: s', 'tags: [attack.persistence]\n');
  const [b] = await runYaml(one, [ct({ eventName: 'CreateAccessKey' })]);
  assert.equal(b?.tactic, 'Persistence');
});

test('detect prints every tactic in JSON and CSV output (the table shows no tactic column), and one OCSF attack per tactic', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigma-tactics-'));
  const logs = join(dir, 'logs.json');
  writeFileSync(logs, `${JSON.stringify({ eventVersion: '1.08', eventTime: '2026-11-20T16:00:00Z', eventSource: 'iam.amazonaws.com', eventName: 'CreateAccessKey', userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::1:user/a' } })}\n`);
  const sigma = join(dir, 'r.yml');
  writeFileSync(sigma, 'title: key\nid: key-1\ntags: [attack.persistence, attack.privilege-escalation, attack.t1098]\nlogsource: {product: aws, service: cloudtrail}\ndetection: {s: {eventName: CreateAccessKey}, condition: s}\n');
  const run = async (format: string) => {
    let out = '';
    const code = await runDetect({ paths: [logs], rulesDir: 'rules', sigmaDir: sigma, format, tuned: true }, (s) => void (out += s), () => {});
    assert.equal(code, 0);
    return out;
  };
  const json = (await run('json')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).find((a) => a.rule_id === 'key-1');
  assert.deepEqual(json?.tactic, ['Persistence', 'Privilege Escalation']);
  const ocsf = (await run('ocsf')).trim().split('\n').map((l) => JSON.parse(l) as { finding_info: { analytic: { uid: string } }; attacks: { tactic: { name: string } }[] }).find((f) => f.finding_info.analytic.uid === 'key-1');
  assert.deepEqual(ocsf?.attacks.map((x) => x.tactic.name), ['Persistence', 'Privilege Escalation']);
  const csv = await run('csv');
  assert.ok(csv.includes('Persistence') && csv.includes('Privilege Escalation'), 'csv shows both tactics');
});
