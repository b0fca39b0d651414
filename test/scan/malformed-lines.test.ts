// Malformed lines are reported with their line numbers on the scan path, in one thread and across worker
// ranges, and many of them do not make the run quadratic: line numbers come from a per-file index of
// counted checkpoints (scan-file.ts LineIndex) instead of a recount from byte 0 per bad line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { planQuery } from '../../src/plan/index.ts';
import type { MalformedInput } from '../../src/ingest/read.ts';
import { LineIndex } from '../../src/scan/scan-file.ts';
import { scanQueries } from '../../src/scan/run-scan.ts';

const dir = mkdtempSync(join(tmpdir(), 'sightline-malformed-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const good = (i: number) => `{"eventVersion":"1.08","eventTime":"2026-01-01T00:00:00Z","eventSource":"s","eventName":"E${i}"}`;

test('every truncated line is reported at its own line number, in one thread and in workers', async () => {
  const lines: string[] = [];
  const bad: number[] = [];
  for (let i = 1; i <= 3000; i++) {
    if (i % 7 === 0) {
      lines.push(good(i).slice(0, 40));
      bad.push(i);
    } else lines.push(good(i));
  }
  const file = join(dir, 'cut.ndjson');
  writeFileSync(file, lines.join('\n') + '\n');
  for (const opts of [{ threads: 1 }, { threads: 2, rangeBytes: 4096 }]) {
    const malformed: MalformedInput[] = [];
    const rows: unknown[] = [];
    await scanQueries([planQuery('* | stats count')], [file], (_, r) => rows.push(r.toJSON()), { ...opts, onMalformed: (m) => malformed.push(m) });
    assert.deepEqual(rows, [{ count: 3000 - bad.length }]);
    assert.deepEqual(malformed.map((m) => m.line).sort((a, b) => a - b), bad);
  }
});

test('the line index answers from its nearest checkpoint', () => {
  const index = new LineIndex();
  assert.deepEqual(index.floor(500), { offset: 0, line: 1 });
  index.add(1000, 11);
  index.add(300, 4);
  assert.deepEqual(index.floor(999), { offset: 300, line: 4 });
  assert.deepEqual(index.floor(1000), { offset: 1000, line: 11 });
  assert.deepEqual(index.floor(5000), { offset: 1000, line: 11 });
});
