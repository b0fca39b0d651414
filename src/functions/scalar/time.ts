// Date and time eval functions: now, time, relative_time, strftime, strptime. now() is the search's fixed
// start time from the context; time() is the wall clock when the row is processed, as in Splunk.
// An invalid time modifier or an unparsable time string gives null.

import { SightlineError } from '../../core/diagnostics.ts';
import { MAX_EPOCH, parseRelativeTime, strftime, strptime } from '../../core/time.ts';
import { scalarToNumber, scalarToString } from '../../core/value.ts';
import { argNumber, argString, fn, mapValues } from '../args.ts';
import type { ScalarFunction } from '../types.ts';

export const timeFunctions: readonly ScalarFunction[] = [
  fn('now', 0, 0, (_args, ctx) => ctx.now),
  fn('time', 0, 0, () => Date.now() / 1000),
  fn('relative_time', 2, 2, ([t, spec], ctx) => {
    const base = argNumber(t);
    const modifier = argString(spec);
    if (base === null || modifier === null) return null;
    try {
      return parseRelativeTime(modifier, base, ctx.tz ?? 'UTC');
    } catch (err) {
      if (err instanceof SightlineError) return null;
      throw err;
    }
  }),
  fn('strftime', 2, 2, ([t, format], ctx) => {
    const fmt = argString(format);
    if (fmt === null) return null;
    return mapValues(t, (s) => {
      const n = scalarToNumber(s);
      return n === null || Math.abs(n) > MAX_EPOCH ? null : strftime(n, fmt, ctx.tz ?? 'UTC');
    });
  }),
  fn('strptime', 2, 2, ([text, format], ctx) => {
    const fmt = argString(format);
    if (fmt === null) return null;
    return mapValues(text, (s) => strptime(scalarToString(s), fmt, ctx.tz ?? 'UTC'));
  }),
];
