// Lint check SPL-STATS-NULL-BY (warning): a `stats ... by F` where F can be null for some event. Splunk's
// stats drops every event whose BY field is null ("If a field in the BY clause is missing from an event, that
// event is not included in the results", stats reference), so an event with no caller silently disappears
// from a per-caller count: for detections, an event without an identity is more suspicious, not less. The fix
// is an explicit value (`eval F=coalesce(F, "unknown")` or `fillnull value="unknown" F`, as Splunk's
// security_content rules do) or an explicit `where isnotnull(F)` when dropping is the rule's decision.
//
// Nullability comes from one place: a raw field is never null only when every sourcetype the branch reads
// lists it in SourcetypeDef.alwaysPresent (src/ingest/sourcetypes). Computed fields follow their expression.

import type { Diagnostic } from '../../core/diagnostics.ts';
import { sourcetypeByName } from '../../ingest/sourcetypes/index.ts';
import type { Command, Expr, Pipeline, SearchExpr } from '../../spl/ast/nodes.ts';
import { sourcetypeConstraint } from './ast-walk.ts';

/** Fields Splunk sets on every event. */
const ALWAYS = new Set(['_time', '_raw', 'sourcetype', 'index', 'source', 'host']);

interface NullState {
  /** Sourcetypes whose raw fields the rows still carry; null: unknown (no facts, no warnings). */
  sourcetypes: readonly string[] | null;
  /** Raw fields are still on the rows (false after stats/table/fields). */
  raw: boolean;
  /** Fields known to hold a value on every row here. */
  nonNull: Set<string>;
  /** Fields the query made or dropped: their raw nullability no longer applies. */
  shadowed: Set<string>;
  /** fillnull without a field list: every field has a value from here on. */
  allFilled: boolean;
}

function rawNonNull(s: NullState, name: string): boolean {
  if (!s.raw || s.shadowed.has(name) || s.sourcetypes === null || s.sourcetypes.length === 0) return false;
  return s.sourcetypes.every((st) => sourcetypeByName(st).alwaysPresent.includes(name));
}

function nonNull(s: NullState, name: string): boolean {
  return s.allFilled || ALWAYS.has(name) || s.nonNull.has(name) || rawNonNull(s, name);
}

/** Functions whose result is null exactly when their first argument is (case, trimming, conversion). */
const FIRST_ARG = new Set(['lower', 'upper', 'trim', 'ltrim', 'rtrim', 'tostring', 'urldecode', 'abs', 'floor', 'ceil', 'ceiling', 'round', 'md5', 'sha1', 'sha256', 'len']);
/** Functions that always return a value (tests, constructors). */
const ALWAYS_VALUE = new Set(['isnull', 'isnotnull', 'isnum', 'isstr', 'isint', 'like', 'match', 'cidrmatch', 'searchmatch', 'now', 'time', 'random', 'typeof']);

/** Whether an eval expression has a value on every row (false when unsure). */
function exprNonNull(e: Expr, s: NullState): boolean {
  switch (e.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return true;
    case 'field':
      return nonNull(s, e.name);
    case 'unary':
      return exprNonNull(e.operand, s);
    case 'binary':
      return exprNonNull(e.left, s) && exprNonNull(e.right, s);
    case 'in':
      return exprNonNull(e.expr, s);
    case 'call': {
      const fn = e.name.toLowerCase();
      if (fn === 'coalesce' || fn === 'mvappend') return e.args.some((a) => exprNonNull(a, s));
      if (fn === 'if') return e.args.length === 3 && exprNonNull(e.args[1]!, s) && exprNonNull(e.args[2]!, s);
      if (fn === 'case') {
        // case(c1, v1, ..., true(), vn): a value on every row only with a catch-all pair and no null branch.
        const pairs = e.args.length % 2 === 0 ? e.args.length / 2 : 0;
        const last = e.args[e.args.length - 2];
        const catchAll = last !== undefined && (last.kind === 'bool' ? last.value : last.kind === 'call' && last.name.toLowerCase() === 'true');
        return pairs > 0 && catchAll && e.args.every((a, i) => i % 2 === 0 || exprNonNull(a, s));
      }
      if (ALWAYS_VALUE.has(fn)) return true;
      if (FIRST_ARG.has(fn)) return e.args.length > 0 && exprNonNull(e.args[0]!, s);
      return false;
    }
  }
}

/** Fields a where/search condition proves present on every row that passes it (its top-level AND terms). */
function provenByWhere(e: Expr, out: Set<string>): void {
  if (e.kind === 'binary' && e.op === 'AND') {
    provenByWhere(e.left, out);
    provenByWhere(e.right, out);
  } else if (e.kind === 'call' && e.name.toLowerCase() === 'isnotnull' && e.args[0]?.kind === 'field') {
    out.add(e.args[0].name);
  } else if (e.kind === 'binary' && ['=', '==', '!=', '<', '<=', '>', '>=', 'LIKE'].includes(e.op)) {
    // A comparison with a null operand is not true: rows that pass have both operands.
    for (const side of [e.left, e.right]) if (side.kind === 'field') out.add(side.name);
  } else if (e.kind === 'in' && e.expr.kind === 'field') out.add(e.expr.name);
}

