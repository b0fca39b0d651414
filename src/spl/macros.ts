// Splunk search macros: a table loaded from macros.conf stanzas or security_content macro YAML files,
// and `expandMacros`, which replaces `name` / `name(a, b)` invocations (with $arg$ substitution, nested
// macros and a depth bound) before tokenising. Expanded text keeps a map back to the original offsets,
// so every diagnostic points at the user's text. Unknown macros are errors, never silently dropped.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Diagnostic, Span } from '../core/diagnostics.ts';

export interface MacroDefinition {
  readonly name: string;
  readonly args: readonly string[];
  readonly definition: string;
  /** `iseval = 1`: the definition is an eval expression producing the text; not supported. */
  readonly iseval?: boolean;
  /** Where the definition came from (file path), for messages. */
  readonly source?: string;
}

export interface MacroTableOptions {
  /**
   * What a missing `<name>_filter` macro means. security_content's build generates every detection's
   * filter macro as `search *`; only a table that says 'match-all' expands missing ones that way.
   */
  readonly missingFilterMacros?: 'error' | 'match-all';
}

const FILTER_DEFAULT = 'search *';
const MAX_DEPTH = 20;

export class MacroTable {
  private readonly defs = new Map<string, MacroDefinition>();

  constructor(
    defs: Iterable<MacroDefinition> = [],
    readonly options: MacroTableOptions = {},
  ) {
    for (const d of defs) this.add(d);
  }

  /** Splunk keys macros by name and arity: `name` for none, `name(2)` for two arguments. */
  static key(name: string, arity: number): string {
    return arity === 0 ? name : `${name}(${arity})`;
  }

  add(def: MacroDefinition): void {
    this.defs.set(MacroTable.key(def.name, def.args.length), def);
  }

  get(name: string, arity: number): MacroDefinition | undefined {
    const found = this.defs.get(MacroTable.key(name, arity));
    if (found) return found;
    if (arity === 0 && name.endsWith('_filter') && this.options.missingFilterMacros === 'match-all') {
      return { name, args: [], definition: FILTER_DEFAULT, source: 'default filter macro (missingFilterMacros: match-all)' };
    }
    return undefined;
  }

  get size(): number {
    return this.defs.size;
  }

  keys(): string[] {
    return [...this.defs.keys()].sort();
  }

  withOptions(options: MacroTableOptions): MacroTable {
    return new MacroTable(this.defs.values(), { ...this.options, ...options });
  }
}

// ---------------------------------------------------------------- loading

/**
 * Loads macros from a macros.conf file, a macro YAML file, or a directory of them (non-recursive).
 * Throws on unreadable files; malformed stanzas are reported with the file name.
 */
export function loadMacros(paths: string | readonly string[], options: MacroTableOptions = {}): MacroTable {
  const table = new MacroTable([], options);
  for (const p of typeof paths === 'string' ? [paths] : paths) {
    const files = statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => /\.(ya?ml|conf)$/.test(f))
          .sort()
          .map((f) => join(p, f))
      : [p];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const defs = extname(file) === '.conf' ? parseMacrosConf(text, file) : [macroFromYaml(text, file)];
      for (const d of defs) table.add(d);
    }
  }
  return table;
}

/** One security_content macro file: `name`, `definition`, optional `arguments: [a, b]`. */
export function macroFromYaml(text: string, source = 'macro.yml'): MacroDefinition {
  const doc = parseYaml(text) as Record<string, unknown> | null;
  const name = doc?.['name'];
  const definition = doc?.['definition'];
  if (typeof name !== 'string' || (typeof definition !== 'string' && typeof definition !== 'number')) {
    throw new Error(`${source}: a macro file needs string fields 'name' and 'definition'`);
  }
  const rawArgs = doc?.['arguments'];
  const args = Array.isArray(rawArgs) ? rawArgs.map((a) => String(a).trim()) : [];
  return { name: name.replace(/\(\d+\)$/, ''), args, definition: String(definition), source };
}

/**
 * macros.conf: `[name]` or `[name(N)]` stanzas with `definition = ...`, `args = a, b`, `iseval = 0|1`.
 * A line ending in `\` continues on the next line; `#` starts a comment line.
 */
export function parseMacrosConf(text: string, source = 'macros.conf'): MacroDefinition[] {
  const out: MacroDefinition[] = [];
  let current: { name: string; arity: number; fields: Record<string, string>; line: number } | null = null;
  const finish = (): void => {
    if (!current) return;
    const def = current.fields['definition'];
    if (def === undefined) throw new Error(`${source}:${current.line}: stanza [${current.name}] has no definition`);
    const args = (current.fields['args'] ?? '').split(',').map((a) => a.trim()).filter((a) => a.length > 0);
    if (args.length !== current.arity) {
      throw new Error(`${source}:${current.line}: stanza [${current.name}(${current.arity})] declares ${args.length} args`);
    }
    out.push({ name: current.name, args, definition: def, iseval: current.fields['iseval']?.trim() === '1', source });
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const startLine = n + 1;
    let line = lines[n] as string;
    // A trailing backslash continues the value on the next line (the newline is kept).
    while (line.endsWith('\\') && n + 1 < lines.length) line = line.slice(0, -1) + '\n' + (lines[++n] as string);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const stanza = /^\[([^\]]+?)(?:\((\d+)\))?\]$/.exec(trimmed);
    if (stanza) {
      finish();
      current = { name: (stanza[1] as string).trim(), arity: Number(stanza[2] ?? 0), fields: {}, line: startLine };
      continue;
    }
    const kv = /^\s*([A-Za-z_][\w.]*)\s*=\s*([\s\S]*)$/.exec(line);
    if (!kv || !current) throw new Error(`${source}:${startLine}: expected [stanza] or key = value`);
    current.fields[(kv[1] as string).toLowerCase()] = (kv[2] as string).trimEnd();
  }
  finish();
  return out;
}

// ---------------------------------------------------------------- expansion

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
    const expanded = expandInvocation(text.slice(i + 1, close), table, 0, span, diagnostics);
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
function expandInvocation(body: string, table: MacroTable, depth: number, span: Span, diagnostics: Diagnostic[]): string {
  const call = parseInvocation(body);
  if (!call) {
    diagnostics.push({ code: 'SPL-BAD-MACRO', message: `'\`${body}\`' is not a macro invocation`, severity: 'error', span, hint: 'write `name` or `name(arg1, arg2)`' });
    return '';
  }
  if (depth > MAX_DEPTH) {
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
  let text = def.definition;
  def.args.forEach((argName, idx) => {
    text = text.split(`$${argName}$`).join(call.args[idx] ?? '');
  });
  // Nested macros inside the definition: their errors point at the outer invocation.
  return text.replace(/```[\s\S]*?```|"(?:\\.|[^"\\])*"|`([^`]*)`/g, (whole, inner: string | undefined) =>
    inner === undefined ? whole : expandInvocation(inner, table, depth + 1, span, diagnostics),
  );
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
