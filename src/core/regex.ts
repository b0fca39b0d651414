// Safe regular expressions for patterns that come from rules and queries (match, replace, rex, regex).
// PCRE, as Splunk uses it, is translated to RE2 syntax and run by re2js, whose matching time is linear in the
// input, so attacker-controlled log values cannot trigger catastrophic backtracking. See docs/regex.md.

import { RE2JS } from 're2js';
import { fail, SightlineError } from './diagnostics.ts';

/**
 * At most this many UTF-16 code units of a subject string are examined per call; longer inputs are cut.
 * Splunk's own default event TRUNCATE is 10,000 bytes, so real events sit far below this bound.
 */
export const MAX_REGEX_INPUT = 1_048_576;
/** Compiled patterns kept in the cache; the oldest entry is evicted first. */
export const REGEX_CACHE_SIZE = 512;

export interface RegexMatch {
  /** The whole matched text. */
  readonly match: string;
  /** Offset of the match in the subject, in UTF-16 code units. */
  readonly index: number;
  /** Named groups; a group that did not take part in the match is undefined. */
  readonly groups: Record<string, string | undefined>;
  /** Numbered groups 1..n at positions 0..n-1. */
  readonly captures: readonly (string | undefined)[];
}

export interface ReplaceOptions {
  /** Replace every match (sed flag `g`); otherwise only the first (or the `nth`). */
  readonly global?: boolean;
  /** Replace only the n-th match, 1-based (sed flag `N`). Ignored when `global` is set. */
  readonly nth?: number;
}

export interface SafeRegex {
  /** The pattern as written by the user (PCRE). */
  readonly source: string;
  /** The RE2 pattern actually compiled. */
  readonly translated: string;
  readonly groupNames: readonly string[];
  readonly groupCount: number;
  test(subject: string): boolean;
  exec(subject: string): RegexMatch | null;
  /** Successive non-overlapping matches, at most `max` of them (rex max_match; 0 means no limit). */
  execAll(subject: string, max: number): RegexMatch[];
  /** Replaces matches; `\0`..`\9` in the replacement insert groups, `\\` inserts a backslash. */
  replace(subject: string, replacement: string, opts?: ReplaceOptions): string;
}

export interface CompileOptions {
  readonly caseInsensitive?: boolean;
  /** Overrides MAX_REGEX_INPUT for this pattern. */
  readonly maxInput?: number;
}

const cache = new Map<string, SafeRegex>();

