// Parser rules that carry Splunk semantics, each asserted against a hand-written expected shape
// (independent of the golden files) with the documentation sentence it comes from.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Expr, SearchExpr } from '../../src/spl/ast/nodes.ts';
import { parseSplStrict } from '../../src/spl/index.ts';
import { toSexpr } from '../../src/spl/sexpr.ts';

function searchOf(spl: string): SearchExpr {
  const c = parseSplStrict(spl).commands[0];
  assert.ok(c?.kind === 'search' && c.expr);
  return c.expr;
}
function whereOf(expr: string): Expr {
  const c = parseSplStrict(`| makeresults | where ${expr}`).commands[1];
  assert.ok(c?.kind === 'where');
  return c.expr;
}
/** Shape of a search expression as nested arrays: ['and', ...] / ['or', ...] / ['not', x] / 'field=value'. */
function shape(e: SearchExpr): unknown {
  if (e.kind === 'and' || e.kind === 'or') return [e.kind, ...e.items.map(shape)];
  if (e.kind === 'not') return ['not', shape(e.expr)];
  if (e.kind === 'compare') return `${e.field}${e.op}${e.value.text}`;
  if (e.kind === 'term') return e.value.text;
  return e.kind;
}
function eshape(e: Expr): unknown {
  if (e.kind === 'binary') return [e.op, eshape(e.left), eshape(e.right)];
  if (e.kind === 'unary') return [e.op, eshape(e.operand)];
  if (e.kind === 'field') return e.name;
  if (e.kind === 'number') return e.value;
  return toSexpr(e);
}

// Search Manual, "Boolean expressions with logical operators": "The search command evaluates OR before
// AND operators (XOR is not supported)"; its order table for search is parentheses, NOT, OR, AND.
const SEARCH_PRECEDENCE: [string, unknown][] = [
  ['a=1 b=2 OR c=3', ['and', 'a=1', ['or', 'b=2', 'c=3']]],
  ['a=1 OR b=2 c=3', ['and', ['or', 'a=1', 'b=2'], 'c=3']],
  ['a=1 AND b=2 OR c=3 AND d=4', ['and', 'a=1', ['or', 'b=2', 'c=3'], 'd=4']],
  ['NOT a=1 OR b=2', ['or', ['not', 'a=1'], 'b=2']],
  ['(a=1 b=2) OR c=3', ['or', ['and', 'a=1', 'b=2'], 'c=3']],
];
for (const [spl, expected] of SEARCH_PRECEDENCE) {
  test(`search precedence () > NOT > OR > AND: ${spl}`, () => assert.deepEqual(shape(searchOf(spl)), expected));
}

// Same page: "The eval and where commands evaluate AND before OR operators"; its order table for eval
// and where is parentheses, NOT, AND, OR, XOR.
const EVAL_PRECEDENCE: [string, unknown][] = [
  ['a OR b AND c', ['OR', 'a', ['AND', 'b', 'c']]],
  ['a AND b OR c', ['OR', ['AND', 'a', 'b'], 'c']],
  ['NOT a AND b', ['AND', ['NOT', 'a'], 'b']],
  ['(a OR b) AND c', ['AND', ['OR', 'a', 'b'], 'c']],
  ['NOT x=1 OR y>2', ['OR', ['NOT', ['=', 'x', 1]], ['>', 'y', 2]]],
  ['a + b * c', ['+', 'a', ['*', 'b', 'c']]],
  ['a - b - c', ['-', ['-', 'a', 'b'], 'c']],
  ['a XOR b OR c', ['XOR', 'a', ['OR', 'b', 'c']]],
];
for (const [expr, expected] of EVAL_PRECEDENCE) {
  test(`eval/where precedence () > NOT > AND > OR: ${expr}`, () => assert.deepEqual(eshape(whereOf(expr)), expected));
}

// Search Manual, "Boolean expressions": "The operators must be capitalized" — a lower-case `or`
// or `not` in a search is an ordinary search term.
test('search: lower-case or/not/and are terms', () => {
  assert.deepEqual(shape(searchOf('error or warning not fatal and x')), ['and', 'error', 'or', 'warning', 'not', 'fatal', 'and', 'x']);
});

