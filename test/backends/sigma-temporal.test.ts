// The Sigma temporal_ordered export (src/backends/sigma/temporal.ts) of the "A, then B of the same group within
// W" idiom of entra-anonymized-ip-then-azure-cli. The rule itself groups by lower(UPN), which Sigma cannot
// say, so these tests use its SPL with the raw UPN as the group: the export must be a schema-valid
// temporal_ordered correlation over two detection rules, and imported back it must alert for the same users as
// the SPL on events inside one UTC day (the importer checks fixed windows, src/sigma/correlation.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { planQuery } from '../../src/plan/index.ts';
import { runQuery } from '../../src/exec/run.ts';
import { makeEvent } from '../../src/ingest/make-event.ts';
import { renderSigma, translateSigmaDocuments } from '../../src/backends/sigma/index.ts';
import { checkSigmaDocuments } from '../../src/backends/sigma/validate.ts';
import { lowerSigma, parseSigmaText, runSigma } from '../../src/sigma/index.ts';
import { valuesOf, scalarToString, type Value } from '../../src/core/value.ts';
import { assertGolden } from '../helpers/golden.ts';

const RULE_SPL: string = parse(readFileSync('rules/entra-anonymized-ip-then-azure-cli-t1021-007.yml', 'utf8')).spl;
const LOWERED = "eval User=lower('properties.userPrincipalName')";
const RAW_SPL = RULE_SPL.replace(LOWERED, "eval User='properties.userPrincipalName'");
const META = { id: 'temporal-unit', title: 'Anonymized sign-in then Azure CLI', severity: 'high', window: '24h' };

test('the rule still has the shape these tests rewrite', () => {
  assert.ok(RULE_SPL.includes(LOWERED));
  assert.notEqual(RAW_SPL, RULE_SPL);
});

test('raw group: one temporal_ordered correlation over two detection rules, schema-valid', () => {
  const { docs, problems } = translateSigmaDocuments(planQuery(RAW_SPL), META);
  assert.deepEqual(problems.list.filter((d) => d.severity === 'error'), []);
  assert.deepEqual(docs.map((d) => d.kind), ['rule', 'rule', 'correlation']);
  const corr = docs[2]!.kind === 'correlation' ? docs[2]!.doc.correlation : null;
  assert.deepEqual(corr, { type: 'temporal_ordered', rules: ['temporal-unit-step-1', 'temporal-unit-step-2'], 'group-by': ['UserPrincipalName'], timespan: '24h' });
  assert.deepEqual(checkSigmaDocuments(docs), []);
  assertGolden('test/golden/translate/temporal-ordered.sigma', renderSigma(docs));
});

test('the rule as written (group-by lower()) is refused with a named error', () => {
  const { problems } = translateSigmaDocuments(planQuery(RULE_SPL), META);
  const errors = problems.list.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => d.code), ['XLATE-SIGMA-EXPRESSION']);
  assert.match(errors[0]!.message, /group-by 'User' is lower\(\)/);
});

test('a correlation window other than the SPL bound is refused', () => {
  const { problems } = translateSigmaDocuments(planQuery(RAW_SPL), { ...META, window: '1h' });
  assert.ok(problems.list.some((d) => d.code === 'XLATE-SIGMA-CORRELATION' && /86400 s/.test(d.message)));
});

test('a carry other than the next bucket is not the idiom (left to the generic exporter, which refuses)', () => {
  const shifted = RAW_SPL.replace('floor(_time / 86400) + 1', 'floor(_time / 86400) + 2');
  assert.notEqual(shifted, RAW_SPL);
  const { docs, problems } = translateSigmaDocuments(planQuery(shifted), META);
  assert.ok(problems.failed);
  assert.ok(!docs.some((d) => d.kind === 'correlation' && d.doc.correlation.type === 'temporal_ordered'));
});

const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const ANON_FLAG = `eval IsAnon=if(isnotnull(mvfind(mvappend('properties.riskEventTypes_v2{}', 'properties.riskEventTypes{}'), "^anonymizedIPAddress$")), 1, 0)`;
/** The importer maps RiskLevelDuringSignIn but not yet RiskEventTypes_V2: the round trip's first event is a high-risk sign-in. */
const RISKY_SPL = RAW_SPL.replace(ANON_FLAG, `eval IsAnon=if('properties.riskLevelDuringSignIn'="high", 1, 0)`);
type Props = Record<string, unknown>;
const signin = (time: string, props: Props) => ({ time, category: 'SignInLogs', properties: { status: { errorCode: 0 }, ...props } });
const HIGH = { riskLevelDuringSignIn: 'high' };