/** Compiles a PCRE pattern into a SafeRegex, or throws SPL-REGEX-UNSUPPORTED / SPL-REGEX-INVALID. */
export function compileRegex(pattern: string, opts: CompileOptions = {}): SafeRegex {
  const key = `${opts.caseInsensitive ? 'i' : '-'}${opts.maxInput ?? ''}:${pattern}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // re-insert to mark as recently used
    cache.set(key, hit);
    return hit;
  }
  const compiled = build(pattern, opts);
  cache.set(key, compiled);
  if (cache.size > REGEX_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return compiled;
}

/** Number of cached patterns (exposed for tests of the cache bound). */
export function regexCacheSize(): number {
  return cache.size;
}

function build(pattern: string, opts: CompileOptions): SafeRegex {
  const translated = translatePcre(pattern);
  let re: RE2JS;
  try {
    re = RE2JS.compile(translated, opts.caseInsensitive ? RE2JS.CASE_INSENSITIVE : 0);
  } catch (err) {
    if (err instanceof SightlineError) throw err;
    const detail = err instanceof Error ? err.message.replace(/^error parsing regexp: /, '') : String(err);
    fail('SPL-REGEX-INVALID', `invalid regular expression ${JSON.stringify(pattern)}: ${detail}`, {
      hint: 'check brackets, parentheses and escapes; see docs/regex.md for the PCRE features sightline supports',
    });
  }
  const maxInput = opts.maxInput ?? MAX_REGEX_INPUT;
  const named = re.namedGroups() as Record<string, number>;
  const groupNames = Object.keys(named).sort((a, b) => (named[a] ?? 0) - (named[b] ?? 0));
  const groupCount = re.groupCount();
  const bound = (s: string): string => (s.length > maxInput ? s.slice(0, maxInput) : s);

  const toMatch = (m: RegExpExecArray): RegexMatch => {
    const captures: (string | undefined)[] = [];
    for (let g = 1; g <= groupCount; g++) captures.push(m[g] ?? undefined);
    const groups: Record<string, string | undefined> = {};
    for (const name of groupNames) groups[name] = captures[(named[name] ?? 0) - 1];
    return { match: m[0] ?? '', index: m.index, groups, captures };
  };

  const execAll = (subject: string, max: number): RegexMatch[] => {
    const out: RegexMatch[] = [];
    for (const m of re.matchAll(bound(subject)) as Iterable<RegExpExecArray>) {
      out.push(toMatch(m));
      if (max > 0 && out.length >= max) break;
    }
    return out;
  };

  return {
    source: pattern,
    translated,
    groupNames,
    groupCount,
    test: (subject) => re.test(bound(subject)),
    exec: (subject) => {
      const m = re.exec(bound(subject)) as RegExpExecArray | null;
      return m ? toMatch(m) : null;
    },
    execAll,
    replace: (subject, replacement, ropts = {}) => {
      const input = bound(subject);
      const template = parseReplacement(replacement);
      const matches = execAll(input, ropts.global ? 0 : (ropts.nth ?? 1));
      const chosen = ropts.global ? matches : matches.slice((ropts.nth ?? 1) - 1, ropts.nth ?? 1);
      let out = '';
      let last = 0;
      for (const m of chosen) {
        out += input.slice(last, m.index) + expand(template, m);
        last = m.index + m.match.length;
      }
      return out + input.slice(last) + subject.slice(input.length);
    },
  };
}

type TemplatePart = string | number;

/** `\N` (one digit) refers to group N, `\\` is a backslash; anything else is literal. */
function parseReplacement(replacement: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let lit = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i] as string;
    const next = replacement[i + 1];
    if (c === '\\' && next !== undefined && next >= '0' && next <= '9') {
      if (lit) parts.push(lit);
      lit = '';
      parts.push(Number(next));
      i++;
    } else if (c === '\\' && next === '\\') {
      lit += '\\';
      i++;
    } else {
      lit += c;
    }
  }
  if (lit) parts.push(lit);
  return parts;
}

function expand(template: readonly TemplatePart[], m: RegexMatch): string {
  let out = '';
  for (const p of template) out += typeof p === 'string' ? p : p === 0 ? m.match : (m.captures[p - 1] ?? '');
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// PCRE -> RE2 translation. A single left-to-right scan that knows whether it is inside a character class.
// Constructs that need backtracking are refused with SPL-REGEX-UNSUPPORTED rather than silently dropped.

const H_SPACE = '\\t \\x{a0}\\x{1680}\\x{180e}\\x{2000}-\\x{200a}\\x{202f}\\x{205f}\\x{3000}';
const V_SPACE = '\\n\\x0b\\f\\r\\x{85}\\x{2028}\\x{2029}';
/** PCRE's \s includes VT (0x0B) since PCRE 8.34; RE2's does not. */
const PCRE_SPACE = '\\t\\n\\x0b\\f\\r ';

function unsupported(pattern: string, at: number, what: string, hint: string): never {
  fail('SPL-REGEX-UNSUPPORTED', `${what} at offset ${at} of ${JSON.stringify(pattern)} is not supported by the linear-time regex engine`, {
    hint,
  });
}

const HINT_BACKREF = 'backreferences need backtracking; capture both parts and compare them with eval (e.g. where a==b)';
const HINT_LOOKAROUND = 'lookaround needs backtracking; match the context as a normal group, or filter with a second match()/where';
const HINT_POSSESSIVE = 'drop the possessive "+" (and atomic groups): RE2 never backtracks, so the plain quantifier is already safe';

/** Translates a PCRE pattern into an equivalent RE2 pattern, or throws SPL-REGEX-UNSUPPORTED. */
export function translatePcre(pattern: string): string {
  let out = '';
  let inClass = false;
  const multiline = /\(\?[a-zA-Z-]*m[a-zA-Z-]*[:)]/.test(pattern);
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '\\') {
      const { text, next } = translateEscape(pattern, i, inClass);
      out += text;
      i = next;
      continue;
    }
    if (inClass) {
      if (c === '[' && pattern[i + 1] === ':') {
        const end = pattern.indexOf(':]', i + 2);
        if (end > 0) {
          out += pattern.slice(i, end + 2); // POSIX class such as [:alpha:], which RE2 also accepts
          i = end + 2;
          continue;
        }
      }
      if (c === ']') inClass = false;
      out += c === '[' ? '\\[' : c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += '[';
      i++;
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      if (pattern[i] === ']') {
        out += '\\]'; // a leading ']' is a literal in PCRE
        i++;
      }
      continue;
    }
    if (c === '(') {
      const { text, next } = translateGroupOpen(pattern, i);
      out += text;
      i = next;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      out += c;
      i++;
      if (pattern[i] === '+') unsupported(pattern, i, 'possessive quantifier', HINT_POSSESSIVE);
      continue;
    }
    if (c === '{') {
      const m = /^\{\d*(,\d*)?\}/.exec(pattern.slice(i));
      if (m && m[0] !== '{}' && m[0] !== '{,}') {
        out += m[0];
        i += m[0].length;
        if (pattern[i] === '+') unsupported(pattern, i, 'possessive quantifier', HINT_POSSESSIVE);
        continue;
      }
      out += '\\{'; // a brace that is not a quantifier is a literal in PCRE
      i++;
      continue;
    }
    if (c === '$' && !multiline) {
      // PCRE's $ also matches before a final newline; RE2's (without m) only at the very end.
      out += '(?:\\n?\\z)';
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function translateEscape(pattern: string, i: number, inClass: boolean): { text: string; next: number } {
  const e = pattern[i + 1];
  if (e === undefined) return { text: '\\\\', next: i + 1 }; // PCRE rejects a trailing backslash; RE2 will too
  const at = i;
  if (e >= '1' && e <= '9') unsupported(pattern, at, `backreference \\${e}`, HINT_BACKREF);
  switch (e) {
    case '0': {
      const oct = /^[0-7]{0,2}/.exec(pattern.slice(i + 2))?.[0] ?? '';
      return { text: `\\x{${parseInt('0' + oct, 8).toString(16)}}`, next: i + 2 + oct.length };
    }
    case 'g':
    case 'k':
      return unsupported(pattern, at, `backreference \\${e}`, HINT_BACKREF);
    case 'G':
    case 'K':
    case 'X':
    case 'C':
      return unsupported(pattern, at, `escape \\${e}`, 'this PCRE escape has no RE2 equivalent; rewrite the pattern without it');
    case 'Q': {
      const end = pattern.indexOf('\\E', i + 2);
      const lit = pattern.slice(i + 2, end < 0 ? pattern.length : end);
      return { text: escapeLiteral(lit, inClass), next: end < 0 ? pattern.length : end + 2 };
    }
    case 'E':
      return { text: '', next: i + 2 }; // a stray \E is ignored by PCRE
    case 'Z':
      if (inClass) break;
      return { text: '(?:\\n?\\z)', next: i + 2 };
    case 'h':
      return { text: inClass ? H_SPACE : `[${H_SPACE}]`, next: i + 2 };
    case 'v':
      return { text: inClass ? V_SPACE : `[${V_SPACE}]`, next: i + 2 };
    case 'H':
    case 'V':
    case 'R':
      if (inClass) unsupported(pattern, at, `\\${e} inside a character class`, 'move it out of the [...] class');
      if (e === 'R') return { text: `(?:\\r\\n|[${V_SPACE}])`, next: i + 2 };
      return { text: `[^${e === 'H' ? H_SPACE : V_SPACE}]`, next: i + 2 };
    case 's':
      return { text: inClass ? PCRE_SPACE : `[${PCRE_SPACE}]`, next: i + 2 };
    case 'S':
      return { text: inClass ? '\\S' : `[^${PCRE_SPACE}]`, next: i + 2 };
    case 'e':
      return { text: '\\x1b', next: i + 2 };
    case 'b':
      if (inClass) return { text: '\\x08', next: i + 2 }; // backspace inside a class
      break;
    case 'c': {
      const ch = pattern[i + 2];
      if (ch === undefined) break;
      const code = ch.toUpperCase().charCodeAt(0) ^ 0x40;
      return { text: `\\x{${code.toString(16)}}`, next: i + 3 };
    }
    default:
      break;
  }
  if ((e === 'x' || e === 'p' || e === 'P') && pattern[i + 2] === '{') {
    // \x{hh..} and \p{Name} carry their own braces, which are not quantifiers.
    const end = pattern.indexOf('}', i + 3);
    if (end > 0) return { text: pattern.slice(i, end + 1), next: end + 1 };
  }
  if (!/[A-Za-z0-9]/.test(e)) {
    // An escaped non-alphanumeric is always that literal character in PCRE.
    return { text: escapeLiteral(e, inClass), next: i + 2 };
  }
  return { text: '\\' + e, next: i + 2 }; // \d \w \x.. \p{..} \A \z \t ... are the same in RE2
}

function escapeLiteral(text: string, inClass: boolean): string {
  let out = '';
  for (const ch of text) {
    if (/[A-Za-z0-9]/.test(ch)) out += ch;
    else if (ch.charCodeAt(0) < 128 && ch >= ' ') out += (inClass ? /[\]\\^-]/.test(ch) : /[\\.+*?()|[\]{}^$]/.test(ch)) ? '\\' + ch : ch;
    else out += `\\x{${(ch.codePointAt(0) as number).toString(16)}}`;
  }
  return out;
}

function translateGroupOpen(pattern: string, i: number): { text: string; next: number } {
  const rest = pattern.slice(i);
  if (rest.startsWith('(*')) unsupported(pattern, i, 'PCRE verb (*...)', 'remove the verb; RE2 has no backtracking control');
  if (!rest.startsWith('(?')) return { text: '(', next: i + 1 };
  if (rest.startsWith('(?#')) {
    const end = pattern.indexOf(')', i);
    return { text: '', next: end < 0 ? pattern.length : end + 1 }; // comment group
  }
  if (rest.startsWith('(?=') || rest.startsWith('(?!')) unsupported(pattern, i, 'lookahead', HINT_LOOKAROUND);
  if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) unsupported(pattern, i, 'lookbehind', HINT_LOOKAROUND);
  if (rest.startsWith('(?>')) unsupported(pattern, i, 'atomic group', HINT_POSSESSIVE);
  if (rest.startsWith('(?|')) unsupported(pattern, i, 'branch reset group', 'number the alternatives separately');
  if (rest.startsWith('(?(')) unsupported(pattern, i, 'conditional group', 'split the pattern into two match() calls');
  if (rest.startsWith('(?P=')) unsupported(pattern, i, 'named backreference', HINT_BACKREF);
  if (/^\(\?(R|[+-]?\d|&|P>)/.test(rest)) unsupported(pattern, i, 'recursion or subroutine call', 'RE2 cannot recurse; expand the pattern');
  const named = /^\(\?(?:P?<([A-Za-z_][A-Za-z0-9_]*)>|'([A-Za-z_][A-Za-z0-9_]*)')/.exec(rest);
  if (named) return { text: `(?P<${named[1] ?? named[2]}>`, next: i + named[0].length };
  if (/^\(\?P?[<']/.test(rest)) {
    fail('SPL-REGEX-INVALID', `invalid group name at offset ${i} of ${JSON.stringify(pattern)}`, {
      hint: 'group names start with a letter or underscore and contain only letters, digits and underscores',
    });
  }
  const flags = /^\(\?([a-zA-Z]*)(?:-([a-zA-Z]*))?([:)])/.exec(rest);
  if (flags) {
    const all = (flags[1] ?? '') + (flags[2] ?? '');
    for (const f of all) {
      if (!'imsU'.includes(f)) {
        unsupported(pattern, i, `inline flag (?${f})`, f === 'x' ? 'remove (?x) and the unescaped whitespace/comments it allows' : 'supported inline flags are i, m, s and U');
      }
    }
    return { text: flags[0], next: i + flags[0].length };
  }
  return { text: '(?', next: i + 2 }; // let RE2 report anything else as invalid
}
