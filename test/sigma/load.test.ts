// Loading Sigma documents (rules, correlations, filters), logsource and field mappings, filters applied to
// the rules they name, and named errors for what sightline refuses. Citations: sigma-rules-specification.md
// ("Log Source"), sigma-filters-specification.md, sigma-appendix-taxonomy.md (product/service pairs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeEvent } from '../../src/ingest/make-event.ts';
import { loadSigmaPath, lowerSigma, parseSigmaText, runSigma } from '../../src/sigma/index.ts';
import { knownLogsources } from '../../src/sigma/mapping.ts';
import { ct, errorCode, matchesEach } from './helpers.ts';

test('multi-document files yield rules, correlations and filters', () => {
  const docs = parseSigmaText(
    'title: r\nname: r\nlogsource: {product: aws, service: cloudtrail}\ndetection: {s: {eventName: X}, condition: s}\n---\n' +
      'title: c\ncorrelation: {type: event_count, rules: [r], timespan: 1h, condition: {gte: 2}}\n---\n' +
      'title: f\nlogsource: {product: aws, service: cloudtrail}\nfilter: {rules: [r], selection: {x: 1}, condition: not selection}\n',
    'multi.yml',
  );
  assert.deepEqual(docs.map((d) => d.document.kind), ['rule', 'correlation', 'filter']);
});

test('a directory is read recursively, .yml and .yaml only', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sigma-'));
  mkdirSync(join(dir, 'sub'));
  const rule = (t: string) => `title: ${t}\nlogsource: {product: aws, service: cloudtrail}\ndetection: {s: {eventName: X}, condition: s}\n`;
  writeFileSync(join(dir, 'a.yml'), rule('a'));
  writeFileSync(join(dir, 'sub', 'b.yaml'), rule('b'));
  writeFileSync(join(dir, 'notes.txt'), 'not sigma');
  assert.deepEqual(loadSigmaPath(dir).map((d) => d.document.doc.title), ['a', 'b']);
});

const DOC_ERRORS: readonly [string, string][] = [
  ['- just a list', 'SIGMA-BAD-DOCUMENT'],
  ['title: x\nfoo: bar', 'SIGMA-BAD-DOCUMENT'],
  ['title: x\naction: global\ndetection: {}', 'SIGMA-UNSUPPORTED-COLLECTION'],
  ['title: x\nlogsource: {product: aws, service: cloudtrail}\ndetection: {s: {a: 1}}', 'SIGMA-BAD-DETECTION'],
  ['title: x\ncorrelation: {type: event_count, rules: []}', 'SIGMA-BAD-CORRELATION'],
  ['title: [unclosed', 'SIGMA-BAD-YAML'],
];

for (const [text, code] of DOC_ERRORS) {
  test(`document error ${code}: ${JSON.stringify(text.slice(0, 30))}`, () => {
    assert.equal(errorCode(() => parseSigmaText(text, 'bad.yml')), code);
  });
}

test('the taxonomy pairs of the issue are all mapped; those without a sightline log are marked', () => {
  const pairs = new Map(knownLogsources().map((l) => [`${l.product}/${l.service}`, l.sourcetype]));
  assert.equal(pairs.get('aws/cloudtrail'), 'aws:cloudtrail');
  assert.equal(pairs.get('azure/signinlogs'), 'azure:monitor:aad:signin');
  assert.equal(pairs.get('azure/activitylogs'), 'azure:activity');
  assert.equal(pairs.get('m365/audit'), 'o365:management:activity');
  assert.equal(pairs.get('azure/riskdetection'), null);
  assert.equal(pairs.get('azure/auditlogs'), null);
});

const rule = (logsource: string, detection: string) => `title: t\nlogsource: ${logsource}\ndetection:\n${detection.replace(/^/gm, '  ')}\n  condition: s\n`;

const LOGSOURCE_ERRORS: readonly [string, string, string][] = [
  ['{product: azure, service: riskdetection}', 's: {RiskEventType: x}', 'SIGMA-UNSUPPORTED-LOGSOURCE'],
  ['{product: windows, service: security}', 's: {EventID: 4624}', 'SIGMA-UNSUPPORTED-LOGSOURCE'],
  ['{category: process_creation, product: windows}', 's: {Image: x}', 'SIGMA-UNSUPPORTED-LOGSOURCE'],
  ['{product: azure, service: signinlogs}', 's: {NoSuchColumn: x}', 'SIGMA-UNMAPPED-FIELD'],
];

for (const [ls, det, code] of LOGSOURCE_ERRORS) {
  test(`logsource/field error ${code}: ${ls} ${det}`, () => {
    assert.equal(errorCode(() => lowerSigma(parseSigmaText(rule(ls, det), 't.yml'))), code);
  });
}

const signin = (props: Record<string, unknown>) =>
  makeEvent({ time: '2026-11-20T16:00:00Z', category: 'SignInLogs', operationName: 'Sign-in activity', properties: props }, { sourcetype: 'azure:monitor:aad:signin' });

test('Sentinel column names of SigninLogs resolve to the diagnostic record fields; numbers written unquoted match', async () => {
  // log-sources.md section 3: SigmaHQ signinlogs rules use Sentinel names, "ResultType values are written unquoted".
  const yaml = rule('{product: azure, service: signinlogs}', 's:\n  ResultType: 50053\n  AppDisplayName|contains: portal\n  UserPrincipalName|endswith: "@contoso.example"');
  const evs = [
    signin({ status: { errorCode: 50053 }, appDisplayName: 'Azure Portal', userPrincipalName: 'a@contoso.example' }),
    signin({ status: { errorCode: 0 }, appDisplayName: 'Azure Portal', userPrincipalName: 'a@contoso.example' }),
  ];
  assert.deepEqual(await matchesEach(yaml, evs), [true, false]);
});

