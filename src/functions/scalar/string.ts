// Text eval functions: len, lower, upper, trim/ltrim/rtrim, substr, replace, split, urldecode.
// Per-value functions (lower, upper, trim, replace, urldecode) map over every value of a multivalue;
// positions and lengths count Unicode code points, as Splunk's len() counts UTF-8 code points.

import { compileRegex } from '../../core/regex.ts';
import { mv, scalarToString, valuesOf, type Scalar } from '../../core/value.ts';
import { argInt, argString, fn, mapValues } from '../args.ts';
import type { ScalarFunction } from '../types.ts';

const DEFAULT_TRIM = ' \t';

function trimChars(s: string, chars: string, left: boolean, right: boolean): string {
  const set = new Set(Array.from(chars));
  const cps = Array.from(s);
  let start = 0;
  let end = cps.length;
  if (left) while (start < end && set.has(cps[start] as string)) start++;
  if (right) while (end > start && set.has(cps[end - 1] as string)) end--;
  return cps.slice(start, end).join('');
}

/** Decodes %XX escapes as UTF-8; malformed escapes are kept as written. '+' is left alone. */
export function urlDecode(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    if (s[i] === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      const bytes: number[] = [];
      while (s[i] === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
        bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
        i += 3;
      }
      out += new TextDecoder('utf-8').decode(new Uint8Array(bytes));
    } else {
      out += s[i];
      i++;
    }
  }
  return out;
}

const trimFn = (name: string, left: boolean, right: boolean): ScalarFunction =>
  fn(name, 1, 2, ([v, chars]) => {
    const set = chars === undefined ? DEFAULT_TRIM : argString(chars);
    if (set === null) return null;
    return mapValues(v, (s) => trimChars(scalarToString(s), set, left, right));
  });

const lenFn = (name: string): ScalarFunction =>
  // "This function is not supported on multivalue fields": a multivalue gives null rather than a guess.
  fn(name, 1, 1, ([v]) => (v === null || v === undefined || Array.isArray(v) ? null : Array.from(scalarToString(v as Scalar)).length));

export const stringFunctions: readonly ScalarFunction[] = [
  lenFn('len'),
  lenFn('length'),
  fn('lower', 1, 1, ([v]) => mapValues(v, (s) => scalarToString(s).toLowerCase())),
  fn('upper', 1, 1, ([v]) => mapValues(v, (s) => scalarToString(s).toUpperCase())),
  trimFn('trim', true, true),
  trimFn('ltrim', true, false),
  trimFn('rtrim', false, true),
  fn('substr', 2, 3, ([v, startArg, lengthArg]) => {
    const s = argString(v);
    const start = argInt(startArg);
    if (s === null || start === null) return null;
    const cps = Array.from(s);
    // 1-based; a negative start counts back from the end; 0 is treated as 1.
    const from = start > 0 ? start - 1 : start < 0 ? Math.max(0, cps.length + start) : 0;
    if (lengthArg === undefined) return cps.slice(from).join('');
    const length = argInt(lengthArg);
    if (length === null || length < 0) return null;
    return cps.slice(from, from + length).join('');
  }),
  fn('replace', 3, 3, ([v, regex, replacement]) => {
    const pattern = argString(regex);
    const rep = argString(replacement);
    if (pattern === null || rep === null) return null;
    const re = compileRegex(pattern);
    return mapValues(v, (s) => re.replace(scalarToString(s), rep, { global: true }));
  }),
  fn('split', 2, 2, ([v, delimArg]) => {
    const delim = argString(delimArg);
    if (v === null || v === undefined || delim === null) return null;
    const parts: Scalar[] = [];
    for (const s of valuesOf(v)) {
      const text = scalarToString(s);
      // An empty delimiter splits into single characters.
      for (const p of delim === '' ? Array.from(text) : text.split(delim)) parts.push(p);
    }
    return parts.length === 0 ? '' : mv(parts);
  }),
  fn('urldecode', 1, 1, ([v]) => mapValues(v, (s) => urlDecode(scalarToString(s)))),
];
