// Runs the `tests:` of a rule through the real engine: inline events (or fixture files) -> runRules -> the
// expectation (alert / no_alert, AlertTypes, entity values, count). Used by test/rules and by `sightline test`.

import { resolve } from 'node:path';
import type { Event } from '../core/event.ts';
import { valuesOf, scalarToString } from '../core/value.ts';
import { makeEvent } from '../ingest/make-event.ts';
import { readEvents } from '../ingest/read.ts';
import type { Alert } from './alert.ts';
import type { Rule } from './load.ts';
import { runRules } from './run.ts';
import type { RuleTest } from './schema.ts';

export interface RuleTestResult {
  readonly rule: string;
  readonly test: string;
  readonly passed: boolean;
  /** Why it failed (empty when passed). */
  readonly problems: readonly string[];
  readonly alerts: readonly Alert[];
}

/** The events of one test: inline records (sourcetype given or detected) then fixture files. */
export async function testEvents(test: RuleTest, root = process.cwd()): Promise<Event[]> {
  const events: Event[] = [];
  for (const record of test.events ?? []) events.push(makeEvent(record, test.sourcetype ? { sourcetype: test.sourcetype } : {}));
  if (test.fixtures?.length) for await (const e of readEvents(test.fixtures.map((f) => resolve(root, f)))) events.push(e);
  return events;
}

function hasValue(alert: Alert, field: string, expected: string | number): boolean {
  return valuesOf(alert[field] ?? null).some((v) => scalarToString(v) === String(expected));
}

/** Checks alerts against a test's expectation; returns the problems (none = passed). */
export function judge(test: RuleTest, alerts: readonly Alert[]): string[] {
  const problems: string[] = [];
  if (test.expect === 'no_alert') {
    if (alerts.length > 0) problems.push(`expected no alert, got ${alerts.length} (${[...new Set(alerts.map((a) => a.AlertType))].join(', ')})`);
    return problems;
  }
  if (alerts.length === 0) return ['expected an alert, got none'];
  for (const t of test.alert_types ?? []) if (!alerts.some((a) => a.AlertType === t)) problems.push(`no alert with AlertType ${t}`);
  if (test.entities) {
    const entries = Object.entries(test.entities);
    if (!alerts.some((a) => entries.every(([f, v]) => hasValue(a, f, v)))) problems.push(`no alert has ${entries.map(([f, v]) => `${f}=${v}`).join(', ')}`);
  }
  if (test.count !== undefined && alerts.length !== test.count) problems.push(`expected ${test.count} alerts, got ${alerts.length}`);
  return problems;
}

export async function runRuleTest(rule: Rule, test: RuleTest, opts: { root?: string; now?: number } = {}): Promise<RuleTestResult> {
  const events = await testEvents(test, opts.root);
  const alerts = await runRules([rule], events, { tuned: test.tuned, now: opts.now });
  const problems = judge(test, alerts);
  return { rule: rule.id, test: test.name, passed: problems.length === 0, problems, alerts };
}

export async function runRuleTests(rule: Rule, opts: { root?: string; now?: number } = {}): Promise<RuleTestResult[]> {
  const out: RuleTestResult[] = [];
  for (const t of rule.tests) out.push(await runRuleTest(rule, t, opts));
  return out;
}
