// Each service's own timestamp format (CloudTrail record contents; Azure Monitor resource log schema;
// O365 Management Activity API schema: "CreationTime ... in UTC" without a zone designator).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { azureTime, cloudTrailResponseDate, cloudTrailTime, dotnetTicks, o365Time } from '../../src/scenarios/time-format.ts';

const T = Date.parse('2026-03-02T18:00:30Z') / 1000;
const CASES: [string, (t: number) => string, number, string][] = [
  ['CloudTrail eventTime drops fractions', cloudTrailTime, T + 0.75, '2026-03-02T18:00:30Z'],
  ['Azure time has 100 ns ticks', azureTime, T + 0.25, '2026-03-02T18:00:30.2500000Z'],
  ['Azure time on a whole second', azureTime, T, '2026-03-02T18:00:30.0000000Z'],
  ['O365 CreationTime has no zone', o365Time, T, '2026-03-02T18:00:30'],
  ['CloudTrail response date, afternoon', cloudTrailResponseDate, T, 'Mar 2, 2026, 6:00:30 PM'],
  ['CloudTrail response date, just after midnight', cloudTrailResponseDate, Date.parse('2026-03-02T00:05:00Z') / 1000, 'Mar 2, 2026, 12:05:00 AM'],
  ['CloudTrail response date, noon', cloudTrailResponseDate, Date.parse('2026-12-31T12:00:00Z') / 1000, 'Dec 31, 2026, 12:00:00 PM'],
  // .NET ticks of the Unix epoch are 621355968000000000 (DateTime(1970,1,1).Ticks).
  ['.NET ticks at the Unix epoch', dotnetTicks, 0, '621355968000000000'],
];
for (const [name, fn, t, want] of CASES) {
  test(name, () => assert.equal(fn(t), want));
}
