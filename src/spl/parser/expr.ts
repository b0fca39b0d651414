// Pratt parser for eval/where expressions. Search Manual, "Boolean expressions with logical operators":
// "The eval and where commands evaluate AND before OR operators", order () > NOT > AND > OR > XOR.
// Tighter than the boolean operators sit comparisons, LIKE and IN; then `.`, `+`, `-` (concatenation
// and addition); then `*`, `/`, `%`; then unary minus. Boolean keywords are accepted in any case here
// (security_content writes `where a > 1 and b > 2`). 'single quotes' name a field, "double quotes" make
// a string (where `\`, `"` and `	` are escapes), function names are lower-cased.

import type { BinaryOp, Expr } from '../ast/nodes.ts';
import { isOp, type Token } from '../token.ts';
import { type Cursor, pipeInParens } from './cursor.ts';

/** Binding power of each infix operator; higher binds tighter. */
const INFIX: Record<string, { op: BinaryOp; bp: number }> = {
  XOR: { op: 'XOR', bp: 5 },
  OR: { op: 'OR', bp: 10 },
  AND: { op: 'AND', bp: 20 },
  '=': { op: '=', bp: 40 },
  '==': { op: '==', bp: 40 },
  '!=': { op: '!=', bp: 40 },
  '<': { op: '<', bp: 40 },
  '<=': { op: '<=', bp: 40 },
  '>': { op: '>', bp: 40 },
  '>=': { op: '>=', bp: 40 },
  LIKE: { op: 'LIKE', bp: 40 },
  '.': { op: '.', bp: 50 },
  '+': { op: '+', bp: 50 },
  '-': { op: '-', bp: 50 },
  '*': { op: '*', bp: 60 },
  '/': { op: '/', bp: 60 },
  '%': { op: '%', bp: 60 },
};
/** NOT binds tighter than AND but takes a whole comparison as its operand. */
const NOT_BP = 30;
const IN_BP = 40;
const UNARY_MINUS_BP = 70;
const WORD_OPERATORS = new Set(['AND', 'OR', 'XOR', 'NOT', 'LIKE', 'IN']);

/** Binding power tables, exported for the printer so both agree on parentheses. */
export const BINARY_BP: Readonly<Record<BinaryOp, number>> = Object.fromEntries(Object.values(INFIX).map((x) => [x.op, x.bp])) as Record<BinaryOp, number>;
export const EXPR_BP = { not: NOT_BP, in: IN_BP, unaryMinus: UNARY_MINUS_BP } as const;

export function parseExpr(cur: Cursor, minBp = 0): Expr {
  // Every recursion of the expression grammar (operands, groups, arguments) passes here: one level each.
  return cur.nested(cur.peek().span, () => parseExprInner(cur, minBp));
}

function parseExprInner(cur: Cursor, minBp: number): Expr {
  let left = parsePrefix(cur);
  for (;;) {
    const t = cur.peek();
    const key = infixKey(t);
    if (key === 'IN') {
      if (IN_BP <= minBp) break;
      cur.next();
      const open = cur.expectOp('(', "after IN (write `x IN (\"a\", \"b\")`)");
      const list = parseArgs(cur, open);
      left = { kind: 'in', expr: left, list, span: { start: left.span.start, end: cur.lastEnd() } };
      continue;
    }
    const info = key ? INFIX[key] : undefined;
    if (!info || info.bp <= minBp) break;
    cur.next();
    const right = parseExpr(cur, info.bp);
    left = { kind: 'binary', op: info.op, left, right, span: { start: left.span.start, end: right.span.end } };
  }
  return left;
}

function infixKey(t: Token): string | null {
  if (t.kind === 'op') return INFIX[t.text] ? t.text : null;
  if (t.kind === 'ident') {
    const up = t.text.toUpperCase();
    if (up === 'IN' || (WORD_OPERATORS.has(up) && up !== 'NOT')) return up;
  }
  return null;
}

