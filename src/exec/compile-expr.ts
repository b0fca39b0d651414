// Compiles plan expressions into JS closures over a Row, once per query (no string eval). One handler per
// PlanExpr kind in a Record table, so a new kind fails compilation here. Null is SQL-like "unknown":
// arithmetic and comparison with null give null, and only `true` passes a where/filter.

import { fail } from '../core/diagnostics.ts';
import { firstOf, scalarToNumber, scalarToString, type Value } from '../core/value.ts';
import { getScalarFunction } from '../functions/registry.ts';
import type { ArithOp, PlanExpr, PlanExprKind } from '../plan/nodes.ts';
import { compileSearchMatch, evalCompare } from './compare-values.ts';
import type { ExecContext } from './context.ts';
import { compilePerValueCall, isPerValueCall } from './per-value-calls.ts';
import { likeMatch } from './like.ts';
import { compileRawTerm } from './raw-terms.ts';
import type { Row } from './row.ts';

export type Compiled = (row: Row) => Value;

type Handlers = { [K in PlanExprKind]: (e: Extract<PlanExpr, { kind: K }>, ctx: ExecContext) => Compiled };

const HANDLERS: Handlers = {
  field: (e) => {
    const name = e.name;
    return (row) => row.get(name);
  },
  literal: (e) => {
    const v = e.value as Value;
    return () => v;
  },
  call: (e, ctx) => {
    if (isPerValueCall(e.fn)) return compilePerValueCall(e, ctx, compileExpr);
    const fn = getScalarFunction(e.fn);
    if (!fn) fail('SPL-UNKNOWN-FUNCTION', `unknown eval function ${e.fn}()`, { hint: 'see docs/functions.md for the functions sightline supports' });
    const args = e.args.map((a) => compileExpr(a, ctx));
    const fctx = { now: ctx.now, tz: ctx.tz, random: ctx.random };
    return (row) => fn.call(args.map((a) => a(row)), fctx) as Value;
  },
  arith: (e, ctx) => {
    const l = compileExpr(e.left, ctx);
    const r = compileExpr(e.right, ctx);
    const op = ARITH[e.op];
    const plus = e.op === '+';
    return (row) => arith(op, plus, l(row), r(row));
  },
  concat: (e, ctx) => {
    const l = compileExpr(e.left, ctx);
    const r = compileExpr(e.right, ctx);
    return (row) => {
      const a = firstOf(l(row));
      const b = firstOf(r(row));
      return a === null || b === null ? null : scalarToString(a) + scalarToString(b);
    };
  },
  neg: (e, ctx) => {
    const o = compileExpr(e.operand, ctx);
    return (row) => {
      const n = scalarToNumber(firstOf(o(row)));
      return n === null ? null : -n;
    };
  },
  compare: (e, ctx) => {
    const l = compileExpr(e.left, ctx);
    const r = compileExpr(e.right, ctx);
    const op = e.op;
    return (row) => evalCompare(op, l(row), r(row));
  },
  like: (e, ctx) => {
    const x = compileExpr(e.expr, ctx);
    const p = compileExpr(e.pattern, ctx);
    return (row) => {
      const v = firstOf(x(row));
      const pat = firstOf(p(row));
      return v === null || pat === null ? null : likeMatch(scalarToString(v), scalarToString(pat));
    };
  },
  inList: (e, ctx) => {
    const x = compileExpr(e.expr, ctx);
    const list = e.list.map((i) => compileExpr(i, ctx));
    return (row) => {
      const v = x(row);
      if (v === null) return null;
      for (const item of list) if (evalCompare('=', v, item(row)) === true) return true;
      return false;
    };
  },
  and: (e, ctx) => {
    const items = e.items.map((i) => compileExpr(i, ctx));
    return (row) => {
      let unknown = false;
      for (const item of items) {
        const b = truth(item(row));
        if (b === false) return false;
        if (b === null) unknown = true;
      }
      return unknown ? null : true;
    };
  },
  or: (e, ctx) => {
    const items = e.items.map((i) => compileExpr(i, ctx));
    return (row) => {
      let unknown = false;
      for (const item of items) {
        const b = truth(item(row));
        if (b === true) return true;
        if (b === null) unknown = true;
      }
      return unknown ? null : false;
    };
  },
  xor: (e, ctx) => {
    const l = compileExpr(e.left, ctx);
    const r = compileExpr(e.right, ctx);
    return (row) => {
      const a = truth(l(row));
      const b = truth(r(row));
      return a === null || b === null ? null : a !== b;
    };
  },
  not: (e, ctx) => {
    const o = compileExpr(e.operand, ctx);
    return (row) => {
      const b = truth(o(row));
      return b === null ? null : !b;
    };
  },
  searchMatch: (e) => {
    const name = e.field;
    const test = compileSearchMatch(e.op, e.pattern);
    return (row) => test(row.get(name));
  },
  searchTerm: (e) => {
    const m = compileRawTerm(e.pattern, e.termMode);
    return (row) => m(row);
  },
};

export function compileExpr(e: PlanExpr, ctx: ExecContext): Compiled {
  return (HANDLERS[e.kind] as (e: PlanExpr, ctx: ExecContext) => Compiled)(e, ctx);
}

/** A predicate for filters: only a true result keeps the row (false and null drop it). */
export function compilePredicate(e: PlanExpr, ctx: ExecContext): (row: Row) => boolean {
  const c = compileExpr(e, ctx);
  return (row) => c(row) === true;
}

/** Boolean reading of a value: booleans are themselves; anything else (null, strings, numbers) is unknown. */
function truth(v: Value): boolean | null {
  return typeof v === 'boolean' ? v : null;
}

const ARITH: Record<ArithOp, (a: number, b: number) => number | null> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => (b === 0 ? null : a / b),
  '%': (a, b) => (b === 0 ? null : a % b),
};

/** Numbers when both operands are numeric; `+` of two non-numeric strings concatenates; else null. */
function arith(op: (a: number, b: number) => number | null, plus: boolean, l: Value, r: Value): Value {
  const a = firstOf(l);
  const b = firstOf(r);
  if (a === null || b === null) return null;
  const x = scalarToNumber(a);
  const y = scalarToNumber(b);
  if (x !== null && y !== null) {
    const n = op(x, y);
    return n === null || !Number.isFinite(n) ? null : n;
  }
  if (plus && typeof a === 'string' && typeof b === 'string') return a + b;
  return null;
}
