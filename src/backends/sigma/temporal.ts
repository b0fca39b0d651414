// Sigma `temporal_ordered` export of the "event A, then event B of the same group within W seconds" SPL idiom
// that stays translatable to SQL: two multisearch branches over the same events, the second carrying each
// event into the next W-second bucket (`Day=floor(_time/W)` / `floor(_time/W)+1`), stats by group and bucket,
// and a filter "first A <= last B in the bucket, or first B - last carried A <= W". That filter holds exactly
// when some A is followed by some B of the group within W (a pair spans at most two buckets), which is the
// spec's temporal_ordered over [A, B] with `timespan` W. Anything else is left to the generic exporter.

import type { CompareOp, PlanAggregation, PlanExpr, PlanNode } from '../../plan/nodes.ts';
import type { Problems, RuleMeta } from '../backend.ts';
import type { BranchedPlan } from '../branches.ts';
import { DetectionBuilder } from './detection.ts';
import { stableUuid } from './stable-uuid.ts';
import type { SigmaCorrelationRule, SigmaDocument, SigmaLevel, SigmaLogsource, SigmaRule } from './model.ts';
import { parseTimespan } from './timespan.ts';
import { defaultTimespan, sigmaField, sourceOfSourcetype } from './field-map.ts';

interface TemporalContext {
  readonly problems: Problems;
  readonly logsource: (sourcetype: string) => SigmaLogsource | null;
  /** Sigma field name of a log field of the sourcetype (reports unmapped fields itself), or null. */
  readonly fieldName: (sourcetype: string, field: string) => string | null;
  readonly defaultTimespan: string;
  readonly uuid: (name: string) => string;
}

function contextOf(problems: Problems): TemporalContext {
  return {
    problems,
    logsource: (st) => sourceOfSourcetype(st)?.logsource ?? null,
    fieldName: (st, f) => {
      const m = sourceOfSourcetype(st);
      const mapped = m ? sigmaField(m, f) : null;
      if (!mapped) problems.unsupported('XLATE-UNMAPPED-FIELD', `field '${f}' of ${st} has no Sigma field name`, null, 'add it to src/backends/sigma/mapping.yml');
      return mapped ?? null;
    },
    defaultTimespan: defaultTimespan(),
    uuid: stableUuid,
  };
}

type Agg = PlanAggregation;
const TRUE: PlanExpr = { kind: 'literal', value: true };
const FALSE: PlanExpr = { kind: 'literal', value: false };
const same = (a: PlanExpr, b: PlanExpr): boolean => JSON.stringify(strip(a)) === JSON.stringify(strip(b));

function strip(e: unknown): unknown {
  return JSON.parse(JSON.stringify(e, (k, v) => (k === 'span' ? undefined : v)));
}

const isNull = (e: PlanExpr) => (e.kind === 'literal' && e.value === null) || (e.kind === 'call' && e.fn === 'null' && e.args.length === 0);
const isBool = (e: PlanExpr, v: boolean) => e.kind === 'literal' && e.value === v;

/** Constant folding for the branch markers (`Carried=0` with Carried a literal): literal comparisons, and/or, if(). */
function fold(e: PlanExpr): PlanExpr {
  switch (e.kind) {
    case 'and': {
      const items = e.items.map(fold).filter((i) => !isBool(i, true));
      if (items.some((i) => isBool(i, false))) return FALSE;
      return items.length === 0 ? TRUE : items.length === 1 ? items[0]! : { ...e, items };
    }
    case 'or': {
      const items = e.items.map(fold).filter((i) => !isBool(i, false));
      if (items.some((i) => isBool(i, true))) return TRUE;
      return items.length === 0 ? FALSE : items.length === 1 ? items[0]! : { ...e, items };
    }
    case 'compare': {
      const l = fold(e.left);
      const r = fold(e.right);
      if (l.kind === 'literal' && r.kind === 'literal' && typeof l.value === 'number' && typeof r.value === 'number' && (e.op === '=' || e.op === '!=')) {
        return { kind: 'literal', value: (l.value === r.value) === (e.op === '=') };
      }
      // if(c, 1, 0)=1 is c: the flag idiom (a null condition takes the else arm, so the comparison is false).
      if (e.op === '=' && l.kind === 'call' && l.fn === 'if' && l.args.length === 3 && r.kind === 'literal') {
        const [c, yes, no] = l.args as [PlanExpr, PlanExpr, PlanExpr];
        if (yes.kind === 'literal' && no.kind === 'literal' && yes.value === r.value && no.value !== r.value) return c;
        if (yes.kind === 'literal' && no.kind === 'literal' && yes.value !== r.value && no.value !== r.value) return FALSE;
      }
      return { ...e, left: l, right: r };
    }
    case 'call': {
      const args = e.args.map(fold);
      if (e.fn === 'if' && args.length === 3) {
        if (isBool(args[0]!, true)) return args[1]!;
        if (isBool(args[0]!, false)) return args[2]!;
      }
      return { ...e, args };
    }
    case 'not': {
      const o = fold(e.operand);
      return isBool(o, true) ? FALSE : isBool(o, false) ? TRUE : { ...e, operand: o };
    }
    default:
      return e;
  }
}

