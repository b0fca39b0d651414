// The Sigma target: one detection rule per branch; a `stats` branch becomes a detection rule for its events
// plus a correlation rule (event_count / value_count / value_sum / value_avg) with group-by and a timespan.
// Evals are substituted into later conditions, so `eval MFA=... | where MFA="No"` tests the log field.
// Output-only steps (constant evals, table, sort) have no Sigma form and are reported as notes.

import { stringify } from 'yaml';
import type { PlanExpr, PlanNode, QueryPlan, CompareOp } from '../../plan/nodes.ts';
import { Problems, type RuleMeta, type TranslateOptions, type Translation } from '../backend.ts';
import { splitBranches, type Branch } from '../branches.ts';
import { defaultTimespan, sigmaField, sourceOfLogsource, sourceOfSourcetype, type SigmaSource } from './field-map.ts';
import { DetectionBuilder } from './detection.ts';
import { addLookup, LOOKUP_OUTPUT_MARK, rewriteLookupTests, type LookupOutputs } from './lookup.ts';
import { stableUuid } from './stable-uuid.ts';
import { temporalOrderedDocuments } from './temporal.ts';
import type { SigmaCorrelationRule, SigmaCountCondition, SigmaDocument, SigmaLevel, SigmaLogsource, SigmaRule } from './model.ts';

/** The Sigma name of a log field for the sourcetype whose logsource this is, or null when unmapped. */
export function sigmaFieldFor(logsource: SigmaLogsource, field: string): string | null {
  const src = sourceOfLogsource(logsource);
  return src ? sigmaField(src, field) : null;
}

