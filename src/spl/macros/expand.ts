// Macro expansion before tokenising: `name` and `name(a, b)` invocations are replaced by their
// definitions with $arg$ substitution, recursively up to a depth bound. The expanded text keeps a map
// back to original offsets so diagnostics point at the user's text. Unknown macros are errors.

import type { Diagnostic, Span } from '../../core/diagnostics.ts';
import { SPL_LIMITS } from '../limits.ts';
import { MacroTable } from './table.ts';

/** How deep macros may nest before expansion is taken to be a loop. */
const MAX_DEPTH = 20;

/** Characters still allowed to come out of definitions (SPL_LIMITS.maxExpandedChars), shared by one expansion. */
interface Budget {
  left: number;
  reported: boolean;
}

/** A run of expanded text and where it came from in the original. */
interface Piece {
  readonly outStart: number;
  readonly outEnd: number;
  readonly srcStart: number;
  readonly srcEnd: number;
  /** Copied text maps offset by offset; expanded text maps to the whole invocation. */
  readonly verbatim: boolean;
}

export interface ExpandResult {
  readonly text: string;
  readonly diagnostics: Diagnostic[];
  /** Maps a span of the expanded text back to the original text. */
  toSource(span: Span): Span;
  /** True when at least one macro was expanded. */
  readonly changed: boolean;
}

export function expandMacros(text: string, table: MacroTable = new MacroTable()): ExpandResult {
  const diagnostics: Diagnostic[] = [];
  const pieces: Piece[] = [];
  let out = '';
  let changed = false;
  const copy = (from: number, to: number): void => {
    if (to <= from) return;
    pieces.push({ outStart: out.length, outEnd: out.length + (to - from), srcStart: from, srcEnd: to, verbatim: true });
    out += text.slice(from, to);
  };
  let i = 0;
  let copiedTo = 0;
  const budget: Budget = { left: SPL_LIMITS.maxExpandedChars, reported: false };
  while (i < text.length) {
    const c = text[i];
    if (c === '"') {
      i = skipString(text, i);
      continue;
    }
    if (c !== '`') {
      i++;
      continue;
    }
    if (text.startsWith('```', i)) {
      const close = text.indexOf('```', i + 3);
      i = close < 0 ? text.length : close + 3;
      continue;
    }
    const close = text.indexOf('`', i + 1);
    const span = { start: i, end: close < 0 ? text.length : close + 1 };
    if (close < 0) {
      diagnostics.push({ code: 'SPL-UNTERMINATED-MACRO', message: 'macro invocation has no closing backtick', severity: 'error', span, hint: 'close the macro name with `' });
      break;
    }
    copy(copiedTo, i);
    const expanded = expandInvocation(text.slice(i + 1, close), table, 0, span, diagnostics, budget);
    pieces.push({ outStart: out.length, outEnd: out.length + expanded.length, srcStart: span.start, srcEnd: span.end, verbatim: false });
    out += expanded;
    changed = true;
    i = close + 1;
    copiedTo = i;
  }
  copy(copiedTo, text.length);
  const toSource = (s: Span): Span => ({ start: mapOffset(pieces, s.start, 'start'), end: mapOffset(pieces, s.end, 'end') });
  return { text: out, diagnostics, toSource, changed };
}

function mapOffset(pieces: readonly Piece[], offset: number, side: 'start' | 'end'): number {
  for (const p of pieces) {
    const inside = side === 'start' ? offset >= p.outStart && offset < p.outEnd : offset > p.outStart && offset <= p.outEnd;
    if (!inside) continue;
    if (p.verbatim) return p.srcStart + (offset - p.outStart);
    return side === 'start' ? p.srcStart : p.srcEnd;
  }
  const last = pieces[pieces.length - 1];
  if (!last) return offset;
  return offset >= last.outEnd ? last.srcEnd + (offset - last.outEnd) : offset;
}

function skipString(text: string, i: number): number {
  i++;
  while (i < text.length) {
    if (text[i] === '\\') i += 2;
    else if (text[i] === '"') return i + 1;
    else i++;
  }
  return i;
}