/** Replaces fields defined by earlier evals by their (folded) definitions. */
function substitute(e: PlanExpr, env: ReadonlyMap<string, PlanExpr>): PlanExpr {
  const s = (x: PlanExpr) => substitute(x, env);
  switch (e.kind) {
    case 'field': return env.get(e.name) ?? e;
    case 'call': return { ...e, args: e.args.map(s) };
    case 'arith': case 'xor': case 'concat': case 'compare': return { ...e, left: s(e.left), right: s(e.right) } as PlanExpr;
    case 'neg': case 'not': return { ...e, operand: s(e.operand) } as PlanExpr;
    case 'like': return { ...e, expr: s(e.expr), pattern: s(e.pattern) };
    case 'inList': return { ...e, expr: s(e.expr), list: e.list.map(s) };
    case 'and': case 'or': return { ...e, items: e.items.map(s) };
    case 'searchMatch': return env.has(e.field) ? { kind: 'compare', op: e.op, left: env.get(e.field)!, right: { kind: 'literal', value: e.pattern.text } } : e;
    default: return e;
  }
}

interface BranchView {
  readonly env: Map<string, PlanExpr>;
  /** The branch's row filters, folded, as a list of conjuncts. */
  readonly filters: PlanExpr[];
}

/** Evals and filters of a branch (the only operators the idiom has before the stats), or null. */
function viewOf(ops: readonly PlanNode[]): BranchView | null {
  const env = new Map<string, PlanExpr>();
  const filters: PlanExpr[] = [];
  for (const op of ops) {
    if (op.kind === 'eval') for (const a of op.assignments) env.set(a.field, fold(substitute(a.expr, env)));
    else if (op.kind === 'filter') {
      const f = fold(substitute(op.predicate, env));
      filters.push(...(f.kind === 'and' ? f.items : [f]));
    } else if (op.kind !== 'fields' || op.remove) return null;
  }
  return { env, filters };
}

/** `if(cond, _time, null())` -> cond; a null definition -> FALSE; anything else -> null. */
function timeOf(e: PlanExpr | undefined): PlanExpr | null {
  if (!e) return null;
  if (isNull(e)) return FALSE;
  if (e.kind === 'call' && e.fn === 'if' && e.args.length === 3 && e.args[1]!.kind === 'field' && e.args[1]!.name === '_time' && isNull(e.args[2]!)) return e.args[0]!;
  return null;
}

/** `floor(_time / W) [+ 1]` -> { W, shift }. */
function bucketOf(e: PlanExpr | undefined): { seconds: number; shift: number } | null {
  if (!e) return null;
  let shift = 0;
  let inner = e;
  if (e.kind === 'arith' && e.op === '+' && e.right.kind === 'literal' && typeof e.right.value === 'number') {
    shift = e.right.value;
    inner = e.left;
  }
  if (inner.kind !== 'call' || inner.fn !== 'floor' || inner.args.length !== 1) return null;
  const q = inner.args[0]!;
  if (q.kind !== 'arith' || q.op !== '/' || q.left.kind !== 'field' || q.left.name !== '_time' || q.right.kind !== 'literal' || typeof q.right.value !== 'number') return null;
  return { seconds: q.right.value, shift };
}

/** Keeps the conjuncts a rule's own condition does not already imply (a disjunction holding that condition). */
function residual(filters: readonly PlanExpr[], cond: PlanExpr): PlanExpr[] {
  return filters.filter((f) => !(same(f, cond) || (f.kind === 'or' && f.items.some((i) => same(i, cond)))));
}

interface Check {
  readonly op: CompareOp;
  readonly left: PlanExpr;
  readonly right: PlanExpr;
}

/** The one comparison of a conjunction whose other items are isnotnull() of its operands' fields. */
function checkOf(e: PlanExpr): Check | null {
  const items = e.kind === 'and' ? e.items : [e];
  const cmps = items.filter((i): i is Extract<PlanExpr, { kind: 'compare' }> => i.kind === 'compare');
  const cmp = cmps[0];
  if (cmps.length !== 1 || !cmp) return null;
  const guards = items.filter((i) => i !== cmp);
  if (!guards.every((g) => g.kind === 'call' && g.fn === 'isnotnull' && g.args.length === 1 && g.args[0]!.kind === 'field')) return null;
  return { op: cmp.op, left: cmp.left, right: cmp.right };
}

const fieldRef = (e: PlanExpr): string | null => (e.kind === 'field' ? e.name : null);

