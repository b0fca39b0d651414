// Lint checks one by one, table-driven: each case is a query, the expected codes with the text the span
// covers, and the fix when one is offered. Splunk citations per check:
// - where: "You can only specify a wildcard with the where command by using the like function" (where docs)
// - search: boolean operators AND, OR, NOT must be upper case; lower case words are search terms
// - multisearch: "allows only streaming operations in each subsearch" (multisearch docs)

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lintSpl } from '../../src/rules/lint/index.ts';

interface Case {
  readonly name: string;
  readonly spl: string;
  readonly sourcetypes?: readonly string[];
  /** [code, text under the span] */
  readonly expect: readonly (readonly [string, string])[];
  readonly fixed?: string;
}

const CASES: readonly Case[] = [
  { name: 'clean query', spl: 'sourcetype="aws:cloudtrail" eventName=ConsoleLogin | eval u=\'userIdentity.arn\' | table u', expect: [] },
  {
    name: 'wildcard in where =',
    spl: 'sourcetype="aws:cloudtrail" | where eventName="Console*"',
    expect: [['SPL-WHERE-WILDCARD', 'eventName="Console*"']],
    fixed: 'sourcetype="aws:cloudtrail" | where like(eventName, "Console%")',
  },
  {
    name: 'wildcard in where !=',
    spl: 'sourcetype="aws:cloudtrail" | where eventName!="Get*"',
    expect: [['SPL-WHERE-WILDCARD', 'eventName!="Get*"']],
    fixed: 'sourcetype="aws:cloudtrail" | where NOT like(eventName, "Get%")',
  },
  {
    name: 'lower-case or in a search',
    spl: 'sourcetype="aws:cloudtrail" eventName=StartSession or eventName=SendCommand',
    expect: [['SPL-LOWERCASE-BOOLEAN', 'or']],
    fixed: 'sourcetype="aws:cloudtrail" eventName=StartSession OR eventName=SendCommand',
  },
  { name: 'values() in eval', spl: 'sourcetype="aws:cloudtrail" | eval ips=values(sourceIPAddress)', expect: [['SPL-STATS-FUNCTION-IN-EVAL', 'values(sourceIPAddress)']] },
  {
    name: 'table inside multisearch',
    spl: '| multisearch [search sourcetype="aws:cloudtrail" | table eventName] [search sourcetype="azure:activity" | fields caller]',
    expect: [['SPL-MULTISEARCH-NOT-STREAMING', 'table']],
    fixed: '| multisearch [search sourcetype="aws:cloudtrail" | fields eventName] [search sourcetype="azure:activity" | fields caller]',
  },
  { name: 'stats inside multisearch', spl: '| multisearch [search sourcetype="aws:cloudtrail" | stats count] [search sourcetype="azure:activity"]', expect: [['SPL-MULTISEARCH-NOT-STREAMING', 'stats']] },
  { name: 'field a sourcetype never has', spl: 'sourcetype="o365:management:activity" | eval app=ApplicationName', expect: [['SPL-UNKNOWN-FIELD', 'ApplicationName']] },
  { name: 'unknown field in a search term', spl: 'sourcetype="aws:cloudtrail" eventname=ConsoleLogin', expect: [['SPL-UNKNOWN-FIELD', 'eventname']] },
  { name: 'open-ended object fields are known', spl: 'sourcetype="aws:cloudtrail" requestParameters.bucketName=x | eval k=\'responseElements.credentials.accessKeyId\'', expect: [] },
  { name: 'add-on aliases are known', spl: 'sourcetype="aws:cloudtrail" | fillnull value="unknown" src user_agent | stats count by src, user_agent', expect: [] },
  { name: 'fields made by eval, rename and stats are known', spl: 'sourcetype="aws:cloudtrail" | eval a=1 | rename a AS b | stats count as n by b | where n > 1 AND b=1', expect: [] },
  { name: 'raw field after stats', spl: 'sourcetype="aws:cloudtrail" | stats count by eventName | where sourceIPAddress="1.2.3.4"', expect: [['SPL-FIELD-NOT-AVAILABLE', 'sourceIPAddress']] },
  { name: 'no sourcetype, no field check', spl: 'index=main | eval x=anything', expect: [] },
  { name: 'sourcetype given by the caller', spl: 'eventName=ConsoleLogin foo=1', sourcetypes: ['aws:cloudtrail'], expect: [['SPL-UNKNOWN-FIELD', 'foo']] },
  { name: 'AND of sourcetypes narrows, OR widens', spl: '(sourcetype="aws:cloudtrail" OR sourcetype="azure:activity") sourcetype="azure:activity" eventName=x', expect: [['SPL-UNKNOWN-FIELD', 'eventName']] },
  { name: 'syntax error from the parser', spl: 'sourcetype="aws:cloudtrail" | eval x=(1', expect: [['*', '*']] },
];

