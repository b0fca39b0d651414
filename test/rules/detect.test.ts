// `sightline detect`: one pass over files with every rule whose sourcetypes are present; json prints one alert
// per line with the required keys, csv a header and rows, ocsf Detection Findings; --suppress folds repeats;
// exit code 0 with a summary on stderr, 2 on usage errors.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDetect } from '../../src/cli/commands/detect.ts';
import { RULES_DIR } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'sl-detect-'));
const ct = (t: string, name: string, ip: string) => ({ eventTime: t, eventSource: 'ssm.amazonaws.com', eventName: name, sourceIPAddress: ip, userIdentity: { type: 'IAMUser', arn: 'arn:aws:iam::111122223333:user/intruder' }, requestParameters: { target: 'i-0abc' } });
// Three StartSession calls by one principal within 20 minutes, one benign call, and a malformed line.
writeFileSync(
  join(dir, 'cloudtrail.json'),
  [ct('2026-11-20T16:00:00Z', 'StartSession', '198.51.100.66'), ct('2026-11-20T16:10:00Z', 'StartSession', '198.51.100.66'), ct('2026-11-20T16:20:00Z', 'StartSession', '198.51.100.66'), ct('2026-11-20T16:30:00Z', 'DescribeInstanceInformation', '198.51.100.66')]
    .map((r) => JSON.stringify(r))
    .join('\n') + '\n{"broken": \n',
);

async function detect(args: { format?: string; suppress?: string; paths?: string[]; fast?: boolean }) {
  let out = '';
  let err = '';
  const code = await runDetect({ paths: args.paths ?? [dir], rulesDir: RULES_DIR, format: args.format ?? 'json', tuned: true, ...(args.suppress ? { suppress: args.suppress } : {}), ...(args.fast === false ? { fast: false } : {}) }, (s) => void (out += s), (s) => void (err += s));
  return { code, out, err };
}

