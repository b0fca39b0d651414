// The web layer's only door into the engine (rules, planner, executor, ingest, backends, scenarios). Those
// modules are built by other people in parallel, so they are loaded lazily by their published names; a
// missing module fails closed with WEB-ENGINE-MISSING instead of the server pretending rules ran.

import type { Event } from '../core/event.ts';
import type { Diagnostic } from '../core/diagnostics.ts';
import { fail } from '../core/diagnostics.ts';
import { JsonEvent } from '../ingest/json-event.ts';

/** A rule as the rules engine returns it; the web layer reads fields defensively (see rule-view.ts). */
export type EngineRule = Readonly<Record<string, unknown>> & { readonly id: string; readonly spl: string };
export type EngineAlert = Readonly<Record<string, unknown>>;
export type EngineRow = { toJSON(): Record<string, unknown> } | Record<string, unknown>;

type AnyModule = Record<string, any>;
const cache = new Map<string, Promise<AnyModule | null>>();

async function loadFirst(candidates: readonly string[]): Promise<AnyModule | null> {
  for (const path of candidates) {
    let p = cache.get(path);
    if (!p) {
      p = import(path).then((m: AnyModule) => m, (err: unknown) => {
        // Only "not there yet" is tolerated; a module that exists but throws is a real error.
        const code = (err as { code?: string }).code;
        if (code === 'ERR_MODULE_NOT_FOUND') return null;
        throw err;
      });
      cache.set(path, p);
    }
    const m = await p;
    if (m) return m;
  }
  return null;
}

async function need(fnName: string, candidates: readonly string[]): Promise<(...args: any[]) => any> {
  for (const path of candidates) {
    const m = await loadFirst([path]);
    if (m && typeof m[fnName] === 'function') return m[fnName] as (...args: any[]) => any;
  }
  fail('WEB-ENGINE-MISSING', `the engine function ${fnName} is not available`, { hint: `expected in one of ${candidates.join(', ')}` });
}

const RULES = ['../rules/index.ts', '../rules/load.ts', '../rules/loader.ts'];
const RUN_RULES = ['../rules/run.ts', '../rules/index.ts'];
const PLAN = ['../plan/index.ts'];
const EXEC = ['../exec/run.ts'];
const SPL = ['../spl/index.ts'];
const INGEST_READ = ['../ingest/read.ts', '../ingest/index.ts'];
const INGEST_MAKE = ['../ingest/make-event.ts', '../ingest/index.ts'];
const BACKENDS = ['../backends/index.ts', '../backends/registry.ts'];
const SCENARIOS = ['../scenarios/index.ts', '../scenarios/run.ts', '../scenarios/test-rules.ts'];

export async function loadRules(dir: string): Promise<EngineRule[]> {
  const fn = await need('loadRules', RULES);
  return (await fn(dir)) as EngineRule[];
}

/** Runs rules over events and returns alerts shaped as `detect --format json` prints them. */
export async function runRules(rules: readonly EngineRule[], events: readonly Event[], opts: { now?: number } = {}): Promise<EngineAlert[]> {
  const fn = await need('runRules', RUN_RULES);
  const alerts = (await fn(rules, events, opts)) as unknown[];
  return alerts.map((a) => toPlain(a) as EngineAlert);
}

/** Parses an ad-hoc query; returns the plan or the parse diagnostics (with spans). */
export async function planSpl(spl: string): Promise<{ plan: unknown | null; diagnostics: Diagnostic[] }> {
  const parse = await need('parseSpl', SPL);
  const { ast, diagnostics } = parse(spl) as { ast: unknown; diagnostics: Diagnostic[] };
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!ast || errors.length > 0) return { plan: null, diagnostics };
  const lower = await need('lowerPipeline', ['../plan/lower.ts', ...PLAN]);
  return { plan: lower(ast), diagnostics };
}

export async function planRule(spl: string): Promise<{ root: { kind: string } }> {
  const fn = await need('planQuery', PLAN);
  return fn(spl) as { root: { kind: string } };
}