/**
 * The "same bucket" check `lastB >= firstA` (or `firstA <= lastB`) and the "carried" check `firstB - lastA <= W`,
 * as aggregate output names.
 */
function readChecks(pred: PlanExpr): { firstA: string; lastB: string; firstB: string; lastCarriedA: string; seconds: number } | null {
  if (pred.kind !== 'or' || pred.items.length !== 2) return null;
  let sameDay: { firstA: string; lastB: string } | null = null;
  let carried: { firstB: string; lastCarriedA: string; seconds: number } | null = null;
  for (const item of pred.items) {
    const c = checkOf(item);
    if (!c) return null;
    const l = fieldRef(c.left);
    const r = fieldRef(c.right);
    if (l && r && (c.op === '>=' || c.op === '<=')) sameDay = c.op === '>=' ? { lastB: l, firstA: r } : { firstA: l, lastB: r };
    else if (c.op === '<=' && c.left.kind === 'arith' && c.left.op === '-' && c.right.kind === 'literal' && typeof c.right.value === 'number') {
      const b = fieldRef(c.left.left);
      const a = fieldRef(c.left.right);
      if (b && a) carried = { firstB: b, lastCarriedA: a, seconds: c.right.value };
    }
  }
  return sameDay && carried ? { ...sameDay, ...carried } : null;
}

const OUTPUT_ONLY = new Set<PlanNode['kind']>(['eval', 'table', 'fields', 'sort']);

/**
 * The Sigma documents of a plan in the temporal idiom: two detection rules (A, then B) and a temporal_ordered
 * correlation. Null when the plan is not in the idiom (the caller exports it the generic way); problems are
 * reported (and documents still returned) when it is in the idiom but a piece has no exact Sigma form.
 */