describe('detect', () => {
  it('json: one alert per line with the required keys, from the rules that match', async () => {
    const { code, out } = await detect({});
    assert.equal(code, 0);
    const alerts = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const byRule = new Map<string, number>();
    for (const a of alerts) byRule.set(a.rule_id as string, (byRule.get(a.rule_id as string) ?? 0) + 1);
    assert.deepEqual(Object.fromEntries(byRule), { 'direct-cloud-vm-connection-t1021-008': 3, 'aws-ssm-session-new-principal-t1021-008': 1 });
    for (const a of alerts) {
      for (const k of ['rule_id', 'rule_title', 'technique', 'tactic', 'severity', 'confidence', 'AlertType', '_time']) assert.ok(k in a, `${k} missing`);
      assert.equal(a.technique, 'T1021.008');
      assert.equal(a.tactic, 'Lateral Movement');
    }
    const direct = alerts.find((a) => a.rule_id === 'direct-cloud-vm-connection-t1021-008')!;
    assert.equal(direct.UserARN, 'arn:aws:iam::111122223333:user/intruder');
    assert.equal(direct.TargetInstance, 'i-0abc');
    assert.equal(direct._time, Date.parse('2026-11-20T16:00:00Z') / 1000);
  });

  it('--suppress 1h keeps the first alert per rule and entity', async () => {
    const { out, err } = await detect({ suppress: '1h' });
    const alerts = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(alerts.filter((a) => a.rule_id === 'direct-cloud-vm-connection-t1021-008').length, 1);
    assert.match(err, /2 alerts \(2 suppressed within 1h\)/);
    // Eight rules read only Azure/O365/Google sourcetypes: skipped, as no such events are in the data. The fast
    // path parses only lines some rule may match, so its event count is not pinned; the reader's is all 4.
    assert.match(err, /\d events parsed \(aws:cloudtrail=\d\), 1 malformed; 5 rules run, 8 skipped/);
    // Lines read count every input line, parsed or skipped by the prefilter (issue #14): 4 records and the broken one.
    assert.match(err, /: 5 lines read, \d events parsed/);
    assert.match(err, /cloudtrail\.json:5 \(byte \d+\): invalid JSON/);
    const reader = await detect({ suppress: '1h', fast: false });
    assert.equal(reader.out, out);
    assert.match(reader.err, /: 5 lines read, 4 events parsed \(aws:cloudtrail=4\), 1 malformed; 5 rules run, 8 skipped/);
  });

  it('csv: fixed columns then the table fields', async () => {
    const { out } = await detect({ format: 'csv' });
    const [header, ...rows] = out.trim().split('\n');
    assert.match(header!, /^_time,rule_id,rule_title,technique,tactic,severity,confidence,AlertType,/);
    assert.equal(rows.length, 4);
    assert.match(rows[0]!, /^2026-11-20T16:00:00.000Z,/);
  });

  it('ocsf: one Detection Finding per alert', async () => {
    const { out } = await detect({ format: 'ocsf' });
    const findings = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(findings.length, 4);
    for (const f of findings) assert.equal(f.class_uid, 2004);
  });

  it('table: a header and one line per alert', async () => {
    const { out } = await detect({ format: 'table' });
    const lines = out.trim().split('\n');
    assert.match(lines[0]!, /^TIME\s+SEVERITY\s+TECHNIQUE\s+RULE/);
    assert.equal(lines.length, 5);
  });

  it('drives the read-progress bar up to the input size and stops it before printing, fast path and reader', async () => {
    const size = statSync(join(dir, 'cloudtrail.json')).size;
    for (const fast of [true, false]) {
      const log: string[] = [];
      const progressFor = (total: number) => {
        log.push(`total ${total}`);
        return { update: (bytes: number) => void log.push(`update ${bytes}`), stop: () => void log.push('stop') };
      };
      const req = { paths: [dir], rulesDir: RULES_DIR, format: 'json', tuned: true, fast };
      await runDetect(req, () => void log.push('output'), () => {}, progressFor);
      assert.equal(log[0], `total ${size}`, `fast=${fast}`);
      assert.deepEqual(log.slice(-3), [`update ${size}`, 'stop', 'output'], `fast=${fast}: ${log.join(', ')}`);
    }
  });

  it('usage errors exit 2', async () => {
    assert.equal((await detect({ format: 'xml' })).code, 2);
    assert.equal((await detect({ suppress: 'soon' })).code, 2);
    assert.equal((await detect({ paths: [] })).code, 2);
  });

  it('a rule the engine cannot run is named with file:line:col and exit 2 (fail closed)', async () => {
    const rulesDir = mkdtempSync(join(tmpdir(), 'sl-detect-rules-'));
    const text = readFileSync(join(RULES_DIR, 'aws-ec2-instance-connect-endpoint-tunnel-t1021-008.yml'), 'utf8').replace('  | table _time, AlertType, Principal', '  | transaction Principal\n  | table _time, AlertType, Principal');
    writeFileSync(join(rulesDir, 'aws-ec2-instance-connect-endpoint-tunnel-t1021-008.yml'), text);
    let err = '';
    const code = await runDetect({ paths: [dir], rulesDir, format: 'json', tuned: false }, () => {}, (s) => void (err += s));
    assert.equal(code, 2);
    const line = text.split('\n').findIndex((l) => l.includes('| transaction')) + 1;
    assert.ok(err.includes(`aws-ec2-instance-connect-endpoint-tunnel-t1021-008.yml:${line}:5: SPL-UNSUPPORTED-COMMAND`), err);
    assert.match(err, /1 failed/);
  });

  it('no data for a rule: no alert, even from aggregate rules', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'sl-detect-empty-'));
    writeFileSync(join(empty, 'x.json'), JSON.stringify({ eventTime: '2026-11-20T16:00:00Z', eventSource: 's3.amazonaws.com', eventName: 'GetObject', userIdentity: { arn: 'a' } }) + '\n');
    const { code, out } = await detect({ paths: [empty] });
    assert.equal(code, 0);
    assert.equal(out, '');
  });
});
