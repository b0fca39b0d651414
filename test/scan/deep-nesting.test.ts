// A record nested past the ingest limit (512 levels, docs/ingest.md) is reported at its line and skipped on
// the scan path too, in one thread and across workers, with or without the projection, and the other
// records' results are kept. Before, the fast path parsed such a line and a later walk overflowed the stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planQuery } from '../../src/plan/index.ts';
import type { MalformedInput } from '../../src/ingest/read.ts';
import { scanQueries, type ScanRunOptions } from '../../src/scan/run-scan.ts';

const dir = mkdtempSync(join(tmpdir(), 'sightline-deep-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const record = (name: string, extra = '') =>
  `{"eventVersion":"1.08","eventTime":"2026-01-01T00:00:00Z","eventSource":"ssm.amazonaws.com","eventName":"${name}"${extra}}`;
const deep = (levels: number) => `,"a":${'['.repeat(levels)}${']'.repeat(levels)}`;
const file = join(dir, 'deep.ndjson');
writeFileSync(file, [record('StartSession'), record('StartSession', deep(10_000)), record('StartSession', deep(511)), record('SendCommand')].join('\n') + '\n');

const MODES: readonly [string, ScanRunOptions][] = [
  ['projection, one thread', { threads: 1 }],
  ['no projection, one thread', { threads: 1, projection: false }],
  ['no prefilter, one thread', { threads: 1, prefilter: false }],
  ['two workers, small ranges', { threads: 2, rangeBytes: 256 }],
];

for (const [label, opts] of MODES) {
  test(`nesting past the limit is reported and skipped, the rest kept: ${label}`, async () => {
    const malformed: MalformedInput[] = [];
    const rows: unknown[] = [];
    await scanQueries([planQuery('eventName=StartSession | stats count')], [file], (_, r) => rows.push(r.toJSON()), { ...opts, onMalformed: (m) => malformed.push(m) });
    assert.deepEqual(rows, [{ count: 2 }]);
    assert.deepEqual(malformed.map((m) => [m.line, m.message]), [[2, 'nesting deeper than 512 levels; record skipped']]);
  });
}
