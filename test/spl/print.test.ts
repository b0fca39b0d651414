// The printer: strings are re-quoted so the lexer reads back the same value, and ASTs built in code
// (as lint rewrites do) print to text that parses back to the same tree.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pipeline } from '../../src/spl/ast/nodes.ts';
import { parseSpl, printSpl } from '../../src/spl/index.ts';
import { quoteString } from '../../src/spl/print.ts';
import { stripSpans } from './helpers/strip-spans.ts';

const QUOTING: [string, 'search' | 'eval', string][] = [
  ['', 'search', '""'],
  ['plain', 'search', '"plain"'],
  ['say "hi"', 'search', String.raw`"say \"hi\""`],
  [String.raw`C:\temp`, 'search', String.raw`"C:\temp"`],
  [String.raw`ends\\`, 'search', String.raw`"ends\\\\"`],
  [String.raw`\d+`, 'eval', String.raw`"\d+"`],
  [String.raw`C:\temp`, 'eval', String.raw`"C:\\temp"`],
  ['tab\there', 'eval', '"tab\there"'],
];

for (const [value, context, expected] of QUOTING) {
  test(`quoteString(${JSON.stringify(value)}, ${context})`, () => {
    const quoted = quoteString(value, context);
    assert.equal(quoted, expected);
    // The lexer (search) or the eval literal decoder reads back the same value.
    const spl = context === 'eval' ? `| makeresults | eval x=${quoted}` : `x=${quoted}`;
    const { ast } = parseSpl(spl);
    assert.ok(ast);
    const c = ast.commands[context === 'eval' ? 1 : 0];
    const back = c?.kind === 'eval' && c.assignments[0]?.expr.kind === 'string' ? c.assignments[0].expr.value : c?.kind === 'search' && c.expr?.kind === 'compare' ? c.expr.value.text : null;
    assert.equal(back, value);
  });
}

const S = { start: 0, end: 0 };

test('an AST built in code prints and parses back to itself', () => {
  const built: Pipeline = {
    kind: 'pipeline',
    span: S,
    commands: [
      { kind: 'search', implicit: true, span: S, expr: { kind: 'compare', field: 'sourcetype', op: '=', value: { text: 'aws:cloudtrail', quoted: true, span: S }, span: S } },
      { kind: 'eval', span: S, assignments: [{ field: 'Alert Type', span: S, expr: { kind: 'binary', op: '.', span: S, left: { kind: 'string', value: 'a"b', span: S }, right: { kind: 'field', name: 'x y', quoted: true, span: S } } }] },
      { kind: 'rename', span: S, pairs: [{ from: 'a b', to: 'c', span: S }] },
      { kind: 'stats', variant: 'stats', span: S, options: [], by: [{ name: 'user id', span: S }], aggregations: [{ fn: 'values', arg: { kind: 'field', name: 'src ip' }, as: 'values(src ip)', span: S }] },
    ],
  };
  const text = printSpl(built);
  const { ast, diagnostics } = parseSpl(text);
  assert.deepEqual(diagnostics, [], text);
  assert.deepEqual(stripSpans(ast), stripSpans(built), text);
});
