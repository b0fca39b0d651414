// `bin|bucket f span=S [AS g]`. On _time (and other time fields named _time) S is a duration (30s, 5m, 1h,
// 1d, 1w) and values floor to multiples of S since the epoch (UTC: TZ is the search's timezone).
// On other fields S is a number and values become Splunk's range labels "lo-hi" (e.g. "10-20").
// Options sightline does not implement (bins=, minspan=, start=, end=, aligntime=) fail closed.
import { Operator, type Sink } from './operator.ts';
import type { Row } from '../row.ts';
import { fail } from '../../core/diagnostics.ts';
import { firstOf, numberToString, scalarToNumber } from '../../core/value.ts';

const UNIT_SECONDS: Record<string, number> = {
  s: 1, sec: 1, secs: 1, second: 1, seconds: 1,
  m: 60, min: 60, mins: 60, minute: 60, minutes: 60,
  h: 3600, hr: 3600, hrs: 3600, hour: 3600, hours: 3600,
  d: 86400, day: 86400, days: 86400,
  w: 604800, week: 604800, weeks: 604800,
};

/** Parses a time span such as `5m` into seconds; months and sub-second units fail closed. */
export function parseTimeSpan(span: string): number {
  const m = /^(\d+(?:\.\d+)?)([a-z]*)$/i.exec(span.trim());
  const unit = m?.[2]?.toLowerCase() ?? '';
  const seconds = m ? UNIT_SECONDS[unit === '' ? 's' : unit] : undefined;
  if (!m || seconds === undefined || Number(m[1]) <= 0) {
    fail('SPL-BIN-BAD-SPAN', `bin span ${JSON.stringify(span)} is not a supported time span`, {
      hint: 'use <number><unit> with unit s, m, h, d or w (e.g. span=1h); month spans are not supported',
    });
  }
  return Number(m[1]) * seconds;
}

export class BinOperator extends Operator {
  private readonly bucket: (n: number) => string | number;
  constructor(next: Sink, private readonly field: string, private readonly as: string, options: Readonly<Record<string, string>>) {
    super(next);
    for (const name of Object.keys(options)) {
      if (name !== 'span') fail('SPL-UNSUPPORTED-OPTION', `bin option ${name}= is not supported`, { hint: 'give an explicit span=, e.g. bin _time span=1h' });
    }
    const span = options['span'];
    if (span === undefined) fail('SPL-UNSUPPORTED-OPTION', 'bin without span= is not supported', { hint: 'give an explicit span=, e.g. bin _time span=1h' });
    if (field === '_time') {
      const s = parseTimeSpan(span);
      this.bucket = (t) => Math.floor(t / s) * s;
    } else {
      const s = scalarToNumber(span);
      if (s === null || s <= 0) fail('SPL-BIN-BAD-SPAN', `bin span ${JSON.stringify(span)} on ${field} must be a positive number`);
      this.bucket = (n) => {
        const lo = Math.floor(n / s) * s;
        return `${numberToString(lo)}-${numberToString(lo + s)}`;
      };
    }
  }
  push(row: Row): void {
    const n = scalarToNumber(firstOf(row.get(this.field)));
    if (n !== null) row.set(this.as, this.bucket(n));
    else if (this.as !== this.field) row.delete(this.as);
    this.next.push(row);
  }
}