export async function runPlan(plan: unknown, events: readonly Event[], opts: { now?: number; onWarning?: (d: Diagnostic) => void } = {}): Promise<Record<string, unknown>[]> {
  const fn = await need('runQuery', EXEC);
  const rows = (await fn(plan, events, opts)) as unknown[];
  return rows.map(toPlain);
}

export async function readEventFiles(paths: readonly string[], onMalformed?: (d: Diagnostic) => void): Promise<Event[]> {
  const fn = await need('readEvents', INGEST_READ);
  const out: Event[] = [];
  for await (const e of fn(paths, { onMalformed }) as AsyncIterable<Event>) out.push(e);
  return out;
}

/** Builds an event from a parsed JSON record; the sourcetype is detected by ingest when not given. */
export async function makeEvent(record: unknown, raw: string, meta: { sourcetype?: string; source: string; host: string; index: string; time?: number }): Promise<Event> {
  const mod = await loadFirst(INGEST_MAKE);
  if (mod && typeof mod.makeEvent === 'function') {
    const e = mod.makeEvent(record, { ...meta, ...(meta.time === undefined ? {} : { time: meta.time }) }) as Event;
    return e;
  }
  // Ingest's detector is not there yet: keep the declared metadata and the envelope time.
  return new JsonEvent(raw, { sourcetype: meta.sourcetype ?? 'httpevent', source: meta.source, host: meta.host, index: meta.index, time: meta.time ?? Date.now() / 1000 }, record);
}

export interface Translation {
  readonly target: string;
  readonly text: string | null;
  readonly error: string | null;
}

/** Every translation of a rule the backends offer (Sigma first); an empty list when backends are missing. */
export async function translateRule(rule: EngineRule): Promise<Translation[]> {
  const mod = await loadFirst(BACKENDS);
  if (!mod) return [];
  const targets: string[] = typeof mod.listBackends === 'function' ? mod.listBackends() : ['sigma', 'kql', 'esql', 'sql'];
  const out: Translation[] = [];
  for (const target of targets) {
    try {
      let text: unknown = null;
      if (typeof mod.convertRule === 'function') text = await mod.convertRule(rule, target);
      else if (typeof mod.translateRule === 'function') text = await mod.translateRule(rule, target);
      else if (typeof mod.translate === 'function') text = await mod.translate(rule, target);
      const t = typeof text === 'string' ? text : text && typeof (text as { text?: unknown }).text === 'string' ? (text as { text: string }).text : null;
      out.push({ target, text: t, error: t === null ? 'no output' : null });
    } catch (err) {
      out.push({ target, text: null, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return out;
}

export interface RuleTestResult {
  readonly ruleId: string;
  readonly passed: boolean;
  readonly details: readonly string[];
}

/** The live result of `sightline test` for the rules, or null when the scenarios module is not there. */
export async function testRules(rules: readonly EngineRule[]): Promise<Map<string, RuleTestResult> | null> {
  const mod = await loadFirst(SCENARIOS);
  const fn = mod && (mod.testRules ?? mod.runRuleTests);
  if (typeof fn !== 'function') return null;
  const results = (await fn(rules)) as unknown[];
  const map = new Map<string, RuleTestResult>();
  for (const r of results) {
    const o = r as Record<string, unknown>;
    const ruleId = String(o.ruleId ?? o.rule_id ?? '');
    const details = Array.isArray(o.details) ? o.details.map(String) : Array.isArray(o.cases) ? o.cases.map((c) => JSON.stringify(c)) : [];
    map.set(ruleId, { ruleId, passed: Boolean(o.passed ?? o.ok), details });
  }
  return map;
}

function toPlain(x: unknown): Record<string, unknown> {
  if (x && typeof (x as { toJSON?: unknown }).toJSON === 'function') return (x as { toJSON(): Record<string, unknown> }).toJSON();
  return { ...(x as Record<string, unknown>) };
}
