// Mathematical and statistical eval functions. Citations: Splunk Search Reference "Mathematical functions"
// and "Statistical eval functions" (help.splunk.com .../9.4/evaluation-functions/...).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callFunction, runTable, seeded, type Row } from './table.ts';

const rows: Row[] = [
  // abs: "returns the absolute value of a number".
  ['abs', [-3.5], 3.5],
  ['abs', ['-7'], 7, 'numeric text is a number'],
  ['abs', ['abc'], null, 'non-numeric gives NULL'],
  ['abs', [null], null],
  ['abs', [''], null],
  // ceiling/ceil: "rounds a number up to the next highest integer"; floor: "rounds a number down to the
  // nearest whole integer".
  ['ceiling', [1.2], 2],
  ['ceil', [-1.2], -1],
  ['floor', [1.8], 1],
  ['floor', [-1.2], -2],
  ['floor', [['2.5', '9']], 2, 'a multivalue uses its first value'],
  // round: "returns X rounded to the number of decimal places specified by Y. The default is to round to an
  // integer." Examples: round(3.5) returns 4; round(2.555, 2) returns 2.56.
  ['round', [3.5], 4],
  ['round', [2.555, 2], 2.56],
  ['round', [-2.5], -3, 'halves round away from zero'],
  ['round', [1.005, 2], 1.01, 'no binary noise'],
  ['round', [1234.5678, -2], 1200],
  ['round', ['x', 1], null],
  ['round', [2.5, 'x'], null],
  // exp, ln, log, pow, sqrt.
  ['exp', [0], 1],
  ['exp', [1], { approx: Math.E }],
  ['ln', [1], 0],
  ['ln', [0], null, 'ln(0) is not a number: NULL'],
  ['ln', [-1], null],
  // log: "If the second argument is omitted, this function evaluates the logarithm of number with base 10."
  ['log', [100], { approx: 2 }],
  ['log', [8, 2], { approx: 3 }],
  ['log', [0], null],
  ['log', [8, 1], null, 'base 1 has no logarithm'],
  ['pow', [2, 10], 1024],
  ['pow', ['3', '2'], 9],
  ['pow', [2, null], null],
  ['sqrt', [9], 3],
  ['sqrt', [-4], null],
  ['pi', [], { approx: Math.PI }],
  ['exact', [3.25], 3.25],
  // max/min: "This function takes one or more values and returns the maximum value. Strings are greater
  // than numbers." (Statistical eval functions)
  ['max', [1, 3, 2], 3],
  ['max', ['10', 9], 10, 'numeric text compares numerically'],
  ['max', [3, 'abc'], 'abc', 'strings are greater than numbers'],
  ['max', ['abc', 'abd'], 'abd'],
  ['max', [['1', '5'], 4], 5, 'multivalue arguments contribute every value'],
  ['max', [null, 2], 2, 'NULL arguments are skipped'],
  ['max', [null], null],
  ['min', [3, 'abc', 1], 1, 'numbers are smaller than strings'],
  ['min', ['b', 'a'], 'a'],
  ['min', ['-1', 0], -1],
];

runTable('math', rows);

// random: "This function takes no arguments and returns a pseudo-random integer ranging from zero to 2^31-1."
test('math: random() is an integer in [0, 2^31-1] and reproducible with a seeded generator', () => {
  const values = [0, 1, 2, 3, 4].map(() => callFunction('random', [], { random: seeded(7) }));
  for (const v of values) {
    assert.equal(typeof v, 'number');
    assert.ok(Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 2 ** 31 - 1);
  }
  assert.equal(new Set(values).size, 1, 'the same seed gives the same first number');
  assert.equal(callFunction('random', [], { random: () => 0 }), 0);
  assert.equal(callFunction('random', [], { random: () => 0.9999999999 }), 2 ** 31 - 1);
});
