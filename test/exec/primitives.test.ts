// Table-driven tests of the matching and ordering primitives, with null and multivalue rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGlob } from '../../src/exec/glob.ts';
import { likeMatch } from '../../src/exec/like.ts';
import { parseCsv } from '../../src/exec/csv.ts';
import { compileSearchMatch, evalCompare, sortCompare } from '../../src/exec/compare-values.ts';
import type { CompareOp } from '../../src/plan/nodes.ts';
import type { Value } from '../../src/core/value.ts';

const GLOB: [string, string, boolean][] = [
  ['abc', 'ABC', true],
  ['a*c', 'abbbc', true],
  ['a*c', 'ab', false],
  ['*', '', true],
  ['a**b', 'ab', true],
  ['*x*y*', 'axbyc', true],
  ['*x*y*', 'aybxc', false],
  ['ab*ab', 'ab', false],
];
for (const [pat, value, want] of GLOB) {
  test(`glob ${pat} ~ ${JSON.stringify(value)}`, () => {
    assert.equal(compileGlob({ text: pat, wildcard: true, caseSensitive: false })(value), want);
  });
}

test('glob is linear on a pathological pattern (no backtracking blow-up)', () => {
  const m = compileGlob({ text: '*a*a*a*a*a*a*a*a*b', wildcard: true, caseSensitive: false });
  assert.equal(m('a'.repeat(5000)), false);
});

const LIKE: [string, string, boolean][] = [
  ['admin', 'adm%', true],
  ['Admin', 'adm%', false],
  ['10.0.0.7', '10.0.0._', true],
  ['10.0.0.17', '10.0.0._', false],
  ['', '%', true],
  ['abc', '%b%', true],
  ['a%c', 'a%c', true],
];
for (const [value, pat, want] of LIKE) {
  test(`like(${JSON.stringify(value)}, ${JSON.stringify(pat)})`, () => assert.equal(likeMatch(value, pat), want));
}

const SEARCH: [CompareOp, string, Value, boolean][] = [
  ['=', 'Bob', 'bob', true],
  ['=', 'b*', ['alice', 'bob'], true],
  ['=', 'carol', ['alice', 'bob'], false],
  ['=', 'x', null, false],
  ['!=', 'x', null, false],
  ['!=', 'x', 'y', true],
  ['!=', 'bob', ['alice', 'bob'], false],
  ['=', '*', '', true],
  ['=', '10', '10.0', true],
  ['>', '9', '10', true],
  ['>', '9', 'a', true],
  ['<', '5', ['1', '100'], true],
];
for (const [op, pat, value, want] of SEARCH) {
  test(`search match ${JSON.stringify(value)} ${op} ${pat}`, () => {
    assert.equal(compileSearchMatch(op, { text: pat, wildcard: pat.includes('*'), caseSensitive: false })(value), want);
  });
}

const EVAL: [CompareOp, Value, Value, boolean | null][] = [
  ['=', 'a', 'A', false],
  ['=', '10', 10, true],
  ['=', null, 'a', null],
  ['!=', 'a', null, null],
  ['<', '9', '10', true],
  ['<', 'b', 'a', false],
  ['=', ['x', 'y'], 'y', true],
];
for (const [op, a, b, want] of EVAL) {
  test(`eval ${JSON.stringify(a)} ${op} ${JSON.stringify(b)}`, () => assert.equal(evalCompare(op, a, b), want));
}

test('sort: missing values last in both directions; numbers before strings', () => {
  const values: Value[] = ['b', null, 10, 'A', 9, ['2', 'z']];
  const asc = [...values].sort((x, y) => sortCompare(x, y, 'auto', false));
  assert.deepEqual(asc, [['2', 'z'], 9, 10, 'A', 'b', null]);
  const desc = [...values].sort((x, y) => sortCompare(x, y, 'auto', true));
  assert.deepEqual(desc, ['b', 'A', 10, 9, ['2', 'z'], null]);
});

test('csv: quotes, escaped quotes, embedded newlines, CRLF, empty cells as null', () => {
  const t = parseCsv('a,b,c\r\n"x, y","say ""hi""",\r\n"multi\nline",2,3\r\n');
  assert.deepEqual(t.columns, ['a', 'b', 'c']);
  assert.deepEqual(t.rows, [
    ['x, y', 'say "hi"', null],
    ['multi\nline', '2', '3'],
  ]);
});
