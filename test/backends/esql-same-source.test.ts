// Multisearch branches over one data stream that differ only in evals become one ES|QL query (rows repeated
// per branch with MV_EXPAND, each branch's evals applied to its rows), so the operators after the union run
// once over all rows as Splunk runs them. Other unions keep one query per branch, and fail closed on the
// operators after them. Also: arithmetic on _time reads it as epoch seconds (Splunk's _time).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { translate } from '../../src/backends/registry.ts';
import { checkEsql } from '../../src/backends/esql/validate.ts';
import { planQuery } from '../../src/plan/index.ts';
import { assertGolden } from '../helpers/golden.ts';

const SIGNIN = 'sourcetype="azure:monitor:aad:signin"';
const CASES: [string, string][] = [
  ['two branches of one data stream, then stats', `| multisearch [search ${SIGNIN} properties.status.errorCode=0 | eval Day=floor(_time / 86400), Carried=0] [search ${SIGNIN} properties.status.errorCode=0 | eval Day=floor(_time / 86400) + 1, Carried=1] | eval User=lower('properties.userPrincipalName') | stats min(_time) as First, values(properties.ipAddress) as IPs, dc(Carried) as Kinds by User, Day | where Kinds=2`],
  ['three branches, one without an eval, a branch eval keeping a log field elsewhere', `| multisearch [search ${SIGNIN} properties.appId="a" | eval Tag="app"] [search ${SIGNIN} properties.isInteractive=false] [search ${SIGNIN} properties.status.errorCode>0 | eval properties.appDisplayName="failed"] | stats count by properties.appDisplayName, Tag`],
  ['a branch eval of another type than the log field it overwrites (both read as text)', `| multisearch [search ${SIGNIN} | eval properties.status.errorCode="none"] [search ${SIGNIN} | eval Other=1] | stats count by properties.status.errorCode`],
  ['time arithmetic and a sub-second-exact time difference', `${SIGNIN} | stats min(_time) as First, max(_time) as Last by properties.userPrincipalName | eval Span=Last - First, Hour=floor(First / 3600) | where Span <= 86400`],
  ['UNSUPPORTED branches of two data streams, then stats', `| multisearch [search ${SIGNIN} | eval U='properties.userPrincipalName'] [search sourcetype="o365:management:activity" | eval U=UserId] | stats count by U`],
  ['UNSUPPORTED a branch with its own stats (append)', `${SIGNIN} | eval x=1 | append [search ${SIGNIN} | stats count by properties.userPrincipalName] | stats count`],
];

test('same-source multisearch translations match the golden file, and each query passes the ES|QL check', () => {
  const out = CASES.map(([name, spl]) => {
    const t = translate(planQuery(spl), 'esql', { id: 'unit', title: 'unit case' });
    assert.equal(t.ok, !name.startsWith('UNSUPPORTED'), `${name}: ${t.diagnostics.map((d) => d.message).join('; ')}`);
    if (t.ok) {
      assert.deepEqual(checkEsql(t.text), [], name);
      assert.doesNotMatch(t.text, /query 2 of/, `${name}: one query`);
    }
    const body = t.ok ? t.text.trimEnd() : t.diagnostics.filter((d) => d.severity === 'error').map((d) => `UNSUPPORTED ${d.code}: ${d.message}`).join('\n');
    return `### ${name}\n${body}\n`;
  });
  assertGolden('test/golden/translate/esql-same-source.esql', out.join('\n'));
});

test('without operators after the union, same-source branches stay one query each', () => {
  const t = translate(planQuery(`| multisearch [search ${SIGNIN} | eval K=1] [search ${SIGNIN} | eval K=2] | table _time, K`), 'esql', { id: 'unit', title: 'unit case' });
  assert.ok(t.ok);
  assert.match(t.text, /query 2 of 2/);
  assert.doesNotMatch(t.text, /MV_EXPAND/);
});
