// Shared pieces of the stats aggregates: the numeric values of a field value (non-numeric values are
// ignored, as "most of the statistical functions expect the field values to be numbers"), and the
// mixed number/string ordering used by min, max and range.

import { scalarToNumber, scalarToString, valuesOf, type Value } from '../../core/value.ts';
import { compareLexical } from '../args.ts';

export function numericValues(v: Value): number[] {
  const out: number[] = [];
  for (const s of valuesOf(v)) {
    const n = scalarToNumber(s);
    if (n !== null) out.push(n);
  }
  return out;
}

/** Tracks the smallest and largest number and string seen; strings order after all numbers. */
export class Extremes {
  minNum: number | null = null;
  maxNum: number | null = null;
  minStr: string | null = null;
  maxStr: string | null = null;

  add(v: Value): void {
    for (const s of valuesOf(v)) {
      const n = scalarToNumber(s);
      if (n !== null) {
        if (this.minNum === null || n < this.minNum) this.minNum = n;
        if (this.maxNum === null || n > this.maxNum) this.maxNum = n;
      } else {
        const t = scalarToString(s);
        if (this.minStr === null || compareLexical(t, this.minStr) < 0) this.minStr = t;
        if (this.maxStr === null || compareLexical(t, this.maxStr) > 0) this.maxStr = t;
      }
    }
  }

  min(): Value {
    return this.minNum ?? this.minStr;
  }

  max(): Value {
    return this.maxStr ?? this.maxNum;
  }
}
