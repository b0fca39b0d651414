// Lowers eval/where expressions to eval-semantics plan expressions: `=`/`==` -> compare, `.` -> concat,
// `like()`/LIKE -> like, `in()`/IN -> inList, other calls -> call (checked against the function registry:
// unknown names fail with SPL-UNKNOWN-FUNCTION, wrong arity with SPL-FUNCTION-ARITY, both at the call).

import { fail, SightlineError } from '../core/diagnostics.ts';
import { compileRegex } from '../core/regex.ts';
import type { BinaryOp, Expr } from '../spl/ast/nodes.ts';
import { parseSplStrict } from '../spl/index.ts';
import { exprFields } from './expr-fields.ts';
import { lowerSearch } from './lower-search.ts';
import { getScalarFunction } from '../functions/registry.ts';
import type { ArithOp, CompareOp, PlanExpr } from './nodes.ts';

type Handlers = { [K in Expr['kind']]: (e: Extract<Expr, { kind: K }>) => PlanExpr };

const ARITH: Partial<Record<BinaryOp, ArithOp>> = { '+': '+', '-': '-', '*': '*', '/': '/', '%': '%' };
const COMPARE: Partial<Record<BinaryOp, CompareOp>> = { '=': '=', '==': '=', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

const HANDLERS: Handlers = {
  field: (e) => ({ kind: 'field', name: e.name }),
  string: (e) => ({ kind: 'literal', value: e.value }),
  number: (e) => ({ kind: 'literal', value: e.value }),
  bool: (e) => ({ kind: 'literal', value: e.value }),
  call: (e) => lowerCall(e),
  binary: (e): PlanExpr => {
    const left = lowerExpr(e.left);
    const right = lowerExpr(e.right);
    const arith = ARITH[e.op];
    if (arith) return { kind: 'arith', op: arith, left, right };
    const cmp = COMPARE[e.op];
    if (cmp) return { kind: 'compare', op: cmp, left, right };
    if (e.op === '.') return { kind: 'concat', left, right };
    if (e.op === 'LIKE') return { kind: 'like', expr: left, pattern: right };
    if (e.op === 'XOR') return { kind: 'xor', left, right };
    const kind = e.op === 'AND' ? 'and' : 'or';
    const items: PlanExpr[] = [];
    for (const side of [left, right]) {
      if (side.kind === kind) items.push(...side.items);
      else items.push(side);
    }
    return { kind, items };
  },
  unary: (e) => {
    const operand = lowerExpr(e.operand);
    if (e.op === 'NOT') return { kind: 'not', operand };
    return e.op === '-' ? { kind: 'neg', operand } : operand;
  },
  in: (e) => ({ kind: 'inList', expr: lowerExpr(e.expr), list: e.list.map(lowerExpr) }),
};

export function lowerExpr(e: Expr): PlanExpr {
  return (HANDLERS[e.kind] as (e: Expr) => PlanExpr)(e);
}

function lowerCall(e: Extract<Expr, { kind: 'call' }>): PlanExpr {
  const name = e.name.toLowerCase();
  const args = e.args.map(lowerExpr);
  if (name === 'like') {
    arity(e, name, args.length, 2, 2);
    return { kind: 'like', expr: args[0] as PlanExpr, pattern: args[1] as PlanExpr };
  }
  if (name === 'in') {
    arity(e, name, args.length, 2, Infinity);
    return { kind: 'inList', expr: args[0] as PlanExpr, list: args.slice(1) };
  }
  if (name === 'mvmap' || name === 'mvfilter') return lowerPerValueCall(e, name, args);
  if (name === 'searchmatch') return lowerSearchmatch(e);
  const fn = getScalarFunction(name);
  if (!fn) {
    fail('SPL-UNKNOWN-FUNCTION', `unknown eval function ${e.name}()`, {
      span: e.span,
      hint: 'check the spelling; see docs/functions.md for the functions sightline supports',
    });
  }
  arity(e, name, args.length, fn.minArgs, fn.maxArgs);
  const extra = fn.checkArgCount?.(args.length);
  if (extra) fail('SPL-FUNCTION-ARITY', `${name}(): ${extra}`, { span: e.span });
  checkRegexArg(e, name);
  return { kind: 'call', fn: name, args };
}

/**
 * mvmap(field, expr) and mvfilter(predicate) evaluate an expression once per value of one field, so they
 * are not registry functions: the executor binds the field to each value in turn (exec/per-value-calls.ts).
 * eval docs, mvfilter: "The <predicate> can reference only one field at a time"; mvmap iterates over the
 * values of the field given as its first argument.
 */
function lowerPerValueCall(e: Extract<Expr, { kind: 'call' }>, name: 'mvmap' | 'mvfilter', args: PlanExpr[]): PlanExpr {
  if (name === 'mvmap') {
    arity(e, name, args.length, 2, 2);
    if (args[0]?.kind !== 'field') {
      fail('SPL-MVMAP-FIELD', 'the first argument of mvmap() must be a field name', { span: e.span, hint: 'assign the values to a field first: eval v=..., m=mvmap(v, v*2)' });
    }
  } else {
    arity(e, name, args.length, 1, 1);
    const fields = exprFields(args[0] as PlanExpr);
    if (fields.length !== 1) {
      fail('SPL-MVFILTER-FIELDS', `the mvfilter() predicate must reference exactly one field, found ${fields.length === 0 ? 'none' : fields.join(', ')}`, {
        span: e.span,
        hint: 'mvfilter keeps the values of one multivalue field for which the predicate is true',
      });
    }
  }
  return { kind: 'call', fn: name, args };
}

/**
 * searchmatch("<search>"): evaluation functions docs, "Use this function to return TRUE if the event matches
 * the search string". The string is parsed and lowered here, once, into the same search predicate a leading
 * search makes, so exec and every translator see an ordinary search expression. Only a literal string can
 * be planned; time modifiers and subsearches fail as they do in a search.
 */
function lowerSearchmatch(e: Extract<Expr, { kind: 'call' }>): PlanExpr {
  arity(e, 'searchmatch', e.args.length, 1, 1);
  const arg = e.args[0] as Expr;
  if (arg.kind !== 'string') fail('SPL-SEARCHMATCH-LITERAL', 'searchmatch() needs a literal search string', { span: arg.span, hint: 'write searchmatch("field=value ...")' });
  try {
    const pipeline = parseSplStrict(arg.value);
    const [only, ...rest] = pipeline.commands;
    if (!only || only.kind !== 'search' || rest.length > 0) {
      fail('SPL-SEARCHMATCH-LITERAL', 'the searchmatch() string must be a search expression without pipes', { span: arg.span });
    }
    return lowerSearch(only.expr ?? { kind: 'term', value: { text: '*', quoted: false, span: arg.span }, caseSensitive: false, termMode: false, span: arg.span }) ?? { kind: 'literal', value: true };
  } catch (err) {
    // Positions inside the string are not positions in the query: point at the string.
    if (err instanceof SightlineError) throw new SightlineError({ ...err.diagnostic, span: arg.span });
    throw err;
  }
}

/** Which argument of a function is a regular expression (0-based). */
const REGEX_ARG: Readonly<Record<string, number>> = { match: 1, replace: 1, mvfind: 1 };

/** A literal regex argument is compiled now, so a bad pattern fails at plan time, pointing at the call. */
function checkRegexArg(e: Extract<Expr, { kind: 'call' }>, name: string): void {
  const at = REGEX_ARG[name];
  const arg = at === undefined ? undefined : e.args[at];
  if (arg?.kind !== 'string') return;
  try {
    compileRegex(arg.value);
  } catch (err) {
    if (err instanceof SightlineError) throw new SightlineError({ ...err.diagnostic, span: arg.span });
    throw err;
  }
}

function arity(e: { span: Expr['span'] }, name: string, n: number, min: number, max: number): void {
  if (n >= min && n <= max) return;
  const want = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
  fail('SPL-FUNCTION-ARITY', `${name}() takes ${want} argument${min === 1 && max === 1 ? '' : 's'}, got ${n}`, { span: e.span });
}
