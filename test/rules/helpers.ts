// Shared helpers of the rules tests: the catalog, events from rule tests, and an order-insensitive alert form.

import { resolve } from 'node:path';
import type { Event } from '../../src/core/event.ts';
import type { Alert } from '../../src/rules/alert.ts';
import { loadRules, type Rule } from '../../src/rules/load.ts';
import { testEvents } from '../../src/rules/rule-tests.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RULES_DIR = resolve(ROOT, 'rules');
export const FIXTURES = resolve(import.meta.dirname, 'fixtures');

let cached: Promise<Rule[]> | undefined;
export function catalog(): Promise<Rule[]> {
  return (cached ??= loadRules(RULES_DIR));
}

export async function ruleById(id: string): Promise<Rule> {
  const r = (await catalog()).find((x) => x.id === id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

/** Every event of every test of a rule (alerting and quiet ones), for whole-rule comparisons. */
export async function allTestEvents(rule: Rule): Promise<Event[]> {
  const out: Event[] = [];
  for (const t of rule.tests) out.push(...(await testEvents(t, ROOT)));
  return out;
}

/** Alerts as sorted canonical JSON of their row fields (rule metadata dropped), for set comparison. */
export function canonicalRows(alerts: readonly Record<string, unknown>[], drop: readonly string[] = []): string[] {
  return alerts
    .map((a) => {
      const keys = Object.keys(a).filter((k) => !drop.includes(k) && a[k] !== null && a[k] !== undefined).sort();
      return JSON.stringify(keys.map((k) => [k, a[k]]));
    })
    .sort();
}

export type { Alert };
