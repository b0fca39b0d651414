import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mv, fromJson, scalarToNumber, numberToString, valueToString } from '../../src/core/value.ts';

test('mv normalises: no values is null, one value is a single value', () => {
  assert.equal(mv([]), null);
  assert.equal(mv(['a']), 'a');
  assert.deepEqual(mv(['a', 'b']), ['a', 'b']);
});

test('JSON arrays become multivalue fields, nested arrays flatten, booleans become strings', () => {
  assert.deepEqual(fromJson(['a', ['b', 'c']]), ['a', 'b', 'c']);
  assert.equal(fromJson(true), 'true');
  assert.equal(fromJson([]), null);
  assert.equal(fromJson(null), null);
});

test('numbers: numeric strings convert, others do not', () => {
  const cases: [string | number, number | null][] = [['12', 12], ['-1.5e3', -1500], [' 12', null], ['', null], ['0x10', null], [3, 3]];
  for (const [input, want] of cases) assert.equal(scalarToNumber(input), want, String(input));
  assert.equal(numberToString(0.1 + 0.2), '0.3');
  assert.equal(valueToString(['a', 'b']), 'a\nb');
});
