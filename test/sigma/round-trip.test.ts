// Round trip: every rule in rules/ exported with the Sigma backend (detection rules plus the allowlists as
// Sigma filters) and imported back raises the same alerts as the SPL rule on the fixtures (demo/ and every
// rule's own test events): same count, same times, and each Sigma alert's fields hold values of the SPL
// alert at that time (the SPL rule renames fields, the Sigma rule lists raw ones). Rules the exporter
// refuses are listed with the reason; the test checks that the refusal is still a named error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Event } from '../../src/core/event.ts';
import { valuesOf, scalarToString, type Value } from '../../src/core/value.ts';
import { readEvents } from '../../src/ingest/read.ts';
import { convertRule } from '../../src/app/convert-rule.ts';
import type { Alert } from '../../src/rules/alert.ts';
import { loadRules } from '../../src/rules/load.ts';
import { testEvents } from '../../src/rules/rule-tests.ts';
import { runRules } from '../../src/rules/run.ts';
import { makeEvent } from '../../src/ingest/make-event.ts';
import { lowerSigma, parseSigmaText, runSigma } from '../../src/sigma/index.ts';

/**
 * Rules the Sigma exporter refuses, and why (its error codes are in test/golden/translate/<id>.sigma). Issue #14:
 * their `stats ... by` keys fall back to the literal "unknown" so that events without an identity are not dropped,
 * and a Sigma correlation can group only by log fields (or aliases of them), never by a literal.
 */
const REFUSED: Record<string, string> = {
  'aws-ssm-session-new-principal-t1021-008': 'XLATE-SIGMA-EXPRESSION: group-by Principal = coalesce(..., "unknown")',
  'azure-vm-command-by-unapproved-caller-t1021-008': 'XLATE-SIGMA-EXPRESSION: group-by CallerId = coalesce(..., "unknown")',
  'cloud-services-risky-signin-t1021-007': 'XLATE-SIGMA-EXPRESSION: group-by UserUPN/AppId = coalesce(..., "unknown")',
  // Its stats groups by Path, an eval of the service and request.policy: Sigma correlations group by log fields.
  'gcp-vm-access-new-principal-t1021-008': 'group-by on a computed field (XLATE-SIGMA-EXPRESSION)',
};

/**
 * Events the fixtures lack, for rules whose Sigma export splits on coalesce(a, b): records without `a` (only
 * the later rule of the split sees them) and a group fed by both rules (the correlation alias joins them).
 */
