// A rule as the catalog shows it: the rules engine's Rule read defensively into one display shape (every
// field the seed detection pages show), so a rule missing an optional section renders without it.

import type { EngineRule } from '../engine.ts';

export interface AttackRef {
  readonly tactic: string | null;
  readonly technique: string | null;
  readonly subtechnique: string | null;
}

export interface RuleView {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly attack: AttackRef;
  /** The most specific ATT&CK id (sub-technique, else technique). */
  readonly techniqueId: string | null;
  readonly severity: string;
  readonly confidence: string;
  readonly spl: string;
  readonly sourcetypes: readonly string[];
  readonly dataSources: readonly string[];
  readonly falsePositives: readonly string[];
  readonly tuning: readonly string[];
  readonly testing: readonly { readonly name: string; readonly expected: string }[];
  readonly playbook: readonly string[];
  readonly investigation: readonly string[];
  readonly hunting: readonly { readonly title: string; readonly spl: string }[];
  readonly related: readonly string[];
  readonly references: readonly string[];
  readonly file: string | null;
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  return null;
}

function first(o: Record<string, unknown>, names: readonly string[]): unknown {
  for (const n of names) if (o[n] !== undefined && o[n] !== null) return o[n];
  return undefined;
}

/** A list of display strings from a string, a list, or a list of objects (`{name|title|text|step: ...}`). */
function lines(v: unknown): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return v.split(/\n+/).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(v)) return v.flatMap((x) => (typeof x === 'string' ? [x] : x && typeof x === 'object' ? [describe(x as Record<string, unknown>)] : x === null ? [] : [String(x)]));
  if (typeof v === 'object') {
    return Object.entries(v as Record<string, unknown>).flatMap(([k, x]) => lines(x).map((l) => `${k}: ${l}`));
  }
  return [String(v)];
}

function describe(o: Record<string, unknown>): string {
  const head = str(first(o, ['name', 'title', 'step', 'field']));
  const body = str(first(o, ['description', 'text', 'details', 'value', 'reason', 'expected']));
  if (head && body) return `${head}: ${body}`;
  return head ?? body ?? JSON.stringify(o);
}

export function toRuleView(rule: EngineRule): RuleView {
  const r = rule as Record<string, unknown>;
  const attackRaw = (r.attack ?? {}) as Record<string, unknown>;
  const attack: AttackRef = {
    tactic: str(attackRaw.tactic),
    technique: str(attackRaw.technique),
    subtechnique: str(attackRaw.subtechnique),
  };
  const tuning = r.tuning;
  const fpFromTuning = tuning && typeof tuning === 'object' && !Array.isArray(tuning) ? (tuning as Record<string, unknown>).false_positives ?? (tuning as Record<string, unknown>).falsePositives : undefined;
  const testsRaw = first(r, ['testing', 'atomic_tests', 'methodology']);
  const testing = (Array.isArray(testsRaw) ? testsRaw : []).map((t) => {
    const o = (t ?? {}) as Record<string, unknown>;
    return { name: str(first(o, ['name', 'title'])) ?? 'test', expected: str(first(o, ['expected', 'expected_signal', 'description'])) ?? '' };
  });
  const huntingRaw = first(r, ['hunting', 'hunting_queries', 'huntingQueries']);
  const hunting = (Array.isArray(huntingRaw) ? huntingRaw : []).map((h, i) => {
    if (typeof h === 'string') return { title: `Hunting query ${i + 1}`, spl: h };
    const o = (h ?? {}) as Record<string, unknown>;
    return { title: str(first(o, ['title', 'name'])) ?? `Hunting query ${i + 1}`, spl: str(first(o, ['spl', 'query'])) ?? '' };
  });
  return {
    id: rule.id,
    title: str(r.title) ?? rule.id,
    description: str(r.description) ?? '',
    attack,
    techniqueId: attack.subtechnique ?? attack.technique,
    severity: str(r.severity) ?? 'unknown',
    confidence: str(r.confidence) ?? 'unknown',
    spl: rule.spl,
    sourcetypes: lines(r.sourcetypes),
    dataSources: lines(first(r, ['data_sources', 'dataSources'])),
    falsePositives: lines(first(r, ['false_positives', 'falsePositives']) ?? fpFromTuning),
    tuning: fpFromTuning !== undefined ? lines(first(tuning as Record<string, unknown>, ['guidance', 'notes', 'suppress', 'allowlist'])) : lines(tuning),
    testing,
    playbook: lines(first(r, ['playbook', 'response_playbook', 'response'])),
    investigation: lines(first(r, ['investigation', 'investigation_guide', 'investigationGuide'])),
    hunting,
    related: lines(first(r, ['related', 'related_detections', 'relatedDetections'])),
    references: lines(r.references),
    file: str(first(r, ['file', 'path', 'source_file'])),
  };
}
