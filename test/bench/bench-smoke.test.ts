// Smoke test of `npm run bench` on a tiny dataset (2 MiB): the last line is the documented JSON object with
// every query name, numeric throughputs and rows_equal true (sightline and DuckDB agree). No timing is
// asserted: numbers on a shared test machine mean nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('bench --size-mb 2 --json prints the result object last, with equal rows for every query', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-bench-'));
  const bin = join(import.meta.dirname, '..', '..', 'bin', 'sightline-bench');
  const res = spawnSync(process.execPath, [bin, '--size-mb', '2', '--json', '--dir', dir, '--no-one-by-one'], { encoding: 'utf8', timeout: 600_000 });
  assert.equal(res.status, 0, res.stderr);
  const last = JSON.parse(res.stdout.trim().split('\n').pop()!) as { size_mb: number; queries: Record<string, unknown>[] };
  assert.equal(last.size_mb, 2);
  assert.deepEqual(last.queries.map((q) => q.name), ['rare-filter', 't1021-008', 'stats-dc', 'detect-pack', 'gzip']);
  for (const q of last.queries) {
    for (const key of ['sightline_mbps', 'duckdb_mbps', 'ratio', 'peak_rss_mb']) assert.equal(typeof q[key], 'number', `${q.name}.${key}`);
    assert.equal(q.rows_equal, true, `${q.name} rows equal`);
  }
});
