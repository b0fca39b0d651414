// Worker threads over byte ranges give exactly the single-threaded result: same rows in the same order,
// for streaming queries, stats and several plans in one pass, with ranges far smaller than the file (so
// range edges fall inside lines, and timeless records sit right after an edge), plus a gzip input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planQuery } from '../../src/plan/index.ts';
import { scanQueries, type ScanRunOptions } from '../../src/scan/run-scan.ts';
import { datasetLines } from '../../src/bench/dataset.ts';
import { trickyLines } from './tricky-input.ts';

const dir = mkdtempSync(join(tmpdir(), 'sightline-par-'));
const lines: string[] = [];
const gen = datasetLines('parallel-test');
for (let i = 0; i < 1500; i++) {
  lines.push(gen.next().value as string);
  if (i % 97 === 0) lines.push(...trickyLines().map((l) => l.replace('\ufeff', '')));
}
const text = lines.join('\n') + '\n';
const file = join(dir, 'data.ndjson');
writeFileSync(file, text);
const gz = join(dir, 'data2.ndjson.gz');
writeFileSync(gz, gzipSync(text));

const QUERIES = [
  'sourcetype="aws:cloudtrail" eventSource="ec2-instance-connect.amazonaws.com" | table _time, eventName, userIdentity.arn',
  'sourcetype="aws:cloudtrail" | stats dc(sourceIPAddress) as n, count by userIdentity.arn',
  '"no time here" | table _time, kind',
  'eventName=OpenTunnel OR sourcetype="azure:monitor:aad:signin" | table _time, sourcetype, eventName',
];

async function run(paths: string[], opts: ScanRunOptions): Promise<unknown[][]> {
  const plans = QUERIES.map((q) => planQuery(q));
  const rows: unknown[][] = plans.map(() => []);
  await scanQueries(plans, paths, (i, r) => rows[i]!.push(r.toJSON()), { host: 'h', ...opts });
  return rows;
}

test('two workers over small byte ranges equal one thread (all queries in one pass)', async () => {
  const one = await run([file], { threads: 1 });
  const two = await run([file], { threads: 2, rangeBytes: 16 * 1024 });
  assert.deepEqual(two, one);
  assert.ok(one[0]!.length > 0 && one[1]!.length > 0 && one[2]!.length > 0, 'every query has rows');
});

test('workers without the prefilter, and across a plain and a gzip file, equal one thread', async () => {
  const one = await run([file, gz], { threads: 1 });
  assert.deepEqual(await run([file, gz], { threads: 2, rangeBytes: 64 * 1024 }), one);
  assert.deepEqual(await run([file, gz], { threads: 2, rangeBytes: 64 * 1024, prefilter: false }), one);
});