const AV = 'Microsoft.Compute/virtualMachines/runCommand/action';
const EXTRA: Record<string, { sourcetype: string; laterRuleFires: boolean; records: Record<string, unknown>[] }> = {
  // The rule's own test events already hold a logon with only ActorIpAddress in a group with ClientIP logons.
  'cloud-services-risky-signin-t1021-007': { sourcetype: 'o365:management:activity', laterRuleFires: true, records: [] },
  'azure-vm-command-by-unapproved-caller-t1021-008': {
    sourcetype: 'azure:activity',
    // sightline's ingest already bridges `caller` to the principal id on Event Hub records (src/ingest/aliases.ts),
    // so here the first rule of the split sees them; a Sigma backend without that bridge runs the second.
    laterRuleFires: false,
    records: [
      // Event Hub layout without `caller`: the principal id is the caller, twice (one group), then a baseline UPN.
      { time: '2026-11-21T10:00:00Z', operationName: AV, callerIpAddress: '198.51.100.7', identity: { authorization: { evidence: { principalId: 'c0ffee00-1111-4222-8333-444455556666' } } }, resourceId: '/subscriptions/0/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/a1' },
      { time: '2026-11-21T10:05:00Z', operationName: AV, callerIpAddress: '198.51.100.7', identity: { authorization: { evidence: { principalId: 'c0ffee00-1111-4222-8333-444455556666' } } }, resourceId: '/subscriptions/0/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/a2' },
      { time: '2026-11-21T10:06:00Z', operationName: AV, identity: { authorization: { evidence: { principalId: 'Ops.Anna@contoso.example' } } }, resourceId: '/subscriptions/0/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/a3' },
      // The allowlisted managed identity in upper case: tuned, both sides silence it (the output is lower-cased).
      { time: '2026-11-21T10:07:00Z', operationName: AV, identity: { authorization: { evidence: { principalId: '5F4E3D2C-AAAA-4BBB-8CCC-0123456789AB' } } }, resourceId: '/subscriptions/0/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/a4' },
      // `caller` wins over the principal id: grouped with the caller's other call.
      { time: '2026-11-21T10:08:00Z', operationName: AV, caller: 'eve@contoso.example', identity: { authorization: { evidence: { principalId: 'c0ffee00-1111-4222-8333-444455556666' } } }, resourceId: '/subscriptions/0/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/a5' },
      { time: '2026-11-21T10:09:00Z', operationName: AV, caller: 'eve@contoso.example', resourceId: '/subscriptions/0/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/a6' },
      // Neither: stats BY drops it on both sides.
      { time: '2026-11-21T10:10:00Z', operationName: AV, resourceId: '/subscriptions/0/resourceGroups/r/providers/Microsoft.Compute/virtualMachines/a7' },
    ],
  },
  'entra-token-reuse-multiple-countries-t1550-001': {
    sourcetype: 'azure:monitor:aad:signin',
    laterRuleFires: true,
    records: [
      // No sessionId: the correlationId is the session, two countries.
      { time: '2026-11-22T08:00:00Z', properties: { userPrincipalName: 'kim@contoso.example', isInteractive: false, correlationId: 'corr-1', ipAddress: '192.0.2.60', location: { countryOrRegion: 'SE' }, status: { errorCode: 0 } } },
      { time: '2026-11-22T08:10:00Z', properties: { userPrincipalName: 'kim@contoso.example', isInteractive: false, correlationId: 'corr-1', ipAddress: '203.0.113.61', location: { countryOrRegion: 'BR' }, status: { errorCode: 0 } } },
      // One session value reached through sessionId in one record and correlationId in the other: one group.
      { time: '2026-11-22T09:00:00Z', properties: { userPrincipalName: 'lee@contoso.example', isInteractive: false, sessionId: 'mixed-1', correlationId: 'other', ipAddress: '192.0.2.62', location: { countryOrRegion: 'NL' }, status: { errorCode: 0 } } },
      { time: '2026-11-22T09:05:00Z', properties: { userPrincipalName: 'lee@contoso.example', isInteractive: false, correlationId: 'mixed-1', ipAddress: '203.0.113.63', location: { countryOrRegion: 'VN' }, status: { errorCode: 0 } } },
      // sessionId wins: correlationId 'corr-1' here does not join kim's group.
      { time: '2026-11-22T09:10:00Z', properties: { userPrincipalName: 'kim@contoso.example', isInteractive: false, sessionId: 's-kim', correlationId: 'corr-1', ipAddress: '203.0.113.64', location: { countryOrRegion: 'ZA' }, status: { errorCode: 0 } } },
    ],
  },
};

const rules = await loadRules('rules');
const demo: Event[] = [];
for await (const ev of readEvents(['demo'], { onMalformed: () => undefined })) demo.push(ev);

function values(a: Alert, skip: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(a)) {
    if (skip.has(k)) continue;
    for (const s of valuesOf(v as Value)) out.add(scalarToString(s).toLowerCase());
  }
  return out;
}

/**
 * Rules whose SPL aggregates over the whole search window, exported as a Sigma correlation that needs a timespan
 * (24h by default): Sigma alerts once per group per window, SPL once per group. The round trip compares each
 * group's first window (same first event, same entity); its counts cover one window only, so they are not compared.
 */
