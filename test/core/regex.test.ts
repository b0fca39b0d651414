// The safe regex module: PCRE -> RE2 translation (one test per row of docs/regex.md), refusal codes,
// match/replace APIs, the catastrophic-backtracking guard, and the cache and input bounds.
// Splunk's regex semantics: match() "Returns TRUE if the regular expression finds a match against any
// substring of the string value" (unanchored PCRE); rex sed mode uses `s/regex/replacement/flags` with
// `\n` backreferences (Search Reference, rex command).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SightlineError } from '../../src/core/diagnostics.ts';
import { compileRegex, MAX_REGEX_INPUT, REGEX_CACHE_SIZE, regexCacheSize, translatePcre } from '../../src/core/regex.ts';

function failsWith(pattern: string, code: string): void {
  assert.throws(
    () => compileRegex(pattern),
    (err: unknown) => err instanceof SightlineError && err.diagnostic.code === code && (err.diagnostic.hint ?? '').length > 0,
    `${pattern} -> ${code}`,
  );
}

// [pattern, subject, expected first match text or null, expected named groups]
type TranslateRow = readonly [string, string, string | null, Record<string, string | undefined>?];

const translated: readonly TranslateRow[] = [
  ['(?<user>\\w+)@', 'bob@x', 'bob@', { user: 'bob' }],
  ['(?P<user>\\w+)@', 'bob@x', 'bob@', { user: 'bob' }],
  ["(?'user'\\w+)@", 'bob@x', 'bob@', { user: 'bob' }],
  ['(?i)error', 'An ERROR here', 'ERROR'],
  ['(?s:a.b)', 'a\nb', 'a\nb'],
  ['a.b', 'a\nb', null],
  ['(?m)^b$', 'a\nb\nc', 'b'],
  ['(?U)a+', 'aaa', 'a'],
  ['\\d+\\b', 'id 1234 x', '1234'],
  ['\\Aab', 'abab', 'ab'],
  ['a\\sb', 'a\x0bb', 'a\x0bb'],
  ['a\\Sb', 'a\x0bb', null],
  ['error$', 'error\n', 'error\n'],
  ['error$', 'error here', null],
  ['abc\\Z', 'abc\n', 'abc\n'],
  ['a\\hb', 'a\tb', 'a\tb'],
  ['a\\Hb', 'a\tb', null],
  ['a\\vb', 'a\nb', 'a\nb'],
  ['a\\Vb', 'a-b', 'a-b'],
  ['a\\Rb', 'a\r\nb', 'a\r\nb'],
  ['\\e\\[', '\x1b[', '\x1b['],
  ['\\cA', '\x01', '\x01'],
  ['\\041', '!', '!'],
  ['\\Qa.b\\E', 'axb a.b', 'a.b'],
  ['\\x{41}\\p{L}', 'AB', 'AB'],
  ['a(?#note)b', 'ab', 'ab'],
  ['\\/\\-\\_', '/-_', '/-_'],
  ['a{b', 'a{b', 'a{b'],
  ['[\\s]+', 'x \t y', ' \t '],
  ['[\\h]', 'a\tb', '\t'],
  ['[]a]+', 'x]a]', ']a]'],
];

for (const [pattern, subject, expected, groups] of translated) {
  test(`docs/regex.md table: ${JSON.stringify(pattern)} on ${JSON.stringify(subject)}`, () => {
    const m = compileRegex(pattern).exec(subject);
    assert.equal(m ? m.match : null, expected);
    if (groups) assert.deepEqual(m?.groups, groups);
  });
}

const refused: readonly string[] = [
  '(?x) a b', '(a)\\1', 'a\\g1', '(?<n>a)\\k<n>', '(?P<n>a)(?P=n)', 'a(?=b)', 'a(?!b)', '(?<=a)b', '(?<!a)b',
  'a++', 'a*+', 'a?+', 'a{2}+', '(?>a+)', '(a)(?(1)b)', '(?R)', '(?1)', '(?|a|b)', '\\Ga', 'a\\Kb', '\\X', 'a\\C', '(*UTF8)a', '[\\R]',
];

for (const pattern of refused) {
  test(`docs/regex.md table: ${JSON.stringify(pattern)} is refused with SPL-REGEX-UNSUPPORTED`, () => {
    failsWith(pattern, 'SPL-REGEX-UNSUPPORTED');
  });
}

test('regex: invalid patterns fail with SPL-REGEX-INVALID', () => {
  for (const p of ['(ab', 'a)', '[a-', '*a', '(?<1n>a)']) failsWith(p, 'SPL-REGEX-INVALID');
});

