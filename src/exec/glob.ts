// Wildcard matching for search-command values: `*` matches any run of characters, nothing else is special.
// Linear-time (segment search with indexOf), so rule patterns can never backtrack catastrophically.

import type { Pattern } from '../plan/nodes.ts';

export type StringMatcher = (value: string) => boolean;

/** Compiles a search Pattern into a whole-string matcher (case-insensitive unless the pattern says so). */
export function compileGlob(pattern: Pattern): StringMatcher {
  const fold = !pattern.caseSensitive;
  const text = fold ? pattern.text.toLowerCase() : pattern.text;
  if (!pattern.wildcard || !text.includes('*')) {
    return fold ? (v) => v.length === text.length && v.toLowerCase() === text : (v) => v === text;
  }
  const segments = text.split('*');
  return (value) => globMatch(segments, fold ? value.toLowerCase() : value);
}

/** `segments` is the pattern split on `*`: the first must be a prefix, the last a suffix, the rest in order. */
export function globMatch(segments: readonly string[], value: string): boolean {
  const first = segments[0] ?? '';
  const last = segments[segments.length - 1] ?? '';
  if (segments.length === 1) return value === first;
  if (value.length < first.length + last.length) return false;
  if (!value.startsWith(first) || !value.endsWith(last)) return false;
  let pos = first.length;
  const end = value.length - last.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const seg = segments[i] as string;
    if (seg.length === 0) continue;
    const at = value.indexOf(seg, pos);
    if (at < 0 || at + seg.length > end) return false;
    pos = at + seg.length;
  }
  return true;
}
