// Text output of `sightline test`: one table per rule (scenario, expectation, result, alert count, why),
// then the coverage summary. Plain fixed-width text so CI logs stay readable.

import type { Coverage } from './coverage.ts';
import type { RuleReport } from './harness.ts';

function table(rows: readonly string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd()).join('\n');
}

export function formatRuleReports(reports: readonly RuleReport[]): string {
  const out: string[] = [];
  for (const r of reports) {
    const technique = r.rule.attack.subtechnique ?? r.rule.attack.technique;
    out.push(`${r.passed ? 'PASS' : 'FAIL'}  ${r.rule.id}  (${technique}, ${r.rule.title})`);
    const rows = [['', 'KIND', 'SCENARIO', 'EXPECT', 'ALERTS', 'RESULT']];
    for (const c of r.checks) {
      const expect = c.expectation.alert ? `alert ${c.expectation.alert_type}` : c.expectation.tuning ? `quiet (tuning: ${c.expectation.tuning})` : 'quiet';
      rows.push(['', c.kind, c.scenario, expect, String(c.alerts), `${c.passed ? 'ok' : 'FAILED'}: ${c.detail}`]);
    }
    if (r.checks.length) out.push(table(rows));
    for (const g of r.gaps) out.push(`  FAILED: ${g}`);
    out.push('');
  }
  return out.join('\n');
}

export function formatCoverage(cov: Coverage): string {
  const out: string[] = ['Coverage'];
  out.push(table([['', 'TECHNIQUE', 'PROVEN RULES'], ...[...cov.techniques].sort().map(([t, rules]) => ['', t, rules.length ? rules.join(', ') : '(none)'])]));
  out.push('');
  out.push(table([['', 'RULE', 'ATTACK TESTS', 'BENIGN TESTS', 'STATUS'], ...cov.rules.map((r) => ['', r.rule, String(r.attackTests), String(r.benignTests), r.passed ? 'pass' : 'FAIL'])]));
  if (cov.methodology.length) {
    out.push('');
    out.push(table([['', 'TESTING METHODOLOGY STEP', 'DETECTED BY'], ...cov.methodology.map((m) => ['', m.step, m.rules.length ? m.rules.join(', ') : 'telemetry only (no rule alerts)'])]));
  }
  return out.join('\n') + '\n';
}
