// The rule test harness behind `sightline test`: for each rule, generate every scenario whose `expect`
// names it, run the rule (tuned, as deployed) through runRules, and judge. Attack scenarios must alert with
// the expected AlertType and entities; benign ones must stay quiet after tuning, and when a scenario says
// an allowlist silences it, the untuned rule must alert on it (proving the allowlist, not luck, is why).

import { SightlineError } from '../core/diagnostics.ts';
import type { Event } from '../core/event.ts';
import { valuesOf, scalarToString, type Value } from '../core/value.ts';
import type { Alert } from '../rules/alert.ts';
import type { Rule } from '../rules/load.ts';
import { runRules } from '../rules/run.ts';
import { generateScenario } from './generate.ts';
import type { Expectation, Scenario } from './schema.ts';
import { toEvents } from './to-events.ts';

export interface ScenarioCheck {
  readonly scenario: string;
  readonly kind: Scenario['kind'];
  readonly expectation: Expectation;
  readonly passed: boolean;
  readonly alerts: number;
  /** Why it failed, or what it proved. */
  readonly detail: string;
}

export interface RuleReport {
  readonly rule: Rule;
  readonly checks: readonly ScenarioCheck[];
  /** Coverage gaps: no attack scenario, no benign scenario. */
  readonly gaps: readonly string[];
  readonly passed: boolean;
}

export interface HarnessOptions {
  readonly volume?: number;
}

/** Generates each scenario once and keeps its events for every rule that needs them. */
export class EventCache {
  private readonly cache = new Map<string, { events: Event[]; end: number }>();
  constructor(private readonly opts: HarnessOptions) {}
  get(s: Scenario): { events: Event[]; end: number } {
    let hit = this.cache.get(s.id);
    if (!hit) {
      const recs = generateScenario(s, { volume: this.opts.volume });
      hit = { events: toEvents(recs), end: recs.reduce((m, r) => Math.max(m, r.time), 0) };
      this.cache.set(s.id, hit);
    }
    return hit;
  }
}

export async function testRules(rules: readonly Rule[], scenarios: readonly Scenario[], opts: HarnessOptions = {}): Promise<RuleReport[]> {
  const cache = new EventCache(opts);
  const reports: RuleReport[] = [];
  for (const rule of rules) {
    const mine = scenarios.filter((s) => s.expect[rule.id] !== undefined);
    const checks: ScenarioCheck[] = [];
    for (const s of mine) checks.push(await checkScenario(rule, s, s.expect[rule.id]!, cache));
    const gaps: string[] = [];
    if (!mine.some((s) => s.kind === 'attack' && s.expect[rule.id]!.alert)) gaps.push('no attack scenario expects an alert');
    if (!mine.some((s) => s.kind === 'benign' && !s.expect[rule.id]!.alert)) gaps.push('no benign scenario expects silence');
    reports.push({ rule, checks, gaps, passed: gaps.length === 0 && checks.every((c) => c.passed) });
  }
  return reports;
}

async function alertsOf(rule: Rule, events: Event[], end: number, tuned: boolean): Promise<Alert[]> {
  const all = await runRules([rule], events, { tuned, now: end + 60 });
  return all.filter((a) => a.rule_id === rule.id);
}

export async function checkScenario(rule: Rule, s: Scenario, e: Expectation, cache: EventCache | HarnessOptions = {}): Promise<ScenarioCheck> {
  const { events, end } = (cache instanceof EventCache ? cache : new EventCache(cache)).get(s);
  const base = { scenario: s.id, kind: s.kind, expectation: e };
  let alerts: Alert[];
  try {
    alerts = await alertsOf(rule, events, end, true);
  } catch (err) {
    const msg = err instanceof SightlineError ? err.message : String(err);
    return { ...base, passed: false, alerts: 0, detail: `rule did not run: ${msg}` };
  }
  if (e.alert) {
    // An attack test must pin down who did it: at least one of the rule's entity fields.
    if (!rule.entities.some((f) => f in e.entities)) {
      return { ...base, passed: false, alerts: alerts.length, detail: `the expectation checks none of the rule's entities (${rule.entities.join(', ')})` };
    }
    if (alerts.length < e.min_alerts) return { ...base, passed: false, alerts: alerts.length, detail: `expected at least ${e.min_alerts} alert(s), got ${alerts.length}` };
    if (e.max_alerts !== undefined && alerts.length > e.max_alerts) {
      return { ...base, passed: false, alerts: alerts.length, detail: `expected at most ${e.max_alerts} alert(s), got ${alerts.length}` };
    }
    const typed = alerts.filter((a) => a.AlertType === e.alert_type);
    if (typed.length === 0) {
      const seen = [...new Set(alerts.map((a) => a.AlertType))].join(', ');
      return { ...base, passed: false, alerts: alerts.length, detail: `no alert has AlertType=${e.alert_type} (got ${seen})` };
    }
    const match = typed.find((a) => Object.entries(e.entities).every(([k, v]) => hasValue(a[k] as Value | undefined, v)));
    if (!match) {
      const want = Object.entries(e.entities).map(([k, v]) => `${k}=${v}`).join(' ');
      const got = Object.keys(e.entities).map((k) => `${k}=${JSON.stringify(typed[0]![k] ?? null)}`).join(' ');
      return { ...base, passed: false, alerts: alerts.length, detail: `no ${e.alert_type} alert has ${want} (first has ${got})` };
    }
    return { ...base, passed: true, alerts: alerts.length, detail: `${e.alert_type} with ${Object.keys(e.entities).join(', ') || 'no entity check'}` };
  }
  if (alerts.length > 0) {
    const first = alerts[0]!;
    return { ...base, passed: false, alerts: alerts.length, detail: `expected no alert after tuning, got ${alerts.length} (first: ${first.AlertType ?? 'no AlertType'})` };
  }
  if (e.tuning === null) return { ...base, passed: true, alerts: 0, detail: 'quiet by the rule logic' };
  if (!rule.tuning.allowlists.some((a) => a.id === e.tuning)) {
    return { ...base, passed: false, alerts: 0, detail: `scenario names allowlist "${e.tuning}", which the rule does not have` };
  }
  const untuned = await alertsOf(rule, events, end, false);
  if (untuned.length === 0) {
    return { ...base, passed: false, alerts: 0, detail: `quiet even without tuning: allowlist "${e.tuning}" is not what silences it (set tuning: null)` };
  }
  return { ...base, passed: true, alerts: 0, detail: `allowlist ${e.tuning} silences ${untuned.length} alert(s)` };
}

function hasValue(v: Value | undefined, want: string | number): boolean {
  return valuesOf(v ?? null).some((s) => scalarToString(s) === String(want));
}
