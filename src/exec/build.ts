// Turns a plan tree into connected operators, from the root (which pushes into the caller's sink) down to
// the leaves: scan leaves receive events, generator leaves (makeresults, inputlookup) produce rows on start.
// One builder per PlanNode kind in a Record table; all checks that can fail happen here, before any event.

import { fail, SightlineError } from '../core/diagnostics.ts';
import { parseRelativeTime } from '../core/time.ts';
import { STREAMSTATS_OPTIONS, type PlanExpr, type PlanNode, type PlanNodeKind } from '../plan/nodes.ts';
import { requiredSourcetypes } from '../plan/required-sourcetypes.ts';
import { bindAggregations } from './aggregates.ts';
import { compileExpr, compilePredicate } from './compile-expr.ts';
import type { ExecContext } from './context.ts';
import { loadLookupTable } from './lookup-files.ts';
import { compileRawPrefilter } from './raw-prefilter.ts';
import { BinOperator, parseTimeSpan } from './operators/bin.ts';
import { ConvertOperator } from './operators/convert.ts';
import { DedupOperator } from './operators/dedup.ts';
import { EvalOperator } from './operators/eval.ts';
import { EventstatsOperator } from './operators/eventstats.ts';
import { FieldsOperator } from './operators/fields.ts';
import { FillnullOperator } from './operators/fillnull.ts';
import { FilterOperator } from './operators/filter.ts';
import { inputlookup, makeresults, type Generator } from './operators/generators.ts';
import { HeadOperator } from './operators/head.ts';
import { LookupOperator } from './operators/lookup.ts';
import { JoinOperator } from './operators/join.ts';
import { MakemvOperator } from './operators/makemv.ts';
import { MvexpandOperator } from './operators/mvexpand.ts';
import type { Sink } from './operators/operator.ts';
import { RenameOperator } from './operators/rename.ts';
import { RexExtractOperator, RexSedOperator } from './operators/rex.ts';
import { ScanOperator } from './operators/scan.ts';
import { SortOperator } from './operators/sort.ts';
import { SpathOperator } from './operators/spath.ts';
import { StatsOperator } from './operators/stats.ts';
import { StreamstatsOperator } from './operators/streamstats.ts';
import { TableOperator } from './operators/table.ts';
import { TailOperator } from './operators/tail.ts';
import { UnionOperator } from './operators/union.ts';

export interface Leaves {
  readonly scans: ScanOperator[];
  readonly generators: Generator[];
}

type Builder<K extends PlanNodeKind> = (node: Extract<PlanNode, { kind: K }>, next: Sink, ctx: ExecContext, leaves: Leaves) => void;
type Builders = { [K in PlanNodeKind]: Builder<K> };