/** Expands one invocation body (`name` or `name(a, b)`), recursively. Errors point at `span`. */
function expandInvocation(body: string, table: MacroTable, depth: number, span: Span, diagnostics: Diagnostic[], budget: Budget): string {
  if (budget.reported) return '';
  const call = parseInvocation(body);
  if (!call) {
    diagnostics.push({ code: 'SPL-BAD-MACRO', message: `'\`${body}\`' is not a macro invocation`, severity: 'error', span, hint: 'write `name` or `name(arg1, arg2)`' });
    return '';
  }
  if (depth > MAX_DEPTH) {
    budget.reported = true; // one report: a loop would otherwise report at every one of its leaves
    diagnostics.push({ code: 'SPL-MACRO-RECURSION', message: `macro '${call.name}' expands more than ${MAX_DEPTH} levels deep`, severity: 'error', span, hint: 'a macro probably calls itself' });
    return '';
  }
  const def = table.get(call.name, call.args.length);
  if (!def) {
    const key = MacroTable.key(call.name, call.args.length);
    diagnostics.push({
      code: 'SPL-UNKNOWN-MACRO',
      message: depth === 0 ? `macro '${key}' is not defined` : `macro '${key}' (used inside another macro here) is not defined`,
      severity: 'error',
      span,
      hint: 'load its definition (macros.conf or a macro .yml) into the macro table',
    });
    return '';
  }
  if (def.iseval) {
    diagnostics.push({ code: 'SPL-UNSUPPORTED-MACRO', message: `macro '${call.name}' is an eval-based macro (iseval = 1), which sightline does not run`, severity: 'error', span });
    return '';
  }
  const values = bindArguments(def.args, call.args);
  // One pass, so a value containing `$other$` is not substituted again.
  const text = def.definition.replace(/\$([A-Za-z0-9_]+)\$/g, (whole, name: string) => values.get(name) ?? whole);
  // Every character of the result comes from some substituted definition: bounding their sum bounds the
  // result, and stops a definition that doubles at each level long before it fills memory.
  budget.left -= text.length;
  if (budget.left < 0) {
    budget.reported = true;
    const message = `macro '${call.name}' expands to more than ${SPL_LIMITS.maxExpandedChars} characters`;
    diagnostics.push({ code: 'SPL-MACRO-TOO-LARGE', message, severity: 'error', span, hint: 'a macro that uses another macro several times grows exponentially with nesting' });
    return '';
  }
  // Nested macros inside the definition: their errors point at the outer invocation.
  return text.replace(/```[\s\S]*?```|"(?:\\.|[^"\\])*"|`([^`]*)`/g, (whole, inner: string | undefined) =>
    inner === undefined ? whole : expandInvocation(inner, table, depth + 1, span, diagnostics, budget),
  );
}

/**
 * Binds invocation arguments to the macro's argument names. Arguments are positional, or all named
 * (`iis_search(fragment=TM)`, Knowledge Manager Manual "Search macro examples") when every one is
 * `<declared name>=<value>` and each declared name appears once.
 */
function bindArguments(names: readonly string[], args: readonly string[]): Map<string, string> {
  const named = args.map((a) => /^([A-Za-z0-9_]+)\s*=\s*([\s\S]*)$/.exec(a));
  const allNamed = named.every((m) => m && names.includes(m[1] as string)) && new Set(named.map((m) => m?.[1])).size === names.length;
  if (allNamed) return new Map(named.map((m) => [m![1] as string, m![2] as string]));
  return new Map(names.map((n, i) => [n, args[i] ?? '']));
}

/** `name` or `name(a, b)`; arguments split at top-level commas (outside quotes and parentheses). */
function parseInvocation(body: string): { name: string; args: string[] } | null {
  const m = /^\s*([A-Za-z0-9_.:-]+)\s*(?:\(([\s\S]*)\))?\s*$/.exec(body);
  if (!m) return null;
  const name = m[1] as string;
  if (m[2] === undefined) return { name, args: [] };
  const args: string[] = [];
  let depth = 0;
  let inQuote = false;
  let cur = '';
  const src = m[2];
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (inQuote) {
      if (c === '\\' && i + 1 < src.length) {
        cur += c + src[++i];
        continue;
      }
      if (c === '"') inQuote = false;
    } else if (c === '"') inQuote = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      args.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim() !== '' || args.length > 0) args.push(cur.trim());
  return { name, args };
}
