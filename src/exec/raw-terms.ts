// Bare search terms matched against `_raw` on token boundaries, approximating Splunk's segmentation.
// Approximation (documented): a term matches where it starts and ends at a breaker (major or minor) or at
// the ends of `_raw`; `*` inside a term matches any run of non-major-breaker characters; a quoted phrase
// with spaces is matched the same way as one sequence. TERM(x) requires major breakers at both ends.
// Real Splunk matches indexed tokens; for JSON logs the result is the same except in rare breaker cases.

import { RE2JS } from 're2js';
import type { Pattern } from '../plan/nodes.ts';
import type { Row } from './row.ts';

// Splunk's default segmenters.conf breakers (MAJOR and MINOR), restricted to single characters.
const MAJOR = ' \t\n\r[]<>(){}|!;,\'"*&?+';
const MINOR = '/:=@.-$#%\\_';

const isMajor = (c: string): boolean => MAJOR.includes(c);
const isBreaker = (c: string): boolean => MAJOR.includes(c) || MINOR.includes(c);

export type RawMatcher = (row: Row) => boolean;

export function compileRawTerm(pattern: Pattern, termMode: boolean): RawMatcher {
  const fold = !pattern.caseSensitive;
  const text = fold ? pattern.text.toLowerCase() : pattern.text;
  const raw = (row: Row): string => (fold ? row.lowerRaw() : String(row.get('_raw') ?? ''));
  if (/^\**$/.test(text)) return () => true;
  const boundary = termMode ? isMajor : isBreaker;
  if (!pattern.wildcard || !text.includes('*')) {
    return (row) => findAligned(raw(row), text, boundary);
  }
  // Wildcard terms: a linear-time RE2 pattern built from escaped literal segments (never from user regex).
  const cls = escapeClass(termMode ? MAJOR : MAJOR + MINOR);
  const body = text
    .split('*')
    .map((s) => RE2JS.quote(s))
    .join(`[^${escapeClass(MAJOR)}]*`);
  const head = boundary(text[0] as string) ? '' : `(?:^|[${cls}])`;
  const tail = boundary(text[text.length - 1] as string) ? '' : `(?:$|[${cls}])`;
  const re = RE2JS.compile(`${head}${body}${tail}`, RE2JS.DOTALL);
  return (row) => re.matcher(raw(row)).find();
}

/** Finds `needle` in `hay` starting and ending on a boundary (or where the needle itself has a breaker). */
function findAligned(hay: string, needle: string, boundary: (c: string) => boolean): boolean {
  if (needle.length === 0) return true;
  const startOk = boundary(needle[0] as string);
  const endOk = boundary(needle[needle.length - 1] as string);
  let from = 0;
  for (;;) {
    const at = hay.indexOf(needle, from);
    if (at < 0) return false;
    const end = at + needle.length;
    const before = at === 0 || startOk || boundary(hay[at - 1] as string);
    const after = end === hay.length || endOk || boundary(hay[end] as string);
    if (before && after) return true;
    from = at + 1;
  }
}

function escapeClass(chars: string): string {
  return chars.replace(/[\\\][^-]/g, (c) => `\\${c}`).replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}
