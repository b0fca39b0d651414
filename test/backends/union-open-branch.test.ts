// After multisearch/append, Splunk passes on every field of a branch's events unless the branch narrowed them
// with fields/table. A translation that re-joins branches by column cannot read such a field, so it must fail
// closed with XLATE-UNION-OPEN-BRANCH instead of reading null (it once did: stats after an open branch grouped
// on NULL). A field every open branch made a column is fine, and the SQL then counts the same as the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planQuery } from '../../src/plan/index.ts';
import { translate } from '../../src/backends/registry.ts';
import { translateSqlScript } from '../../src/backends/sql/index.ts';
import { runSqlScript } from '../../src/backends/sql/run-duckdb.ts';
import { runQuery } from '../../src/exec/run.ts';
import { readEvents } from '../../src/ingest/read.ts';
import type { Event } from '../../src/core/event.ts';

const META = { id: 'unit', title: 'union with an open branch' };
const CT = 'sourcetype="aws:cloudtrail" eventName=StartSession';
const AA = 'sourcetype="azure:activity" operationName="Microsoft.Compute/virtualMachines/runCommand/action"';

const errors = (spl: string, target: 'sql' | 'kql') => translate(planQuery(spl), target, META).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
/** SQL and KQL re-join branches by column; both must agree on what is readable after the union. */
const codes = (spl: string) => {
  const sql = errors(spl, 'sql');
  assert.deepEqual(errors(spl, 'kql'), sql, 'KQL and SQL agree');
  return sql;
};

test('a log field read after the union, from a branch without fields/table, is refused by name', () => {
  assert.deepEqual(codes(`| multisearch [search ${CT} | eval Kind="aws"] [search ${AA} | eval Kind="azure" | fields _time, Kind] | stats count by userAgent`), ['XLATE-UNION-OPEN-BRANCH']);
});

test('a column only a narrowed branch made is refused when another branch is open (it may hold that field)', () => {
  assert.deepEqual(codes(`| multisearch [search ${CT} | eval Kind="aws"] [search ${AA} | eval Kind="azure", caller2=caller | fields _time, Kind, caller2] | stats count by caller2`), ['XLATE-UNION-OPEN-BRANCH']);
});

test('narrowed branches translate', () => {
  assert.deepEqual(codes(`| multisearch [search ${CT} | eval Kind="aws" | fields _time, Kind, userAgent] [search ${AA} | eval Kind="azure" | fields _time, Kind] | stats count by userAgent`), []);
});

test('a column every open branch made is read after the union, and DuckDB counts what the engine counts', async () => {
  const spl = `| multisearch [search ${CT} | eval Kind="aws"] [search ${AA} | eval Kind="azure"] | stats count by Kind`;
  assert.deepEqual(codes(spl), []);
  const dir = mkdtempSync(join(tmpdir(), 'sightline-union-'));
  try {
    const file = join(dir, 'events.json');
    writeFileSync(file, [
      { eventTime: '2026-11-20T10:00:00Z', eventSource: 'ssm.amazonaws.com', eventName: 'StartSession', userAgent: 'aws-cli' },
      { eventTime: '2026-11-20T10:01:00Z', eventSource: 'ssm.amazonaws.com', eventName: 'StartSession', userAgent: 'aws-cli' },
      { time: '2026-11-20T10:02:00Z', operationName: 'Microsoft.Compute/virtualMachines/runCommand/action', caller: 'a@example.com', category: 'Administrative', resourceId: '/x' },
    ].map((r) => JSON.stringify(r)).join('\n') + '\n');
    const { script, problems } = translateSqlScript(planQuery(spl), META, { sqlInput: [file] });
    assert.deepEqual(problems.list.filter((d) => d.severity === 'error'), []);
    const sql = (await runSqlScript(script)).map((r) => `${r['Kind']}=${Number(r['count'])}`).sort();
    const events: Event[] = [];
    for await (const ev of readEvents([file])) events.push(ev);
    const native = (await runQuery(planQuery(spl), events)).map((r) => `${r.get('Kind')}=${r.get('count')}`).sort();
    assert.deepEqual(native, ['aws=2', 'azure=1']);
    assert.deepEqual(sql, native);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
