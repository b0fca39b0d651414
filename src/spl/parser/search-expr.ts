// The search-term grammar of the `search` command (and the implicit leading search).
// Precedence, from the Search Manual ("Boolean expressions"): () > NOT > OR > AND, AND implied between
// terms; operators count only in upper case ("The operators must be capitalized"), so `or` is a term.

import type { Span } from '../../core/diagnostics.ts';
import type { Pipeline, SearchCompareOp, SearchExpr, SearchValue } from '../ast/nodes.ts';
import { isOp, type Token } from '../token.ts';
import { type Cursor, pipeInParens } from './cursor.ts';

const COMPARE_OPS: Record<string, SearchCompareOp> = { '=': '=', '==': '=', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

export type SubsearchParser = (cur: Cursor) => { pipeline: Pipeline; span: Span };

/** Parses search terms up to the end of the command; null when there are none. */
export function parseSearchExpr(cur: Cursor, subsearch: SubsearchParser): SearchExpr | null {
  if (cur.atCommandEnd()) return null;
  return parseAnd(cur, subsearch, 0);
}

function atGroupEnd(cur: Cursor, depth: number): boolean {
  const t = cur.peek();
  if (depth > 0 && isOp(t, ')')) return true;
  if (depth > 0 && isOp(t, '|')) throw pipeInParens(t);
  if (depth === 0 && isOp(t, ')')) {
    throw cur.error('SPL-UNBALANCED-PAREN', "')' has no matching '('", t.span, 'remove it or add the opening parenthesis');
  }
  return cur.atCommandEnd();
}

function parseAnd(cur: Cursor, sub: SubsearchParser, depth: number): SearchExpr {
  const items: SearchExpr[] = [parseOr(cur, sub, depth)];
  for (;;) {
    if (atGroupEnd(cur, depth)) break;
    if (isUpper(cur.peek(), 'AND')) {
      cur.next();
      if (atGroupEnd(cur, depth)) throw cur.unexpected('expected a search term after AND');
    }
    items.push(parseOr(cur, sub, depth));
  }
  return combine('and', items);
}

function parseOr(cur: Cursor, sub: SubsearchParser, depth: number): SearchExpr {
  const items: SearchExpr[] = [parseNot(cur, sub, depth)];
  while (isUpper(cur.peek(), 'OR')) {
    cur.next();
    if (atGroupEnd(cur, depth)) throw cur.unexpected('expected a search term after OR');
    items.push(parseNot(cur, sub, depth));
  }
  return combine('or', items);
}

function parseNot(cur: Cursor, sub: SubsearchParser, depth: number): SearchExpr {
  // Every recursion of this grammar (NOT, groups, subsearches) passes here: one bounded level each.
  return cur.nested(cur.peek().span, () => parseNotInner(cur, sub, depth));
}

function parseNotInner(cur: Cursor, sub: SubsearchParser, depth: number): SearchExpr {
  const t = cur.peek();
  if (isUpper(t, 'NOT')) {
    cur.next();
    if (atGroupEnd(cur, depth)) throw cur.unexpected('expected a search term after NOT');
    const expr = parseNot(cur, sub, depth);
    return { kind: 'not', expr, span: { start: t.span.start, end: expr.span.end } };
  }
  return parsePrimary(cur, sub, depth);
}

function parsePrimary(cur: Cursor, sub: SubsearchParser, depth: number): SearchExpr {
  const t = cur.peek();
  if (isOp(t, '(')) {
    cur.next();
    if (isOp(cur.peek(), ')')) throw cur.error('SPL-EMPTY-GROUP', 'empty parentheses in a search', { start: t.span.start, end: cur.peek().span.end });
    if (isOp(cur.peek(), '|')) throw pipeInParens(cur.peek());
    const inner = parseAnd(cur, sub, depth + 1);
    cur.expectClose(t, 'this group');
    return inner;
  }
  if (isOp(t, '[')) {
    const { pipeline, span } = sub(cur);
    return { kind: 'subsearch', pipeline, span };
  }
  if (isOp(t, ']')) throw cur.error('SPL-UNBALANCED-BRACKET', "']' has no matching '['", t.span);
  if (isOp(t, '=', '==', '!=', '<', '<=', '>', '>=')) throw cur.unexpected('expected a field name before the comparison');
  if (isOp(t, ',')) throw cur.unexpected('expected a search term', 'commas separate values only inside `field IN (a, b)`');

  // CASE(term) and TERM(term): the directive touches its parenthesis.
  if (atDirective(cur)) {
    cur.next();
    const open = cur.next();
    const value = readDirectiveValue(cur, `inside ${t.text}()`);
    const close = cur.expectClose(open, `${t.text}(`);
    return { kind: 'term', value, caseSensitive: t.text === 'CASE', termMode: t.text === 'TERM', span: { start: t.span.start, end: close.span.end } };
  }

  if (isUpper(t, 'XOR')) {
    throw cur.error('SPL-XOR-IN-SEARCH', 'XOR is not supported in the search command', t.span, 'Search Manual: "The search command evaluates OR before AND operators (XOR is not supported)"; use where/eval for XOR');
  }
  const first = cur.readWordOrString();
  if (!first) throw cur.unexpected('expected a search term');
  const op = cur.peek();
  if (op.kind === 'op' && COMPARE_OPS[op.text] !== undefined) {
    cur.next();
    // `host=CASE(LOCALHOST)`: a case-sensitive value; `field=TERM(x)` is the value x (a field value is whole).
    const directive = atDirective(cur);
    let value: SearchValue;
    if (directive) {
      cur.next();
      const open = cur.next();
      value = readDirectiveValue(cur, `inside ${directive}()`);
      cur.expectClose(open, `${directive}(`);
    } else value = readValue(cur, `after '${first.text}${op.text}'`);
    const span = { start: first.span.start, end: cur.lastEnd() };
    if (!first.quoted && (first.text === 'earliest' || first.text === 'latest') && op.text === '=') {
      return { kind: 'time', bound: first.text, value: value.text, span };
    }
    const compare = { kind: 'compare', field: first.text, op: COMPARE_OPS[op.text] as SearchCompareOp, value, span } as const;
    return directive === 'CASE' ? { ...compare, caseSensitive: true } : compare;
  }
  if (isUpper(op, 'IN') && isOp(cur.peek(1), '(')) {
    cur.next();
    const open = cur.next();
    const values: SearchValue[] = [];
    while (!isOp(cur.peek(), ')')) {
      if (isOp(cur.peek(), '|')) throw pipeInParens(cur.peek());
      if (cur.atEof()) break;
      values.push(readValue(cur, `in the IN list of '${first.text}'`));
      cur.acceptOp(',');
    }
    const close = cur.expectClose(open, 'the IN list');
    if (values.length === 0) throw cur.error('SPL-EMPTY-IN-LIST', `'${first.text} IN ()' has no values`, { start: first.span.start, end: close.span.end });
    return { kind: 'in', field: first.text, values, span: { start: first.span.start, end: close.span.end } };
  }
  return { kind: 'term', value: { text: first.text, quoted: first.quoted, span: first.span }, caseSensitive: false, termMode: false, span: first.span };
}

function atDirective(cur: Cursor): 'CASE' | 'TERM' | null {
  const t = cur.peek();
  if (t.kind !== 'ident' || (t.text !== 'CASE' && t.text !== 'TERM')) return null;
  return isOp(cur.peek(1), '(') && !cur.peek(1).spaceBefore ? t.text : null;
}

/**
 * The text of CASE(...)/TERM(...): a quoted string, or every token up to the `)` with no space between them,
 * `=` included (Search Manual, CASE() and TERM(): a term may hold minor breakers such as `=`, `.` or `-`).
 */
function readDirectiveValue(cur: Cursor, where: string): SearchValue {
  const first = cur.peek();
  if (first.kind === 'string' || first.kind === 'eof' || isOp(first, ')')) return readValue(cur, where);
  let end = first.span.end;
  cur.next();
  while (!isOp(cur.peek(), ')') && !cur.atCommandEnd() && !cur.peek().spaceBefore) end = cur.next().span.end;
  return { text: cur.text.slice(first.span.start, end), quoted: false, span: { start: first.span.start, end } };
}

function readValue(cur: Cursor, where: string): SearchValue {
  const v = cur.readWordOrString();
  if (!v) throw cur.unexpected(`expected a value ${where}`);
  return { text: v.text, quoted: v.quoted, span: v.span };
}

function isUpper(t: Token, word: string): boolean {
  return t.kind === 'ident' && t.text === word;
}

/** Builds an n-ary and/or node, flattening nested nodes of the same kind; one item stays itself. */
function combine(kind: 'and' | 'or', items: SearchExpr[]): SearchExpr {
  const flat: SearchExpr[] = [];
  for (const it of items) {
    if (it.kind === kind) flat.push(...it.items);
    else flat.push(it);
  }
  if (flat.length === 1) return flat[0] as SearchExpr;
  return { kind, items: flat, span: { start: (flat[0] as SearchExpr).span.start, end: (flat[flat.length - 1] as SearchExpr).span.end } };
}
