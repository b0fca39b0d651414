// `convert`: rewrites field values per the convert docs. ctime: epoch -> text in timeformat; mktime: text in
// timeformat -> epoch; dur2sec: "[D+]HH:MM:SS" -> seconds; num: number, non-convertible values removed;
// rmcomma: commas removed; none(f): fields excluded from the wildcard conversions. Each value of a
// multivalue field converts on its own. A value the function cannot convert stays as it was (num excepted).

import { scalarToNumber, scalarToString, valuesOf, mv, type Scalar, type Value } from '../../core/value.ts';
import { strftime, strptime } from '../../core/time.ts';
import type { ConvertFn, PlanConversion } from '../../plan/nodes.ts';
import type { Row } from '../row.ts';
import { captureWildcards, fieldPattern, fillWildcards, type FieldPattern } from './field-patterns.ts';
import { Operator, type Sink } from './operator.ts';

/** One value's conversion: the new value, or undefined to drop it. */
type ScalarConverter = (s: Scalar) => Scalar | undefined;

/** Splunk's epoch range for time formatting; beyond it ctime leaves the value alone. */
const MAX_EPOCH = 253402300799;

export function scalarConverters(timeformat: string, tz: string): Record<Exclude<ConvertFn, 'none'>, ScalarConverter> {
  return {
    ctime: (s) => {
      const n = scalarToNumber(s);
      return n === null || Math.abs(n) > MAX_EPOCH ? s : strftime(n, timeformat, tz);
    },
    mktime: (s) => strptime(scalarToString(s), timeformat, tz) ?? s,
    dur2sec: (s) => durationToSeconds(scalarToString(s)) ?? s,
    num: (s) => scalarToNumber(typeof s === 'string' ? s.trim() : s) ?? undefined,
    rmcomma: (s) => (typeof s === 'string' ? s.replace(/,/g, '') : s),
  };
}

const DURATION = /^(?:(\d+)\+)?(\d{1,2}):(\d{1,2}):(\d{1,2}(?:\.\d+)?)$/;

/** "[D+]HH:MM:SS" (convert docs, dur2sec) as seconds, or null when the text is not a duration. */
export function durationToSeconds(text: string): number | null {
  const m = DURATION.exec(text.trim());
  if (!m) return null;
  const [, d, h, min, sec] = m;
  return Number(d ?? 0) * 86400 + Number(h) * 3600 + Number(min) * 60 + Number(sec);
}

interface BoundConversion {
  readonly convert: ScalarConverter;
  readonly pattern: FieldPattern;
  readonly from: string;
  readonly as: string | null;
}

export class ConvertOperator extends Operator {
  private readonly conversions: BoundConversion[];
  private readonly excluded: FieldPattern[];

  constructor(next: Sink, conversions: readonly PlanConversion[], timeformat: string, tz: string) {
    super(next);
    const table = scalarConverters(timeformat, tz);
    this.excluded = conversions.filter((c) => c.fn === 'none').map((c) => fieldPattern(c.field));
    this.conversions = conversions.flatMap((c) =>
      c.fn === 'none' ? [] : [{ convert: table[c.fn], pattern: fieldPattern(c.field), from: c.field, as: c.as }],
    );
  }

  push(row: Row): void {
    for (const c of this.conversions) {
      const names = c.pattern.wildcard ? row.fieldNames().filter((n) => c.pattern.matches(n) && !this.isExcluded(n)) : [c.from];
      for (const name of names) {
        const v = row.get(name);
        if (v === null) continue;
        const target = c.as === null ? name : c.pattern.wildcard ? fillWildcards(c.as, captureWildcards(c.from, name) ?? []) : c.as;
        const out = convertValue(v, c.convert);
        if (out === null) row.delete(target);
        else row.set(target, out);
      }
    }
    this.next.push(row);
  }

  private isExcluded(name: string): boolean {
    return this.excluded.some((p) => p.matches(name));
  }
}

function convertValue(v: Value, convert: ScalarConverter): Value {
  const out: Scalar[] = [];
  for (const s of valuesOf(v)) {
    const c = convert(s);
    if (c !== undefined) out.push(c);
  }
  return out.length === 0 ? null : out.length === 1 ? (out[0] as Scalar) : mv(out);
}
