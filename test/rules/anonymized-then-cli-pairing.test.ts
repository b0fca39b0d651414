// entra-anonymized-ip-then-azure-cli pairs by UTC day with the day before carried in (see the rule's notes). This
// checks that pairing against a direct definition: a (user, day) alerts exactly when some CLI sign-in of that
// user on that day comes 0..86400 s after some anonymized sign-in of the same user (object id `userId`; the UPN's case varies). The event
// sets are generated from a fixed seed (times across three days, both UPN cases, sign-ins that are both).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadRuleFile } from '../../src/rules/load.ts';
import { planRule } from '../../src/rules/run.ts';
import { runQuery } from '../../src/exec/run.ts';
import { makeEvent } from '../../src/ingest/make-event.ts';

const rule = await loadRuleFile('rules/entra-anonymized-ip-then-azure-cli-t1021-007.yml');
const plan = planRule(rule, false);
const CLI = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
const BASE = Date.UTC(2026, 10, 20) / 1000;

interface SignIn {
  readonly user: string;
  readonly t: number;
  readonly anon: boolean;
  readonly cli: boolean;
}

/** A small linear congruential generator: the same cases on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

function cases(count: number): SignIn[][] {
  const next = random(20261127);
  const out: SignIn[][] = [];
  for (let i = 0; i < count; i++) {
    const n = 1 + Math.floor(next() * 6);
    const set: SignIn[] = [];
    for (let k = 0; k < n; k++) {
      const kind = next();
      // Times cluster near midnight and near the 24h bound so the edges are hit often.
      const t = BASE + Math.floor(next() * 3) * 86400 + (next() < 0.5 ? Math.floor(next() * 86400) : 86400 - 3600 + Math.floor(next() * 7200)) - (next() < 0.2 ? 86400 : 0);
      set.push({ user: next() < 0.5 ? 'Ann@contoso.example' : next() < 0.5 ? 'ann@contoso.example' : 'bo@contoso.example', t, anon: kind < 0.5 || kind > 0.9, cli: kind >= 0.5 });
    }
    out.push(set);
  }
  return out;
}

/** The definition: (user, day of the CLI sign-in) for every CLI sign-in 0..86400 s after an anonymized one. */
function expected(set: readonly SignIn[]): string[] {
  const keys = new Set<string>();
  for (const c of set.filter((s) => s.cli)) {
    const paired = set.some((a) => a.anon && a.user.toLowerCase() === c.user.toLowerCase() && c.t - a.t >= 0 && c.t - a.t <= 86400);
    if (paired) keys.add(`${c.user.toLowerCase()} ${Math.floor(c.t / 86400)}`);
  }
  return [...keys].sort();
}

function record(s: SignIn): Record<string, unknown> {
  return {
    time: new Date(s.t * 1000).toISOString(),
    category: 'SignInLogs',
    properties: {
      userPrincipalName: s.user,
      // One object id per user whatever the UPN's case (the rule groups by it, version 3).
      userId: s.user.toLowerCase() === 'ann@contoso.example' ? 'a0000000-0000-4000-8000-00000000000a' : 'b0000000-0000-4000-8000-00000000000b',
      ipAddress: '192.0.2.1',
      status: { errorCode: 0 },
      ...(s.cli ? { appId: CLI } : { appDisplayName: 'Azure Portal' }),
      ...(s.anon ? { riskEventTypes_v2: ['unfamiliarFeatures', 'anonymizedIPAddress'] } : { riskEventTypes_v2: [] }),
    },
  };
}

test('the rule alerts per (user, day) exactly when a CLI sign-in follows an anonymized one within 86400 s', async () => {
  let alerting = 0;
  for (const set of cases(150)) {
    const rows = await runQuery(plan, set.map((s) => makeEvent(record(s), { sourcetype: 'azure:monitor:aad:signin' })));
    const got = rows.map((r) => `${String(r.get('User'))} ${Math.floor(Number(r.get('LastCli')) / 86400)}`).sort();
    const want = expected(set);
    if (want.length) alerting++;
    assert.deepEqual(got, want, JSON.stringify(set));
  }
  // The generated cases exercise both outcomes.
  assert.ok(alerting > 20 && alerting < 130, `${alerting} of 150 cases alert`);
});
