// Acceptance for the founding pages' SPL: lint reports the pipe inside parentheses at the right line and column
// (in a query and inside a rule file's `spl:` block), offers a multisearch/append rewrite, the rewrite lints
// without that error, and the rewrite of the field-corrected seed returns the same alerts as the catalog rule.
// Splunk: "parentheses group search terms"; multisearch "allows only streaming operations in each subsearch"
// (help.splunk.com, Search Reference, multisearch).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineColAt } from '../../src/core/diagnostics.ts';
import { lintRuleText, lintSpl } from '../../src/rules/lint/index.ts';
import { rewritePipesInParens } from '../../src/rules/lint/rewrite-pipes-in-parens.ts';
import { runRules } from '../../src/rules/run.ts';
import { planQuery } from '../../src/plan/index.ts';
import { runQuery } from '../../src/exec/run.ts';
import { allTestEvents, canonicalRows, FIXTURES, ruleById } from './helpers.ts';

const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const at = (text: string, offset: number) => {
  const { line, col } = lineColAt(text, offset);
  return `${line}:${col}`;
};

describe('lint on the founding SPL', () => {
  const cases = [
    // [fixture, positions of SPL-PIPE-IN-PARENS (first pipe of each branch), other expected codes]
    // The O365 branch's `stats ... by UserUPN, AppName` can meet null keys (SPL-STATS-NULL-BY, issue #14).
    ['seed-t1021-007.spl', ['5:1', '18:1', '30:1'], ['SPL-UNKNOWN-FIELD', 'SPL-UNKNOWN-FIELD', 'SPL-STATS-NULL-BY', 'SPL-STATS-NULL-BY']],
    ['seed-t1021-008.spl', ['7:1', '19:1'], []],
  ] as const;
  for (const [file, positions, others] of cases) {
    it(`${file}: SPL-PIPE-IN-PARENS at ${positions.join(', ')} with a rewrite`, () => {
      const spl = read(file);
      const r = lintSpl(spl);
      const pipes = r.diagnostics.filter((d) => d.code === 'SPL-PIPE-IN-PARENS');
      assert.deepEqual(pipes.map((d) => at(spl, d.span!.start)), [...positions]);
      for (const d of pipes) assert.equal(spl[d.span!.start], '|');
      assert.equal(pipes[0]!.severity, 'error');
      assert.ok(pipes[0]!.fix, 'the first report carries the rewrite');
      assert.deepEqual(r.diagnostics.filter((d) => d.code !== 'SPL-PIPE-IN-PARENS').map((d) => d.code), [...others]);
      // The rewrite has no structural error left; only the page's own field mistakes remain.
      assert.ok(r.fixed);
      const again = lintSpl(r.fixed);
      assert.deepEqual(again.diagnostics.map((d) => d.code), [...others]);
    });
  }

  it('names the seed field mistakes where they are written', () => {
    const spl = read('seed-t1021-007.spl');
    const fields = lintSpl(spl).diagnostics.filter((d) => d.code === 'SPL-UNKNOWN-FIELD');
    assert.deepEqual(
      fields.map((d) => [spl.slice(d.span!.start, d.span!.end), at(spl, d.span!.start)]),
      [["'properties.networkLocationDetails'", '9:24'], ["'ApplicationName'", '20:16']],
    );
    assert.match(fields[1]!.hint ?? '', /ApplicationId/);
  });

  it('reports positions inside the YAML block scalar of a rule file', () => {
    const text = read('seed-t1021-007.yml');
    const r = lintRuleText(text, 'seed-t1021-007.yml');
    const pipes = r.diagnostics.filter((d) => d.code === 'SPL-PIPE-IN-PARENS');
    // The SPL starts on file line 22 under two spaces of indentation: SPL 5:1 is file 26:3.
    assert.deepEqual(pipes.map((d) => at(text, d.span!.start)), ['26:3', '39:3', '51:3']);
    assert.equal(pipes[0]!.file, 'seed-t1021-007.yml');
    assert.ok(r.fixed);
    const fixed = lintRuleText(r.fixed, 'seed-t1021-007.yml');
    assert.deepEqual(fixed.diagnostics.map((d) => d.code), ['SPL-UNKNOWN-FIELD', 'SPL-UNKNOWN-FIELD', 'SPL-STATS-NULL-BY', 'SPL-STATS-NULL-BY']);
  });

  it('uses multisearch for streaming branches and append for the stats branch', () => {
    const r = rewritePipesInParens(read('seed-t1021-007.spl'));
    assert.ok(r.ok);
    assert.equal(r.mode, 'multisearch');
    assert.deepEqual(r.branches.map((b) => b.streaming), [true, false, true]);
    assert.match(r.spl, /^\| multisearch\n/);
    assert.match(r.spl, /\n\| append\n {4}\[search /);
    // table is not streaming: inside multisearch it becomes fields, and one table follows.
    assert.doesNotMatch(r.spl.split('| append')[0]!, /\| table /);
    assert.match(r.spl, /\n\| table _time, UserUPN, AppName, SourceIP, RiskLevel, IsAnon, AlertType, UniqueIPs, IPs, UserArn, MFA$/);
  });

  it('refuses shapes it cannot rewrite, still reporting the error', () => {
    const spl = 'sourcetype=x (a=1 | eval b=2) c=3';
    const r = rewritePipesInParens(spl);
    assert.equal(r.ok, false);
    const d = lintSpl(spl).diagnostics.find((x) => x.code === 'SPL-PIPE-IN-PARENS');
    assert.ok(d && !d.fix);
    assert.match(d.hint ?? '', /not possible/);
  });
});

describe('the rewrite returns the same alerts as the catalog rule', () => {
  const cases = [
    ['seed-t1021-007-corrected.spl', 'cloud-services-risky-signin-t1021-007'],
    ['seed-t1021-008-corrected.spl', 'direct-cloud-vm-connection-t1021-008'],
  ] as const;
  for (const [file, ruleId] of cases) {
    it(`${file} vs ${ruleId}`, async () => {
      const seed = read(file);
      const lint = lintSpl(seed);
      assert.deepEqual(lint.diagnostics.map((d) => d.code).filter((c) => c !== 'SPL-PIPE-IN-PARENS'), []);
      assert.ok(lint.fixed);
      assert.deepEqual(lintSpl(lint.fixed).diagnostics, [], 'the rewrite lints clean');
      const rule = await ruleById(ruleId);
      const events = await allTestEvents(rule);
      const fromRule = await runRules([rule], events, { tuned: false });
      const fromRewrite = await runQuery(planQuery(lint.fixed), events);
      assert.ok(fromRule.length >= 5, `too few alerts to compare (${fromRule.length})`);
      const meta = ['rule_id', 'rule_title', 'technique', 'tactic', 'severity', 'confidence'];
      assert.deepEqual(canonicalRows(fromRewrite.map((r) => r.toJSON() as Record<string, unknown>)), canonicalRows(fromRule, meta));
    });
  }
});

describe('the verbatim founding SPL, once rewritten, misses what the corrections catch', () => {
  it('seed T1021.007: no O365 alert (ApplicationName is never set, stats drops null groups) and no anonymized-IP alert', async () => {
    const rewritten = lintSpl(read('seed-t1021-007.spl')).fixed!;
    const rule = await ruleById('cloud-services-risky-signin-t1021-007');
    const events = await allTestEvents(rule);
    const seedRows = (await runQuery(planQuery(rewritten), events)).map((r) => r.toJSON() as Record<string, unknown>);
    const ruleAlerts = await runRules([rule], events, { tuned: false });
    const types = (rows: readonly Record<string, unknown>[]) => [...new Set(rows.map((r) => String(r.AlertType)))].sort();
    assert.deepEqual(types(ruleAlerts), ['AWSConsoleLoginNoMFA', 'AWSFederatedConsoleLoginNoMFA', 'AzureRiskySignin', 'AzureRiskySigninResolved', 'O365MultiIPLogin']);
    assert.deepEqual(types(seedRows), ['AWSConsoleLoginNoMFA', 'AzureRiskySignin']);
    // Every anonymized-only sign-in (risk none) is lost: the seed matched a field Splunk never extracts.
    assert.equal(seedRows.some((r) => r.IsAnon === 1), false);
    assert.ok(ruleAlerts.some((a) => a.IsAnon === 1 && a.RiskLevel === 'none'));
  });
});

describe('rewrite text (golden, reviewed)', async () => {
  const { assertGolden } = await import('../helpers/golden.ts');
  for (const name of ['seed-t1021-007', 'seed-t1021-008']) {
    it(name, () => {
      const r = rewritePipesInParens(read(`${name}.spl`));
      assert.ok(r.ok);
      assertGolden(join(FIXTURES, 'golden', `${name}.rewrite.spl`), r.spl + '\n');
    });
  }
});
