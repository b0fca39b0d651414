// Runs every test/conformance/*.splt case through the whole engine: SPL text -> planQuery -> runQuery.
// Values compare by their string form (so 3 and "3" agree); a multivalue compares as its list of values;
// null in an expected row means the field is missing. rowsort compares rows as sorted lists.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JsonEvent } from '../../src/ingest/json-event.ts';
import { readEvents } from '../../src/ingest/read.ts';
import type { Event } from '../../src/core/event.ts';
import { planQuery } from '../../src/plan/index.ts';
import { runQuery } from '../../src/exec/run.ts';
import { SightlineError } from '../../src/core/diagnostics.ts';
import { scalarToString, type Scalar, type Value } from '../../src/core/value.ts';
import { parseSplt, type SpltEvents } from './splt.ts';

const DIR = new URL('.', import.meta.url).pathname;
const DEFAULT_NOW = 1_700_100_000;
const META = new Set(['_time', 'sourcetype', 'index', 'host', 'source']);

async function toEvents(block: SpltEvents | undefined): Promise<Event[]> {
  if (!block) return [];
  if (block.file) {
    const out: Event[] = [];
    for await (const e of readEvents([join(DIR, '..', block.file)])) out.push(e);
    return out;
  }
  return block.lines.map((line) => {
    const obj = JSON.parse(line) as Record<string, unknown>;
    const rest: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) if (!META.has(k)) rest[k] = v;
    return new JsonEvent(JSON.stringify(rest), {
      time: typeof obj['_time'] === 'number' ? obj['_time'] : 0,
      sourcetype: typeof obj['sourcetype'] === 'string' ? obj['sourcetype'] : 'test:json',
      index: typeof obj['index'] === 'string' ? obj['index'] : 'main',
      host: typeof obj['host'] === 'string' ? obj['host'] : 'testhost',
      source: typeof obj['source'] === 'string' ? obj['source'] : 'test.json',
    });
  });
}

function show(v: Value | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return (v as readonly Scalar[]).map(scalarToString);
  return scalarToString(v as Scalar);
}

function showExpected(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map((x) => scalarToString(x as Scalar));
  return scalarToString(v as Scalar);
}

function rowKey(r: unknown[]): string {
  return JSON.stringify(r);
}

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.splt')).sort()) {
  const spec = parseSplt(readFileSync(join(DIR, file), 'utf8'), file);
  const lookupDir = mkdtempSync(join(tmpdir(), 'sightline-splt-'));
  for (const [name, text] of spec.csvs) writeFileSync(join(lookupDir, name), text);
  for (const c of spec.cases) {
    const title = `${file}:${c.line} ${c.spl.replace(/\s+/g, ' ').slice(0, 90)}`;
    test(title, async () => {
      const events = await toEvents(c.events ? spec.events.get(c.events) : undefined);
      const opts = { now: c.now ?? DEFAULT_NOW, lookupDirs: [lookupDir] };
      if (c.kind === 'error') {
        await assert.rejects(
          async () => runQuery(planQuery(c.spl), events, opts),
          (err: unknown) => err instanceof SightlineError && err.diagnostic.code === c.code,
          `expected ${c.code}`,
        );
        return;
      }
      const out = await runQuery(planQuery(c.spl), events, opts);
      let actual = out.map((r) => c.columns.map((col) => show(r.get(col))));
      let expected = c.rows.map((r) => r.map(showExpected));
      if (c.sort === 'rowsort') {
        actual = actual.sort((a, b) => rowKey(a).localeCompare(rowKey(b)));
        expected = expected.sort((a, b) => rowKey(a).localeCompare(rowKey(b)));
      }
      assert.deepEqual(actual, expected);
    });
  }
}