const COUNT_KEY: Record<CompareOp, keyof SigmaCountCondition> = { '=': 'eq', '!=': 'neq', '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte' };
const FLIP: Record<CompareOp, CompareOp> = { '=': '=', '!=': '!=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
const LEVELS = new Set(['informational', 'low', 'medium', 'high', 'critical']);

function tagsOf(meta: RuleMeta): string[] {
  const tags: string[] = [];
  if (meta.tactic) tags.push(`attack.${meta.tactic.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`);
  if (meta.technique) tags.push(`attack.${meta.technique.toLowerCase()}`);
  return tags;
}

function common(meta: RuleMeta) {
  return {
    status: 'experimental' as const,
    ...(meta.description ? { description: meta.description } : {}),
    ...(meta.references?.length ? { references: [...meta.references] } : {}),
    author: 'sightline (generated from the SPL rule)',
    ...(meta.date ? { date: meta.date } : {}),
  };
}

/** Replaces eval-defined fields by their definitions (evaluated in order), `sourcetype` by its value. */
function substitute(e: PlanExpr, env: ReadonlyMap<string, PlanExpr>, sourcetype: string): PlanExpr {
  const s = (x: PlanExpr) => substitute(x, env, sourcetype);
  switch (e.kind) {
    case 'field':
      if (env.has(e.name)) return env.get(e.name)!;
      return e.name === 'sourcetype' ? { kind: 'literal', value: sourcetype } : e;
    case 'literal':
    case 'searchTerm':
      return e;
    case 'searchMatch':
      return env.has(e.field) ? { kind: 'compare', op: e.op, left: env.get(e.field)!, right: { kind: 'literal', value: e.pattern.text } } : e;
    case 'call':
      return { ...e, args: e.args.map(s) };
    case 'arith':
    case 'xor':
      return { ...e, left: s(e.left), right: s(e.right) };
    case 'concat':
      return { ...e, left: s(e.left), right: s(e.right) };
    case 'compare':
      return { ...e, left: s(e.left), right: s(e.right) };
    case 'neg':
      return { ...e, operand: s(e.operand) };
    case 'not':
      return { ...e, operand: s(e.operand) };
    case 'like':
      return { ...e, expr: s(e.expr), pattern: s(e.pattern) };
    case 'inList':
      return { ...e, expr: s(e.expr), list: e.list.map(s) };
    case 'and':
    case 'or':
      return { ...e, items: e.items.map(s) };
  }
}

function fieldsIn(e: PlanExpr, out: Set<string>): Set<string> {
  switch (e.kind) {
    case 'field': out.add(e.name); break;
    case 'searchMatch': out.add(e.field); break;
    case 'call': e.args.forEach((a) => fieldsIn(a, out)); break;
    case 'arith': case 'xor': case 'concat': case 'compare': fieldsIn(e.left, out); fieldsIn(e.right, out); break;
    case 'neg': case 'not': fieldsIn(e.operand, out); break;
    case 'like': fieldsIn(e.expr, out); fieldsIn(e.pattern, out); break;
    case 'inList': fieldsIn(e.expr, out); e.list.forEach((a) => fieldsIn(a, out)); break;
    case 'and': case 'or': e.items.forEach((a) => fieldsIn(a, out)); break;
    default: break;
  }
  return out;
}

/**
 * A BY field defined as coalesce(a, b, ...) of log fields. Sigma groups by log fields, so the detection is
 * split into one rule per argument (a present / a missing and b present / ...) and the correlation groups by
 * an alias that names a in the first rule, b in the second (correlation spec, "Field Name Aliases").
 */
interface CoalescedKey {
  readonly alias: string;
  /** Splunk and Sigma name of each coalesce() argument, in order. */
  readonly args: readonly { readonly splunk: string; readonly sigma: string }[];
}

interface Grouping {
  /** Output names of the BY fields (Splunk) and their Sigma field names (coalesced keys: their alias). */
  readonly byNames: readonly string[];
  readonly groupBy: string[];
  readonly coalesced: CoalescedKey[];
  /** The counted field of a value_count when it is coalesce(a, b, ...) of log fields (see valueCountKey). */
  valueKey: CoalescedKey | null;
  readonly aggs: Map<string, { fn: string; arg: PlanExpr | null; argName: string | null; span: import('../../core/diagnostics.ts').Span | undefined }>;
  /** Columns computed after the stats (output only unless a condition reads them). */
  readonly computed: Set<string>;
  readonly conditions: { agg: string; op: CompareOp; value: number }[];
}

function translateBranch(br: Branch, meta: RuleMeta, problems: Problems, multi: boolean, lookupDirs: readonly string[]): SigmaDocument[] {
  const stm: SigmaSource | undefined = sourceOfSourcetype(br.sourcetype);
  if (!stm) {
    problems.unsupported('XLATE-UNKNOWN-SOURCETYPE', `no Sigma logsource for ${br.sourcetype}`, br.scan);
    return [];
  }
  const fieldName = (f: string): string | null => {
    const mapped = sigmaField(stm, f);
    if (mapped !== null) return mapped;
    problems.unsupported('XLATE-UNMAPPED-FIELD', `field '${f}' of ${br.sourcetype} has no Sigma field name`, null, 'add it to src/backends/sigma/mapping.yml');
    return null;
  };
  const builder = new DetectionBuilder(problems, fieldName);
  const env = new Map<string, PlanExpr>();
  const sub = (e: PlanExpr) => substitute(e, env, br.sourcetype);
  problems.context = br.scan.span;
  if (br.predicate) builder.add(br.predicate);
  let fields: string[] = [];
  // Fields this branch itself reads: a union's table also lists other branches' fields, absent here.
  const ownFields = new Set<string>();
  if (br.predicate) fieldsIn(br.predicate, ownFields);
  let grouping: Grouping | null = null;
  const dropped = new Set<string>();
  const lookups: LookupOutputs = new Map();
  for (const op of br.ops) {
    problems.context = op.span ?? problems.context;
    if (grouping) groupedOp(op, grouping, env, sub, builder, problems, dropped);
    else if (op.kind === 'aggregate') grouping = startGrouping(op, sub, fieldName, problems, stm);
    else if (op.kind === 'lookup') {
      const key = op.keys[0] ? sub({ kind: 'field', name: op.keys[0].eventField }) : { kind: 'literal' as const, value: null };
      for (const out of addLookup(op, key, lookupDirs, lookups, problems)) {
        // Sigma reads log fields: an output the events might already carry would be ambiguous.
        if (env.has(out) || stm.fields.some(([, f]) => f === out)) problems.unsupported('XLATE-SIGMA-EXPRESSION', `lookup output '${out}' is also a field of the events`, op);
        env.set(out, { kind: 'call', fn: LOOKUP_OUTPUT_MARK, args: [] });
      }
    } else {
      if (op.kind === 'eval') {
        for (const a of op.assignments) {
          fieldsIn(a.expr, ownFields);
          // A redefined output or key no longer means "found in the table".
          for (const [out, v] of lookups) if (out === a.field || v.keyFields.includes(a.field)) lookups.delete(out);
        }
      }
      if (op.kind === 'filter') fieldsIn(op.predicate, ownFields);
      const rewritten = op.kind === 'filter' && lookups.size ? { ...op, predicate: rewriteLookupTests(op.predicate, lookups) } : op;
      eventOp(rewritten, env, sub, builder, problems, dropped, (fs) => (fields = fs.map((f) => {
        const e = sub({ kind: 'field', name: f });
        const own = env.has(f) || ownFields.has(f);
        return e.kind === 'field' && f !== '_time' && own ? fieldName(e.name) : null;
      }).filter((x): x is string => x !== null)));
    }
  }
  if (dropped.size) problems.note('XLATE-OUTPUT-ONLY', `Sigma carries no output shaping; not translated: ${[...dropped].join(', ')}`);
  const suffix = multi ? `-${br.index + 1}` : '';
  const name = `${meta.id}${suffix}`;
  const level = meta.severity && LEVELS.has(meta.severity) ? (meta.severity as SigmaLevel) : undefined;
  const title = multi ? `${meta.title} (${br.sourcetype})` : meta.title;
  if (grouping) grouping.valueKey = valueCountKey(grouping, fieldName, stm);
  const variants = grouping ? coalesceVariants([...grouping.coalesced, ...(grouping.valueKey ? [grouping.valueKey] : [])]) : [NO_SPLIT];
  const rules: Extract<SigmaDocument, { kind: 'rule' }>[] = [];
  for (const v of variants) {
    const detection = builder.render(v);
    if (!detection) return [];
    const vName = `${name}${v.suffix}`;
    const rule: SigmaRule = {
      title: `${title}${v.title}`,
      id: stableUuid(`${vName}/detection`),
      name: vName,
      ...common(meta),
      ...(tagsOf(meta).length ? { tags: tagsOf(meta) } : {}),
      logsource: stm.logsource,
      detection: { ...detection.selections, condition: detection.condition },
      ...(fields.length && !grouping ? { fields: [...new Set(fields)] } : {}),
      ...(meta.falsePositives?.length ? { falsepositives: [...meta.falsePositives] } : {}),
      ...(level ? { level } : {}),
    };
    rules.push({ kind: 'rule', doc: rule, ...(Object.keys(v.substitutes).length ? { substitutes: v.substitutes } : {}) });
  }
  if (!grouping) return rules;
  const aliases: Record<string, Record<string, string>> = {};
  variants.forEach((v, i) => {
    for (const [alias, field] of Object.entries(v.aliases)) (aliases[alias] ??= {})[rules[i]!.doc.name!] = field;
  });
  return [...rules, { kind: 'correlation', doc: correlation(grouping, name, title, rules.map((r) => r.doc.name!), aliases, meta, problems, level, fieldName) }];
}

/** One detection rule of a branch: its extra conditions, name/title suffixes, aliases and filter field renames. */
interface Variant {
  /** Log fields (Splunk names) this rule requires present / missing. */
  readonly present: readonly string[];
  readonly missing: readonly string[];
  readonly suffix: string;
  readonly title: string;
  readonly aliases: Readonly<Record<string, string>>;
  readonly substitutes: Readonly<Record<string, string>>;
}

const NO_SPLIT: Variant = { present: [], missing: [], suffix: '', title: '', aliases: {}, substitutes: {} };

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Every combination of "which coalesce() argument is the value" over the coalesced BY fields. Argument i is
 * the value exactly when arguments before it are missing and it is present (SPL coalesce returns the first
 * non-null argument; stats BY drops events whose BY value is null, so one argument must be present).
 */
function coalesceVariants(keys: readonly CoalescedKey[]): Variant[] {
  let out: Variant[] = [NO_SPLIT];
  for (const k of keys) {
    out = out.flatMap((v) => k.args.map((arg, i) => {
      // An allowlist filter names the log field of the output; in this rule that value comes from `arg`.
      const renames = Object.fromEntries(k.args.filter((a) => a.sigma !== arg.sigma).map((a) => [a.sigma, arg.sigma]));
      return {
        present: [...v.present, arg.splunk],
        missing: [...v.missing, ...k.args.slice(0, i).map((a) => a.splunk)],
        suffix: `${v.suffix}-${slug(arg.sigma)}`,
        title: `${v.title} (${k.alias} from ${arg.sigma}${i > 0 ? `, ${k.args.slice(0, i).map((a) => a.sigma).join(', ')} missing` : ''})`,
        aliases: { ...v.aliases, [k.alias]: arg.sigma },
        substitutes: { ...v.substitutes, ...renames },
      };
    }));
  }
  return out;
}

function eventOp(op: PlanNode, env: Map<string, PlanExpr>, sub: (e: PlanExpr) => PlanExpr, builder: DetectionBuilder, problems: Problems, dropped: Set<string>, setFields: (f: string[]) => void): void {
  switch (op.kind) {
    case 'eval':
      for (const a of op.assignments) env.set(a.field, sub(a.expr));
      return;
    case 'filter':
      builder.add(sub(op.predicate));
      return;
    case 'table':
      setFields([...op.fields]);
      return;
    case 'fields':
      if (!op.remove) setFields([...op.fields]);
      return;
    case 'rename':
      for (const p of op.pairs) {
        env.set(p.to, sub({ kind: 'field', name: p.from }));
        env.set(p.from, { kind: 'literal', value: null });
      }
      return;
    case 'sort':
      dropped.add('sort');
      return;
    default:
      problems.unsupported('XLATE-UNSUPPORTED-COMMAND', `'${op.kind}' has no Sigma form`, op);
  }
}

/** A Sigma name for the alias of a coalesced BY field: its SPL name, unless that could name a log field. */
function aliasName(byName: string, stm: SigmaSource): string {
  return stm.identity || stm.fields.some(([s]) => s === byName) ? `${byName}_coalesced` : byName;
}

function startGrouping(op: Extract<PlanNode, { kind: 'aggregate' }>, sub: (e: PlanExpr) => PlanExpr, fieldName: (f: string) => string | null, problems: Problems, stm: SigmaSource): Grouping {
  const g: Grouping = { byNames: [...op.by], groupBy: [], coalesced: [], valueKey: null, aggs: new Map(), conditions: [], computed: new Set() };
  if (op.mode !== 'stats' || Object.keys(op.options).length) {
    problems.unsupported('XLATE-UNSUPPORTED-COMMAND', `${op.mode}${Object.keys(op.options).length ? ' with options' : ''} has no Sigma correlation form`, op);
    return g;
  }
  for (const b of op.by) {
    const e = sub({ kind: 'field', name: b });
    const coalesced = coalescedFields(e);
    if (coalesced) {
      const args = sigmaArgs(coalesced, fieldName);
      if (args) {
        const key = { alias: aliasName(b, stm), args };
        g.coalesced.push(key);
        g.groupBy.push(key.alias);
      }
    } else if (e.kind === 'call' && (e.fn === 'lower' || e.fn === 'upper')) {
      problems.unsupported('XLATE-SIGMA-EXPRESSION', `group-by '${b}' is ${e.fn}(): Sigma leaves the case behaviour of group-by to the backend`, op, 'group by the raw field');
    } else if (e.kind !== 'field') problems.unsupported('XLATE-SIGMA-EXPRESSION', `group-by '${b}' is computed; Sigma groups by log fields`, op);
    else {
      const n = fieldName(e.name);
      if (n) g.groupBy.push(n);
    }
  }
  for (const a of op.aggregations) {
    // Mapped lazily: only the aggregate a condition uses becomes part of the correlation.
    const arg = a.arg ? sub(a.arg) : null;
    g.aggs.set(a.as, { fn: a.fn, arg, argName: a.arg?.kind === 'field' ? a.arg.name : null, span: op.span });
  }
  return g;
}

/**
 * dc(coalesce(a, b, ...)) of log fields under a threshold of at least one value: split like a coalesced BY key,
 * and count the alias (a in the first rule, b in the second). Events where every argument is missing carry no
 * value, so leaving them out cannot change a count that must reach 1 or more. The correlation spec names
 * aliases for group-by; pySigma's backends rename every alias in each rule's search (so value_count of an
 * alias counts the renamed fields) and our importer does the same: the translation says so with a warning.
 */
function valueCountKey(g: Grouping, fieldName: (f: string) => string | null, stm: SigmaSource): CoalescedKey | null {
  const aggNames = new Set(g.conditions.map((c) => c.agg));
  if (aggNames.size !== 1) return null;
  const chosen = g.aggs.get([...aggNames][0]!)!;
  const e = chosen.arg;
  const coalesced = e ? coalescedFields(e) : null;
  if (!(chosen.fn === 'dc' || chosen.fn === 'distinct_count') || !coalesced) return null;
  // Every condition must need at least one value: >= n (n >= 1) or > n (n >= 0).
  if (!g.conditions.every((c) => (c.op === '>=' && c.value >= 1) || (c.op === '>' && c.value >= 0))) return null;
  const args = sigmaArgs(coalesced, fieldName);
  return args ? { alias: aliasName(chosen.argName ?? 'value', stm), args } : null;
}

/** The fields of coalesce(a, b, ...) over two or more single-valued log fields (what a split can say), else null. */
function coalescedFields(e: PlanExpr): string[] | null {
  if (e.kind !== 'call' || e.fn !== 'coalesce' || e.args.length < 2) return null;
  const names = e.args.map((a) => (a.kind === 'field' && !a.name.includes('{') ? a.name : null));
  return names.every((n): n is string => n !== null) ? names : null;
}

/** The Splunk and Sigma names of coalesce()'s fields; null when one has no Sigma name (reported by fieldName). */
function sigmaArgs(fields: readonly string[], fieldName: (f: string) => string | null): CoalescedKey['args'] | null {
  const args = fields.map((f) => ({ splunk: f, sigma: fieldName(f) }));
  return args.every((a) => a.sigma !== null) ? (args as { splunk: string; sigma: string }[]) : null;
}

function groupedOp(op: PlanNode, g: Grouping, env: Map<string, PlanExpr>, sub: (e: PlanExpr) => PlanExpr, builder: DetectionBuilder, problems: Problems, dropped: Set<string>): void {
  const byNames = g.byNames;
  switch (op.kind) {
    case 'filter': {
      const used = [...fieldsIn(op.predicate, new Set())];
      if (used.some((f) => g.computed.has(f))) {
        problems.unsupported('XLATE-SIGMA-CORRELATION', 'a condition on a value computed after stats', op);
        return;
      }
      if (used.every((f) => byNames.includes(f))) {
        // A condition on group keys only: the same as filtering the events before grouping.
        builder.add(sub(op.predicate));
        return;
      }
      const parts = op.predicate.kind === 'and' ? op.predicate.items : [op.predicate];
      for (const p of parts) {
        if (p.kind === 'compare') {
          const [l, r, o] = p.left.kind === 'field' ? [p.left, p.right, p.op] : [p.right, p.left, FLIP[p.op]];
          if (l.kind === 'field' && g.aggs.has(l.name) && r.kind === 'literal' && typeof r.value === 'number' && Number.isInteger(r.value)) {
            g.conditions.push({ agg: l.name, op: o, value: r.value });
            continue;
          }
        }
        problems.unsupported('XLATE-SIGMA-CORRELATION', 'a condition after stats must compare one aggregate with an integer', op);
      }
      return;
    }
    case 'eval':
      // Output columns: dropped, unless a later condition reads them (reported there).
      for (const a of op.assignments) {
        dropped.add(`eval ${a.field}`);
        g.computed.add(a.field);
        env.set(a.field, a.expr);
      }
      return;
    case 'table':
    case 'fields':
    case 'sort':
      dropped.add(op.kind);
      return;
    default:
      problems.unsupported('XLATE-UNSUPPORTED-COMMAND', `'${op.kind}' after stats has no Sigma form`, op);
  }
}

function correlation(g: Grouping, name: string, title: string, ruleNames: readonly string[], aliases: Record<string, Record<string, string>>, meta: RuleMeta, problems: Problems, level: SigmaLevel | undefined, fieldName: (f: string) => string | null): SigmaCorrelationRule {
  const aggNames = new Set(g.conditions.map((c) => c.agg));
  if (aggNames.size > 1) problems.unsupported('XLATE-SIGMA-CORRELATION', 'conditions on several aggregates: a Sigma correlation counts one thing');
  const aggName = [...aggNames][0];
  const chosen = aggName ? g.aggs.get(aggName)! : { fn: 'count', arg: null, span: undefined };
  if (g.valueKey) {
    problems.warning('XLATE-SIGMA-ALIAS-VALUE', `value_count counts the alias '${g.valueKey.alias}' (${g.valueKey.args.map((a) => a.sigma).join(' or ')}): the correlation spec names aliases for group-by; pySigma renames every alias in each rule's search, so its backends count it, and a tool that resolves aliases only in group-by counts nothing`);
  } else if (chosen.arg && chosen.arg.kind !== 'field') problems.unsupported('XLATE-SIGMA-EXPRESSION', `${chosen.fn}() of a computed value: a value_count correlation counts one log field (its \`field\`); correlation aliases rename fields for group-by only`, chosen.span ?? null,
      'count a log field, or keep this rule out of Sigma');
  const agg = { fn: chosen.fn, field: g.valueKey ? g.valueKey.alias : chosen.arg && chosen.arg.kind === 'field' ? fieldName(chosen.arg.name) : null };
  const unused = [...g.aggs.keys()].filter((k) => k !== aggName);
  if (unused.length) problems.note('XLATE-OUTPUT-ONLY', `aggregates only shown in the output are not carried by the correlation: ${unused.join(', ')}`);
  const TYPE: Record<string, SigmaCorrelationRule['correlation']['type']> = { count: 'event_count', dc: 'value_count', distinct_count: 'value_count', sum: 'value_sum', avg: 'value_avg' };
  const type = TYPE[agg.fn];
  if (!type) problems.unsupported('XLATE-SIGMA-CORRELATION', `aggregate ${agg.fn}() has no Sigma correlation type`);
  if (type === 'event_count' && agg.field) problems.unsupported('XLATE-SIGMA-CORRELATION', 'count(field) counts events with the field: no Sigma correlation type');
  const condition: Record<string, number | string> = {};
  for (const c of g.conditions) condition[COUNT_KEY[c.op]] = c.value;
  if (!g.conditions.length) condition.gte = 1;
  if (type && type !== 'event_count' && agg.field) condition.field = agg.field;
  return {
    title: `${title}: correlation`,
    id: stableUuid(`${name}/correlation`),
    name: `${name}-correlation`,
    ...common(meta),
    correlation: {
      type: type ?? 'event_count',
      rules: [...ruleNames],
      ...(Object.keys(aliases).length ? { aliases } : {}),
      ...(g.groupBy.length ? { 'group-by': g.groupBy } : {}),
      timespan: meta.window ?? defaultTimespan(),
      condition: condition as SigmaCountCondition,
    },
    ...(meta.falsePositives?.length ? { falsepositives: [...meta.falsePositives] } : {}),
    ...(level ? { level } : {}),
  };
}

export function translateSigmaDocuments(plan: QueryPlan, meta: RuleMeta, opts: TranslateOptions = {}): { docs: SigmaDocument[]; problems: Problems } {
  const problems = new Problems();
  const split = splitBranches(plan, problems);
  if (!split) return { docs: [], problems };
  // "A then B within W" over two carried branches: a temporal_ordered correlation (temporal.ts).
  const temporal = temporalOrderedDocuments(split, meta, problems);
  if (temporal) return { docs: temporal, problems };
  for (const op of split.post) {
    if (op.kind === 'sort') problems.note('XLATE-OUTPUT-ONLY', 'sort after the union: Sigma rules have no order');
    else problems.unsupported('XLATE-UNSUPPORTED-COMMAND', `'${op.kind}' after the union has no Sigma form`, op);
  }
  const docs = split.branches.flatMap((br) => translateBranch(br, meta, problems, split.branches.length > 1, opts.lookupDirs ?? []));
  return { docs, problems };
}

export function renderSigma(docs: readonly SigmaDocument[]): string {
  return docs.map((d) => stringify(d.doc, { lineWidth: 0 })).join('---\n');
}

export function translateSigma(plan: QueryPlan, meta: RuleMeta, opts: TranslateOptions = {}): Translation {
  const { docs, problems } = translateSigmaDocuments(plan, meta, opts);
  return { target: 'sigma', ok: !problems.failed, text: renderSigma(docs), diagnostics: problems.list };
}
