// ExecOptions.tz and ExecOptions.random reach every time function, time bound and convert, so results
// depend only on the options (Search Reference: strftime/relative_time format and snap "in the time zone
// of the user"; random() "returns a pseudo-random integer ranging from zero to 2^31-1").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planQuery } from '../../src/plan/index.ts';
import { runQuery, type ExecOptions } from '../../src/exec/run.ts';
import { seededRandom } from '../../src/exec/context.ts';
import { ev } from './helpers.ts';

const NOW = 1_700_000_000; // 2023-11-14 22:13:20 UTC = 17:13:20 EST (UTC-5) in America/New_York

async function one(spl: string, field: string, opts: ExecOptions = {}): Promise<unknown> {
  const rows = await runQuery(planQuery(spl), [], { now: NOW, ...opts });
  return rows[0]?.get(field) ?? null;
}

const TZ_CASES: { spl: string; field: string; utc: unknown; newYork: unknown }[] = [
  { spl: '| makeresults | eval s=strftime(now(), "%Y-%m-%d %H:%M")', field: 's', utc: '2023-11-14 22:13', newYork: '2023-11-14 17:13' },
  // snap to the start of the day: 00:00 UTC = 1699920000; 00:00 EST = 05:00 UTC = 1699938000
  { spl: '| makeresults | eval d=relative_time(now(), "@d")', field: 'd', utc: 1699920000, newYork: 1699938000 },
  { spl: '| makeresults | eval p=strptime("2023-11-14 00:00", "%Y-%m-%d %H:%M")', field: 'p', utc: 1699920000, newYork: 1699938000 },
  { spl: '| makeresults | eval t=now() | convert timeformat="%H:%M" ctime(t)', field: 't', utc: '22:13', newYork: '17:13' },
  // a null input stays null whatever the zone
  { spl: '| makeresults | eval s=strftime(nosuch, "%H")', field: 's', utc: null, newYork: null },
];

for (const c of TZ_CASES) {
  test(`tz option: ${c.spl}`, async () => {
    assert.deepEqual(await one(c.spl, c.field), c.utc);
    assert.deepEqual(await one(c.spl, c.field, { tz: 'UTC' }), c.utc);
    assert.deepEqual(await one(c.spl, c.field, { tz: 'America/New_York' }), c.newYork);
  });
}

test('tz option: earliest=@d snaps in the run time zone', async () => {
  // 1699930000 is 2023-11-14 02:46:40 UTC but 2023-11-13 21:46:40 in New York.
  const events = [ev({ id: 1 }, { _time: 1699930000 })];
  const plan = planQuery('sourcetype=* earliest=@d');
  assert.equal((await runQuery(plan, events, { now: NOW })).length, 1);
  assert.equal((await runQuery(plan, events, { now: NOW, tz: 'America/New_York' })).length, 0);
});

test('random option: the same seed gives the same numbers, another seed others, all in [0, 2^31)', async () => {
  const spl = '| makeresults count=5 | eval r=random() | stats list(r) as r';
  const run = async (seed: number) => {
    const rows = await runQuery(planQuery(spl), [], { now: NOW, random: seededRandom(seed) });
    return rows[0]?.get('r') as readonly number[];
  };
  const a = await run(7);
  assert.deepEqual(await run(7), a);
  assert.notDeepEqual(await run(8), a);
  assert.equal(a.length, 5);
  for (const n of a) assert.ok(Number.isInteger(n) && n >= 0 && n < 2 ** 31, String(n));
});