function provenBySearch(e: SearchExpr | null, out: Set<string>): void {
  if (!e) return;
  if (e.kind === 'and') e.items.forEach((i) => provenBySearch(i, out));
  else if ((e.kind === 'compare' && e.op !== '!=') || e.kind === 'in') out.add(e.field);
}

function warn(name: string, span: Diagnostic['span'], s: NullState): Diagnostic {
  const where = s.sourcetypes && s.sourcetypes.length ? ` in ${s.sourcetypes.join(', ')}` : '';
  return {
    code: 'SPL-STATS-NULL-BY',
    message: `stats groups by "${name}", which can be null${where}: events without it are dropped silently`,
    severity: 'warning',
    ...(span ? { span } : {}),
    hint: `give it an explicit value first (eval ${name}=coalesce(${name}, "unknown") or fillnull value="unknown" ${name}), or drop such events on purpose with where isnotnull(${name})`,
  };
}

function step(c: Command, s: NullState, out: Diagnostic[], rule: readonly string[]): void {
  switch (c.kind) {
    case 'search':
      provenBySearch(c.expr, s.nonNull);
      return;
    case 'where':
      provenByWhere(c.expr, s.nonNull);
      return;
    case 'eval':
      for (const a of c.assignments) {
        const has = exprNonNull(a.expr, s);
        s.shadowed.add(a.field);
        if (has) s.nonNull.add(a.field);
        else s.nonNull.delete(a.field);
      }
      return;
    case 'fillnull':
      if (c.fields.length === 0) s.allFilled = true;
      else c.fields.forEach((f) => s.nonNull.add(f.name));
      return;
    case 'rename':
      for (const p of c.pairs) {
        const has = nonNull(s, p.from);
        s.shadowed.add(p.to);
        if (has) s.nonNull.add(p.to);
        else s.nonNull.delete(p.to);
      }
      return;
    case 'stats': {
      // Without sourcetype facts a raw field's nullability is unknown: only computed keys are judged.
      for (const b of c.by) if (!nonNull(s, b.name) && (s.sourcetypes !== null || s.shadowed.has(b.name))) out.push(warn(b.name, b.span, s));
      if (c.variant !== 'stats') {
        for (const a of c.aggregations) markAgg(s, a.as, a.fn);
        return;
      }
      const kept = new Set(c.by.map((b) => b.name));
      for (const a of c.aggregations) if (a.fn === 'count' || a.fn === 'dc' || a.fn === 'distinct_count') kept.add(a.as);
      s.nonNull = kept;
      s.raw = false;
      s.allFilled = false;
      return;
    }
    case 'table':
    case 'fields':
      if (c.kind === 'fields' && c.remove) return;
      s.nonNull = new Set(c.fields.map((f) => f.name).filter((f) => nonNull(s, f)));
      s.raw = false;
      return;
    case 'lookup':
      c.outputs.forEach((o) => {
        s.shadowed.add(o.eventField);
        s.nonNull.delete(o.eventField);
      });
      return;
    case 'rex':
    case 'spath':
    case 'iplocation':
    case 'unsupported':
    case 'inputlookup':
      // They may add fields that can be null; existing facts about other fields stay.
      return;
    case 'multisearch':
    case 'union':
      merge(c.subsearches, s, out, rule, false);
      return;
    case 'append':
      merge([c.subsearch], s, out, rule, true);
      return;
    default:
      return;
  }
}

function markAgg(s: NullState, as: string, fn: string): void {
  s.shadowed.add(as);
  if (fn === 'count' || fn === 'dc' || fn === 'distinct_count') s.nonNull.add(as);
  else s.nonNull.delete(as);
}

/** After a merge a field has a value on every row only when every branch (and the main rows for append) gives it one. */
function merge(subs: readonly Pipeline[], s: NullState, out: Diagnostic[], rule: readonly string[], keepMain: boolean): void {
  const ends = subs.map((p) => walk(p, rule, out));
  const sets = ends.map((e) => e.nonNull);
  let acc: Set<string> | null = keepMain ? new Set(s.nonNull) : null;
  for (const set of sets) acc = acc === null ? set : new Set([...acc].filter((f) => set.has(f)));
  s.nonNull = acc ?? new Set();
  s.raw = keepMain ? s.raw && ends.every((e) => e.raw) : false;
  s.allFilled = false;
  const sts = [...(keepMain ? [s.sourcetypes] : []), ...ends.map((e) => e.sourcetypes)];
  s.sourcetypes = sts.some((x) => x === null) ? null : [...new Set(sts.flatMap((x) => x ?? []))];
}

function walk(p: Pipeline, rule: readonly string[], out: Diagnostic[]): NullState {
  const first = p.commands[0];
  const constraint = first?.kind === 'search' ? sourcetypeConstraint(first.expr) : null;
  const sts = constraint ?? (rule.length ? rule : null);
  const s: NullState = { sourcetypes: sts, raw: first?.kind === 'search', nonNull: new Set(), shadowed: new Set(), allFilled: false };
  for (const c of p.commands) step(c, s, out, rule);
  return s;
}

/** SPL-STATS-NULL-BY warnings for a parsed query; no sourcetypes known: no facts, no warnings. */
export function checkNullByKeys(ast: Pipeline, ruleSourcetypes: readonly string[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  walk(ast, ruleSourcetypes, out);
  return out;
}