// where docs: "If the expression references a field name that starts with a numeric character, the field
// name must be surrounded by single quotation marks", with the example '5minutes'="late" (a field equal to
// a string; "Because the value is a string, it must be enclosed in double quotations").
test('where: single quotes name a field, double quotes make a string', () => {
  assert.deepEqual(toSexpr(whereOf(`'5minutes'="late"`)), '(= (field \'5minutes\') (string "late"))');
});

// spl-semantics.md ("Implicit search / term matching"): in search `x=y` compares field x to the literal
// "y"; in where/eval unquoted tokens are field names, so `x=y` compares two fields.
test('search: the right side of = is a literal value; where: it is a field', () => {
  const s = searchOf('user=admin');
  assert.ok(s.kind === 'compare' && s.value.text === 'admin' && !s.value.quoted);
  assert.deepEqual(toSexpr(whereOf('user=admin')), '(= (field user) (field admin))');
});

// Splunk blog "Smooth operator | Searching for multiple field values": `field IN (v1, v2*)` in search
// supports wildcards; in eval/where IN is an exact list of values.
test('IN: search keeps wildcard values, where keeps expressions', () => {
  const s = searchOf('eventName IN (Describe*, "Get*")');
  assert.ok(s.kind === 'in');
  assert.deepEqual(s.values.map((v) => [v.text, v.quoted]), [['Describe*', false], ['Get*', true]]);
  assert.deepEqual(toSexpr(whereOf('eventName IN ("a", "b")')), '(in expr:(field eventName) list:[(string "a") (string "b")])');
});

// spl-semantics.md ("Null handling"): the output column name is the literal call text (`count`,
// `values(user)`, `dc(src)`) unless renamed with AS.
test('stats: default output names are the call text', () => {
  const c = parseSplStrict('| makeresults | stats count values(user) dc(src) as n').commands[1];
  assert.ok(c?.kind === 'stats');
  assert.deepEqual(c.aggregations.map((a) => a.as), ['count', 'values(user)', 'n']);
});

// Search Reference, sort: "If no number is specified, the default limit of 10000 is used. If 0 is
// specified, all results are returned" — the parser keeps null for "not given" so the planner applies it.
test('sort: a missing count is null and 0 is kept', () => {
  const [a, b] = parseSplStrict('| makeresults | sort - _time | sort 0 user').commands.slice(1);
  assert.ok(a?.kind === 'sort' && b?.kind === 'sort');
  assert.equal(a.limit, null);
  assert.deepEqual(a.keys.map((k) => [k.field, k.descending]), [['_time', true]]);
  assert.equal(b.limit, 0);
});

// Search Reference, head: "If no options or limits are specified, the head command returns the first
// 10 results." The tail reference gives the same default of 10 for N.
test('head and tail default to 10', () => {
  const [h, t] = parseSplStrict('| makeresults | head | tail').commands.slice(1);
  assert.ok(h?.kind === 'head' && t?.kind === 'tail');
  assert.equal(h.count, 10);
  assert.equal(t.count, 10);
});

// Search Reference, fillnull, value: "Specify a string value to replace null values. If you do not specify
// a value, the default value is applied to the <field-list>. Default: 0".
test('fillnull defaults to value 0', () => {
  const c = parseSplStrict('| makeresults | fillnull').commands[1];
  assert.ok(c?.kind === 'fillnull');
  assert.equal(c.value, '0');
});

// Search Manual, "Types of expressions": for "C:\\windows\temp" "The \t in the path is interpreted as a tab".
test('eval strings: a doubled backslash is one backslash and \\t is a tab; search values keep \\t', () => {
  const c = parseSplStrict(String.raw`| makeresults | eval a="C:\\windows\temp"`).commands[1];
  assert.ok(c?.kind === 'eval' && c.assignments[0]?.expr.kind === 'string');
  assert.equal(c.assignments[0].expr.value, 'C:\\windows\temp');
  const s = searchOf(String.raw`path="C:\\windows\temp"`);
  assert.ok(s.kind === 'compare');
  assert.equal(s.value.text, String.raw`C:\windows\temp`);
});
