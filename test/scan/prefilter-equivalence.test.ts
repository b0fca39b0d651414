// The fast scan path returns exactly what the ingest reader + executor return: same rows, same order, same
// _time, with and without the byte prefilter, in one thread and across workers, on tricky input (JSON
// escapes, case, OR/NOT, Records batches, timeless records, malformed lines). The prefilter may only
// reject a line when no matching event could come from it ("Bad input never ... loses data").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planQuery } from '../../src/plan/index.ts';
import { runQuery } from '../../src/exec/run.ts';
import { readEvents, type MalformedInput } from '../../src/ingest/read.ts';
import { scanQueries, type ScanRunOptions } from '../../src/scan/run-scan.ts';
import { TRICKY_QUERIES, trickyText } from './tricky-input.ts';

const dir = mkdtempSync(join(tmpdir(), 'sightline-scan-'));
const file = join(dir, 'tricky.ndjson');
writeFileSync(file, trickyText());
const gz = join(dir, 'tricky.ndjson.gz');
writeFileSync(gz, gzipSync(trickyText()));
const NOW = Date.parse('2026-02-01T00:00:00Z') / 1000;

async function reference(spl: string, path: string): Promise<unknown[]> {
  const rows = await runQuery(planQuery(spl), readEvents([path], { host: 'h' }), { now: NOW });
  return rows.map((r) => r.toJSON());
}

async function scanned(spl: string, path: string, opts: ScanRunOptions): Promise<unknown[]> {
  const rows: unknown[] = [];
  await scanQueries([planQuery(spl)], [path], (_, r) => rows.push(r.toJSON()), { host: 'h', now: NOW, ...opts });
  return rows;
}

const MODES: readonly [string, ScanRunOptions][] = [
  ['prefilter, one thread', { threads: 1 }],
  ['no prefilter, one thread', { threads: 1, prefilter: false }],
  ['prefilter, whole-record parse instead of the projection', { threads: 1, projection: false }],
  ['no prefilter, no projection', { threads: 1, prefilter: false, projection: false }],
  ['prefilter, two worker threads, small ranges', { threads: 2, rangeBytes: 512 }],
];

for (const spl of TRICKY_QUERIES) {
  test(`scan path equals the reader: ${spl}`, async () => {
    const expected = await reference(spl, file);
    for (const [label, opts] of MODES) assert.deepEqual(await scanned(spl, file, opts), expected, label);
    assert.deepEqual(await scanned(spl, gz, { threads: 1 }), await reference(spl, gz), 'gzip');
  });
}

test('the tricky queries find the case-folded, batched and Kelvin-sign events (the input exercises the guards)', async () => {
  // Search field values are case-insensitive (spl-semantics.md); the Records batch line holds one more.
  const rows = await scanned('eventName=OpenTunnel | table _time, eventName', file, { threads: 1 });
  assert.deepEqual(
    rows.map((r) => (r as { eventName: string }).eventName),
    // The second is the record whose bytes spell \u004fpenTunnel: its decoded value matches (tricky-input.ts).
    ['OpenTunnel', 'OpenTunnel', 'opentunnel', 'OPENTUNNEL', 'OpenTunnel'],
  );
  const kelvin = await scanned('openkey | table eventName', file, { threads: 1 });
  assert.deepEqual(kelvin, [{ eventName: 'Open\u212Aey' }]);
});

test('a timeless record takes the time of the record before it even when the prefilter skipped that one', async () => {
  const rows = await scanned('"no time here" | table _time', file, { threads: 1 });
  assert.deepEqual(rows, [{ _time: Date.parse('2026-01-05T10:10:00Z') / 1000 }]);
});

test('malformed lines are reported on the same lines as the reader reports them', async () => {
  const fromReader: MalformedInput[] = [];
  for await (const _ of readEvents([file], { onMalformed: (m) => fromReader.push(m) })) void _;
  const fromScan: MalformedInput[] = [];
  await scanQueries([planQuery('* | stats count')], [file], () => {}, { threads: 1, onMalformed: (m) => fromScan.push(m) });
  // Same lines reported; the wording may differ (the scan path always reads a file as one record per line).
  assert.deepEqual(
    fromScan.map((m) => m.line),
    fromReader.map((m) => m.line),
  );
  assert.ok(fromScan.length >= 2);
});

test('the prefilter parses fewer lines than the input has for a selective query, and all lines without it', async () => {
  const plans = [planQuery('eventName=SendSSHPublicKey | table _time')];
  const on = await scanQueries(plans, [file], () => {}, { threads: 1 });
  const off = await scanQueries(plans, [file], () => {}, { threads: 1, prefilter: false });
  assert.ok(on.eventsParsed < off.eventsParsed, `${on.eventsParsed} < ${off.eventsParsed}`);
  assert.equal(on.inputs.lines, 1);
});
