// strftime / strptime format variables and ISO 8601 log timestamps. Citations: Splunk "Date and time format
// variables" (help.splunk.com/en/splunk-enterprise/spl-search-reference/9.3/time-format-variables-and-modifiers)
// and the SPL2 "Using time variables" page; each row quotes the variable's description.
// Expected epochs were computed with GNU date, e.g. `date -u -d 2026-01-01T15:04:05Z +%s` = 1767279845.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTimestamp, strftime, strptime } from '../../src/core/time.ts';

/** Thursday 2026-01-01T15:04:05.123456Z. */
const T = 1767279845.123456;

const formatRows: ReadonlyArray<readonly [fmt: string, expected: string, doc: string]> = [
  ['%Y', '2026', 'Year as a decimal number with century'],
  ['%y', '26', 'Year as a decimal number without a century (00 to 99)'],
  ['%m', '01', 'Month as a decimal number (01 to 12)'],
  ['%d', '01', 'Day of the month as a decimal number, includes a leading zero (01 to 31)'],
  ['%e', ' 1', 'Like %d, the day of the month ... leading zeros are replaced by a space'],
  ['%H', '15', 'Hour (24-hour clock) as a decimal number. Hours are represented by the values 00 to 23'],
  ['%k', '15', 'Like %H, the hour (24-hour clock) ... Leading zeros are replaced by a space'],
  ['%I', '03', 'Hour (12-hour clock) with the hours represented by the values 01 to 12'],
  ['%p', 'PM', 'AM or PM. Use with %I to specify AM or PM for the 12-hour clock'],
  ['%M', '04', 'Minute as a decimal number. Minutes are represented by the values 00 to 59'],
  ['%S', '05', 'Second as a decimal number, for example 00 to 59'],
  ['%3N', '123', '%N: The number of subsecond digits ... %3N = milliseconds'],
  ['%6N', '123456', '%6N = microseconds'],
  ['%9N', '123456000', '%9N = nanoseconds'],
  ['%N', '123456000', 'The default is %9N'],
  ['%Q', '123', '%Q: The subsecond component of a UTC timestamp. The default is milliseconds, %3Q'],
  ['%6Q', '123456', '%6Q = microseconds'],
  ['%s', '1767279845', 'The UNIX Epoch Time timestamp, or the number of seconds since the Epoch'],
  ['%T', '15:04:05', 'The time in 24-hour notation (%H:%M:%S)'],
  ['%F', '2026-01-01', 'Equivalent to %Y-%m-%d (the ISO 8601 date format)'],
  ['%j', '001', 'Day of year as a decimal number, includes a leading zero (001 to 366)'],
  ['%b', 'Jan', 'Abbreviated month name'],
  ['%B', 'January', 'Full month name'],
  ['%a', 'Thu', 'Abbreviated weekday name'],
  ['%A', 'Thursday', 'Full weekday name'],
  ['%w', '4', 'Weekday as a decimal number (0 to 6), Sunday is 0'],
  ['%V', '01', 'Week of the year (ISO 8601)'],
  ['%U', '00', 'Week of the year, Sunday as the first day of the week (00 to 53)'],
  ['%z', '+0000', 'The timezone offset from UTC, in hour and minute: +hhmm or -hhmm'],
  ['%:z', '+00:00', 'Use %:z to specify hour and minute, separated by a colon'],
  ['%::z', '+00:00:00', 'Use %::z to specify hour, minute and second, separated by colons'],
  ['%:::z', '+00', 'Use %:::z to specify hour only'],
  ['%Ez', '0', 'Splunk-specific, timezone in minutes'],
  ['%Z', 'UTC', 'The timezone abbreviation'],
  ['%c', 'Thu Jan  1 15:04:05 2026', 'The date and time in the current locale\'s format ... Thu Jul 18 09:30:00 2019'],
  ['%%', '%', 'A literal "%" character'],
  ['%Y-%m-%dT%H:%M:%S.%3N%z', '2026-01-01T15:04:05.123+0000', 'a combined ISO 8601 format'],
  ['day %d of %q', 'day 01 of %q', 'an unknown variable is printed as written'],
];

for (const [fmt, expected, doc] of formatRows) {
  test(`strftime ${fmt}: ${doc}`, () => {
    assert.equal(strftime(T, fmt), expected);
  });
}

test('strftime: time zones shift the wall clock and the offset variables', () => {
  // 2026-07-04T12:00:00Z is 14:00 CEST in Paris.
  assert.equal(strftime(1783166400, '%H %Z %z', 'Europe/Paris'), '14 CEST +0200');
  assert.equal(strftime(1783166400, '%H:%M %:z %Ez', '+05:30'), '17:30 +05:30 330');
  assert.equal(strftime(1795771137, '%I %p', 'UTC'), '09 AM');
});