describe('lint checks', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const r = lintSpl(c.spl, c.sourcetypes ? { sourcetypes: c.sourcetypes } : {});
      if (c.expect[0]?.[0] === '*') {
        assert.ok(r.diagnostics.some((d) => d.severity === 'error' && d.span), 'a positioned parse error');
        return;
      }
      assert.deepEqual(
        r.diagnostics.map((d) => [d.code, c.spl.slice(d.span!.start, d.span!.end)]),
        c.expect.map(([code, text]) => [code, text]),
      );
      for (const d of r.diagnostics) assert.ok(d.hint, `${d.code} has a hint`);
      assert.equal(r.fixed, c.fixed ?? null);
      if (c.fixed) assert.deepEqual(lintSpl(c.fixed).diagnostics, [], 'the fix lints clean');
    });
  }
});

describe('rule consistency', async () => {
  const { checkRuleConsistency } = await import('../../src/rules/lint/check-rule-consistency.ts');
  const { ruleById, ROOT } = await import('./helpers.ts');
  const rule = await ruleById('aws-ec2-serial-console-ssh-key-t1021-008');
  const CASES: readonly [string, Partial<typeof rule>, string[]][] = [
    ['the catalog rule is consistent (if() branches, not its condition, are AlertTypes)', {}, []],
    ['a declared AlertType the SPL never sets', { alert_types: [...rule.alert_types, 'Ghost'] }, ['RULE-ALERTTYPE-UNUSED']],
    ['an AlertType the SPL sets but the rule does not declare', { alert_types: rule.alert_types.filter((t) => t !== 'EC2SerialConsoleKeyPushed') }, ['RULE-ALERTTYPE-UNDECLARED']],
    ['an alert_severity key that alert_types does not list', { alert_severity: { ...rule.alert_severity, Ghost: 'low' } }, ['RULE-ALERTTYPE-UNDECLARED']],
    ['an entity that is not an output field', { entities: ['Principal', 'userIdentity.arn'] }, ['RULE-ENTITY-NOT-OUTPUT']],
    ['a missing test fixture', { tests: [{ ...rule.tests[0]!, fixtures: ['test/nope.json'] }] }, ['RULE-TEST-FIXTURE']],
  ];
  for (const [name, change, codes] of CASES) {
    it(name, () => assert.deepEqual(checkRuleConsistency({ ...rule, ...change }, ROOT).map((d) => d.code), codes));
  }
});

describe('hunting queries are linted in place', async () => {
  const { readFileSync } = await import('node:fs');
  const { lintRuleText } = await import('../../src/rules/lint/index.ts');
  const { lineColAt } = await import('../../src/core/diagnostics.ts');
  const { RULES_DIR } = await import('./helpers.ts');
  it('reports a stats function in a hunting query eval at its file line', () => {
    const file = `${RULES_DIR}/aws-ec2-instance-connect-endpoint-tunnel-t1021-008.yml`;
    const good = readFileSync(file, 'utf8');
    const needle = '      | stats count, dc(requestParameters.privateIpAddress) as hosts by userIdentity.arn, requestParameters.remotePort';
    assert.ok(good.includes(needle));
    const text = good.replace(needle, '      | eval hosts=dc(requestParameters.privateIpAddress)');
    const r = lintRuleText(text, file);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.message.split(':')[0], lineColAt(text, d.span!.start).line]), [
      ['SPL-STATS-FUNCTION-IN-EVAL', 'hunting query 1', text.slice(0, text.indexOf('| eval hosts=dc')).split('\n').length],
    ]);
  });
});
