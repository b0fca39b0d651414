// The tuning filter hook: allowlist CSV rows become NOT(row OR ...) appended to the rule's plan. Table-driven
// over match kinds with null and multivalue rows: a missing field never matches (the alert is kept), a
// multivalue field matches when any value matches (eval semantics of cidrmatch/compare over multivalues).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeEvent } from '../../src/ingest/make-event.ts';
import { runQuery } from '../../src/exec/run.ts';
import { planQuery } from '../../src/plan/index.ts';
import { parseCsv } from '../../src/rules/csv.ts';
import { applyTuning, checkAllowlistFiles, loadAllowlists, tuningPredicate } from '../../src/rules/tuning.ts';
import { allowlistsAsSigmaFilters } from '../../src/rules/sigma-filter.ts';
import type { Allowlist } from '../../src/rules/schema.ts';
import { ruleById } from './helpers.ts';

function tunedRows(match: Allowlist['match'], csv: string, fields: Record<string, string>, records: Record<string, unknown>[]) {
  const dir = mkdtempSync(join(tmpdir(), 'sl-tuning-'));
  writeFileSync(join(dir, 'list.csv'), csv);
  const allowlist: Allowlist = { id: 'l', description: 'd', file: 'list.csv', fields, match };
  const lists = loadAllowlists({ dir, tuning: { allowlists: [allowlist] } });
  // Each record is one JSON event; a JSON array is the multivalue field `ip{}` (KV_MODE=json naming).
  const plan = applyTuning(planQuery("sourcetype=_json | eval ip=coalesce(ip, 'ip{}') | table who, ip"), lists);
  return runQuery(plan, records.map((r) => makeEvent(r, { sourcetype: '_json', time: 1 }))).then((rows) => rows.map((r) => r.get('who')));
}

describe('tuning filter', () => {
  const CASES: readonly [string, Allowlist['match'], string, Record<string, string>, Record<string, unknown>[], unknown[]][] = [
    ['exact drops the listed value only', 'exact', 'user\nbob\n', { user: 'who' }, [{ who: 'bob' }, { who: 'Bob' }, { who: 'alice' }], ['Bob', 'alice']],
    ['exact keeps rows without the field', 'exact', 'user\nbob\n', { user: 'who' }, [{ ip: '1.1.1.1' }], [null]],
    ['wildcard * matches any run', 'wildcard', 'p\narn:aws:sts::*:assumed-role/Ops*/*\n', { p: 'who' }, [{ who: 'arn:aws:sts::1:assumed-role/OpsAdmin/x' }, { who: 'arn:aws:sts::1:assumed-role/Dev/x' }], ['arn:aws:sts::1:assumed-role/Dev/x']],
    ['wildcard: a value without * is exact, so its _ is no wildcard', 'wildcard', 'p\nsvc_ci\n', { p: 'who' }, [{ who: 'svc_ci' }, { who: 'svcXci' }], ['svcXci']],
    ['cidr matches addresses in range', 'cidr', 'net\n10.0.0.0/8\n', { net: 'ip' }, [{ who: 'a', ip: '10.1.2.3' }, { who: 'b', ip: '11.0.0.1' }, { who: 'c' }], ['b', 'c']],
    ['cidr on a multivalue matches when any value is inside', 'cidr', 'net\n10.0.0.0/8\n', { net: 'ip' }, [{ who: 'mv', ip: ['11.0.0.1', '10.0.0.9'] }, { who: 'out', ip: ['11.0.0.1', '12.0.0.1'] }], ['out']],
    ['two columns must both match; an empty cell is ignored', 'exact', 'user,net\nbob,1.1.1.1\ncarol,\n', { user: 'who', net: 'ip' }, [{ who: 'bob', ip: '1.1.1.1' }, { who: 'bob', ip: '2.2.2.2' }, { who: 'carol', ip: '9.9.9.9' }], ['bob']],
    ['an empty list filters nothing', 'exact', 'user\n', { user: 'who' }, [{ who: 'bob' }], ['bob']],
  ];
  for (const [name, match, csv, fields, records, kept] of CASES) {
    it(name, async () => assert.deepEqual(await tunedRows(match, csv, fields, records), kept));
  }

  it('builds the documented predicate shape', () => {
    const p = tuningPredicate([{ allowlist: { id: 'l', description: 'd', file: 'f.csv', fields: { c: 'SourceIP' }, match: 'cidr' }, path: 'f.csv', entries: [{ SourceIP: '10.0.0.0/8' }] }]);
    assert.deepEqual(p, {
      kind: 'not',
      operand: { kind: 'and', items: [{ kind: 'call', fn: 'isnotnull', args: [{ kind: 'field', name: 'SourceIP' }] }, { kind: 'call', fn: 'cidrmatch', args: [{ kind: 'literal', value: '10.0.0.0/8' }, { kind: 'field', name: 'SourceIP' }] }] },
    });
    assert.equal(tuningPredicate([]), null);
  });

  it('exports the allowlists of a rule as Sigma filters with log fields', async () => {
    const rule = await ruleById('direct-cloud-vm-connection-t1021-008');
    const docs = allowlistsAsSigmaFilters(rule, loadAllowlists(rule));
    const cidr = docs.find((d) => d.title.endsWith('admin-networks') && d.logsource.service === 'cloudtrail');
    assert.deepEqual(cidr?.filter, { rules: [rule.id], selection: [{ 'sourceIPAddress|cidr': '10.20.0.0/24' }, { 'sourceIPAddress|cidr': '192.0.2.128/25' }], condition: 'not selection' });
    assert.ok(docs.some((d) => d.logsource.service === 'activitylogs' && d.filter.selection.some((s) => s.caller === 'breakglass-vm@contoso.example')));
  });

  it('checks allowlist files: missing file, missing column, bad CIDR', async () => {
    const rule = await ruleById('aws-ec2-serial-console-ssh-key-t1021-008');
    assert.deepEqual(checkAllowlistFiles(rule), []);
    const dir = mkdtempSync(join(tmpdir(), 'sl-tuning-'));
    writeFileSync(join(dir, 'nets.csv'), 'cidr\n10.0.0.0/33\n');
    const bad = { ...rule, dir, tuning: { allowlists: [{ ...rule.tuning.allowlists[0]!, file: 'nets.csv' }, { ...rule.tuning.allowlists[0]!, id: 'gone', file: 'gone.csv' }, { ...rule.tuning.allowlists[0]!, id: 'col', file: 'nets.csv', fields: { net: 'SourceIP' } }] } };
    assert.deepEqual(checkAllowlistFiles(bad).map((d) => d.code).sort(), ['RULE-TUNING-CIDR', 'RULE-TUNING-COLUMN', 'RULE-TUNING-EMPTY-ROW', 'RULE-TUNING-FILE']);
  });
});

describe('csv', () => {
  it('reads quotes, doubled quotes, CRLF and skips blank lines', () => {
    const t = parseCsv('a,b\r\n"x, y","say ""hi"""\r\n\r\n3,\n');
    assert.deepEqual(t.header, ['a', 'b']);
    assert.deepEqual(t.rows, [{ a: 'x, y', b: 'say "hi"' }, { a: '3', b: '' }]);
    assert.deepEqual(t.lines, [2, 4]);
  });
  it('never throws on an unterminated quote', () => {
    assert.deepEqual(parseCsv('a\n"open').rows, [{ a: 'open' }]);
  });
});
