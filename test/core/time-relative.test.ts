// Relative time modifiers. Citations: Splunk "Time modifiers" (help.splunk.com/splunk-enterprise/
// spl-search-reference/9.4/time-format-variables-and-modifiers/time-modifiers) and the SPL2 Search Manual
// "Specifying relative time": "The syntax for using time modifiers is [+|-]<time_integer><time_unit>@<time_unit>".
// Expected epochs were computed with GNU date (`date -u -d 2026-11-20T00:00:00Z +%s`), never by this code.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SightlineError } from '../../src/core/diagnostics.ts';
import { parseRelativeTime } from '../../src/core/time.ts';

/** Friday 2026-11-27T09:18:57Z. */
const NOW = 1795771137;

const rows: ReadonlyArray<readonly [spec: string, expected: number, note: string]> = [
  // "To search for data from now and go back in time 5 minutes, use earliest=-5m."
  ['-24h', 1795684737, 'hours back'],
  ['-30m', NOW - 1800, 'minutes'],
  ['-90s', NOW - 90, 'seconds'],
  ['+1h', NOW + 3600, 'a plus offset goes forward'],
  ['-d', NOW - 86400, 'the integer defaults to 1'],
  ['-2y', 1732699137, 'years'],
  ['-1q', 1787822337, 'a quarter is three months'],
  ['-1mins', NOW - 60, 'plural unit spelling'],
  // "-h@h ... the search rounds the time down to the hour"; snap-to rounds down to the start of the unit.
  ['@h', 1795770000, 'snap to the hour'],
  ['@m', 1795771080, 'snap to the minute'],
  ['@d', 1795737600, '"earliest=@d ... finds every event with a _time value since midnight"'],
  ['-7d@d', 1795132800, 'offset then snap'],
  ['-1mon@mon', 1790812800, 'previous month, start of month'],
  ['@mon', 1793491200, 'start of this month'],
  // "@q, @qtr, or @quarter ... snap to the beginning of the most recent quarter: Jan 1, Apr 1, July 1, or Oct 1"
  ['@q', 1790812800, 'quarter'],
  ['@y', 1767225600, 'year'],
  // "Specify 'snap to' days of the week; where w0 is Sunday, w1 is Monday ... @w or @week ... is equivalent
  // to snapping to Sunday or @w0. You can use either w0 or w7 for Sunday."
  ['@w0', 1795305600, 'Sunday before'],
  ['@w', 1795305600, '@w is @w0'],
  ['@w7', 1795305600, 'w7 is Sunday too'],
  ['@w1', 1795392000, 'Monday before'],
  ['@w5', 1795737600, 'today is Friday: snap to today'],
  ['@w6', 1795219200, 'last Saturday'],
  ['-1w@w1', 1794787200, 'a week back, then Monday'],
  ['-1d@d+8h', 1795680000, 'offsets after a snap apply in order'],
  // "When specifying relative time, you can use the now modifier to refer to the current time."
  ['now', NOW, 'now'],
  // "Use earliest=1 to specify the UNIX epoch time 1"; 0 is all time.
  ['0', 0, 'epoch 0'],
  ['1700000000', 1700000000, 'an epoch number'],
  // "specify dates like earliest="10/15/2019:20:00:00"" with the timeformat %m/%d/%Y:%H:%M:%S.
  ['11/27/2026:01:02:03', 1795741323, 'absolute time'],
];

for (const [spec, expected, note] of rows) {
  test(`relative time: ${spec} - ${note}`, () => {
    assert.equal(parseRelativeTime(spec, NOW), expected);
  });
}

test('relative time: month arithmetic rolls over like C mktime (Mar 31 -1mon is Mar 3) [unverified; docs silent]', () => {
  assert.equal(parseRelativeTime('-1mon', 1774915200), 1772496000);
});

test('relative time: fractional seconds survive offsets and are dropped by snaps', () => {
  assert.equal(parseRelativeTime('-1h', NOW + 0.25), NOW - 3600 + 0.25);
  assert.equal(parseRelativeTime('@s', NOW + 0.25), NOW);
});

test('relative time: days and snaps follow the time zone, across a DST change', () => {
  // 2026-03-09 12:00 EDT minus one calendar day is 2026-03-08 12:00 EDT, 23 hours earlier.
  assert.equal(parseRelativeTime('-1d', 1773072000, 'America/New_York'), 1772985600);
  // Midnight of 2026-03-08 in New York is still EST (-05:00).
  assert.equal(parseRelativeTime('@d', 1772985600, 'America/New_York'), 1772946000);
  assert.equal(parseRelativeTime('@d', NOW, '+05:30'), 1795737600 - 19800);
});

test('relative time: invalid modifiers fail with SPL-TIME-MODIFIER-INVALID and a hint', () => {
  for (const spec of ['', '-3x', '-5', 'rt-5m', '@mon3', '13/01/2026:00:00:00', '11/27/2026', 'yesterday', '-1d@']) {
    assert.throws(
      () => parseRelativeTime(spec, NOW),
      (err: unknown) => err instanceof SightlineError && err.diagnostic.code === 'SPL-TIME-MODIFIER-INVALID' && !!err.diagnostic.hint,
      spec,
    );
  }
});

test('relative time: an unknown time zone fails with SPL-TIME-ZONE-UNKNOWN', () => {
  assert.throws(
    () => parseRelativeTime('@d', NOW, 'Mars/Olympus'),
    (err: unknown) => err instanceof SightlineError && err.diagnostic.code === 'SPL-TIME-ZONE-UNKNOWN',
  );
});