const BUILDERS: Builders = {
  scan: (n, next, ctx, leaves) => {
    const bound = (b: { spec: string } | null) => (b ? parseRelativeTime(b.spec, ctx.now, ctx.tz) : null);
    const sourcetypes = requiredSourcetypes(n.predicate);
    const predicate = n.predicate ? compilePredicate(n.predicate, ctx) : null;
    const prefilter = ctx.rawPrefiltered ? null : compileRawPrefilter(n.predicate);
    leaves.scans.push(new ScanOperator(next, predicate, bound(n.earliest), bound(n.latest), sourcetypes ? new Set(sourcetypes) : null, prefilter));
  },
  filter: (n, next, ctx, leaves) => build(n.input, new FilterOperator(next, compilePredicate(n.predicate, ctx)), ctx, leaves),
  eval: (n, next, ctx, leaves) =>
    build(n.input, new EvalOperator(next, n.assignments.map((a) => ({ field: a.field, value: compileExpr(a.expr, ctx) }))), ctx, leaves),
  aggregate: (n, next, ctx, leaves) => {
    const aggs = bindAggregations(n.aggregations, ctx);
    const opts = n.options;
    if (n.mode === 'streamstats') {
      for (const k of Object.keys(opts)) if (!STREAMSTATS_OPTIONS.includes(k)) unsupportedOption('streamstats', k);
      const window = Number(opts['window'] ?? '0');
      if (!Number.isInteger(window) || window < 0) fail('SPL-BAD-OPTION', `streamstats window=${opts['window']} must be a whole number`);
      const seconds = opts['time_window'] === undefined ? 0 : timeWindowSeconds(opts['time_window']);
      const flag = (name: string, dflt: boolean) => (opts[name] === undefined ? dflt : isTrue(opts[name]));
      const reset = (e: PlanExpr | null | undefined) => (e ? compilePredicate(e, ctx) : null);
      const options = {
        count: window,
        seconds,
        current: flag('current', true),
        global: flag('global', true),
        resetOnChange: flag('reset_on_change', false),
        resetBefore: reset(n.resets?.before),
        resetAfter: reset(n.resets?.after),
      };
      build(n.input, new StreamstatsOperator(next, aggs, n.by, options), ctx, leaves);
      return;
    }
    for (const k of Object.keys(opts)) unsupportedOption(n.mode, k);
    const op = n.mode === 'stats' ? new StatsOperator(next, aggs, n.by) : new EventstatsOperator(next, aggs, n.by);
    build(n.input, op, ctx, leaves);
  },
  table: (n, next, ctx, leaves) => build(n.input, new TableOperator(next, n.fields), ctx, leaves),
  fields: (n, next, ctx, leaves) => build(n.input, new FieldsOperator(next, n.remove, n.fields), ctx, leaves),
  rename: (n, next, ctx, leaves) => build(n.input, new RenameOperator(next, n.pairs), ctx, leaves),
  sort: (n, next, ctx, leaves) => build(n.input, new SortOperator(next, n.keys, n.limit), ctx, leaves),
  head: (n, next, ctx, leaves) =>
    build(n.input, new HeadOperator(next, n.count, n.predicate ? compileExpr(n.predicate, ctx) : null, n.keeplast, n.null, () => ctx.stops.count++), ctx, leaves),
  tail: (n, next, ctx, leaves) => build(n.input, new TailOperator(next, n.count), ctx, leaves),
  dedup: (n, next, ctx, leaves) =>
    build(n.input, new DedupOperator(next, n.fields, n.count, n.keepempty, n.consecutive, n.sortBy), ctx, leaves),
  bin: (n, next, ctx, leaves) => build(n.input, new BinOperator(next, n.field, n.as, n.options), ctx, leaves),
  convert: (n, next, ctx, leaves) => build(n.input, new ConvertOperator(next, n.conversions, n.timeformat, ctx.tz), ctx, leaves),
  fillnull: (n, next, ctx, leaves) => build(n.input, new FillnullOperator(next, n.value, n.fields), ctx, leaves),
  rex: (n, next, ctx, leaves) => {
    const op = n.mode === 'sed' ? new RexSedOperator(next, n.field, n.pattern) : new RexExtractOperator(next, n.field, n.pattern, n.maxMatch);
    build(n.input, op, ctx, leaves);
  },
  spath: (n, next, ctx, leaves) => build(n.input, new SpathOperator(next, n.inputField, n.output, n.path), ctx, leaves),
  join: (n, next, ctx, leaves) => {
    const j = new JoinOperator(next, n, ctx.warn);
    build(n.input, j.left, ctx, leaves);
    build(n.subsearch, j.subsearch, ctx, leaves);
  },
  makemv: (n, next, ctx, leaves) => build(n.input, new MakemvOperator(next, n.field, n.delim, n.tokenizer, n.allowempty), ctx, leaves),
  mvexpand: (n, next, ctx, leaves) => build(n.input, new MvexpandOperator(next, n.field, n.limit), ctx, leaves),
  lookup: (n, next, ctx, leaves) =>
    build(n.input, new LookupOperator(next, loadLookupTable(n.table, ctx.lookupDirs), n.keys, n.outputs, n.overwrite), ctx, leaves),
  iplocation: () =>
    fail('SPL-IPLOCATION-NO-DB', 'iplocation needs a GeoIP database and sightline bundles none', {
      hint: 'enrich IPs with a lookup table instead: | lookup geo_ranges ...',
    }),
  union: (n, next, ctx, leaves) => {
    const u = new UnionOperator(next, n.inputs.length, n.mode === 'append', n.maxout, ctx.warn);
    n.inputs.forEach((input, i) => build(input, u.input(i), ctx, leaves));
  },
  makeresults: (n, next, ctx, leaves) => {
    if (n.annotate) unsupportedOption('makeresults', 'annotate=true');
    leaves.generators.push(makeresults(next, n.count, ctx.now));
  },
  inputlookup: (n, next, ctx, leaves) => leaves.generators.push(inputlookup(next, loadLookupTable(n.table, ctx.lookupDirs))),
};

export function build(node: PlanNode, next: Sink, ctx: ExecContext, leaves: Leaves): void {
  try {
    (BUILDERS[node.kind] as Builder<PlanNodeKind>)(node as never, next, ctx, leaves);
  } catch (err) {
    // Point errors raised while building (missing lookup, bad span...) at the command they came from.
    if (err instanceof SightlineError && !err.diagnostic.span && node.span) throw new SightlineError({ ...err.diagnostic, span: node.span });
    throw err;
  }
}

function timeWindowSeconds(spec: string): number {
  try {
    return parseTimeSpan(spec);
  } catch {
    return fail('SPL-BAD-OPTION', `streamstats time_window=${spec} is not a time span`, { hint: 'use <number><unit> with unit s, m, h, d or w, e.g. time_window=1h' });
  }
}

function isTrue(v: string): boolean {
  return /^(true|t|1|yes)$/i.test(v);
}

function unsupportedOption(command: string, option: string): never {
  return fail('SPL-UNSUPPORTED-OPTION', `${command} option ${option} is not supported`, { hint: 'remove the option; sightline fails closed rather than ignore it' });
}