function parsePrefix(cur: Cursor): Expr {
  const t = cur.peek();
  if (t.kind === 'ident' && t.text.toUpperCase() === 'NOT') {
    cur.next();
    const operand = parseExpr(cur, NOT_BP);
    return { kind: 'unary', op: 'NOT', operand, span: { start: t.span.start, end: operand.span.end } };
  }
  if (isOp(t, '-') || isOp(t, '+')) {
    cur.next();
    const operand = parseExpr(cur, UNARY_MINUS_BP);
    return { kind: 'unary', op: t.text as '-' | '+', operand, span: { start: t.span.start, end: operand.span.end } };
  }
  if (isOp(t, '(')) {
    cur.next();
    if (isOp(cur.peek(), '|')) throw pipeInParens(cur.peek());
    const inner = parseExpr(cur);
    cur.expectClose(t, 'this expression');
    return inner;
  }
  if (t.kind === 'number') {
    cur.next();
    return { kind: 'number', value: Number(t.text), text: t.text, span: t.span };
  }
  if (t.kind === 'string') {
    cur.next();
    return { kind: 'string', value: evalStringValue(t.text), span: t.span };
  }
  if (t.kind === 'quoted-field') {
    cur.next();
    return { kind: 'field', name: t.value, quoted: true, span: t.span };
  }
  if (t.kind === 'ident') {
    const up = t.text.toUpperCase();
    // in(x, ...) and like(x, ...) are also functions; the other keywords never are.
    if (WORD_OPERATORS.has(up) && !((up === 'IN' || up === 'LIKE') && isOp(cur.peek(1), '('))) {
      throw cur.unexpected('expected a value or field', `'${t.text}' is an operator; quote a field of that name as '${t.text}'`);
    }
    cur.next();
    if (isOp(cur.peek(), '(')) return parseCall(cur, t);
    return { kind: 'field', name: t.text, quoted: false, span: t.span };
  }
  if (isOp(t, '|')) throw cur.unexpected('expected an expression', 'the expression is empty or cut short by a pipe');
  throw cur.unexpected('expected an expression');
}

function parseCall(cur: Cursor, nameTok: Token): Expr {
  const open = cur.next();
  const name = nameTok.text.toLowerCase();
  const args = parseArgs(cur, open);
  const span = { start: nameTok.span.start, end: cur.lastEnd() };
  if ((name === 'true' || name === 'false') && args.length === 0) return { kind: 'bool', value: name === 'true', span };
  return { kind: 'call', name, args, span };
}

/** Comma-separated expressions after an already consumed `(`, through the closing `)`. */
function parseArgs(cur: Cursor, open: Token): Expr[] {
  const args: Expr[] = [];
  if (cur.acceptOp(')')) return args;
  for (;;) {
    args.push(parseExpr(cur));
    if (cur.acceptOp(',')) continue;
    const t = cur.peek();
    if (isOp(t, ')')) {
      cur.next();
      return args;
    }
    if (isOp(t, '|')) throw pipeInParens(t);
    if (t.kind === 'eof' || isOp(t, ']')) {
      throw cur.error('SPL-UNBALANCED-PAREN', "'(' is never closed", open.span, 'add the missing closing parenthesis');
    }
    throw cur.unexpected("expected ',' or ')' in the argument list");
  }
}

/**
 * The value of an eval string literal from its source text. Search Manual, "Types of expressions":
 * in "C:\\windows\temp" "The \t in the path is interpreted as a tab"; `\\` is a backslash and `\"` a
 * quote. Other backslashes stay (regular expressions such as "\d+" keep working).
 */
export function evalStringValue(quotedText: string): string {
  const body = quotedText.endsWith('"') && quotedText.length >= 2 ? quotedText.slice(1, -1) : quotedText.slice(1);
  return body.replace(/\\([\\"t])/g, (_, c: string) => (c === 't' ? '\t' : c));
}
