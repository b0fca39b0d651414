// `sightline test [rules...]`: runs each rule against its attack scenarios (must alert with the expected
// AlertType and entities) and its benign scenarios (must stay quiet after tuning), prints a table per rule
// and the coverage, optionally writes an ATT&CK Navigator layer. Exit 1 on any failure, 2 on bad input (thrown diagnostics, printed by cli/main.ts).

import { catalogDir } from '../../app/catalog-dirs.ts';
import { defineCommand } from 'citty';
import { writeFileSync } from 'node:fs';
import { fail } from '../../core/diagnostics.ts';
import { loadRules } from '../../rules/load.ts';
import { computeCoverage, navigatorLayer } from '../../scenarios/coverage.ts';
import { testRules } from '../../scenarios/harness.ts';
import { loadScenarios } from '../../scenarios/load.ts';
import { formatCoverage, formatRuleReports } from '../../scenarios/report.ts';

export default defineCommand({
  meta: { name: 'test', description: 'Prove each rule fires on its attacks and stays quiet on benign activity' },
  args: {
    'rule-ids': { type: 'positional', required: false, valueHint: 'rule-id...', description: 'only these rules (default: every rule)' },
    rules: { type: 'string', valueHint: 'dir', description: 'Rules directory (default: ./rules if present, else the bundled catalog)', default: catalogDir('rules') },
    scenarios: { type: 'string', valueHint: 'dir', description: 'Scenario library directory (default: ./scenarios if present, else the bundled one)', default: catalogDir('scenarios') },
    navigator: { type: 'string', valueHint: 'layer.json', description: 'Write an ATT&CK Navigator v4.5 layer to this file' },
    format: { type: 'string', description: 'table or json', default: 'table' },
    volume: { type: 'string', description: 'Multiplier for background activity', default: '1' },
  },
  async run({ args }) {
    if (args.format !== 'table' && args.format !== 'json') fail('CLI-BAD-ARG', `--format must be table or json, got ${args.format}`);
    const volume = Number(args.volume);
    if (!Number.isFinite(volume) || volume <= 0) fail('CLI-BAD-ARG', `--volume must be a positive number, got ${args.volume}`);
    const allRules = await loadRules(args.rules);
    let rules = allRules;
    const wanted = args._.map(String);
    if (wanted.length) {
      const unknown = wanted.filter((id) => !rules.some((r) => r.id === id));
      if (unknown.length) fail('TEST-UNKNOWN-RULE', `no rule ${unknown.join(', ')} in ${args.rules}`, { hint: `known: ${rules.map((r) => r.id).join(', ')}` });
      rules = rules.filter((r) => wanted.includes(r.id));
    }
    if (rules.length === 0) fail('TEST-NO-RULES', `no rules in ${args.rules}`);
    const scenarios = loadScenarios(args.scenarios).map((l) => l.scenario);
    const known = new Set(allRules.map((r) => r.id));
    for (const s of scenarios) {
      for (const id of Object.keys(s.expect)) if (!known.has(id)) fail('SCENARIO-UNKNOWN-RULE', `scenario ${s.id} expects something of rule "${id}", which does not exist in ${args.rules}`);
    }
    const reports = await testRules(rules, scenarios, { volume });
    const coverage = computeCoverage(reports, scenarios);
    if (args.format === 'json') {
      const json = {
        passed: reports.every((r) => r.passed),
        rules: reports.map((r) => ({ rule: r.rule.id, passed: r.passed, gaps: r.gaps, checks: r.checks })),
        coverage: { rules: coverage.rules, techniques: Object.fromEntries(coverage.techniques), methodology: coverage.methodology },
      };
      process.stdout.write(JSON.stringify(json, null, 2) + '\n');
    } else {
      process.stdout.write(formatRuleReports(reports) + formatCoverage(coverage));
    }
    if (args.navigator) writeFileSync(args.navigator, JSON.stringify(navigatorLayer(coverage), null, 2) + '\n');
    const failed = reports.filter((r) => !r.passed).length;
    if (args.format === 'table') process.stdout.write(`\n${failed === 0 ? 'PASS' : 'FAIL'}: ${reports.length - failed}/${reports.length} rules pass\n`);
    if (failed > 0) process.exitCode = 1;
  },
});