const PER_WINDOW: Record<string, { groupBy: readonly string[]; countField: string }> = {
  'aws-ssm-session-new-principal-t1021-008': { groupBy: ['userIdentity.arn'], countField: 'event_count' },
  'azure-vm-command-by-unapproved-caller-t1021-008': { groupBy: ['CallerId'], countField: 'event_count' },
  // The O365 multi-IP branch (value_count of the ClientIP/ActorIpAddress alias); the other branches alert per event.
  'cloud-services-risky-signin-t1021-007': { groupBy: ['UserId', 'ApplicationId'], countField: 'value_count' },
};

/**
 * Rules whose SPL stamps an alert with another time after the stats (`eval _time=LastSeen`): an output choice
 * Sigma cannot carry. A correlation alert here is stamped with its group's first event, which the SPL alert
 * also reports, in this field; the round trip compares that field with the Sigma alert's time.
 */
const SPL_FIRST_EVENT_TIME: Record<string, string> = {
  'entra-token-reuse-multiple-countries-t1550-001': 'FirstSeen',
};

/** Keeps each group's first window; alerts without the count field (not from the correlation) all stay. */
function firstWindowPerGroup(alerts: readonly Alert[], groupBy: readonly string[], countField: string): Alert[] {
  const seen = new Set<string>();
  const out: Alert[] = [];
  for (const a of [...alerts].sort((x, y) => Number(x._time) - Number(y._time))) {
    if (a[countField] === undefined) {
      out.push(a);
      continue;
    }
    const key = JSON.stringify(groupBy.map((g) => a[g]));
    if (!seen.has(key)) {
      seen.add(key);
      out.push(a);
    }
  }
  return out;
}

/**
 * Rules whose SPL pairs "A, then B of the same group within W" per UTC day (the carried-bucket idiom), exported as a
 * temporal_ordered correlation that the importer evaluates in sliding windows. Both mean "some B of the group comes
 * 0..W seconds after some A of the group"; SPL alerts once per group and UTC day of B (_time = the day's last B,
 * `lastB`), the correlation once per B that closes a pair (_time = that B, sigma_first = the A). The round trip
 * compares the sets of (group, UTC day of B), and places each Sigma alert inside its SPL alert: its B at or before
 * the day's last B, its A at or after the SPL's first A (`firstA`, which may be the day before).
 */
const PER_DAY_PAIRS: Record<string, { group: string; lastB: string; firstA: string }> = {
  'entra-anonymized-ip-then-azure-cli-t1021-007': { group: 'UserId', lastB: 'LastCli', firstA: 'FirstAnonymized' },
};

const utcDay = (t: unknown) => Math.floor(Number(t) / 86400);

function comparePerDayPairs(id: string, spl: readonly Alert[], sigma: readonly Alert[], p: (typeof PER_DAY_PAIRS)[string]): void {
  const key = (a: Alert, t: unknown) => `${String(a[p.group])} ${utcDay(t)}`;
  const splByKey = new Map(spl.map((a) => [key(a, a[p.lastB]), a]));
  assert.equal(splByKey.size, spl.length, `${id}: one SPL alert per group and day`);
  assert.deepEqual([...new Set(sigma.map((a) => key(a, a._time)))].sort(), [...splByKey.keys()].sort(), `${id}: the same (group, day of B)`);
  for (const s of sigma) {
    const a = splByKey.get(key(s, s._time))!;
    assert.ok(Number(s._time) <= Number(a[p.lastB]), `${id}: a Sigma alert's B is at or before the day's last B`);
    assert.ok(Number(s.sigma_first) >= Number(a[p.firstA]), `${id}: a Sigma alert's A is at or after the SPL's first A`);
  }
}

const META = new Set(['rule_id', 'rule_title', 'technique', 'tactic', 'severity', 'confidence', 'AlertType', '_time', 'sigma_tags', 'sigma_author', 'sigma_window', 'sigma_rules']);

