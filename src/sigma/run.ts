// Runs lowered Sigma queries over events through exec's push-based startQueries, so one pass over the data
// feeds every Sigma rule (and, from `detect`, the SPL rules beside them). Alerts carry the Sigma rule's id,
// title, level (as severity), ATT&CK tags (as technique and every tactic), its tags and its author (DRL 1.1 asks for
// the author wherever matches are shown); Sigma has no confidence field, so alerts say `confidence: medium`. Queries none of whose sourcetypes occur in the data are skipped.

import type { Diagnostic } from '../core/diagnostics.ts';
import type { Event } from '../core/event.ts';
import type { Scalar } from '../core/value.ts';
import { startQueries } from '../exec/run.ts';
import { rowToAlert, type Alert } from '../rules/alert.ts';
import type { SigmaQuery } from './lower.ts';

export interface SigmaRunOptions {
  readonly now?: number;
  readonly onWarning?: (d: Diagnostic) => void;
}

export interface SigmaRun {
  push(ev: Event): void;
  /** Ends the run; returns the alerts of queries whose sourcetypes were seen, in time order. */
  end(): { alerts: Alert[]; ran: string[]; skipped: string[] };
}

export const SIGMA_CONFIDENCE = 'medium';

/** The alert of one output row of a Sigma query. */
export function sigmaAlert(q: SigmaQuery, row: Parameters<typeof rowToAlert>[1]): Alert {
  const a = rowToAlert({ id: q.id, title: q.title, attack: q.attack as never, severity: q.level as never, confidence: SIGMA_CONFIDENCE }, row);
  const extra: Record<string, Scalar | readonly Scalar[]> = {};
  if (q.author) extra.sigma_author = q.author;
  if (q.tags.length) extra.sigma_tags = q.tags.length === 1 ? q.tags[0]! : [...q.tags];
  // Every tactic the rule is tagged with, not only the first (a multivalue field, as sigma_tags).
  if (q.attack.tactics.length > 1) extra.tactic = [...q.attack.tactics];
  return { ...a, ...extra } as Alert;
}

export function startSigma(queries: readonly SigmaQuery[], opts: SigmaRunOptions = {}): SigmaRun {
  const rows: Alert[][] = queries.map(() => []);
  const run = startQueries(
    queries.map((q) => q.plan),
    (i, row) => void rows[i]!.push(sigmaAlert(queries[i]!, row)),
    { ...(opts.now !== undefined ? { now: opts.now } : {}), ...(opts.onWarning ? { onWarning: opts.onWarning } : {}) },
  );
  const seen = new Set<string>();
  return {
    push(ev) {
      seen.add(ev.sourcetype);
      run.push(ev);
    },
    end() {
      run.end();
      const alerts: Alert[] = [];
      const ran: string[] = [];
      const skipped: string[] = [];
      queries.forEach((q, i) => {
        if (!q.sourcetypes.some((s) => seen.has(s))) return void skipped.push(q.id);
        ran.push(q.id);
        alerts.push(...rows[i]!);
      });
      alerts.sort((a, b) => (a._time ?? Infinity) - (b._time ?? Infinity) || a.rule_id.localeCompare(b.rule_id));
      return { alerts, ran, skipped };
    },
  };
}

export async function runSigma(queries: readonly SigmaQuery[], events: Iterable<Event> | AsyncIterable<Event>, opts: SigmaRunOptions = {}): Promise<Alert[]> {
  const run = startSigma(queries, opts);
  for await (const ev of events as AsyncIterable<Event>) run.push(ev);
  return run.end().alerts;
}