/** Events inside 2026-11-20 UTC, one user per case; `alerts` is what the SPL says for that user. */
const CASES: { name: string; user: string; alerts: boolean; events: object[] }[] = [
  { name: 'risky then CLI', user: 'ann@contoso.example', alerts: true, events: [
    signin('2026-11-20T08:00:00Z', { userPrincipalName: 'ann@contoso.example', ...HIGH }),
    signin('2026-11-20T08:40:00Z', { userPrincipalName: 'ann@contoso.example', appId: CLI }),
  ] },
  { name: 'CLI before the risky sign-in only', user: 'ben@contoso.example', alerts: false, events: [
    signin('2026-11-20T07:00:00Z', { userPrincipalName: 'ben@contoso.example', appId: CLI }),
    signin('2026-11-20T09:00:00Z', { userPrincipalName: 'ben@contoso.example', ...HIGH }),
  ] },
  { name: 'one sign-in both risky and CLI', user: 'cy@contoso.example', alerts: true, events: [
    signin('2026-11-20T10:00:00Z', { userPrincipalName: 'cy@contoso.example', appDisplayName: 'Microsoft Azure CLI', ...HIGH }),
  ] },
  { name: 'CLI, risky, CLI again', user: 'di@contoso.example', alerts: true, events: [
    signin('2026-11-20T06:00:00Z', { userPrincipalName: 'di@contoso.example', appId: CLI }),
    signin('2026-11-20T11:00:00Z', { userPrincipalName: 'di@contoso.example', ...HIGH }),
    signin('2026-11-20T12:00:00Z', { userPrincipalName: 'di@contoso.example', appId: CLI }),
  ] },
  { name: 'risky only; null and other risk levels', user: 'ed@contoso.example', alerts: false, events: [
    signin('2026-11-20T08:00:00Z', { userPrincipalName: 'ed@contoso.example', ...HIGH }),
    signin('2026-11-20T09:00:00Z', { userPrincipalName: 'ed@contoso.example', appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', riskLevelDuringSignIn: null }),
    signin('2026-11-20T09:30:00Z', { userPrincipalName: 'ed@contoso.example', appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', riskLevelDuringSignIn: 'low' }),
  ] },
  { name: 'failed CLI sign-in does not pair', user: 'flo@contoso.example', alerts: false, events: [
    signin('2026-11-20T08:00:00Z', { userPrincipalName: 'flo@contoso.example', ...HIGH }),
    { time: '2026-11-20T08:10:00Z', category: 'SignInLogs', properties: { userPrincipalName: 'flo@contoso.example', appId: CLI, status: { errorCode: 50126 } } },
  ] },
  { name: 'the UPN in two cases: two raw groups, no pair', user: 'Gus@contoso.example', alerts: false, events: [
    signin('2026-11-20T08:00:00Z', { userPrincipalName: 'Gus@contoso.example', ...HIGH }),
    signin('2026-11-20T08:10:00Z', { userPrincipalName: 'gus@contoso.example', appId: CLI }),
  ] },
  { name: 'no user principal name: no group', user: '', alerts: false, events: [
    signin('2026-11-20T08:00:00Z', HIGH),
    signin('2026-11-20T08:10:00Z', { appId: CLI }),
  ] },
];

function users(rows: readonly Record<string, unknown>[], field: string): string[] {
  return [...new Set(rows.flatMap((r) => valuesOf(r[field] as Value).map((v) => scalarToString(v))))].sort();
}

async function roundTrip(spl: string): Promise<void> {
  const events = () => CASES.flatMap((c) => c.events).map((r) => makeEvent(r, { sourcetype: 'azure:monitor:aad:signin' }));
  const native = (await runQuery(planQuery(spl), events())).map((r) => r.toJSON() as Record<string, unknown>);
  const expected = CASES.filter((c) => c.alerts).map((c) => c.user).sort();
  assert.deepEqual(users(native, 'User'), expected, 'the SPL alerts for exactly the cases marked alerts');
  const { docs, problems } = translateSigmaDocuments(planQuery(spl), META);
  assert.equal(problems.failed, false);
  const sigma = await runSigma(lowerSigma(parseSigmaText(renderSigma(docs), 'temporal.yml')), events());
  assert.deepEqual(users(sigma as unknown as Record<string, unknown>[], 'UserPrincipalName'), expected);
  assert.equal(sigma.length, expected.length, 'one alert per user (one window)');
}

test('round trip: the imported Sigma alerts for the users the SPL alerts for (one UTC day)', () => roundTrip(RISKY_SPL));

test('round trip with the rule\'s anonymized-IP condition', { todo: 'the importer (src/sigma/mappings) has no RiskEventTypes_V2 / RiskEventTypes field yet' }, async () => {
  const anon = CASES.map((c) => ({ ...c, events: c.events.map((e) => JSON.parse(JSON.stringify(e).replace('"riskLevelDuringSignIn":"high"', '"riskEventTypes_v2":["unfamiliarFeatures","anonymizedIPAddress"]'))) }));
  CASES.splice(0, CASES.length, ...anon);
  await roundTrip(RAW_SPL);
});
