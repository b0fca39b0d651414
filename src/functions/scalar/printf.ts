// printf(format, args...): C-style formatting as the conversion functions docs describe it: conversions
// d i u o x X f F e E g G c s %, flags - + space 0 # and ' (thousands separators), width and precision
// (either may be `*`, read from the arguments). A conversion without an argument formats nothing; an
// unknown conversion makes the result null rather than guessing.

import { firstOf, numberToString, scalarToNumber, scalarToString, type Value } from '../../core/value.ts';
import { argString, fn } from '../args.ts';
import type { ScalarFunction } from '../types.ts';

const SPEC = /%([-+ 0#']*)(\*|\d+)?(?:\.(\*|\d+))?([diuoxXfFeEgGcs%])/g;

interface Spec {
  readonly flags: string;
  readonly width: number | null;
  readonly precision: number | null;
  readonly conv: string;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+$)/g, ',');
}

function formatInteger(n: number, s: Spec): string {
  const t = Math.trunc(n);
  const abs = Math.abs(t);
  let body =
    s.conv === 'o' ? abs.toString(8) : s.conv === 'x' ? abs.toString(16) : s.conv === 'X' ? abs.toString(16).toUpperCase() : String(abs);
  if (s.precision !== null) body = body.padStart(s.precision, '0');
  if (s.flags.includes("'") && /[diu]/.test(s.conv)) body = groupThousands(body);
  if (s.flags.includes('#') && abs !== 0) body = s.conv === 'o' ? `0${body}` : s.conv === 'x' ? `0x${body}` : s.conv === 'X' ? `0X${body}` : body;
  return sign(t < 0, s) + body;
}

function formatFloat(n: number, s: Spec): string {
  const p = s.precision ?? 6;
  const abs = Math.abs(n);
  let body: string;
  if (/[fF]/.test(s.conv)) {
    body = abs.toFixed(p);
    if (s.flags.includes("'")) {
      const [whole, frac] = body.split('.') as [string, string | undefined];
      body = groupThousands(whole) + (frac !== undefined ? `.${frac}` : '');
    }
  } else if (/[eE]/.test(s.conv)) {
    body = cExponent(abs.toExponential(p));
  } else {
    // %g: the shorter of %e and %f at `p` significant digits, trailing zeros removed unless #.
    const sig = p === 0 ? 1 : p;
    const exp = abs === 0 ? 0 : Math.floor(Math.log10(abs));
    body = exp < -4 || exp >= sig ? cExponent(abs.toExponential(sig - 1)) : abs.toFixed(Math.max(0, sig - 1 - exp));
    if (!s.flags.includes('#')) body = body.replace(/(\.\d*?)0+(?=e|$)/, '$1').replace(/\.(?=e|$)/, '');
  }
  if (s.conv === 'E' || s.conv === 'G') body = body.toUpperCase();
  return sign(n < 0 || Object.is(n, -0), s) + body;
}

/** JavaScript writes 1e+3; C writes 1e+03 (at least two exponent digits). */
function cExponent(text: string): string {
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

function sign(negative: boolean, s: Spec): string {
  if (negative) return '-';
  return s.flags.includes('+') ? '+' : s.flags.includes(' ') ? ' ' : '';
}

function pad(text: string, s: Spec, numeric: boolean): string {
  if (s.width === null || text.length >= s.width) return text;
  if (s.flags.includes('-')) return text.padEnd(s.width);
  if (numeric && s.flags.includes('0')) {
    const lead = /^[-+ ]|^0[xX]/.exec(text)?.[0] ?? '';
    return lead + text.slice(lead.length).padStart(s.width - lead.length, '0');
  }
  return text.padStart(s.width);
}

function plain(v: Value): string {
  const s = firstOf(v);
  if (s === null) return '';
  return typeof s === 'number' ? numberToString(s) : scalarToString(s);
}

/** Formats; null when a numeric conversion meets a value that is not a number. */
export function printf(format: string, args: readonly Value[]): string | null {
  let next = 0;
  let bad = false;
  const take = (): Value | undefined => args[next++];
  const out = format.replace(SPEC, (_all, flags: string, w: string | undefined, p: string | undefined, conv: string) => {
    if (conv === '%') return '%';
    const width = w === '*' ? scalarToNumber(firstOf(take())) : w === undefined ? null : Number(w);
    const precision = p === '*' ? scalarToNumber(firstOf(take())) : p === undefined ? null : Number(p);
    const spec: Spec = { flags: (width ?? 0) < 0 ? `${flags}-` : flags, width: width === null ? null : Math.abs(width), precision, conv };
    const arg = take();
    if (arg === undefined || arg === null) return '';
    if (conv === 's') {
      const text = plain(arg);
      return pad(precision === null ? text : text.slice(0, precision), spec, false);
    }
    if (conv === 'c') {
      const n = scalarToNumber(firstOf(arg));
      return pad(n !== null && Number.isInteger(n) ? String.fromCodePoint(n) : plain(arg).slice(0, 1), spec, false);
    }
    const n = scalarToNumber(firstOf(arg));
    if (n === null || !Number.isFinite(n)) {
      bad = true;
      return '';
    }
    return pad(/[diuoxX]/.test(conv) ? formatInteger(n, spec) : formatFloat(n, spec), spec, true);
  });
  return bad ? null : out;
}

export const printfFunctions: readonly ScalarFunction[] = [
  fn('printf', 1, Infinity, ([format, ...args]) => {
    const f = argString(format);
    return f === null ? null : printf(f, args);
  }),
];
