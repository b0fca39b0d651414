// Lexer: token kinds, values and spans, table-driven. Quoting rules from the where docs: "single
// quotation marks" name fields, double quotes make strings; string escapes `\"` and `\\` (Search
// Manual, "Types of expressions": "C:\\windows\\temp"). Block comments are ``` ... ```.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Diagnostic } from '../../src/core/diagnostics.ts';
import { tokenize } from '../../src/spl/lexer.ts';

const kinds = (text: string): string[] => tokenize(text).filter((t) => t.kind !== 'eof').map((t) => `${t.kind}:${t.value}`);

const CASES: [string, string, string[]][] = [
  ['dotted and braced field names are one identifier', 'resources{}.ARN a{1}.b properties.status.errorCode', ['ident:resources{}.ARN', 'ident:a{1}.b', 'ident:properties.status.errorCode']],
  ['a dot between spaces is the concatenation operator', 'a . b', ['ident:a', 'op:.', 'ident:b']],
  ['two-character operators', 'a==b!=c<=d>=e', ['ident:a', 'op:==', 'ident:b', 'op:!=', 'ident:c', 'op:<=', 'ident:d', 'op:>=', 'ident:e']],
  ['single-character operators', '+-*/%,()[]|< > =', ['op:+', 'op:-', 'op:*', 'op:/', 'op:%', 'op:,', 'op:(', 'op:)', 'op:[', 'op:]', 'op:|', 'op:<', 'op:>', 'op:=']],
  ['numbers with fraction and exponent', '10 1.5 .5 2e3 1E-2', ['number:10', 'number:1.5', 'number:.5', 'number:2e3', 'number:1E-2']],
  ['double-quoted string unescapes \\" and \\\\ only', String.raw`"say \"hi\" C:\\temp \d"`, [String.raw`string:say "hi" C:\temp \d`]],
  ['single quotes make a quoted field', "'ModifiedProperties{}.NewValue' '5minutes'", ['quoted-field:ModifiedProperties{}.NewValue', 'quoted-field:5minutes']],
  ['a pipe inside a string is text', '"a | b"', ['string:a | b']],
  ['block comments are skipped', 'a ```comment | with pipe``` b', ['ident:a', 'ident:b']],
  ['wildcards are separate tokens (search glues them back)', 'user*', ['ident:user', 'op:*']],
  ['empty string', '""', ['string:']],
  ['non-ASCII letters are identifier characters', 'Benutzer=Jürgen', ['ident:Benutzer', 'op:=', 'ident:Jürgen']],
];

for (const [title, text, expected] of CASES) {
  test(`lexer: ${title}`, () => assert.deepEqual(kinds(text), expected));
}

test('lexer: spans are offsets into the text and spaceBefore records whitespace', () => {
  const toks = tokenize('ab  ="x"');
  assert.deepEqual(
    toks.map((t) => [t.kind, t.span.start, t.span.end, t.spaceBefore]),
    [
      ['ident', 0, 2, true],
      ['op', 4, 5, true],
      ['string', 5, 8, false],
      ['eof', 8, 8, true],
    ],
  );
});

const ERRORS: [string, string, string, number, number][] = [
  ['unterminated string', 'a="abc', 'SPL-UNTERMINATED-STRING', 2, 6],
  ['unterminated quoted field', "x='abc", 'SPL-UNTERMINATED-QUOTE', 2, 6],
  ['unterminated block comment', 'a ```abc', 'SPL-UNTERMINATED-COMMENT', 2, 8],
  ['unexpanded macro', 'a `m`', 'SPL-UNEXPANDED-MACRO', 2, 3],
];

for (const [title, text, code, start, end] of ERRORS) {
  test(`lexer error: ${title}`, () => {
    const diags: Diagnostic[] = [];
    const toks = tokenize(text, diags);
    assert.equal(toks[toks.length - 1]?.kind, 'eof', 'the token list always ends with eof');
    assert.equal(diags[0]?.code, code);
    assert.deepEqual(diags[0]?.span, { start, end });
  });
}

test('lexer: never throws on arbitrary bytes', () => {
  const nasty = ['\u0000', '\\', '"\\', "'\\'", '``', '```', '{', '}{', '\u{1F600}=1', '\r\n|'];
  for (const s of nasty) assert.doesNotThrow(() => tokenize(s, []), s);
});