const parseRows: ReadonlyArray<readonly [text: string, fmt: string, expected: number | null, note: string]> = [
  ['2026-01-01 15:04:05', '%Y-%m-%d %H:%M:%S', 1767279845, 'basic'],
  ['2026-01-01T15:04:05.123Z', '%Y-%m-%dT%H:%M:%S.%3N%z', 1767279845.123, 'milliseconds and Z'],
  ['2026-01-01T15:04:05.1234567Z', '%Y-%m-%dT%H:%M:%S.%N%z', 1767279845.123457, '7 digits as Azure writes them, rounded to the microsecond'],
  ['2026-01-01T15:04:05+02:00', '%Y-%m-%dT%H:%M:%S%z', 1767272645, 'offset with a colon'],
  ['2026-01-01T15:04:05+0200', '%Y-%m-%dT%H:%M:%S%z', 1767272645, 'offset without a colon'],
  ['01/01/2026:15:04:05', '%m/%d/%Y:%H:%M:%S', 1767279845, 'the time modifier format'],
  ['Jan 1 2026 3:04:05 PM', '%b %d %Y %I:%M:%S %p', 1767279845, 'month name, 12-hour clock'],
  ['January 1, 2026', '%B %d, %Y', 1767225600, 'full month name'],
  ['Thursday 2026-01-01', '%A %F', 1767225600, 'weekday names are accepted and ignored'],
  ['1767279845', '%s', 1767279845, 'epoch seconds'],
  ['99-12-31', '%y-%m-%d', 946598400, '%y 69-99 is 19xx'],
  ['26-02-05', '%y-%m-%d', 1770249600, '%y 00-68 is 20xx'],
  ['2026-001', '%Y-%j', 1767225600, 'day of year'],
  ['15:04:05 2026-01-01 UTC', '%T %F %Z', 1767279845, 'zone name'],
  ['2026-01-01 10:04:05 EST', '%Y-%m-%d %H:%M:%S %Z', 1767279845, 'zone abbreviation'],
  ['2026-01-01 15:04:05 trailing', '%Y-%m-%d %H:%M:%S', 1767279845, 'text after the format is ignored (C strptime)'],
  ['2026-13-01', '%Y-%m-%d', null, 'month out of range'],
  ['2026-02-30', '%Y-%m-%d', null, 'day out of range for the month'],
  ['2026-01-01 24:00:00', '%Y-%m-%d %H:%M:%S', null, 'hour out of range'],
  ['13:00 PM', '%I:%M %p', null, '%I must be 1..12'],
  ['2026/01/01', '%Y-%m-%d', null, 'literal mismatch'],
  ['', '%Y', null, 'empty input'],
  ['2026-01-01', '%Y-%m-%d %H', null, 'input ends before the format'],
];

for (const [text, fmt, expected, note] of parseRows) {
  test(`strptime ${JSON.stringify(text)} with ${fmt} - ${note}`, () => {
    assert.equal(strptime(text, fmt), expected);
  });
}

test('strptime: without a zone in the text, the tz argument applies', () => {
  // 2026-07-04 14:00 in Paris (CEST) is 12:00 UTC.
  assert.equal(strptime('2026-07-04 14:00:00', '%Y-%m-%d %H:%M:%S', 'Europe/Paris'), 1783166400);
});

const isoRows: ReadonlyArray<readonly [text: string, expected: number | null, note: string]> = [
  ['2026-11-27T09:18:57Z', 1795771137, 'CloudTrail eventTime'],
  ['2026-11-27T09:18:57.1234567Z', 1795771137.123457, 'Entra ID createdDateTime with 7 fraction digits'],
  ['2026-11-27T09:18:57.123+00:00', 1795771137.123, 'offset +00:00'],
  ['2026-11-27T21:18:57+12:00', 1795771137, 'positive offset'],
  ['2026-11-27T09:18:57', 1795771137, 'no zone: UTC'],
  ['2026-11-27 09:18:57Z', 1795771137, 'space separator'],
  ['2026-11-27', 1795737600, 'date only'],
  ['2026-02-30T00:00:00Z', null, 'invalid day'],
  ['27/11/2026', null, 'not ISO 8601'],
  ['', null, 'empty'],
];

for (const [text, expected, note] of isoRows) {
  test(`parseTimestamp ${JSON.stringify(text)} - ${note}`, () => {
    assert.equal(parseTimestamp(text), expected);
  });
}