export function temporalOrderedDocuments(split: BranchedPlan, meta: RuleMeta, problems: Problems): SigmaDocument[] | null {
  const ctx = contextOf(problems);
  const { branches, post } = split;
  if (!split.union || branches.length !== 2) return null;
  const [b0, b1] = branches as [typeof branches[0], typeof branches[1]];
  if (b0.sourcetype !== b1.sourcetype || !same(b0.predicate ?? TRUE, b1.predicate ?? TRUE)) return null;
  const stats = post[0];
  const check = post[1];
  if (!stats || stats.kind !== 'aggregate' || stats.mode !== 'stats' || Object.keys(stats.options).length) return null;
  if (!check || check.kind !== 'filter' || !post.slice(2).every((op) => OUTPUT_ONLY.has(op.kind))) return null;
  const v0 = viewOf(b0.ops);
  const v1 = viewOf(b1.ops);
  if (!v0 || !v1) return null;

  // The bucket key: floor(_time/W) in the first branch, the next bucket in the second.
  const bucketKey = stats.by.find((b) => bucketOf(v0.env.get(b))?.shift === 0 && bucketOf(v1.env.get(b))?.shift === 1);
  if (!bucketKey) return null;
  const seconds = bucketOf(v0.env.get(bucketKey))!.seconds;
  if (bucketOf(v1.env.get(bucketKey))!.seconds !== seconds) return null;
  const checks = readChecks(check.predicate);
  if (!checks || checks.seconds !== seconds) return null;

  const aggs = new Map<string, Agg>(stats.aggregations.map((a) => [a.as, a]));
  const argOf = (name: string, fn: string, view: BranchView): PlanExpr | null => {
    const a = aggs.get(name);
    if (!a || a.fn !== fn || !a.arg) return null;
    return timeOf(fold(substitute(a.arg, view.env)));
  };
  const condA = argOf(checks.firstA, 'min', v0);
  const condB = argOf(checks.lastB, 'max', v0);
  const condB2 = argOf(checks.firstB, 'min', v0);
  const carriedA = argOf(checks.lastCarriedA, 'max', v1);
  // In the other branch each of these must be null: same-bucket times come from the first branch only,
  // carried times from the second only.
  const none = [argOf(checks.firstA, 'min', v1), argOf(checks.lastB, 'max', v1), argOf(checks.firstB, 'min', v1), argOf(checks.lastCarriedA, 'max', v0)];
  if (!condA || !condB || !condB2 || !carriedA || !same(condB, condB2) || !none.every((n) => n && isBool(n, false))) return null;
  if (isBool(condA, false) || isBool(condB, false)) return null;

  // A's events: the same in both branches (the carried copies are the same events).
  const filtersA = residual(v0.filters, condA);
  if (!same(carriedA, condA) || JSON.stringify(strip(residual(v1.filters, carriedA))) !== JSON.stringify(strip(filtersA))) return null;
  const filtersB = residual(v0.filters, condB);

  problems.context = stats.span ?? problems.context;
  const window = meta.window ?? ctx.defaultTimespan;
  if (parseTimespan(window) !== seconds) {
    problems.unsupported('XLATE-SIGMA-CORRELATION', `the SPL pairs events within ${seconds} s but the correlation window is ${window}`, stats, 'set correlation_window in the rule to the SPL bound');
  }
  const groupBy: string[] = [];
  for (const key of stats.by.filter((b) => b !== bucketKey)) {
    const d0 = v0.env.get(key) ?? { kind: 'field', name: key };
    const d1 = v1.env.get(key) ?? { kind: 'field', name: key };
    if (!same(d0, d1)) return null;
    if (d0.kind !== 'field') {
      const what = d0.kind === 'call' ? `${d0.fn}() of a field` : 'computed';
      problems.unsupported('XLATE-SIGMA-EXPRESSION', `group-by '${key}' is ${what}; a Sigma correlation groups by stored field values (case folding and other functions have no Sigma form)`, stats);
      continue;
    }
    const n = ctx.fieldName(b0.sourcetype, d0.name);
    if (n) groupBy.push(n);
  }
  const logsource = ctx.logsource(b0.sourcetype);
  if (!logsource) {
    problems.unsupported('XLATE-UNKNOWN-SOURCETYPE', `no Sigma logsource for ${b0.sourcetype}`, b0.scan);
    return [];
  }
  const level = meta.severity && ['informational', 'low', 'medium', 'high', 'critical'].includes(meta.severity) ? (meta.severity as SigmaLevel) : undefined;
  const shared = {
    status: 'experimental' as const,
    ...(meta.description ? { description: meta.description } : {}),
    ...(meta.references?.length ? { references: [...meta.references] } : {}),
    author: 'sightline (generated from the SPL rule)',
    ...(meta.date ? { date: meta.date } : {}),
  };
  const tags = [
    ...(meta.tactic ? [`attack.${meta.tactic.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`] : []),
    ...(meta.technique ? [`attack.${meta.technique.toLowerCase()}`] : []),
  ];
  const step = (n: number, cond: PlanExpr, filters: readonly PlanExpr[]): SigmaRule | null => {
    const builder = new DetectionBuilder(problems, (f) => ctx.fieldName(b0.sourcetype, f));
    if (b0.predicate) builder.add(b0.predicate);
    for (const f of filters) builder.add(f);
    builder.add(cond);
    const det = builder.render();
    if (!det) return null;
    const name = `${meta.id}-step-${n}`;
    return { title: `${meta.title} (step ${n} of 2)`, id: ctx.uuid(`${name}/detection`), name, ...shared, ...(tags.length ? { tags } : {}), logsource, detection: { ...det.selections, condition: det.condition } };
  };
  const first = step(1, condA, filtersA);
  const then = step(2, condB, filtersB);
  if (!first || !then) return [];
  const feeds = feedsOf(stats, v0, [condA, condB]);
  const correlation: SigmaCorrelationRule = {
    title: meta.title,
    id: ctx.uuid(`${meta.id}/correlation`),
    name: meta.id,
    ...shared,
    correlation: { type: 'temporal_ordered', rules: [first.name!, then.name!], 'group-by': groupBy, timespan: window },
    ...(meta.falsePositives?.length ? { falsepositives: [...meta.falsePositives] } : {}),
    ...(level ? { level } : {}),
  };
  problems.note('XLATE-OUTPUT-ONLY', `Sigma carries no output shaping; not translated: the bucket '${bucketKey}', aggregates and ${post.slice(2).map((o) => o.kind).join(', ') || 'nothing else'}`);
  return [{ kind: 'rule', doc: first, feeds: feeds[0]! }, { kind: 'rule', doc: then, feeds: feeds[1]! }, { kind: 'correlation', doc: correlation }];
}

/**
 * The stats outputs each step's events feed: an aggregate of `if(cond, X, null())` is fed by the step with that
 * condition only (AnonymizedIPs by the anonymized sign-ins, CliIPs by the CLI ones); any other aggregate and the
 * group keys by both. An allowlist on an output is then a Sigma filter on the steps that feed it (filters.ts), not
 * on every step: a CLI sign-in from an allowlisted address must not hide the pair when only the anonymized
 * addresses are allowlisted.
 */
function feedsOf(stats: Extract<PlanNode, { kind: 'aggregate' }>, view: BranchView, conds: readonly PlanExpr[]): string[][] {
  const out: string[][] = conds.map(() => [...stats.by]);
  for (const a of stats.aggregations) {
    const arg = a.arg ? fold(substitute(a.arg, view.env)) : null;
    const guarded = arg && arg.kind === 'call' && arg.fn === 'if' && arg.args.length === 3 && isNull(arg.args[2]!) ? arg.args[0]! : null;
    conds.forEach((c, i) => {
      if (!guarded || same(guarded, c)) out[i]!.push(a.as);
    });
  }
  return out;
}
