// Smoke test of `npm run bench` on a tiny dataset (0.5 MiB, in a temp dir the test removes). Every query runs
// on the three engines through the bench's own child harness (in this process: spawning 15 children would
// make the test slow) and must return rows on each (the dataset's planted records give every query rows),
// with rows_equal true for the idiomatic and the translated peer. One real CLI run checks the table labels
// and the JSON line. No timing is asserted: numbers on a shared test machine mean nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild, type ChildResult } from '../../src/bench/child.ts';
import { writeDataset } from '../../src/bench/dataset.ts';
import { QUERY_NAMES, readsGzip } from '../../src/bench/query-names.ts';
import { queryResult, type TimedChild } from '../../src/bench/result.ts';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'sightline-bench');
const timed = (r: ChildResult): TimedChild => ({ ...r, process_ms: r.wall_ms });

test('every query returns rows on sightline and both DuckDB peers, and both peers return sightline\'s rows', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-bench-'));
  try {
    const ds = await writeDataset(dir, 0.5);
    for (const name of QUERY_NAMES) {
      const file = readsGzip(name) ? ds.gzip : ds.ndjson;
      const s = timed(await runChild('sightline', name, file));
      const idiomatic = timed(await runChild('duckdb-idiomatic', name, file));
      const translated = timed(await runChild('duckdb-translated', name, file));
      const r = queryResult(name, 0.5, s, idiomatic, translated, null);
      for (const [key, rows] of Object.entries(s.rows)) assert.ok(rows.length > 0, `${name}: sightline has no rows for ${key}`);
      assert.ok(r.rows > 0 && r.rows_idiomatic > 0 && (r.rows_translated ?? 0) > 0, `${name}: rows ${r.rows}/${r.rows_idiomatic}/${r.rows_translated}`);
      assert.equal(r.rows_equal_idiomatic, true, `${name}: idiomatic rows equal`);
      assert.equal(r.rows_equal_translated, true, `${name}: translated rows equal`);
      assert.equal(r.translated_keys, r.keys, `${name}: the translator translates every rule`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI labels both DuckDB columns and prints the JSON object last', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-bench-'));
  try {
    const res = spawnSync(process.execPath, [bin, '--size-mb', '0.5', '--json', '--dir', dir, '--queries', 'rare-filter'], { encoding: 'utf8', timeout: 300_000 });
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /duckdb \(idiomatic\)/);
    assert.match(res.stdout, /duckdb \(translated SQL\)/);
    const last = JSON.parse(res.stdout.trim().split('\n').pop()!) as { size_mb: number; queries: Record<string, unknown>[] };
    assert.equal(last.size_mb, 0.5);
    const [q] = last.queries;
    for (const key of ['sightline_mbps', 'duckdb_idiomatic_mbps', 'duckdb_translated_mbps', 'ratio', 'ratio_translated', 'peak_rss_mb', 'duckdb_idiomatic_peak_rss_mb', 'duckdb_translated_peak_rss_mb']) {
      assert.equal(typeof q![key], 'number', key);
    }
    assert.equal(q!.rows_equal, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bench --help prints the usage and exits 0', () => {
  const res = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
  assert.equal(res.status, 0, res.stderr);
  assert.match(res.stdout, /--no-translated/);
});
