// The rules module's public surface: load rules, run them in one pass, turn rows into alerts, lint, tune.
// Other modules (web, test command, translators) import from here.

export { loadRules, loadRuleFile, loadRuleSource, type Rule } from './load.ts';
export { runRules, runRulesWithSummary, planRule, type RunRulesOptions, type RunSummary } from './run.ts';
export { rowToAlert, alertFields, type Alert } from './alert.ts';
export { alertToOcsf } from './ocsf.ts';
export { loadAllowlists, tuningPredicate, applyTuning, type LoadedAllowlist } from './tuning.ts';
export { allowlistsAsSigmaFilters } from './sigma-filter.ts';
export { suppressRepeats, parseWindow } from './suppress.ts';
export { runRuleTests, runRuleTest, type RuleTestResult } from './rule-tests.ts';
export { lintRuleText, lintSpl } from './lint/index.ts';
export { ruleSchema, type RuleDoc, type Allowlist, type RuleTest } from './schema.ts';
