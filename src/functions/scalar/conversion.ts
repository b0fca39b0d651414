// Conversion eval functions: tostring (plain, "binary", "hex", "commas", "duration") and tonumber (with a base).
// Both map over the values of a multivalue. Values that cannot be converted give null.

import { numberToString, scalarToNumber, scalarToString, type Scalar } from '../../core/value.ts';
import { argInt, argString, fn, mapValues } from '../args.ts';
import type { ScalarFunction } from '../types.ts';
import { roundHalfAway } from './math.ts';

function withCommas(n: number): string {
  // Whole numbers keep no decimals; others are rounded to two decimals.
  const text = Number.isInteger(n) ? String(Math.abs(n)) : roundHalfAway(Math.abs(n), 2).toFixed(2);
  const [whole, frac] = text.split('.') as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac !== undefined ? '.' + frac : ''}`;
}

/** Seconds as [D+]HH:MM:SS; fractions of a second are dropped. */
export function formatDuration(seconds: number): string {
  const total = Math.floor(Math.abs(seconds));
  const days = Math.floor(total / 86_400);
  const pad = (x: number) => String(x).padStart(2, '0');
  const hms = `${pad(Math.floor((total % 86_400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return `${seconds < 0 ? '-' : ''}${days > 0 ? `${days}+` : ''}${hms}`;
}

type Formatter = (n: number) => string | null;

const FORMATS: Record<string, Formatter> = {
  binary: (n) => (Number.isInteger(n) ? `${n < 0 ? '-' : ''}${Math.abs(n).toString(2)}` : null),
  hex: (n) => (Number.isInteger(n) ? `${n < 0 ? '-' : ''}0x${Math.abs(n).toString(16).toUpperCase()}` : null),
  commas: withCommas,
  duration: formatDuration,
};

function plainString(s: Scalar): string {
  // Booleans print as True/False in tostring().
  if (typeof s === 'boolean') return s ? 'True' : 'False';
  if (typeof s === 'number') return numberToString(s);
  return s;
}

/** Parses an integer in base 2..36, allowing a sign and a 0x prefix for base 16. */
function parseInBase(text: string, base: number): number | null {
  let t = text;
  let sign = 1;
  if (t.startsWith('-') || t.startsWith('+')) {
    sign = t.startsWith('-') ? -1 : 1;
    t = t.slice(1);
  }
  if (base === 16 && /^0x/i.test(t)) t = t.slice(2);
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, base);
  if (t.length === 0 || ![...t.toLowerCase()].every((c) => digits.includes(c))) return null;
  return sign * parseInt(t, base);
}

export const conversionFunctions: readonly ScalarFunction[] = [
  fn('tostring', 1, 2, ([v, format]) => {
    if (format === undefined) return mapValues(v, plainString);
    const name = argString(format);
    const formatter = name === null ? undefined : FORMATS[name];
    if (!formatter) return null;
    return mapValues(v, (s) => {
      const n = scalarToNumber(s);
      return n === null ? null : formatter(n);
    });
  }),
  fn('tonumber', 1, 2, ([v, baseArg]) => {
    const base = baseArg === undefined ? 10 : argInt(baseArg);
    if (base === null || base < 2 || base > 36) return null;
    return mapValues(v, (s) => {
      if (typeof s === 'number') return s;
      if (typeof s === 'boolean') return null;
      return base === 10 ? scalarToNumber(s) : parseInBase(scalarToString(s), base);
    });
  }),
];
