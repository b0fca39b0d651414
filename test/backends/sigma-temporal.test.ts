// The Sigma temporal_ordered export (src/backends/sigma/temporal.ts) of the "A, then B of the same group within
// W" idiom of entra-anonymized-ip-then-azure-cli (grouped by the user's object id, properties.userId -> UserId).
// The export must be a schema-valid temporal_ordered correlation over two detection rules; imported back (sliding
// windows, src/sigma/temporal-sliding.ts) it must alert for the same (user, UTC day of the CLI sign-in) as the SPL,
// tuned and untuned. A group-by of lower() has no Sigma form and stays refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planQuery } from '../../src/plan/index.ts';
import { makeEvent } from '../../src/ingest/make-event.ts';
import { renderSigma, translateSigmaDocuments } from '../../src/backends/sigma/index.ts';
import { checkSigmaDocuments } from '../../src/backends/sigma/validate.ts';
import { convertRule } from '../../src/app/convert-rule.ts';
import { loadRuleFile } from '../../src/rules/load.ts';
import { runRules } from '../../src/rules/run.ts';
import { lowerSigma, parseSigmaText, runSigma } from '../../src/sigma/index.ts';
import type { Alert } from '../../src/rules/alert.ts';
import { assertGolden } from '../helpers/golden.ts';

const rule = await loadRuleFile('rules/entra-anonymized-ip-then-azure-cli-t1021-007.yml');
const BY_ID = 'by UserId, Day';
const META = { id: 'temporal-unit', title: 'Anonymized sign-in then Azure CLI', severity: 'high', window: '24h' };

test('the rule still has the shape these tests rewrite', () => {
  assert.ok(rule.spl.includes(BY_ID));
});

test('the rule: one temporal_ordered correlation over two detection rules grouped by UserId, schema-valid', () => {
  const { docs, problems } = translateSigmaDocuments(planQuery(rule.spl), META);
  assert.deepEqual(problems.list.filter((d) => d.severity === 'error'), []);
  assert.deepEqual(docs.map((d) => d.kind), ['rule', 'rule', 'correlation']);
  const corr = docs[2]!.kind === 'correlation' ? docs[2]!.doc.correlation : null;
  assert.deepEqual(corr, { type: 'temporal_ordered', rules: ['temporal-unit-step-1', 'temporal-unit-step-2'], 'group-by': ['UserId'], timespan: '24h' });
  assert.deepEqual(checkSigmaDocuments(docs), []);
  assertGolden('test/golden/translate/temporal-ordered.sigma', renderSigma(docs));
});

test('each step feeds its own outputs: AnonymizedIPs from step 1, CliIPs from step 2, the rest from both', () => {
  const { docs } = translateSigmaDocuments(planQuery(rule.spl), META);
  const feeds = docs.map((d) => (d.kind === 'rule' ? d.feeds : undefined));
  assert.ok(feeds[0]!.includes('AnonymizedIPs') && !feeds[0]!.includes('CliIPs'));
  assert.ok(feeds[1]!.includes('CliIPs') && !feeds[1]!.includes('AnonymizedIPs'));
  for (const both of ['UserId', 'Day', 'User']) assert.ok(feeds[0]!.includes(both) && feeds[1]!.includes(both), both);
});

test('the tuned export aims the corporate-egress filter (on AnonymizedIPs) at the anonymized step only', () => {
  const out = convertRule(rule, 'sigma', { tuned: true });
  assert.ok(out.ok);
  const filters = out.text.split(/^---$/m).filter((d) => /^filter:/m.test(d));
  assert.equal(filters.length, 1);
  assert.match(filters[0]!, /rules:\n {4}- entra-anonymized-ip-then-azure-cli-t1021-007-step-1\n {2}selection/);
});

test('grouped by lower() of a field: refused with a named error', () => {
  const lowered = rule.spl.replace(BY_ID, 'by User, Day');
  const { problems } = translateSigmaDocuments(planQuery(lowered), META);
  const errors = problems.list.filter((d) => d.severity === 'error');
  assert.deepEqual(errors.map((d) => d.code), ['XLATE-SIGMA-EXPRESSION']);
  assert.match(errors[0]!.message, /group-by 'User' is lower\(\)/);
});

test('a correlation window other than the SPL bound is refused', () => {
  const { problems } = translateSigmaDocuments(planQuery(rule.spl), { ...META, window: '1h' });
  assert.ok(problems.list.some((d) => d.code === 'XLATE-SIGMA-CORRELATION' && /86400 s/.test(d.message)));
});

