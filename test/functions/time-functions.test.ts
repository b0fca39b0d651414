// Date and time eval functions. Citations: Splunk Search Reference "Date and Time functions"
// (help.splunk.com/splunk-enterprise/spl-search-reference/9.4/evaluation-functions/date-and-time-functions).
// Expected epochs were computed with GNU date, e.g. `date -u -d 2026-11-26T00:00:00Z +%s`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { callFunction, NOW, runTable, type Row } from './table.ts';

const rows: Row[] = [
  // now: "This function takes no arguments and returns the time that the search was started."
  ['now', [], NOW],
  // relative_time: "takes an epochtime time, X, as the first argument and a relative time specifier, Y, as
  // the second argument and returns the epochtime value of Y applied to X."
  ['relative_time', [NOW, '-1d@d'], 1795651200],
  ['relative_time', [NOW, '@d'], 1795737600],
  ['relative_time', [String(NOW), '-24h'], NOW - 86400, 'numeric text is accepted'],
  ['relative_time', [NOW, 'bogus'], null, 'an invalid specifier gives NULL'],
  ['relative_time', [null, '-1d'], null],
  ['relative_time', ['abc', '-1d'], null],
  ['relative_time', [NOW, '-999999999y'], null, 'a result out of range is NULL'],
  // strftime: "takes an epochtime value, X, as the first argument and renders it as a string using the
  // format specified by Y."
  ['strftime', [NOW, '%Y-%m-%dT%H:%M:%S'], '2026-11-27T09:18:57'],
  ['strftime', [NOW, '%H'], '09'],
  ['strftime', [[NOW, 0], '%Y'], ['2026', '1970'], 'each value of a multivalue'],
  ['strftime', ['x', '%Y'], null],
  ['strftime', [null, '%Y'], null],
  ['strftime', [NOW, null], null],
  ['strftime', [1e20, '%Y'], null, 'outside the representable time range'],
  // strptime: "takes a time represented by a string, X, and parses it into a timestamp using the format
  // specified by Y."
  ['strptime', ['2026-11-27 09:18:57', '%Y-%m-%d %H:%M:%S'], NOW],
  ['strptime', ['2026-11-27T09:18:57.500Z', '%Y-%m-%dT%H:%M:%S.%3N%z'], NOW + 0.5],
  ['strptime', ['not a date', '%Y-%m-%d'], null],
  ['strptime', ['', '%Y'], null],
  ['strptime', [null, '%Y'], null],
];

runTable('time', rows);

// time(): "returns the wall-clock time with microsecond resolution. The value of time() will be different
// for each event based on when that event was processed by the eval command."
test('time: time() is the wall clock, not the search time', () => {
  const before = Date.now() / 1000;
  const t = callFunction('time', []) as number;
  const after = Date.now() / 1000;
  assert.ok(t >= before && t <= after);
});

test('time: the context time zone applies to strftime and relative_time', () => {
  assert.equal(callFunction('strftime', [NOW, '%H:%M %Z'], { tz: 'America/New_York' }), '04:18 EST');
  // Midnight in New York on 2026-11-27 is 05:00 UTC.
  assert.equal(callFunction('relative_time', [NOW, '@d'], { tz: 'America/New_York' }), 1795755600);
});
