// The row comparison can fail: a peer that misses a key, a row or a value is reported, and every rule of
// rules/ over the dataset's sourcetypes has an idiomatic query (a rule without one would be reported as
// differing, never skipped).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idiomaticRuleIds } from '../../src/bench/idiomatic.ts';
import { differingKeys } from '../../src/bench/result.ts';
import { loadRules } from '../../src/rules/load.ts';
import { inBenchPack, RULES_DIR } from '../../src/bench/query-names.ts';

const sightline = { a: [{ User: 'x', Count: 2 }], b: [{ IPs: ['1.1.1.1', '2.2.2.2'] }] };

test('equal rows (numbers as text, one-element lists as values) are not reported', () => {
  assert.deepEqual(differingKeys(sightline, { a: [{ User: 'x', Count: '2', Extra: null }], b: [{ IPs: ['1.1.1.1', '2.2.2.2'] }] }, true), []);
});

test('a missing key, an extra row or another value is reported', () => {
  assert.deepEqual(differingKeys(sightline, { a: [{ User: 'x', Count: 2 }] }, true), ['b']);
  assert.deepEqual(differingKeys(sightline, { a: [{ User: 'x', Count: 2 }, { User: 'y', Count: 1 }], b: sightline.b }, true), ['a']);
  assert.deepEqual(differingKeys(sightline, { a: sightline.a, b: [{ IPs: ['2.2.2.2', '1.1.1.1'] }] }, true), ['b']);
  assert.deepEqual(differingKeys(sightline, { a: [{ User: 'X', Count: 2 }] }, false), ['a']);
});

test('every rule of rules/ over the bench dataset\'s sourcetypes has an idiomatic query', async () => {
  const ids = (await loadRules(RULES_DIR)).filter(inBenchPack).map((r) => r.id).sort();
  assert.deepEqual(idiomaticRuleIds(), ids);
});
