// The web layer's only door into the engine: rules (load, run, alert JSON), planner, executor, ingest, the
// scenario harness behind `sightline test`, and rule translation from the app layer, as `sightline convert` does it.

import type { Diagnostic, Event, QueryPlan, Rule } from '../index.ts';
import { loadRules as loadRuleFiles, runRules as runRuleSet, planQuery, runQuery, startQueries, readEvents, makeEvent as makeIngestEvent } from '../index.ts';
// Not (yet) in the public API of src/index.ts: the tuned rule plan and row-to-alert mapping (for attributing
// streaming alerts to events), malformed-input reports, the scenario harness behind `sightline test`, and
// the app layer's per-rule translation that `convert` also uses (Sigma with allowlist filters).
import { planRule as planRuleWithTuning } from '../rules/run.ts';
import { loadRulesEach as loadRuleFilesEach } from '../rules/load.ts';
import { rowToAlert } from '../rules/alert.ts';
import type { MalformedInput } from '../ingest/read.ts';
import type { Row } from '../exec/row.ts';
import type { ExecOptions } from '../exec/run.ts';
export type { MalformedInput };
import { testRules as harnessTestRules } from '../scenarios/harness.ts';
import { loadScenarios } from '../scenarios/load.ts';
import { ruleLookupDirs } from '../rules/lookup-dirs.ts';
import { convertRule } from '../app/convert-rule.ts';
// Sigma rules beside the SPL rules (`serve --sigma`): loaded as a set that refuses what cannot run, one rule at a time.
import { loadSigmaSet, sigmaSetSummary, formatRefusal, type SigmaSet } from '../sigma/rule-set.ts';
import { runSigma, sigmaAlert } from '../sigma/run.ts';
import { sigmaRuleView } from '../sigma/detect.ts';
import type { SigmaQuery } from '../sigma/lower.ts';
export { loadSigmaSet, sigmaSetSummary, formatRefusal, sigmaRuleView, type SigmaSet, type SigmaQuery };

export type EngineRule = Rule;
/** An alert in the flat JSON form `detect --format json` prints. */
export type EngineAlert = Readonly<Record<string, unknown>>;

export async function loadRules(dir: string): Promise<EngineRule[]> {
  return loadRuleFiles(dir);
}

/** The rules of `dir` that load, and a diagnostic naming each file that does not (one bad file costs only its rule). */
export async function loadRulesEach(dir: string): Promise<{ rules: EngineRule[]; failed: Diagnostic[] }> {
  return loadRuleFilesEach(dir);
}

/** Runs rules over events (tuned, one pass) and returns alerts as `detect --format json` prints them. */
export async function runRules(rules: readonly EngineRule[], events: readonly Event[], opts: { now?: number } = {}): Promise<EngineAlert[]> {
  const alerts = await runRuleSet(rules, events, opts);
  // Alerts are already flat (detect's JSON form); copy them into plain records.
  return alerts.map((a) => ({ ...a }));
}

/** The rule's plan as it runs (with its tuning filter). */
export function planRule(rule: EngineRule): QueryPlan {
  return planRuleWithTuning(rule, true);
}

/** An alert with the event whose push produced it (null for rows only emitted at the end, e.g. after sort). */
export interface AttributedAlert {
  readonly alert: EngineAlert;
  readonly eventIndex: number | null;
}

/**
 * Streaming evaluation with attribution: the same tuned plans and alert shape as runRules, but each event is
 * pushed alone, and the rows a streaming plan emits during that push belong to that event. This is what
 * lets the server key an alert by the event that caused it.
 */
export function runStreamingRules(rules: readonly EngineRule[], events: readonly Event[], opts: { now?: number } = {}): AttributedAlert[] {
  const plans = rules.map((r) => planRuleWithTuning(r, true));
  const lookupDirs = [...new Set(rules.flatMap((r) => ruleLookupDirs(r)))];
  return pushAttributed(plans, (i, row) => rowToAlert(rules[i]!, row), events, { now: opts.now, lookupDirs });
}

/** Pushes each event alone; the alerts made during a push carry that event's index (null: made at the end). */
function pushAttributed(plans: readonly QueryPlan[], toAlert: (plan: number, row: Row) => EngineAlert, events: readonly Event[], opts: ExecOptions): AttributedAlert[] {
  const out: AttributedAlert[] = [];
  let current: number | null = null;
  const run = startQueries(plans, (i, row) => void out.push({ alert: { ...toAlert(i, row) }, eventIndex: current }), opts);
  for (let k = 0; k < events.length; k++) {
    current = k;
    run.push(events[k]!);
  }
  current = null;
  run.end();
  return out;
}

