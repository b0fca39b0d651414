// Runs many rules over one stream of events in ONE pass: every rule is planned (its tuning filter appended),
// all plans go to exec's startQueries, each event is pushed once. Rules none of whose sourcetypes occur in
// the data are reported as skipped and their rows dropped (an aggregate over no events must not alert).

import { dirname, join } from 'node:path';
import type { Diagnostic } from '../core/diagnostics.ts';
import { SightlineError } from '../core/diagnostics.ts';
import type { Event } from '../core/event.ts';
import type { QueryPlan } from '../plan/nodes.ts';
import { planQuery } from '../plan/index.ts';
import { startQueries } from '../exec/run.ts';
import { rowToAlert, type Alert } from './alert.ts';
import type { Rule } from './load.ts';
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
}

export interface RunSummary {
  readonly events: number;
  readonly sourcetypes: ReadonlyMap<string, number>;
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

export async function runRulesWithSummary(
  rules: readonly Rule[],
  events: Iterable<Event> | AsyncIterable<Event>,
  opts: RunRulesOptions = {},
): Promise<{ alerts: Alert[]; summary: RunSummary }> {
  const planned: { rule: Rule; plan: QueryPlan }[] = [];
  const failed: { rule: string; diagnostic: Diagnostic }[] = [];
  for (const rule of rules) {
    try {
      planned.push({ rule, plan: planRule(rule, opts.tuned ?? true) });
    } catch (err) {
      if (!(err instanceof SightlineError)) throw err;
      // The planner's span is an SPL offset: report it where it sits in the rule file.
      const span = err.diagnostic.span;
      const fileSpan = span ? { start: rule.splToFile(span.start), end: span.end > span.start ? rule.splToFile(span.end - 1) + 1 : rule.splToFile(span.start) } : undefined;
      failed.push({ rule: rule.id, diagnostic: { ...err.diagnostic, file: rule.file, ...(fileSpan ? { span: fileSpan } : {}) } });
    }
  }
  const rows: Alert[][] = planned.map(() => []);
  const lookupDirs = [...new Set([...(opts.lookupDirs ?? []), ...rules.flatMap((r) => [join(r.dir, 'lookups'), r.dir, join(dirname(r.dir), 'lookups')])])];
  const run = startQueries(
    planned.map((p) => p.plan),
    (i, row) => void rows[i]!.push(rowToAlert(planned[i]!.rule, row)),
    { now: opts.now, lookupDirs, onWarning: opts.onWarning },
  );
  const seen = new Map<string, number>();
  let count = 0;
  for await (const ev of events as AsyncIterable<Event>) {
    count++;
    seen.set(ev.sourcetype, (seen.get(ev.sourcetype) ?? 0) + 1);
    run.push(ev);
  }
  run.end();
  const ran: string[] = [];
  const skipped: string[] = [];
  let alerts: Alert[] = [];
  planned.forEach((p, i) => {
    if (!p.rule.sourcetypes.some((s) => seen.has(s))) {
      skipped.push(p.rule.id);
      return;
    }
    ran.push(p.rule.id);
    alerts.push(...rows[i]!);
  });
  alerts.sort((a, b) => (a._time ?? Infinity) - (b._time ?? Infinity) || a.rule_id.localeCompare(b.rule_id));
  let suppressed = 0;
  if (opts.suppressSeconds !== undefined) {
    const byId = new Map(rules.map((r) => [r.id, r.entities]));
    const s = suppressRepeats(alerts, (id) => byId.get(id) ?? [], opts.suppressSeconds);
    alerts = s.kept;
    suppressed = s.suppressed;
  }
  return { alerts, summary: { events: count, sourcetypes: seen, ran, skipped, failed, alerts: alerts.length, suppressed } };
}

/** The alerts of every rule over `events` (one pass). Throws the first planning error: rules must not fail silently. */
export async function runRules(rules: readonly Rule[], events: Iterable<Event> | AsyncIterable<Event>, opts: RunRulesOptions = {}): Promise<Alert[]> {
  const { alerts, summary } = await runRulesWithSummary(rules, events, opts);
  if (summary.failed.length > 0) throw new SightlineError(summary.failed[0]!.diagnostic);
  return alerts;
}