/** Pairs every Sigma alert with an unpaired SPL alert of the same time whose values include the Sigma alert's. */
function unmatched(spl: readonly Alert[], sigma: readonly Alert[], splTime: (a: Alert) => unknown): Alert[] {
  const free = spl.map((a) => ({ a, vals: values(a, META), used: false }));
  const missing: Alert[] = [];
  for (const s of sigma) {
    const want = values(s, META);
    const hit = free.find((f) => !f.used && splTime(f.a) === s._time && [...want].every((v) => f.vals.has(v)));
    if (hit) hit.used = true;
    else missing.push(s);
  }
  return missing;
}

test('every rule is either round-tripped or listed as refused', () => {
  for (const r of rules) {
    const ok = convertRule(r, 'sigma').ok;
    assert.equal(!ok, r.id in REFUSED, `${r.id}: exporter ${ok ? 'accepts' : 'refuses'} it; update REFUSED`);
  }
});

for (const rule of rules) {
  test(`round trip SPL -> Sigma -> plan: ${rule.id}`, async () => {
    let splitSeen = false;
    let laterSplitSeen = false;
    for (const tuned of [true, false]) {
      const out = convertRule(rule, 'sigma', { tuned });
      if (!out.ok) {
        assert.ok(rule.id in REFUSED, `${rule.id} refused but not listed`);
        assert.ok(out.diagnostics.some((d) => d.severity === 'error' && /^XLATE-/.test(d.code)), `${rule.id}: ${REFUSED[rule.id]} (named XLATE-* error)`);
        return;
      }
      const events = [...demo];
      for (const t of rule.tests) events.push(...(await testEvents(t)));
      const extra = EXTRA[rule.id];
      for (const r of extra?.records ?? []) events.push(makeEvent(r, { sourcetype: extra!.sourcetype }));
      const spl = await runRules([rule], events, { tuned });
      const pairs = PER_DAY_PAIRS[rule.id];
      if (pairs) {
        assert.ok(spl.length > 0, `${rule.id}: the fixtures exercise the rule`);
        comparePerDayPairs(rule.id, spl, await runSigma(lowerSigma(parseSigmaText(out.text, `${rule.id}.yml`)), events), pairs);
        continue;
      }
      const window = PER_WINDOW[rule.id];
      const allSigma = await runSigma(lowerSigma(parseSigmaText(out.text, `${rule.id}.yml`)), events);
      const sigma = window ? firstWindowPerGroup(allSigma, window.groupBy, window.countField).map((a) => (a[window.countField] === undefined ? a : { ...a, [window.countField]: null })) : allSigma;
      if (allSigma.length > sigma.length) splitSeen = true;
      // The first rule of a split is named after coalesce()'s first argument; a later one after another.
      if (allSigma.some((a) => valuesOf((a.sigma_rules ?? null) as Value).length > 1 || /-(identity-authorization-evidence-principalid|correlationid)$/.test(String(a.sigma_rules)))) laterSplitSeen = true;
      assert.ok(spl.length > 0, `${rule.id}: the fixtures exercise the rule`);
      assert.equal(sigma.length, spl.length, `${rule.id} (tuned=${tuned}): alert count`);
      const timeField = SPL_FIRST_EVENT_TIME[rule.id];
      const splTime = (a: Alert) => (timeField ? a[timeField] : a._time);
      assert.deepEqual(sigma.map((a) => a._time).sort(), spl.map(splTime).sort(), `${rule.id}: alert times`);
      assert.deepEqual(unmatched(spl, sigma, splTime), [], `${rule.id}: every Sigma alert's field values appear in an SPL alert at the same time`);
    }
    if (EXTRA[rule.id]?.laterRuleFires) assert.ok(laterSplitSeen, `${rule.id}: some Sigma alert comes from a later rule of the coalesce split`);
    if (PER_WINDOW[rule.id]) assert.ok(splitSeen, `${rule.id}: the fixtures span several windows for some group (else PER_WINDOW is not needed)`);
  });
}
