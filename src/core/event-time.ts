// The range of event times sightline accepts, in one place for every reader (files, the scan fast path, HEC).
// A time outside it is not a time a log can mean (1e300, 1e13 seconds, negative epochs) and would break
// every consumer that turns it into a date or a window: such a time is ignored, with a notice, and the record
// takes the time of the record before it, as Splunk does for a timestamp it cannot use.

/** 1970-01-01T00:00:00Z: Splunk's _time is seconds since the epoch; logs do not predate it. */
export const MIN_EVENT_TIME = 0;
/** 9999-12-31T23:59:59Z: the last second with a four-digit year (ISO 8601 without expansion). */
export const MAX_EVENT_TIME = 253_402_300_799;
/** What a sourcetype's timeOf returns for a time field that is present but outside the range. */
export const TIME_OUT_OF_RANGE = Number.NaN;
/**
 * HEC only: seconds an event may lie ahead of its receive time (Splunk's props.conf MAX_DAYS_HENCE, default
 * 2 days); beyond, the receive time is used, so one bad clock cannot push the event-time watermark ahead.
 */
export const MAX_SECONDS_AHEAD = 2 * 86_400;

/** True when `t` (epoch seconds) lies in the accepted range; false for NaN and infinities. Allocates nothing. */
export function inEventTimeRange(t: number): boolean {
  return t >= MIN_EVENT_TIME && t <= MAX_EVENT_TIME;
}

/** The notice for an ignored time, the same words on every path. */
export const TIME_OUT_OF_RANGE_MESSAGE = 'time outside 1970-01-01..9999-12-31 ignored; the event keeps the previous record\'s time';
