// Dead-rule warnings (issue #13): a Sigma rule that loads but reads a field its sourcetype never produces, or
// steps into an array without `{}`, gets a coded warning naming the closest real field; it still runs. Splunk's
// JSON field names mark each array step with `{}` (`resources{}.ARN`; the field catalog lists them so), so a
// plain path through an array resolves to nothing. `lint` reports the same for Sigma files.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigmaSet } from '../../src/sigma/rule-set.ts';
import { runLint } from '../../src/cli/commands/lint.ts';

const dir = mkdtempSync(join(tmpdir(), 'sigma-dead-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, logsource: string, detection: string): string {
  const p = join(dir, name);
  writeFileSync(p, `title: ${name}\nid: ${name}\nlogsource: ${logsource}\ndetection:\n${detection.replace(/^/gm, '  ')}\n  condition: s\n`);
  return p;
}

const CASES: readonly { name: string; logsource: string; detection: string; code: string | null; closest?: string }[] = [
  { name: 'ct-type', logsource: '{product: aws, service: cloudtrail}', detection: 's:\n  eventName: ListBuckets\n  type: AssumedRole', code: 'SIGMA-DEAD-FIELD', closest: 'userIdentity.type' },
  { name: 'ct-resources', logsource: '{product: aws, service: cloudtrail}', detection: 's:\n  resources.ARN|contains: bucket', code: 'SIGMA-ARRAY-PATH', closest: 'resources{}.ARN' },
  { name: 'ct-resources-ok', logsource: '{product: aws, service: cloudtrail}', detection: 's:\n  resources{}.ARN|contains: bucket', code: null },
  { name: 'ct-free-form', logsource: '{product: aws, service: cloudtrail}', detection: 's:\n  requestParameters.bucketName: x', code: null },
  { name: 'o365-params', logsource: '{product: m365, service: audit}', detection: 's:\n  Operation: New-InboxRule\n  Parameters.Name: ForwardTo', code: 'SIGMA-ARRAY-PATH', closest: 'Parameters{}.Name' },
  { name: 'o365-ecs', logsource: '{product: m365, service: audit}', detection: "s:\n  o365.audit.MessageURLs|endswith: '.exe'", code: 'SIGMA-DEAD-FIELD', closest: 'MessageURLs{}' },
  { name: 'signin-array', logsource: '{product: azure, service: signinlogs}', detection: "s:\n  NetworkLocationDetails: '[]'", code: 'SIGMA-ARRAY-PATH', closest: 'properties.networkLocationDetails{}' },
  { name: 'signin-ok', logsource: '{product: azure, service: signinlogs}', detection: 's:\n  userAgent|contains: azurehound\n  ResultType: 0', code: null },
];

for (const c of CASES) {
  test(`${c.name}: ${c.code ?? 'no warning'}${c.closest ? ` naming ${c.closest}` : ''}`, () => {
    const set = loadSigmaSet(file(`${c.name}.yml`, c.logsource, c.detection));
    assert.equal(set.refused.length, 0, 'the rule loads and runs');
    assert.equal(set.queries.length, 1);
    assert.deepEqual(set.warnings.map((w) => w.code), c.code ? [c.code] : []);
    if (c.closest) assert.ok(set.warnings[0]!.message.includes(c.closest), set.warnings[0]!.message);
    if (c.code) assert.equal(set.warnings[0]!.severity, 'warning');
  });
}

test('lint reports a Sigma file: dead fields as warnings (exit 0), refusals as errors (exit 1)', () => {
  let err = '';
  const io = { out: () => {}, err: (s: string) => void (err += s) };
  assert.equal(runLint({ paths: [join(dir, 'ct-type.yml')], sourcetypes: [], fix: false }, io), 0);
  assert.match(err, /ct-type\.yml:1:1: warning: SIGMA-DEAD-FIELD: field 'type' is never produced by aws:cloudtrail.*closest real field: userIdentity\.type/);
  const refused = file('pim.yml', '{product: azure, service: pim}', 's:\n  riskEventType: x');
  err = '';
  assert.equal(runLint({ paths: [refused], sourcetypes: [], fix: false }, io), 1);
  assert.match(err, /SIGMA-UNSUPPORTED-LOGSOURCE/);
});
