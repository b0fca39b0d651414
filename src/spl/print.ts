// AST -> canonical SPL text. Used for round-trip tests (parse(print(ast)) gives the same AST), for
// rewrites proposed by lint, and for showing normalised searches. Parentheses are added only where the
// grammar's precedence needs them; strings are re-quoted so the lexer reads back the same value.

import type { Aggregation, Command, CommandKind, CommandOption, Expr, Pipeline, SearchExpr, SearchValue, SortKey } from './ast/nodes.ts';
import { BINARY_BP, EXPR_BP } from './parser/expr.ts';

const BARE = /^[^\s"'()[\]|,=<>!`]+$/;
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*(?:(?:\.[A-Za-z0-9_]+)|(?:\{\d*\}))*(?:\.[A-Za-z0-9_]+)*$/;
const SEARCH_KEYWORDS = new Set(['AND', 'OR', 'NOT', 'IN', 'CASE', 'TERM']);
const EXPR_KEYWORDS = new Set(['AND', 'OR', 'XOR', 'NOT', 'LIKE', 'IN']);

export function printSpl(p: Pipeline): string {
  return p.commands
    .map((c, i) => {
      if (c.kind === 'search' && c.implicit && i === 0) return c.expr ? printSearchExpr(c.expr) : '';
      const text = printCommand(c);
      return i === 0 && c.kind !== 'search' ? `| ${text}` : text;
    })
    .join(' | ');
}

// ---------------------------------------------------------------- quoting

/**
 * Double-quotes a string so the lexer reads back exactly `s`: `\"` and `\\` are escapes everywhere, and in
 * eval strings `\t` is too (so a backslash before `t` must be doubled there). Other backslashes stay single.
 */
export function quoteString(s: string, context: 'search' | 'eval' = 'search'): string {
  const escapedAfterBackslash = context === 'eval' ? '\\"t' : '\\"';
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    const next = s[i + 1];
    if (c === '"') out += '\\"';
    else if (c === '\\') out += next === undefined || escapedAfterBackslash.includes(next) ? '\\\\' : '\\';
    else out += c;
  }
  return out + '"';
}

function word(s: string): string {
  return BARE.test(s) && !SEARCH_KEYWORDS.has(s) ? s : quoteString(s);
}