/** runStreamingRules for Sigma queries: each event pushed alone, the rows of that push attributed to it. */
export function runStreamingSigma(queries: readonly SigmaQuery[], events: readonly Event[], opts: { now?: number } = {}): AttributedAlert[] {
  return pushAttributed(queries.map((q) => q.plan), (i, row) => sigmaAlert(queries[i]!, row), events, { now: opts.now });
}

/** Sigma queries over a set of events (a window), alerts as runRules returns them. */
export async function runSigmaRules(queries: readonly SigmaQuery[], events: readonly Event[], opts: { now?: number } = {}): Promise<EngineAlert[]> {
  return (await runSigma(queries, events, opts)).map((a) => ({ ...a }));
}

/** Plans an ad-hoc query; throws SightlineError (with the span) when it does not parse or lower. */
export function planSpl(spl: string): QueryPlan {
  return planQuery(spl);
}

export async function runPlan(plan: QueryPlan, events: readonly Event[], opts: { now?: number; onWarning?: (d: Diagnostic) => void } = {}): Promise<Record<string, unknown>[]> {
  const rows = await runQuery(plan, events, opts);
  return rows.map((r) => r.toJSON() as Record<string, unknown>);
}

/**
 * Reads events from files, holding at most `limits.events` of them and `limits.rawBytes` of their decompressed
 * text; past either it stops reading (`truncated`). Yields to the event loop between input chunks.
 */
export async function readEventFiles(
  paths: readonly string[],
  onMalformed?: (m: MalformedInput) => void,
  limits: { events: number; rawBytes: number } = { events: Infinity, rawBytes: Infinity },
): Promise<{ events: Event[]; truncated: boolean }> {
  const out: Event[] = [];
  let bytes = 0;
  const abort = new AbortController();
  for await (const e of readEvents(paths, { signal: abort.signal, ...(onMalformed ? { onMalformed } : {}) })) {
    bytes += e._raw.length;
    if (out.length >= limits.events || bytes > limits.rawBytes) {
      abort.abort();
      return { events: out, truncated: true };
    }
    out.push(e);
  }
  return { events: out, truncated: false };
}

/** runRules, giving the event loop a turn every `every` events so HEC requests are served meanwhile. */
export async function runRulesYielding(rules: readonly EngineRule[], events: readonly Event[], every = 2000): Promise<EngineAlert[]> {
  async function* paced(): AsyncGenerator<Event> {
    for (let i = 0; i < events.length; i++) {
      if (i > 0 && i % every === 0) await new Promise((r) => setImmediate(r));
      yield events[i]!;
    }
  }
  const alerts = await runRuleSet(rules, paced());
  return alerts.map((a) => ({ ...a }));
}

/** An event for a parsed JSON record; ingest detects the sourcetype and reads its time field when not given. */
export function makeEvent(record: unknown, meta: { sourcetype?: string; source: string; host: string; index: string; time?: number }, onTimeOutOfRange?: () => void): Event {
  return makeIngestEvent(record, meta, onTimeOutOfRange);
}

export interface TranslationView {
  readonly target: string;
  readonly text: string | null;
  readonly error: string | null;
}

const TARGETS = ['sigma', 'kql', 'esql', 'sql'] as const;

/**
 * Every target's translation of a rule, exactly as `sightline convert --to <target>` writes it (Sigma with
 * the allowlists as Sigma filters, query languages from the tuned plan); a target that cannot express the
 * rule gives its first error instead of a weaker file.
 */
export async function translateRule(rule: EngineRule): Promise<TranslationView[]> {
  return TARGETS.map((target) => {
    try {
      const t = convertRule(rule, target);
      const firstError = t.diagnostics.find((d) => d.severity === 'error');
      return t.ok ? { target, text: t.text, error: null } : { target, text: null, error: firstError ? `${firstError.code}: ${firstError.message}` : 'not translatable' };
    } catch (err) {
      return { target, text: null, error: err instanceof Error ? err.message : String(err) };
    }
  });
}

export interface RuleTestResult {
  readonly ruleId: string;
  readonly passed: boolean;
  readonly checks: readonly { readonly scenario: string; readonly kind: string; readonly passed: boolean; readonly alerts: number; readonly detail: string }[];
  readonly gaps: readonly string[];
}

/** What `sightline test` reports per rule: each attack and benign scenario run against the rule. */
export async function testRules(rules: readonly EngineRule[], scenariosDir: string): Promise<Map<string, RuleTestResult>> {
  const scenarios = loadScenarios(scenariosDir).map((l) => l.scenario);
  const reports = await harnessTestRules(rules, scenarios);
  return new Map(
    reports.map((r) => [
      r.rule.id,
      { ruleId: r.rule.id, passed: r.passed, gaps: r.gaps, checks: r.checks.map((c) => ({ scenario: c.scenario, kind: c.kind, passed: c.passed, alerts: c.alerts, detail: c.detail })) },
    ]),
  );
}
