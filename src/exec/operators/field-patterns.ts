// Field-name wildcards shared by table, fields and rename: `*` matches any run of characters, and for
// rename the runs matched by each `*` are substituted into the target's `*`s in order.

import { globMatch } from '../glob.ts';

export interface FieldPattern {
  readonly text: string;
  readonly wildcard: boolean;
  matches(name: string): boolean;
}

export function fieldPattern(text: string): FieldPattern {
  const segments = text.split('*');
  const wildcard = segments.length > 1;
  return { text, wildcard, matches: wildcard ? (n) => globMatch(segments, n) : (n) => n === text };
}

/** For `from` with wildcards: the texts captured by each `*`, or null when `name` does not match. */
export function captureWildcards(from: string, name: string): string[] | null {
  const segs = from.split('*');
  const first = segs[0] as string;
  const last = segs[segs.length - 1] as string;
  if (!name.startsWith(first) || !name.endsWith(last) || name.length < first.length + last.length) return null;
  const caps: string[] = [];
  let pos = first.length;
  const end = name.length - last.length;
  for (let i = 1; i < segs.length - 1; i++) {
    const seg = segs[i] as string;
    const at = name.indexOf(seg, pos);
    if (at < 0 || at + seg.length > end) return null;
    caps.push(name.slice(pos, at));
    pos = at + seg.length;
  }
  caps.push(name.slice(pos, end));
  return caps;
}

/** Fills the `*`s of `to` with `caps` in order (a `*` without a capture becomes empty). */
export function fillWildcards(to: string, caps: readonly string[]): string {
  let i = 0;
  return to.replace(/\*/g, () => caps[i++] ?? '');
}
