// isnotnull(mvfind(X, "^lit$")) in ES|QL: MV_CONTAINS is a 9.2 technical preview, so the target asks
// "does appending lit add a distinct value?" with MV_APPEND/MV_DEDUPE/MV_COUNT. This test evaluates the
// emitted WHERE with a small interpreter of those functions (as the ES|QL reference describes them: null
// counts as no values) over null, single and multivalue rows, and compares with membership in the values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translate } from '../../src/backends/registry.ts';
import { call, f, lit, whereOver } from './sample-plans.ts';

type V = null | string | boolean | number | string[];
type Row = Record<string, V>;

const asList = (v: V): string[] => (v === null ? [] : Array.isArray(v) ? v : [String(v)]);
const FUNCS: Record<string, (...a: V[]) => V> = {
  MV_APPEND: (a, b) => (a === null || b === null ? (a ?? b) : [...asList(a), ...asList(b)]),
  MV_DEDUPE: (a) => (a === null ? null : [...new Set(asList(a))]),
  MV_COUNT: (a) => (a === null ? null : asList(a).length),
};

/** Evaluates the boolean/functional subset the mvfind translation uses, with SQL three-valued logic. */
function evaluate(text: string, row: Row): V {
  const toks = text.match(/"(?:[^"\\]|\\.)*"|==|[(),]|[A-Za-z_][A-Za-z0-9_.]*/g)!;
  let i = 0;
  const peek = () => toks[i];
  const eat = (t?: string) => {
    const x = toks[i++]!;
    if (t !== undefined) assert.equal(x, t);
    return x;
  };
  const and3 = (a: V, b: V): V => (a === false || b === false ? false : a === null || b === null ? null : true);
  const or3 = (a: V, b: V): V => (a === true || b === true ? true : a === null || b === null ? null : false);
  function expr(): V {
    let v = conj();
    while (peek() === 'OR') { eat(); v = or3(v, conj()); }
    return v;
  }
  function conj(): V {
    let v = unary();
    while (peek() === 'AND') { eat(); v = and3(v, unary()); }
    return v;
  }
  function unary(): V {
    if (peek() === 'NOT') { eat(); const v = unary(); return v === null ? null : !v; }
    const left = primary();
    if (peek() === 'IS') { eat(); eat('NOT'); eat('NULL'); return left !== null; }
    if (peek() === '==') { eat(); const right = primary(); return left === null || right === null ? null : left === right; }
    return left;
  }
  function primary(): V {
    const t = eat();
    if (t === '(') { const v = expr(); eat(')'); return v; }
    if (t.startsWith('"')) return JSON.parse(t) as string;
    if (peek() === '(') {
      eat('(');
      const args: V[] = [expr()];
      while (peek() === ',') { eat(); args.push(expr()); }
      eat(')');
      const fn = FUNCS[t];
      assert.ok(fn, `function ${t} is interpreted`);
      return fn(...args);
    }
    return row[t] ?? null;
  }
  const v = expr();
  assert.equal(i, toks.length, 'the whole condition was read');
  return v;
}

const V2 = 'azure.signinlogs.properties.risk_event_types_v2';
const V1 = 'azure.signinlogs.properties.risk_event_types';
const TARGET = 'anonymizedIPAddress';

const whereOf = (cond: ReturnType<typeof call>): string => {
  const t = translate(whereOver('azure:monitor:aad:signin', cond), 'esql', { id: 'unit', title: 'unit case' });
  assert.ok(t.ok, t.diagnostics.map((d) => d.message).join('; '));
  const line = t.text.split('\n').find((l) => l.startsWith('| WHERE '))!;
  return line.slice('| WHERE '.length);
};

const found = call('isnotnull', call('mvfind', call('mvappend', f('properties.riskEventTypes_v2{}'), f('properties.riskEventTypes{}')), lit(`^${TARGET}$`)));
const missing = call('isnull', call('mvfind', f('properties.riskEventTypes_v2{}'), lit(`^${TARGET}$`)));

// [name, risk_event_types_v2, risk_event_types]
const ROWS: [string, V, V][] = [
  ['both null', null, null],
  ['single value, the one sought', TARGET, null],
  ['single other value', 'unlikelyTravel', null],
  ['multivalue holding it', ['unlikelyTravel', TARGET], null],
  ['multivalue with duplicates, without it', ['unlikelyTravel', 'unlikelyTravel'], null],
  ['multivalue with duplicates of it', [TARGET, TARGET], ['x']],
  ['only the legacy field holds it', ['generic'], [TARGET, 'generic']],
  ['case differs (regex is case-sensitive)', ['AnonymizedIPAddress'], null],
  ['a longer value containing it', [`${TARGET}2`], null],
];

for (const [name, v2, v1] of ROWS) {
  test(`mvfind membership in ES|QL: ${name}`, () => {
    const row: Row = { [V2]: v2, [V1]: v1 };
    const holds = [...asList(v2), ...asList(v1)].includes(TARGET);
    assert.equal(evaluate(whereOf(found), row), holds, 'isnotnull(mvfind(mvappend(v2, v1)))');
    assert.equal(evaluate(whereOf(missing), row), !asList(v2).includes(TARGET), 'isnull(mvfind(v2))');
  });
}