test('the alert shows the fields listed by a Sentinel-style rule under their Sigma names', async () => {
  const yaml = rule('{product: azure, service: signinlogs}', 's:\n  ResultType: 0') + 'fields: [UserPrincipalName, IPAddress]\n';
  const [a] = await runSigma(lowerSigma(parseSigmaText(yaml, 't.yml')), [signin({ status: { errorCode: 0 }, userPrincipalName: 'a@contoso.example', ipAddress: '198.51.100.4' })]);
  assert.equal(a?.UserPrincipalName, 'a@contoso.example');
  assert.equal(a?.IPAddress, '198.51.100.4');
  assert.equal(a?.['properties.userPrincipalName'], undefined);
});

test('Azure Activity operationName (UPPERCASE in SigmaHQ rules) matches the record case-insensitively', async () => {
  const yaml = rule('{product: azure, service: activitylogs}', 's:\n  operationName: MICROSOFT.COMPUTE/VIRTUALMACHINES/RUNCOMMAND/ACTION');
  const ev = (op: string) => makeEvent({ time: '2026-11-20T16:00:00Z', resourceId: '/SUBSCRIPTIONS/X', operationName: op, category: 'Administrative' }, { sourcetype: 'azure:activity' });
  assert.deepEqual(await matchesEach(yaml, [ev('Microsoft.Compute/virtualMachines/runCommand/action'), ev('Microsoft.Compute/virtualMachines/write')]), [true, false]);
});

test('a rule matches only events of its logsource sourcetype', async () => {
  const yaml = rule('{product: m365, service: audit}', 's: {Operation: FileAccessed}');
  const o365 = makeEvent({ CreationTime: '2026-11-20T16:00:00', Operation: 'FileAccessed', Workload: 'SharePoint', RecordType: 6 }, { sourcetype: 'o365:management:activity' });
  assert.deepEqual(await matchesEach(yaml, [o365, ct({ Operation: 'FileAccessed' })]), [true, false]);
});

test('a filter adds its condition to the rules it names (sigma-filters-specification.md)', async () => {
  // Filters spec: the filter's condition is combined with the rule's condition using AND.
  const text =
    'title: r\nname: r\nlogsource: {product: aws, service: cloudtrail}\ndetection: {s: {eventName: StartSession}, condition: s}\n---\n' +
    'title: allow ops\nlogsource: {product: aws, service: cloudtrail}\nfilter:\n  rules: [r]\n  selection:\n    sourceIPAddress|cidr: 10.20.0.0/24\n  condition: not selection\n---\n' +
    'title: other\nname: other\nlogsource: {product: aws, service: cloudtrail}\ndetection: {s: {eventName: StartSession}, condition: s}\n';
  const events = [ct({ eventName: 'StartSession', sourceIPAddress: '10.20.0.5' }), ct({ eventName: 'StartSession', sourceIPAddress: '198.51.100.7' })];
  const alerts = await runSigma(lowerSigma(parseSigmaText(text, 'f.yml')), events);
  assert.deepEqual(alerts.map((a) => a.rule_id).sort(), ['other', 'other', 'r']);
});

test('fields: the alert carries _time and the listed fields (mapped), ATT&CK tags, tags, author and level', async () => {
  const text = 'title: t\nid: 0b0c\nauthor: Jane Doe\ntags: [attack.lateral-movement, attack.t1021.008]\nlevel: critical\nlogsource: {product: aws, service: cloudtrail}\ndetection: {s: {eventName: OpenTunnel}, condition: s}\nfields: [eventName, sourceIPAddress]\n';
  const [a] = await runSigma(lowerSigma(parseSigmaText(text, 't.yml')), [ct({ eventName: 'OpenTunnel', sourceIPAddress: '198.51.100.1', other: 'x' })]);
  assert.ok(a);
  assert.equal(a.rule_id, '0b0c');
  assert.equal(a.severity, 'critical');
  assert.equal(a.technique, 'T1021.008');
  assert.equal(a.tactic, 'Lateral Movement');
  assert.deepEqual(a.sigma_tags, ['attack.lateral-movement', 'attack.t1021.008']);
  assert.equal(a.sigma_author, 'Jane Doe', 'DRL 1.1: the author is shown with every match');
  assert.equal(a.sourceIPAddress, '198.51.100.1');
  assert.equal(a.other, undefined, 'fields not listed are not in the alert');
});

test('a condition error is reported at its file line and column', async () => {
  const { formatDiagnostic } = await import('../../src/core/diagnostics.ts');
  const text = 'title: t\nlogsource: {product: aws, service: cloudtrail}\ndetection:\n  s: {eventName: X}\n  condition: s and and s\n';
  try {
    lowerSigma(parseSigmaText(text, 'bad.yml'));
    assert.fail('must throw');
  } catch (e) {
    const d = (e as { diagnostic: Parameters<typeof formatDiagnostic>[0] }).diagnostic;
    assert.equal(d.code, 'SIGMA-BAD-CONDITION');
    assert.match(formatDiagnostic(d, text), /^bad\.yml:5:20: SIGMA-BAD-CONDITION/);
  }
});
