// Pure parts of the real-time path and pages: alert keys, rule modes and windows, histogram buckets,
// coverage counts and index filters.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alertKeys, canonicalJson, streamingAlertKeys } from '../../src/web/realtime/alert-key.ts';
import { declaredWindowSeconds, planNeedsWindow } from '../../src/web/realtime/rule-mode.ts';
import { bucketTimes } from '../../src/web/pages/histogram.ts';
import { planQuery } from '../../src/plan/index.ts';

test('canonicalJson ignores key order and undefined members, keeps array order', () => {
  assert.equal(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }], u: undefined }), '{"a":[2,{"c":"x","d":null}],"b":1}');
  assert.equal(canonicalJson({ a: 1, b: 2 }), canonicalJson({ b: 2, a: 1 }));
});

test('alert keys: same input gives the same keys; identical alerts stay distinct by occurrence', () => {
  const a = { rule_id: 'r', _time: 1, user: 'u' };
  const k1 = alertKeys('window:0-3600', [a, { ...a }, { ...a, user: 'v' }]);
  const k2 = alertKeys('window:0-3600', [{ user: 'u', _time: 1, rule_id: 'r' }, a, { ...a, user: 'v' }]);
  assert.deepEqual(k1, k2);
  assert.equal(new Set(k1).size, 3);
  assert.notDeepEqual(alertKeys('window:3600-7200', [a]), alertKeys('window:0-3600', [a]));
});

test('streaming keys depend on the causing event, not on the batch', () => {
  const a = { rule_id: 'r', x: 1 };
  const inBatch1 = streamingAlertKeys('events:1-10', [{ alert: a, eventId: 7 }]);
  const inBatch2 = streamingAlertKeys('events:5-2000', [{ alert: a, eventId: 7 }]);
  assert.deepEqual(inBatch1, inBatch2);
  const two = streamingAlertKeys('events:1-10', [{ alert: a, eventId: 7 }, { alert: a, eventId: 8 }, { alert: a, eventId: null }]);
  assert.equal(new Set(two).size, 3);
  assert.match(two[2]!, /^events:1-10\|/);
});

const MODES: [string, boolean][] = [
  ['sourcetype=x a=1 | eval b=1 | where b=1 | table a, b', false],
  ['sourcetype=x | rex field=a "(?<b>\\d+)" | sort - _time', false],
  ['sourcetype=x | stats count by a', true],
  ['sourcetype=x | eventstats count by a | where count > 1', true],
  ['sourcetype=x | dedup a', true],
  ['sourcetype=x | head 5', true],
  ['sourcetype=x a=1 | append [search sourcetype=y | stats count]', true],
  ['| multisearch [search sourcetype=x a=1] [search sourcetype=y b=2] | table a', false],
];

for (const [spl, windowed] of MODES) {
  test(`rule mode of "${spl}" is ${windowed ? 'windowed' : 'streaming'}`, () => {
    assert.equal(planNeedsWindow(planQuery(spl).root), windowed);
  });
}

test('declared window: seconds or 15m/1h/1d, else one hour', () => {
  const cases: [Record<string, unknown>, number][] = [
    [{}, 3600],
    [{ window: 600 }, 600],
    [{ window: '15m' }, 900],
    [{ realtime: { window: '2h' } }, 7200],
    [{ window: '1d' }, 86400],
    [{ window: 'soon' }, 3600],
    [{ window: -5 }, 3600],
  ];
  for (const [rule, s] of cases) assert.equal(declaredWindowSeconds(rule), s, JSON.stringify(rule));
});

test('histogram buckets: a round span with at most 60 bars, every time counted once, NaN ignored', () => {
  assert.deepEqual(bucketTimes([]), { span: 3600, buckets: [] });
  const t0 = 1767225600;
  const one = bucketTimes([t0 + 10, t0 + 20, Number.NaN]);
  assert.equal(one.span, 60);
  assert.deepEqual(one.buckets, [{ start: t0, count: 2 }]);
  const day = bucketTimes([t0, t0 + 3599, t0 + 3600, t0 + 86399]);
  assert.equal(day.span, 3600);
  assert.equal(day.buckets.length, 24);
  assert.equal(day.buckets[0]!.count, 2);
  assert.equal(day.buckets[1]!.count, 1);
  assert.equal(day.buckets[23]!.count, 1);
  assert.equal(day.buckets.reduce((n, b) => n + b.count, 0), 4);
});

test('histogram buckets take a quarter of a million times without overflowing the stack', () => {
  const times = Array.from({ length: 250_000 }, (_, i) => 1767225600 + i);
  const { buckets } = bucketTimes(times);
  assert.equal(buckets.reduce((n, b) => n + b.count, 0), 250_000);
});
