// The bench dataset is deterministic (same seed, same bytes) and realistic enough to route: every line is
// one JSON object that ingest detects as one of the four log sources, in roughly the intended mix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { datasetLines } from '../../src/bench/dataset.ts';
import { detectSourcetype } from '../../src/ingest/make-event.ts';

function take(seed: string, n: number): string[] {
  const out: string[] = [];
  for (const line of datasetLines(seed)) {
    out.push(line);
    if (out.length === n) break;
  }
  return out;
}

test('same seed, same lines; another seed, other lines', () => {
  assert.deepEqual(take('a', 200), take('a', 200));
  assert.notDeepEqual(take('a', 200), take('b', 200));
});

test('every line is detected as one of the four sourcetypes, each present', () => {
  const counts = new Map<string, number>();
  for (const line of take('mix', 3000)) {
    const st = detectSourcetype(JSON.parse(line));
    counts.set(st, (counts.get(st) ?? 0) + 1);
  }
  assert.deepEqual([...counts.keys()].sort(), ['aws:cloudtrail', 'azure:activity', 'azure:monitor:aad:signin', 'o365:management:activity']);
  const ct = counts.get('aws:cloudtrail')!;
  assert.ok(ct > 1500 && ct < 2100, `CloudTrail share ${ct}/3000`);
});
