// The selection policy decides from measured costs whether a block goes through the byte prefilter. The
// costs are given here, so the decisions are deterministic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SelectionPolicy } from '../../src/scan/selection-policy.ts';

const MB = 1024 * 1024;

/** The next `n` decisions, feeding each block the given costs (ms for a 4 MiB block). */
function decisions(policy: SelectionPolicy, n: number, cost: { keptShare: number; searchMs: number; readMsPerMb: number }): boolean[] {
  const out: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const search = policy.searchNext();
    out.push(search);
    const bytes = 4 * MB;
    if (search) policy.recordSearched({ bytes, keptBytes: bytes * cost.keptShare, searchMs: cost.searchMs, readMs: cost.readMsPerMb * 4 * cost.keptShare });
    else policy.recordAll(bytes, cost.readMsPerMb * 4);
  }
  return out;
}

test('a rare filter (few lines kept) always searches', () => {
  const p = new SelectionPolicy();
  assert.ok(decisions(p, 40, { keptShare: 0.001, searchMs: 5, readMsPerMb: 10 }).every(Boolean));
});

test('a cheap search that drops most bytes keeps searching', () => {
  const p = new SelectionPolicy();
  assert.ok(decisions(p, 40, { keptShare: 0.3, searchMs: 4, readMsPerMb: 10 }).every(Boolean));
});

test('a search costing more than reading what it drops is skipped, and re-measured every 16th block', () => {
  const p = new SelectionPolicy();
  // Dropping 10% of 4 MiB saves 4 ms of reading; the search costs 8 ms.
  const d = decisions(p, 49, { keptShare: 0.9, searchMs: 8, readMsPerMb: 10 });
  assert.equal(d[0], true, 'the first block measures');
  const searched = d.map((s, i) => (s ? i : -1)).filter((i) => i >= 0);
  assert.deepEqual(searched, [0, 16, 32, 48]);
});

test('when the data changes so the search pays again, the next re-measure brings it back', () => {
  const p = new SelectionPolicy();
  decisions(p, 20, { keptShare: 0.9, searchMs: 8, readMsPerMb: 10 });
  // Now the search drops 90%: skipping would read 36 ms more per block for 8 ms saved.
  const after = decisions(p, 40, { keptShare: 0.1, searchMs: 8, readMsPerMb: 10 });
  const firstSearch = after.indexOf(true);
  assert.ok(firstSearch >= 0 && firstSearch <= 16);
  assert.ok(after.slice(firstSearch + 4).every(Boolean), 'after a few measured blocks the policy searches every block');
});

test('regions too small to time (a line carried between blocks) change nothing', () => {
  const p = new SelectionPolicy();
  decisions(p, 4, { keptShare: 0.9, searchMs: 8, readMsPerMb: 10 });
  const before = p.searchNext();
  p.recordSearched({ bytes: 1000, keptBytes: 0, searchMs: 1000, readMs: 0 });
  p.recordAll(1000, 0);
  assert.equal(typeof before, 'boolean');
  assert.equal(decisions(p, 15, { keptShare: 0.9, searchMs: 8, readMsPerMb: 10 }).filter(Boolean).length, 1);
});
