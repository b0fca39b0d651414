// Coverage from a `sightline test` run: which ATT&CK techniques have a rule proven by a passing attack
// scenario, how many attack/benign tests each rule has, which seed Testing Methodology steps a rule
// catches, and an ATT&CK Navigator layer (format v4.5) that colours techniques by proven rules.
// Layer format: https://github.com/mitre-attack/attack-navigator/blob/master/layers/spec/v4.5/layerformat.md

import type { RuleReport } from './harness.ts';
import type { Scenario } from './schema.ts';

export interface RuleCoverage {
  readonly rule: string;
  readonly technique: string;
  readonly attackTests: number;
  readonly benignTests: number;
  readonly passed: boolean;
}

export interface Coverage {
  readonly rules: readonly RuleCoverage[];
  /** Technique -> ids of rules with at least one passing attack scenario. */
  readonly techniques: ReadonlyMap<string, readonly string[]>;
  /** "T1021.008 test 1" -> rules that alert on that scenario (empty: telemetry only, nothing detects it). */
  readonly methodology: readonly { readonly step: string; readonly scenario: string; readonly rules: readonly string[] }[];
}

function techniqueOf(r: RuleReport): string {
  return r.rule.attack.subtechnique ?? r.rule.attack.technique;
}

export function computeCoverage(reports: readonly RuleReport[], scenarios: readonly Scenario[]): Coverage {
  const rules = reports.map((r) => ({
    rule: r.rule.id,
    technique: techniqueOf(r),
    attackTests: r.checks.filter((c) => c.expectation.alert).length,
    benignTests: r.checks.filter((c) => !c.expectation.alert).length,
    passed: r.passed,
  }));
  const techniques = new Map<string, string[]>();
  for (const r of reports) {
    const t = techniqueOf(r);
    if (!techniques.has(t)) techniques.set(t, []);
    if (r.checks.some((c) => c.expectation.alert && c.passed)) techniques.get(t)!.push(r.rule.id);
  }
  const methodology = scenarios
    .filter((s) => s.methodology)
    .map((s) => ({
      step: `${s.methodology!.technique} test ${s.methodology!.test}: ${s.methodology!.title}`,
      scenario: s.id,
      rules: reports.filter((r) => r.checks.some((c) => c.scenario === s.id && c.expectation.alert && c.passed)).map((r) => r.rule.id),
    }))
    .sort((a, b) => a.step.localeCompare(b.step));
  return { rules, techniques, methodology };
}

export function navigatorLayer(cov: Coverage, attackVersion = '18'): Record<string, unknown> {
  const techniques: Record<string, unknown>[] = [];
  const parents = new Set<string>();
  for (const [id, rules] of [...cov.techniques].sort()) {
    const tests = cov.rules.filter((r) => r.technique === id);
    techniques.push({
      techniqueID: id,
      tactic: 'lateral-movement',
      score: rules.length,
      color: '',
      comment: `${rules.length} rule(s) proven by attack scenarios; ${tests.reduce((n, r) => n + r.attackTests, 0)} attack and ${tests.reduce((n, r) => n + r.benignTests, 0)} benign scenario tests`,
      enabled: true,
      metadata: rules.map((r) => ({ name: 'rule', value: r })),
      links: [{ label: 'ATT&CK', url: `https://attack.mitre.org/techniques/${id.replace('.', '/')}/` }],
      showSubtechniques: false,
    });
    if (id.includes('.')) parents.add(id.split('.')[0]!);
  }
  for (const p of [...parents].sort()) {
    techniques.push({ techniqueID: p, tactic: 'lateral-movement', enabled: true, metadata: [], links: [], showSubtechniques: true });
  }
  return {
    name: 'sightline rule coverage',
    versions: { attack: attackVersion, navigator: '5.1.0', layer: '4.5' },
    domain: 'enterprise-attack',
    description: 'Techniques with sightline rules that fire on their attack scenarios and stay quiet on benign ones (sightline test).',
    filters: { platforms: ['IaaS', 'Identity Provider', 'Office Suite', 'SaaS'] },
    sorting: 0,
    layout: { layout: 'side', aggregateFunction: 'max', showID: true, showName: true, showAggregateScores: false, countUnscored: false, expandedSubtechniques: 'annotated' },
    hideDisabled: false,
    techniques,
    gradient: { colors: ['#ffffffff', '#66b1ffff'], minValue: 0, maxValue: Math.max(1, ...[...cov.techniques.values()].map((r) => r.length)) },
    legendItems: [{ label: 'rules proven by scenarios', color: '#66b1ff' }],
    metadata: [{ name: 'generator', value: 'sightline test --navigator' }],
    links: [],
    showTacticRowBackground: false,
    tacticRowBackground: '#dddddd',
    selectTechniquesAcrossTactics: true,
    selectSubtechniquesWithParent: false,
    selectVisibleTechniques: false,
  };
}
