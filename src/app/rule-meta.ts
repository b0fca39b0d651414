// The rule metadata the translators print: the one mapping from a loaded rule to a translator's RuleMeta.

import type { RuleMeta } from '../backends/registry.ts';
import type { Rule } from '../rules/load.ts';

/** The rule metadata the translators print (Sigma uses most of it). */
export function ruleMeta(rule: Rule): RuleMeta {
  return {
    id: rule.id,
    title: rule.title,
    description: rule.description,
    severity: rule.severity,
    technique: rule.attack.subtechnique ?? rule.attack.technique,
    tactic: rule.attack.tactic,
    falsePositives: rule.false_positives.map((f) => f.description),
    references: rule.references,
    ...(rule.correlation_window ? { window: rule.correlation_window } : {}),
    date: rule.date,
  };
}
