// What `sightline detect --sigma DIR` needs beside the SPL rules (loading is rule-set.ts): feed the
// Sigma run from the same single pass over the input (a tee on the event stream), and a Rule-shaped view of a
// Sigma query so the alert formatters (table entities, OCSF analytic/attacks) describe Sigma alerts too.

import type { Event } from '../core/event.ts';
import type { Alert } from '../rules/alert.ts';
import type { Rule } from '../rules/load.ts';
import type { SigmaQuery } from './lower.ts';
import type { SigmaRun } from './run.ts';

/** Passes every event through unchanged after pushing it into the Sigma run. */
export async function* teeEvents(events: AsyncIterable<Event>, run: SigmaRun): AsyncIterable<Event> {
  for await (const ev of events) {
    run.push(ev);
    yield ev;
  }
}

/** The Rule fields the alert formatters read, filled from the Sigma query. */
export function sigmaRuleView(q: SigmaQuery): Rule {
  return {
    id: q.id,
    title: q.title,
    description: q.description,
    version: 1,
    entities: [...q.entities],
    attack: { tactic: q.attack.tactic, tactics: [...q.attack.tactics], tactic_id: '', technique: q.attack.technique, technique_name: '', ...(q.attack.subtechnique ? { subtechnique: q.attack.subtechnique, subtechnique_name: '' } : {}) },
  } as unknown as Rule;
}

/** SPL and Sigma alerts in one time order (as runRules orders its own). */
export function mergeAlerts(a: readonly Alert[], b: readonly Alert[]): Alert[] {
  return [...a, ...b].sort((x, y) => (x._time ?? Infinity) - (y._time ?? Infinity) || x.rule_id.localeCompare(y.rule_id));
}
