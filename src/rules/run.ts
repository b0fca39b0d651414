// Runs many rules in ONE pass: every rule is planned (its tuning filter appended); the plans run over an
// event stream (exec's startQueries) or over files through the fast scan path (src/scan, prefiltered).
// Rules none of whose sourcetypes reached the plans are reported as skipped and their rows dropped (an
// aggregate over no events must not alert).

import type { Diagnostic } from '../core/diagnostics.ts';
import { SightlineError } from '../core/diagnostics.ts';
import type { Event } from '../core/event.ts';
import type { QueryPlan } from '../plan/nodes.ts';
import { planQuery } from '../plan/index.ts';
import { startQueries } from '../exec/run.ts';
import type { Row } from '../exec/row.ts';
import type { MalformedInput } from '../ingest/read.ts';
import type { ReadCounts } from '../ingest/read-counts.ts';
import { scanQueries } from '../scan/run-scan.ts';
import { rowToAlert, type Alert } from './alert.ts';
import type { Rule } from './load.ts';
import { ruleLookupDirs } from './lookup-dirs.ts';
import { suppressRepeats } from './suppress.ts';
import { applyTuning, loadAllowlists } from './tuning.ts';

export interface RunRulesOptions {
  /** Apply each rule's allowlists (default true). */
  readonly tuned?: boolean;
  /** Epoch seconds for relative time in rules. */
  readonly now?: number;
  /** Extra lookup directories; each rule's own `lookups/` directory is always searched. */
  readonly lookupDirs?: readonly string[];
  /** Suppress repeats of the same rule + entity within this many seconds (off by default). */
  readonly suppressSeconds?: number;
  readonly onWarning?: (d: Diagnostic) => void;
  /** The read counts of the reader that produced the events (readEvents' `counts`), carried into the summary. */
  readonly counts?: ReadCounts;
}

export interface RunFilesOptions extends RunRulesOptions {
  readonly onMalformed?: (m: MalformedInput) => void;
  /** Sees every event the rules see (e.g. a Sigma run beside them; then give `prefilter: false`). */
  readonly onEvent?: (e: Event) => void;
  /** Byte prefilter on the rules' literal terms (default true). */
  readonly prefilter?: boolean;
  readonly threads?: number;
  /** Input bytes done so far: drives a progress bar. */
  readonly onProgress?: (bytes: number) => void;
}

export interface RunSummary {
  /** Events built from the input (with the prefilter, lines no rule can match are never parsed). */
  readonly events: number;
  /** Events per sourcetype among those offered to the rules. */
  readonly sourcetypes: ReadonlyMap<string, number>;
  /** Input lines read (parsed or skipped by the prefilter) and untimed events; null when the events came from elsewhere. */
  readonly read: ReadCounts | null;
  readonly ran: readonly string[];
  readonly skipped: readonly string[];
  /** Rules that could not be planned (fail closed: reported, never run weaker). */
  readonly failed: readonly { readonly rule: string; readonly diagnostic: Diagnostic }[];
  readonly alerts: number;
  readonly suppressed: number;
}

/** Plans one rule: its SPL through the planner, plus the tuning filter when `tuned`. */
export function planRule(rule: Rule, tuned = true): QueryPlan {
  const plan = planQuery(rule.spl);
  return tuned ? applyTuning(plan, loadAllowlists(rule)) : plan;
}

interface PlannedRules {
  readonly planned: readonly { readonly rule: Rule; readonly plan: QueryPlan }[];
  readonly failed: readonly { readonly rule: string; readonly diagnostic: Diagnostic }[];
  readonly lookupDirs: readonly string[];
  /** Alerts per planned rule, in row order. */
  readonly rows: Alert[][];
  readonly sink: (planIndex: number, row: Row) => void;
}

