// The SQL target recognises a record's sourcetype from its shape (src/backends/sql/mapping.yml). That must
// agree with the ingest's detection (src/ingest/sourcetypes), or SQL and native would read different
// events: this counts records per file and sourcetype both ways over every fixture set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance } from '@duckdb/node-api';
import { readEvents } from '../../src/ingest/read.ts';
import { KNOWN_SOURCETYPES } from '../../src/backends/sourcetype.ts';
import { SQL_PRELUDE } from '../../src/backends/sql/index.ts';
import { sourcetypeCase } from '../../src/backends/sql/detect.ts';
import { filesCte, openWrappers } from '../../src/backends/sql/reader.ts';

const SETS = [
  ['test/fixtures/translate/*.ndjson'],
  ['test/fixtures/real/stratus-red-team/*.json'],
  ['test/fixtures/real/otrf-security-datasets/*.json'],
  ['demo/eventhub/**/*.json', 'demo/azure-activity-api/**/*.json', 'demo/o365/**/*.json'],
];

async function nativeCounts(files: string[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for await (const e of readEvents(files)) {
    const key = KNOWN_SOURCETYPES.includes(e.sourcetype as never) ? e.sourcetype : 'other';
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

async function sqlCounts(files: string[]): Promise<Record<string, number>> {
  const inst = await DuckDBInstance.create(':memory:');
  const conn = await inst.connect();
  try {
    for (const s of SQL_PRELUDE) await conn.run(s);
    // The generated query's own reader and sourcetype column.
    const reader = await conn.runAndReadAll(`
      WITH ${filesCte(files)}, raw AS (${openWrappers('files')})
      SELECT coalesce(${sourcetypeCase(KNOWN_SOURCETYPES)}, 'other') AS st, count(*)::INTEGER AS n FROM raw GROUP BY 1`);
    return Object.fromEntries(reader.getRowObjectsJS().map((r) => [String(r.st), Number(r.n)]));
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
}

for (const files of SETS) {
  test(`SQL and ingest give the same sourcetypes over ${files.join(', ')}`, async () => {
    const native = await nativeCounts(files);
    assert.ok(Object.keys(native).length > 0, 'the fixture set has records');
    assert.deepEqual(await sqlCounts(files), native);
  });
}