test('a carry other than the next bucket is not the idiom (left to the generic exporter, which refuses)', () => {
  const shifted = rule.spl.replace('floor(_time / 86400) + 1', 'floor(_time / 86400) + 2');
  assert.notEqual(shifted, rule.spl);
  const { docs, problems } = translateSigmaDocuments(planQuery(shifted), META);
  assert.ok(problems.failed);
  assert.ok(!docs.some((d) => d.kind === 'correlation' && d.doc.correlation.type === 'temporal_ordered'));
});

const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
type Props = Record<string, unknown>;
const signin = (time: string, props: Props) => ({ time, category: 'SignInLogs', properties: { status: { errorCode: 0 }, ipAddress: '192.0.2.9', ...props } });
const ANON = { riskEventTypes_v2: ['unfamiliarFeatures', 'anonymizedIPAddress'], ipAddress: '185.220.101.30' };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * One user (object id) per case; `days` are the UTC days (YYYY-MM-DD) the SPL alerts on for that user, untuned and
 * tuned (corporate-egress allowlists 203.0.113.0/24 and 198.51.100.16/28 in AnonymizedIPs).
 */
const CASES: { name: string; user: string; days: string[]; tunedDays?: string[]; events: object[] }[] = [
  { name: 'anonymized then CLI', user: id(1), days: ['2026-11-20'], events: [
    signin('2026-11-20T08:00:00Z', { userId: id(1), userPrincipalName: 'ann@contoso.example', ...ANON }),
    signin('2026-11-20T08:40:00Z', { userId: id(1), userPrincipalName: 'ann@contoso.example', appId: CLI }),
  ] },
  { name: 'CLI before the anonymized sign-in only', user: id(2), days: [], events: [
    signin('2026-11-20T07:00:00Z', { userId: id(2), userPrincipalName: 'ben@contoso.example', appId: CLI }),
    signin('2026-11-20T09:00:00Z', { userId: id(2), userPrincipalName: 'ben@contoso.example', ...ANON }),
  ] },
  { name: 'one sign-in both anonymized and CLI', user: id(3), days: ['2026-11-20'], events: [
    signin('2026-11-20T10:00:00Z', { userId: id(3), userPrincipalName: 'cy@contoso.example', appDisplayName: 'Microsoft Azure CLI', ...ANON }),
  ] },
  { name: 'CLI, anonymized, CLI twice (SPL: one alert for the day; Sigma: one per closing CLI sign-in)', user: id(4), days: ['2026-11-20'], events: [
    signin('2026-11-20T06:00:00Z', { userId: id(4), userPrincipalName: 'di@contoso.example', appId: CLI }),
    signin('2026-11-20T11:00:00Z', { userId: id(4), userPrincipalName: 'di@contoso.example', ...ANON }),
    signin('2026-11-20T12:00:00Z', { userId: id(4), userPrincipalName: 'di@contoso.example', appId: CLI }),
    signin('2026-11-20T13:00:00Z', { userId: id(4), userPrincipalName: 'di@contoso.example', appId: CLI }),
  ] },
  { name: 'anonymized only; null and other risk types', user: id(5), days: [], events: [
    signin('2026-11-20T08:00:00Z', { userId: id(5), userPrincipalName: 'ed@contoso.example', ...ANON }),
    signin('2026-11-20T09:00:00Z', { userId: id(5), userPrincipalName: 'ed@contoso.example', riskEventTypes_v2: null }),
    signin('2026-11-20T09:30:00Z', { userId: id(5), userPrincipalName: 'ed@contoso.example', riskEventTypes_v2: ['unlikelyTravel'], appId: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c' }),
  ] },
  { name: 'failed CLI sign-in does not pair', user: id(6), days: [], events: [
    signin('2026-11-20T08:00:00Z', { userId: id(6), userPrincipalName: 'flo@contoso.example', ...ANON }),
    { time: '2026-11-20T08:10:00Z', category: 'SignInLogs', properties: { userId: id(6), userPrincipalName: 'flo@contoso.example', appId: CLI, status: { errorCode: 50126 } } },
  ] },
  { name: 'the UPN in two cases and renamed, one object id: one user, pairs', user: id(7), days: ['2026-11-20'], events: [
    signin('2026-11-20T08:00:00Z', { userId: id(7), userPrincipalName: 'Gus@contoso.example', ...ANON }),
    signin('2026-11-20T08:10:00Z', { userId: id(7), userPrincipalName: 'gus.new@contoso.example', appId: CLI }),
  ] },
  { name: 'no object id: no group on either side', user: '', days: [], events: [
    signin('2026-11-20T08:00:00Z', { userPrincipalName: 'hal@contoso.example', ...ANON }),
    signin('2026-11-20T08:10:00Z', { userPrincipalName: 'hal@contoso.example', appId: CLI }),
  ] },
  { name: 'a pair across midnight UTC (one sliding window; two fixed ones)', user: id(9), days: ['2026-11-21'], events: [
    signin('2026-11-20T23:30:00Z', { userId: id(9), userPrincipalName: 'ivy@contoso.example', ...ANON }),
    signin('2026-11-21T00:10:00Z', { userId: id(9), userPrincipalName: 'ivy@contoso.example', appId: CLI }),
  ] },
  { name: 'exactly 86400 s apart pairs', user: id(10), days: ['2026-11-21'], events: [
    signin('2026-11-20T10:00:00Z', { userId: id(10), userPrincipalName: 'jo@contoso.example', ...ANON }),
    signin('2026-11-21T10:00:00Z', { userId: id(10), userPrincipalName: 'jo@contoso.example', appId: CLI }),
  ] },
  { name: '86401 s apart does not', user: id(11), days: [], events: [
    signin('2026-11-20T10:00:00Z', { userId: id(11), userPrincipalName: 'kai@contoso.example', ...ANON }),
    signin('2026-11-21T10:00:01Z', { userId: id(11), userPrincipalName: 'kai@contoso.example', appId: CLI }),
  ] },
  { name: 'CLI from an allowlisted address after a Tor sign-in: still alerts tuned (only AnonymizedIPs are tuned)', user: id(12), days: ['2026-11-20'], events: [
    signin('2026-11-20T08:00:00Z', { userId: id(12), userPrincipalName: 'lu@contoso.example', ...ANON }),
    signin('2026-11-20T08:30:00Z', { userId: id(12), userPrincipalName: 'lu@contoso.example', appId: CLI, ipAddress: '203.0.113.50' }),
  ] },
  { name: 'anonymized sign-in from the developer VPN: silenced tuned', user: id(13), days: ['2026-11-20'], tunedDays: [], events: [
    signin('2026-11-20T08:00:00Z', { userId: id(13), userPrincipalName: 'mo@contoso.example', ...ANON, ipAddress: '198.51.100.20' }),
    signin('2026-11-20T08:30:00Z', { userId: id(13), userPrincipalName: 'mo@contoso.example', appId: CLI }),
  ] },
];

const day = (t: unknown) => new Date(Math.floor(Number(t) / 86400) * 86400 * 1000).toISOString().slice(0, 10);
const keys = (alerts: readonly Alert[], time: (a: Alert) => unknown) => [...new Set(alerts.map((a) => `${String(a.UserId)} ${day(time(a))}`))].sort();

for (const tuned of [false, true]) {
  test(`round trip (${tuned ? 'tuned' : 'untuned'}): the imported Sigma alerts on the same (user, day of the CLI sign-in) as the SPL`, async () => {
    const events = () => CASES.flatMap((c) => c.events).map((r) => makeEvent(r, { sourcetype: 'azure:monitor:aad:signin' }));
    const spl = await runRules([rule], events(), { tuned });
    const expected = CASES.flatMap((c) => ((tuned ? c.tunedDays : undefined) ?? c.days).map((d) => `${c.user} ${d}`)).sort();
    // SPL: one alert per user and UTC day of the CLI sign-in; Day is that day (the carried branch never pairs a CLI).
    assert.deepEqual(keys(spl, (a) => a.LastCli), expected, 'the SPL alerts for exactly the cases marked');
    assert.equal(spl.length, expected.length);
    const out = convertRule(rule, 'sigma', { tuned });
    assert.ok(out.ok);
    const sigma = await runSigma(lowerSigma(parseSigmaText(out.text, 'temporal.yml')), events());
    // Sigma: one alert per CLI sign-in that closes a pair; its _time is that sign-in's.
    assert.deepEqual(keys(sigma, (a) => a._time), expected);
    assert.equal(sigma.filter((a) => a.UserId === id(4)).length, 2, 'two closing CLI sign-ins, two Sigma alerts');
    for (const a of sigma) assert.ok(Number(a._time) - Number(a.sigma_first) <= 86400 && Number(a._time) >= Number(a.sigma_first));
  });
}
