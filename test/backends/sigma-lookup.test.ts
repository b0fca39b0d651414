// Sigma `lookup`: only the baseline idiom (a single-key lookup whose output is tested with isnull/isnotnull)
// translates, as a case-sensitive list of the CSV keys whose output cell is filled (the native lookup matches
// keys exactly: case_sensitive_match=true by default); every other use fails closed with a named code. A key
// that is coalesce() of fields is split by which field is present; a lower()/upper() key is a case-insensitive
// Sigma match, exact only when every CSV key is already in that case (else refused).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planQuery } from '../../src/plan/index.ts';
import { translate, checkTranslation } from '../../src/backends/registry.ts';

const META = { id: 'lookup-unit', title: 'lookup unit', date: '2026-11-27', severity: 'high' };
const DIRS = ['rules/lookups'];
const SEARCH = 'sourcetype="aws:cloudtrail" eventSource="ssm.amazonaws.com" | eval Principal=\'userIdentity.arn\'';
const LOOKUP = '| lookup ssm_session_baseline.csv principal AS Principal OUTPUT first_seen AS Seen';
// rules/lookups/ssm_session_baseline.csv: both rows have a first_seen value.
const AZ = 'sourcetype="azure:activity" operationName.value="Microsoft.Compute/virtualMachines/runCommand/action"';
const AZ_LOOKUP = '| lookup azure_vm_operators.csv caller AS Caller OUTPUT first_seen AS Known';
// rules/lookups/azure_vm_operators.csv: both rows have a first_seen value, both keys lower case.
const OPERATORS = ['ops.anna@contoso.example', 'ansible-sp@contoso.example'];
const BASELINE = ['arn:aws:sts::111122223333:assumed-role/SRE-Admin/jane', 'arn:aws:iam::111122223333:user/ops-bot'];

const cases: { name: string; spl: string; dirs: string[]; code?: string; has?: string[]; lacks?: string[] }[] = [
  { name: 'isnull: outside the baseline (or no key)', spl: `${SEARCH} ${LOOKUP} | where isnull(Seen) | stats count by Principal`, dirs: DIRS,
    has: ['userIdentity.arn|cased:', ...BASELINE.map((a) => `- ${a}`), 'not selection', 'group-by:'] },
  { name: 'isnotnull: inside the baseline', spl: `${SEARCH} ${LOOKUP} | where isnotnull(Seen) | table Principal`, dirs: DIRS,
    has: ['userIdentity.arn|cased:', ...BASELINE.map((a) => `- ${a}`)], lacks: ['not selection'] },
  { name: 'no lookup directory', spl: `${SEARCH} ${LOOKUP} | where isnull(Seen)`, dirs: [], code: 'XLATE-LOOKUP-NOT-FOUND' },
  { name: 'output compared with a value', spl: `${SEARCH} ${LOOKUP} | where Seen="2026-01-12"`, dirs: DIRS, code: 'XLATE-SIGMA-EXPRESSION' },
  { name: 'output aggregated', spl: `${SEARCH} ${LOOKUP} | stats values(Seen) as s by Principal | where s="x"`, dirs: DIRS, code: 'XLATE-SIGMA-CORRELATION' },
  { name: 'missing column', spl: `${SEARCH} | lookup ssm_session_baseline.csv principal AS Principal OUTPUT nope | where isnull(nope)`, dirs: DIRS, code: 'XLATE-LOOKUP-NO-COLUMN' },
  // ssm_session_baseline.csv has 'SRE-Admin': lower(x) never equals it in Splunk, a Sigma match of x would.
  { name: 'lower() key over a CSV with mixed-case keys', spl: `${SEARCH} | eval P=lower(Principal) | lookup ssm_session_baseline.csv principal AS P OUTPUT first_seen | where isnull(first_seen)`, dirs: DIRS, code: 'XLATE-SIGMA-EXPRESSION' },
  { name: 'computed key (concatenation)', spl: `${SEARCH} | eval P=Principal."x" | lookup ssm_session_baseline.csv principal AS P OUTPUT first_seen | where isnull(first_seen)`, dirs: DIRS, code: 'XLATE-SIGMA-EXPRESSION' },
  // azure_vm_operators.csv keys are all lower case: lower(coalesce(caller, principal id)) inlines exactly.
  { name: 'lower(coalesce()) key over a lower-case CSV', spl: `${AZ} | eval Caller=lower(coalesce(caller, 'identity.authorization.evidence.principalId')) ${AZ_LOOKUP} | where isnull(Known)`, dirs: DIRS,
    has: ['Caller:', 'identity.authorization.evidence.principalId:', ...OPERATORS.map((o) => `- ${o}`), 'Caller|exists: true'], lacks: ['|cased'] },
  { name: 'coalesce() key (case-sensitive)', spl: `${AZ} | eval Caller=coalesce(caller, 'identity.authorization.evidence.principalId') ${AZ_LOOKUP} | where isnotnull(Known)`, dirs: DIRS,
    has: ['Caller|cased:', 'identity.authorization.evidence.principalId|cased:', ...OPERATORS.map((o) => `- ${o}`)] },
  { name: 'upper() key over a lower-case CSV', spl: `${AZ} | eval Caller=upper(caller) ${AZ_LOOKUP} | where isnull(Known)`, dirs: DIRS, code: 'XLATE-SIGMA-EXPRESSION' },
  // The lookup already ran: a later eval of the key's name does not change its output.
  { name: 'eval of the key name after the lookup', spl: `${SEARCH} ${LOOKUP} | eval Principal="x" | where isnull(Seen)`, dirs: DIRS, has: BASELINE.map((a) => `- ${a}`) },
  // The log field the key read is redefined: its later value is not what the lookup saw.
  { name: 'log field of the key redefined', spl: `${SEARCH} ${LOOKUP} | eval userIdentity.arn="x" | where isnull(Seen)`, dirs: DIRS, code: 'XLATE-SIGMA-EXPRESSION' },
];

for (const c of cases) {
  test(`sigma lookup: ${c.name}`, async () => {
    const plan = planQuery(c.spl);
    const t = translate(plan, 'sigma', META, { lookupDirs: c.dirs });
    const errors = t.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    if (c.code) {
      assert.equal(t.ok, false, 'fails closed');
      assert.ok(errors.includes(c.code), `expected ${c.code}, got ${errors.join(', ')}`);
      return;
    }
    assert.deepEqual(errors, []);
    for (const s of c.has ?? []) assert.ok(t.text.includes(s), `output has ${s}`);
    for (const s of c.lacks ?? []) assert.ok(!t.text.includes(s), `output lacks ${s}`);
    assert.deepEqual(await checkTranslation(plan, 'sigma', META, { lookupDirs: c.dirs }), []);
  });
}