test('regex: the refusal message names the construct and its position', () => {
  try {
    compileRegex('ab(?=c)');
    assert.fail('expected an error');
  } catch (err) {
    assert.ok(err instanceof SightlineError);
    assert.match(err.message, /lookahead at offset 2/);
  }
});

test('regex: (a+)+$ on 50k "a" and a "!" finishes with no match (no catastrophic backtracking)', () => {
  const subject = 'a'.repeat(50_000) + '!';
  const re = compileRegex('(a+)+$');
  assert.equal(re.test(subject), false);
  assert.equal(re.exec(subject), null);
  assert.equal(compileRegex('(a|aa)+$').test(subject), false);
  assert.equal(compileRegex('(a+)+$').exec('aaaa')?.captures[0], 'aaaa');
});

test('regex: exec gives index, groups and captures; an unmatched group is undefined', () => {
  const m = compileRegex('(?<k>\\w+)=(\\d+)?').exec('x: key= rest');
  assert.deepEqual(m, { match: 'key=', index: 3, groups: { k: 'key' }, captures: ['key', undefined] });
  assert.deepEqual(compileRegex('(?<a>.)(?<b>.)').groupNames, ['a', 'b']);
});

test('regex: execAll honours max (rex max_match) and handles empty matches', () => {
  const re = compileRegex('(?<n>\\d+)');
  assert.deepEqual(re.execAll('1 22 333', 0).map((m) => m.groups.n), ['1', '22', '333']);
  assert.deepEqual(re.execAll('1 22 333', 2).map((m) => m.match), ['1', '22']);
  assert.deepEqual(compileRegex('x*').execAll('ab', 0).map((m) => m.index), [0, 1, 2]);
  assert.deepEqual(re.execAll('', 0), []);
});

test('regex: replace supports \\N backreferences, global and nth (sed flags)', () => {
  const re = compileRegex('(\\w)(\\d)');
  assert.equal(re.replace('a1 b2 c3', '\\2\\1'), '1a b2 c3', 'first match only by default');
  assert.equal(re.replace('a1 b2 c3', '\\2\\1', { global: true }), '1a 2b 3c');
  assert.equal(re.replace('a1 b2 c3', '<\\0>', { nth: 2 }), 'a1 <b2> c3');
  assert.equal(re.replace('a1', '\\\\1'), '\\1', 'an escaped backslash is literal');
  assert.equal(compileRegex('(x)?y').replace('y', '[\\1]'), '[]', 'an unmatched group inserts nothing');
  assert.equal(re.replace('none', 'z', { global: true }), 'none');
});

test('regex: indexes are UTF-16 offsets and . matches a whole code point', () => {
  assert.equal(compileRegex('a').exec('😀a')?.index, 2);
  assert.equal(compileRegex('(.)').replace('é😀', '[\\1]', { global: true }), '[é][😀]');
});

test('regex: case-insensitive compile option', () => {
  assert.equal(compileRegex('abc', { caseInsensitive: true }).test('xABCx'), true);
  assert.equal(compileRegex('abc').test('xABCx'), false);
});

test(`regex: input is examined up to MAX_REGEX_INPUT (${MAX_REGEX_INPUT}) code units`, () => {
  const re = compileRegex('needle', { maxInput: 10 });
  assert.equal(re.test('0123needle'), true);
  assert.equal(re.test('01234needle'), false, 'the needle starts inside but ends past the bound');
  assert.equal(compileRegex('x', { maxInput: 3 }).replace('xxxxx', 'y', { global: true }), 'yyyxx', 'the rest is appended unchanged');
});

test(`regex: the cache holds at most ${REGEX_CACHE_SIZE} patterns and returns the same object for a hit`, () => {
  const a = compileRegex('cache-probe-\\d');
  assert.equal(compileRegex('cache-probe-\\d'), a);
  for (let i = 0; i < REGEX_CACHE_SIZE + 20; i++) compileRegex(`fill${i}`);
  assert.equal(regexCacheSize(), REGEX_CACHE_SIZE);
  assert.notEqual(compileRegex('cache-probe-\\d'), a, 'evicted and recompiled');
});

test('regex: translatePcre output for representative rows', () => {
  assert.equal(translatePcre('(?<n>a)'), '(?P<n>a)');
  assert.equal(translatePcre('a\\s'), 'a[\\t\\n\\x0b\\f\\r ]');
  assert.equal(translatePcre('(?m)a$'), '(?m)a$', 'with the m flag, $ is already per line');
  assert.equal(translatePcre('a{2,3}'), 'a{2,3}');
});