function fieldRef(name: string, quoted: boolean): string {
  if (!quoted && IDENT.test(name) && !EXPR_KEYWORDS.has(name.toUpperCase())) return name;
  return `'${name.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

function option(o: CommandOption): string {
  const v = o.value.startsWith('(') && o.value.endsWith(')') ? o.value : word(o.value);
  return `${o.name}=${v}`;
}

function options(os: readonly CommandOption[]): string[] {
  return os.map(option);
}

function join(...parts: (string | null | undefined | false)[]): string {
  return parts.filter((p): p is string => typeof p === 'string' && p !== '').join(' ');
}

// ---------------------------------------------------------------- search expressions

function searchValue(v: SearchValue): string {
  return v.quoted || !BARE.test(v.text) ? quoteString(v.text) : v.text;
}

function searchField(name: string, op: string): string {
  if ((name === 'earliest' || name === 'latest') && op === '=') return quoteString(name);
  return word(name);
}

export function printSearchExpr(e: SearchExpr): string {
  switch (e.kind) {
    case 'term': {
      const v = searchValue(e.value);
      const bare = !e.value.quoted && SEARCH_KEYWORDS.has(e.value.text) ? quoteString(e.value.text) : v;
      if (e.caseSensitive) return `CASE(${bare})`;
      if (e.termMode) return `TERM(${bare})`;
      return bare;
    }
    case 'compare':
      return `${searchField(e.field, e.op)}${e.op}${e.caseSensitive ? `CASE(${searchValue(e.value)})` : searchValue(e.value)}`;
    case 'in':
      return `${word(e.field)} IN (${e.values.map(searchValue).join(', ')})`;
    case 'time':
      return `${e.bound}=${word(e.value)}`;
    case 'subsearch':
      return `[${printSpl(e.pipeline)}]`;
    case 'not':
      return `NOT ${e.expr.kind === 'and' || e.expr.kind === 'or' ? `(${printSearchExpr(e.expr)})` : printSearchExpr(e.expr)}`;
    case 'or':
      return e.items.map((i) => (i.kind === 'and' ? `(${printSearchExpr(i)})` : printSearchExpr(i))).join(' OR ');
    case 'and':
      return e.items.map((i) => (i.kind === 'and' ? `(${printSearchExpr(i)})` : printSearchExpr(i))).join(' ');
  }
}

// ---------------------------------------------------------------- eval expressions

const COMPARISON_BP = BINARY_BP['='];
const PRIMARY_BP = 100;

function bp(e: Expr): number {
  if (e.kind === 'binary') return BINARY_BP[e.op];
  if (e.kind === 'unary') return e.op === 'NOT' ? EXPR_BP.not : EXPR_BP.unaryMinus;
  if (e.kind === 'in') return EXPR_BP.in;
  return PRIMARY_BP;
}

function wrap(e: Expr, needParens: boolean): string {
  const s = printExpr(e);
  return needParens ? `(${s})` : s;
}

export function printExpr(e: Expr): string {
  switch (e.kind) {
    case 'field':
      return fieldRef(e.name, e.quoted);
    case 'string':
      return quoteString(e.value, 'eval');
    case 'number':
      return e.text;
    case 'bool':
      return e.value ? 'true()' : 'false()';
    case 'call':
      return `${e.name}(${e.args.map(printExpr).join(', ')})`;
    case 'in':
      return `${wrap(e.expr, bp(e.expr) <= EXPR_BP.in)} IN (${e.list.map(printExpr).join(', ')})`;
    case 'unary': {
      if (e.op === 'NOT') return `NOT ${wrap(e.operand, bp(e.operand) <= EXPR_BP.not && !(e.operand.kind === 'unary' && e.operand.op === 'NOT'))}`;
      return `${e.op}${wrap(e.operand, bp(e.operand) <= EXPR_BP.unaryMinus)}`;
    }
    case 'binary': {
      const p = BINARY_BP[e.op];
      const nonAssoc = p === COMPARISON_BP;
      const left = wrap(e.left, bp(e.left) < p || (nonAssoc && bp(e.left) === p));
      const right = wrap(e.right, bp(e.right) <= p);
      return `${left} ${e.op} ${right}`;
    }
  }
}

// ---------------------------------------------------------------- commands

function sortKey(k: SortKey): string {
  const f = word(k.field);
  const body = k.type === 'auto' ? f : `${k.type}(${f})`;
  return `${k.descending ? '-' : ''}${body}`;
}

function aggregation(a: Aggregation): string {
  let call = a.fn;
  let defaultName = a.fn;
  if (a.arg?.kind === 'field') {
    call = `${a.fn}(${BARE.test(a.arg.name) ? a.arg.name : fieldRef(a.arg.name, true)})`;
    defaultName = `${a.fn}(${a.arg.name})`;
  } else if (a.arg?.kind === 'expr') {
    call = `${a.fn}(eval(${printExpr(a.arg.expr)}))`;
    defaultName = call;
  }
  return a.as === defaultName ? call : `${call} as ${word(a.as)}`;
}

function fieldList(fs: readonly { name: string }[]): string {
  return fs.map((f) => word(f.name)).join(', ');
}

/** The command node whose `kind` admits K (multisearch and union share one node type). */
type CommandOf<K extends CommandKind> = Command extends infer C ? (C extends { kind: infer CK } ? (K extends CK ? C : never) : never) : never;
type Printer<K extends CommandKind> = (c: CommandOf<K>) => string;

const COMMAND_PRINTERS: { [K in CommandKind]: Printer<K> } = {
  search: (c) => join('search', c.expr && printSearchExpr(c.expr)),
  where: (c) => `where ${printExpr(c.expr)}`,
  eval: (c) => `eval ${c.assignments.map((a) => `${fieldRef(a.field, false)}=${printExpr(a.expr)}`).join(', ')}`,
  stats: (c) => join(c.variant, ...options(c.options), c.aggregations.map(aggregation).join(' '), c.by.length > 0 && `by ${fieldList(c.by)}`),
  table: (c) => `table ${fieldList(c.fields)}`,
  fields: (c) => join('fields', c.remove && '-', fieldList(c.fields)),
  rename: (c) => `rename ${c.pairs.map((p) => `${word(p.from)} AS ${word(p.to)}`).join(', ')}`,
  sort: (c) => join('sort', c.limit !== null && String(c.limit), c.keys.map(sortKey).join(', ')),
  head: (c) => join('head', String(c.count), c.expr && `(${printExpr(c.expr)})`, ...options(c.options)),
  tail: (c) => `tail ${c.count}`,
  dedup: (c) =>
    join('dedup', c.count !== 1 && String(c.count), fieldList(c.fields), ...options(c.options), c.sortBy.length > 0 && `sortby ${c.sortBy.map(sortKey).join(', ')}`),
  bin: (c) => join('bin', ...options(c.options), word(c.field), c.as !== null && `AS ${word(c.as)}`),
  convert: (c) =>
    join('convert', c.timeformat !== null && `timeformat=${quoteString(c.timeformat)}`, c.conversions.map((v) => join(`${v.fn}(${word(v.field)})`, v.as !== null && `AS ${word(v.as)}`)).join(', ')),
  fillnull: (c) => join('fillnull', `value=${word(c.value)}`, fieldList(c.fields)),
  rex: (c) => join('rex', `field=${word(c.field)}`, c.mode === 'sed' && 'mode=sed', ...options(c.options), quoteString(c.pattern)),
  spath: (c) =>
    join('spath', c.input !== '_raw' && `input=${word(c.input)}`, c.output !== null && `output=${word(c.output)}`, c.path !== null && `path=${word(c.path)}`, ...options(c.options)),
  mvexpand: (c) => join('mvexpand', word(c.field), c.limit !== null && `limit=${c.limit}`),
  makemv: (c) => join('makemv', ...options(c.options), word(c.field)),
  lookup: (c) => {
    const map = (m: { lookupField: string; eventField: string }): string =>
      m.lookupField === m.eventField ? word(m.lookupField) : `${word(m.lookupField)} AS ${word(m.eventField)}`;
    return join('lookup', ...options(c.options), word(c.table), c.keys.map(map).join(', '), c.outputMode, c.outputs.map(map).join(', '));
  },
  multisearch: (c) => join(c.kind, ...options(c.options), ...c.subsearches.map((s) => `[${printSpl(s)}]`)),
  union: (c) => join(c.kind, ...options(c.options), ...c.subsearches.map((s) => `[${printSpl(s)}]`)),
  append: (c) => join('append', ...options(c.options), `[${printSpl(c.subsearch)}]`),
  join: (c) => join('join', ...options(c.options), c.fields.length > 0 && fieldList(c.fields), `[${printSpl(c.subsearch)}]`),
  iplocation: (c) => join('iplocation', ...options(c.options), word(c.field)),
  makeresults: (c) => join('makeresults', ...options(c.options)),
  inputlookup: (c) => join('inputlookup', ...options(c.options), word(c.table)),
  unsupported: (c) => join(c.name, c.argsText),
};

export function printCommand(c: Command): string {
  return (COMMAND_PRINTERS[c.kind] as Printer<typeof c.kind>)(c as never);
}
