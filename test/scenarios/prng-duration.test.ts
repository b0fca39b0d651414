// The seeded generator and the duration parser that every scenario relies on for determinism.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Prng } from '../../src/scenarios/prng.ts';
import { parseDuration } from '../../src/scenarios/duration.ts';

test('the same seed gives the same stream; another seed gives another', () => {
  const a = new Prng('seed-1');
  const b = new Prng('seed-1');
  const c = new Prng('seed-2');
  const sa = Array.from({ length: 20 }, () => a.next());
  assert.deepEqual(sa, Array.from({ length: 20 }, () => b.next()));
  assert.notDeepEqual(sa, Array.from({ length: 20 }, () => c.next()));
  for (const x of sa) assert.ok(x >= 0 && x < 1);
});

test('forks are independent of how much the parent or siblings consumed', () => {
  const p1 = new Prng(7);
  const p2 = new Prng(7);
  p2.next();
  p2.fork('other').next();
  assert.equal(p1.fork('step:3').uuid(), p2.fork('step:3').uuid());
});

test('int, pick, uuid and chars stay in their ranges', () => {
  const r = new Prng('ranges');
  for (let i = 0; i < 200; i++) {
    const n = r.int(3, 5);
    assert.ok(n >= 3 && n <= 5 && Number.isInteger(n));
  }
  assert.throws(() => r.pick([]), /empty/);
  assert.match(r.uuid(), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.match(r.chars(16), /^[A-Z2-7]{16}$/);
});

const DURATIONS: [string | number, number | null][] = [
  ['0s', 0],
  ['90s', 90],
  ['5m', 300],
  ['1h30m', 5400],
  ['2d', 172800],
  ['250ms', 0.25],
  ['45', 45],
  [12, 12],
  ['', null],
  ['5 minutes', null],
  ['m5', null],
  ['1h x', null],
  [-3, null],
];
for (const [text, seconds] of DURATIONS) {
  test(`parseDuration(${JSON.stringify(text)}) = ${seconds}`, () => {
    assert.equal(parseDuration(text), seconds);
  });
}