function planRules(rules: readonly Rule[], opts: RunRulesOptions): PlannedRules {
  const candidates: { rule: Rule; plan: QueryPlan }[] = [];
  const failed: { rule: string; diagnostic: Diagnostic }[] = [];
  const fail = (rule: Rule, err: unknown) => {
    if (!(err instanceof SightlineError)) throw err;
    // The planner's span is an SPL offset: report it where it sits in the rule file.
    const span = err.diagnostic.span;
    const fileSpan = span ? { start: rule.splToFile(span.start), end: span.end > span.start ? rule.splToFile(span.end - 1) + 1 : rule.splToFile(span.start) } : undefined;
    failed.push({ rule: rule.id, diagnostic: { ...err.diagnostic, file: rule.file, ...(fileSpan ? { span: fileSpan } : {}) } });
  };
  for (const rule of rules) {
    try {
      candidates.push({ rule, plan: planRule(rule, opts.tuned ?? true) });
    } catch (err) {
      fail(rule, err);
    }
  }
  const lookupDirs = [...new Set([...(opts.lookupDirs ?? []), ...rules.flatMap((r) => ruleLookupDirs(r))])];
  // Each plan is built alone once: one that cannot be (a lookup file missing) fails by itself instead of
  // ending the run of every rule when all are built together.
  const planned = candidates.filter(({ rule, plan }) => {
    try {
      startQueries([plan], () => {}, { now: opts.now, lookupDirs }, { generators: false });
      return true;
    } catch (err) {
      fail(rule, err);
      return false;
    }
  });
  const rows: Alert[][] = planned.map(() => []);
  return { planned, failed, lookupDirs, rows, sink: (i, row) => void rows[i]!.push(rowToAlert(planned[i]!.rule, row)) };
}

function countSourcetype(seen: Map<string, number>, ev: Event): void {
  seen.set(ev.sourcetype, (seen.get(ev.sourcetype) ?? 0) + 1);
}

export async function runRulesWithSummary(
  rules: readonly Rule[],
  events: Iterable<Event> | AsyncIterable<Event>,
  opts: RunRulesOptions = {},
): Promise<{ alerts: Alert[]; summary: RunSummary }> {
  const p = planRules(rules, opts);
  const run = startQueries(
    p.planned.map((x) => x.plan),
    p.sink,
    { now: opts.now, lookupDirs: p.lookupDirs, onWarning: opts.onWarning },
  );
  const seen = new Map<string, number>();
  let count = 0;
  for await (const ev of events as AsyncIterable<Event>) {
    count++;
    countSourcetype(seen, ev);
    run.push(ev);
  }
  run.end();
  return collect(rules, p, seen, count, opts, opts.counts ?? null);
}

/** The rules over log files through the fast scan path: one prefiltered pass, same alerts as over the events. */
export async function runRulesOverFiles(
  rules: readonly Rule[],
  paths: readonly string[],
  opts: RunFilesOptions = {},
): Promise<{ alerts: Alert[]; summary: RunSummary }> {
  const p = planRules(rules, opts);
  const seen = new Map<string, number>();
  const stats = await scanQueries(
    p.planned.map((x) => x.plan),
    paths,
    p.sink,
    {
      now: opts.now,
      lookupDirs: p.lookupDirs,
      onWarning: opts.onWarning,
      onMalformed: opts.onMalformed,
      onProgress: opts.onProgress,
      ...(opts.prefilter !== undefined ? { prefilter: opts.prefilter } : {}),
      ...(opts.threads !== undefined ? { threads: opts.threads } : {}),
      onEvent: (ev) => {
        countSourcetype(seen, ev);
        opts.onEvent?.(ev);
      },
    },
  );
  return collect(rules, p, seen, stats.eventsParsed, opts, stats.counts);
}

function collect(
  rules: readonly Rule[],
  p: PlannedRules,
  seen: ReadonlyMap<string, number>,
  count: number,
  opts: RunRulesOptions,
  read: ReadCounts | null,
): { alerts: Alert[]; summary: RunSummary } {
  const ran: string[] = [];
  const skipped: string[] = [];
  let alerts: Alert[] = [];
  p.planned.forEach((x, i) => {
    if (!x.rule.sourcetypes.some((s) => seen.has(s))) {
      skipped.push(x.rule.id);
      return;
    }
    ran.push(x.rule.id);
    alerts.push(...p.rows[i]!);
  });
  alerts.sort((a, b) => (a._time ?? Infinity) - (b._time ?? Infinity) || a.rule_id.localeCompare(b.rule_id));
  let suppressed = 0;
  if (opts.suppressSeconds !== undefined) {
    const byId = new Map(rules.map((r) => [r.id, r.entities]));
    const s = suppressRepeats(alerts, (id) => byId.get(id) ?? [], opts.suppressSeconds);
    alerts = s.kept;
    suppressed = s.suppressed;
  }
  return { alerts, summary: { events: count, sourcetypes: seen, read, ran, skipped, failed: p.failed, alerts: alerts.length, suppressed } };
}

/** The alerts of every rule over `events` (one pass). Throws the first planning error: rules must not fail silently. */
export async function runRules(rules: readonly Rule[], events: Iterable<Event> | AsyncIterable<Event>, opts: RunRulesOptions = {}): Promise<Alert[]> {
  const { alerts, summary } = await runRulesWithSummary(rules, events, opts);
  if (summary.failed.length > 0) throw new SightlineError(summary.failed[0]!.diagnostic);
  return alerts;
}
