// A rule as the catalog shows it: the fields of the rule YAML (src/rules/schema.ts) arranged as the seed
// detection pages show them, with display strings prepared (false positives with their tuning, methodology
// steps, hunting queries), so pages only lay out text.

import type { EngineRule } from '../engine.ts';

export interface AttackRef {
  readonly tactic: string | null;
  readonly tacticId: string | null;
  readonly technique: string | null;
  readonly techniqueName: string | null;
  readonly subtechnique: string | null;
  readonly subtechniqueName: string | null;
  readonly reference: string | null;
}

export interface RuleView {
  readonly id: string;
  readonly title: string;
  readonly status: string;
  readonly description: string;
  readonly attack: AttackRef;
  /** The most specific ATT&CK id (sub-technique, else technique). */
  readonly techniqueId: string | null;
  readonly severity: string;
  readonly confidence: string;
  readonly spl: string;
  readonly alertTypes: readonly string[];
  readonly sourcetypes: readonly string[];
  readonly dataSources: readonly string[];
  readonly falsePositives: readonly string[];
  readonly tuning: readonly string[];
  readonly notes: readonly string[];
  readonly testing: readonly { readonly name: string; readonly behaviour: string; readonly expected: string; readonly test: string | null }[];
  readonly playbook: readonly string[];
  readonly investigation: readonly string[];
  readonly hunting: readonly { readonly title: string; readonly description: string; readonly spl: string }[];
  readonly related: readonly string[];
  readonly references: readonly string[];
  readonly testNames: readonly string[];
}

export function toRuleView(rule: EngineRule): RuleView {
  const a = rule.attack;
  return {
    id: rule.id,
    title: rule.title,
    status: rule.status,
    description: rule.description,
    attack: {
      tactic: a.tactic,
      tacticId: a.tactic_id,
      technique: a.technique,
      techniqueName: a.technique_name,
      subtechnique: a.subtechnique ?? null,
      subtechniqueName: a.subtechnique_name ?? null,
      reference: a.reference,
    },
    techniqueId: a.subtechnique ?? a.technique,
    severity: rule.severity,
    confidence: rule.confidence,
    spl: rule.spl,
    alertTypes: rule.alert_types,
    sourcetypes: rule.sourcetypes,
    dataSources: rule.data_sources,
    falsePositives: rule.false_positives.map((f) => `${f.description}${f.tuning ? ` (tuned by allowlist ${f.tuning})` : ''}${f.note ? ` (${f.note})` : ''}`),
    tuning: rule.tuning.allowlists.map((l) => `${l.id}: ${l.description} (${l.match} match on ${Object.values(l.fields).join(', ')})`),
    notes: rule.notes,
    testing: rule.testing_methodology.map((s) => ({ name: s.name, behaviour: s.behaviour, expected: s.expected_signal, test: s.test })),
    playbook: rule.response_playbook,
    investigation: rule.investigation_guide,
    hunting: rule.hunting_queries.map((h) => ({ title: h.name, description: h.description, spl: h.spl })),
    related: rule.related,
    references: rule.references,
    testNames: rule.tests.map((t) => t.name),
  };
}
