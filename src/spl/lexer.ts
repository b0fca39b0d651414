// SPL lexer: source text -> fine-grained tokens with spans. Macros must already be expanded
// (src/spl/macros.ts); a backtick reaching the lexer is reported. ```...``` block comments are skipped.
// Lexing never throws: problems (unterminated string or comment) are pushed to an optional sink.

import type { Diagnostic } from '../core/diagnostics.ts';
import type { Token, TokenKind } from './token.ts';

const TWO_CHAR_OPS = new Set(['==', '!=', '<=', '>=']);

function isIdentStart(c: string): boolean {
  return /[A-Za-z_]/.test(c) || c.charCodeAt(0) > 127;
}
function isIdentChar(c: string): boolean {
  return /[A-Za-z0-9_]/.test(c) || c.charCodeAt(0) > 127;
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Tokenizes SPL text; problems are appended to `diagnostics` when given. The last token is always `eof`. */
export function tokenize(text: string, diagnostics: Diagnostic[] = []): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let spaceBefore = true;
  const push = (kind: TokenKind, start: number, end: number, value?: string): void => {
    const raw = text.slice(start, end);
    tokens.push({ kind, text: raw, value: value ?? raw, span: { start, end }, spaceBefore });
    spaceBefore = false;
  };

  while (i < text.length) {
    const c = text[i] as string;
    if (/\s/.test(c)) {
      i++;
      spaceBefore = true;
      continue;
    }
    if (text.startsWith('```', i)) {
      const close = text.indexOf('```', i + 3);
      if (close < 0) {
        diagnostics.push(err('SPL-UNTERMINATED-COMMENT', 'block comment ``` is never closed', i, text.length, 'close the comment with ```'));
        i = text.length;
      } else i = close + 3;
      spaceBefore = true;
      continue;
    }
    const start = i;
    if (c === '"' || c === "'") {
      const { end, value, closed } = readQuoted(text, i, c);
      if (!closed) {
        diagnostics.push(
          err(
            c === '"' ? 'SPL-UNTERMINATED-STRING' : 'SPL-UNTERMINATED-QUOTE',
            c === '"' ? 'string literal is never closed' : 'single-quoted field name is never closed',
            start,
            end,
            `add the closing ${c}`,
          ),
        );
      }
      push(c === '"' ? 'string' : 'quoted-field', start, end, value);
      i = end;
      continue;
    }
    // `.5` is a number, but `"y".1`, `'f'.1` and `(x).1` concatenate: a value cannot directly follow a
    // string or `)`, so the `.` there can only be eval's concatenation operator.
    if (isDigit(c) || (c === '.' && isDigit(text[i + 1]) && !endsOperand(tokens, spaceBefore))) {
      i = readNumber(text, i);
      push('number', start, i);
      continue;
    }
    if (isIdentStart(c)) {
      i = readIdent(text, i);
      push('ident', start, i);
      continue;
    }
    if (c === '`') {
      diagnostics.push(err('SPL-UNEXPANDED-MACRO', 'a macro reached the parser unexpanded', i, i + 1, 'expand macros first (parseSpl does this with its macro table)'));
    }
    const two = text.slice(i, i + 2);
    if (TWO_CHAR_OPS.has(two)) {
      push('op', start, i + 2);
      i += 2;
      continue;
    }
    push('op', start, i + 1);
    i++;
  }
  tokens.push({ kind: 'eof', text: '', value: '', span: { start: text.length, end: text.length }, spaceBefore: true });
  return tokens;
}

/** True when the last token ends an operand (a string, a quoted field or `)`) and touches the next one. */
function endsOperand(tokens: readonly Token[], spaceBefore: boolean): boolean {
  const last = tokens[tokens.length - 1];
  if (spaceBefore || !last) return false;
  return last.kind === 'string' || last.kind === 'quoted-field' || (last.kind === 'op' && last.text === ')');
}

function err(code: string, message: string, start: number, end: number, hint: string): Diagnostic {
  return { code, message, severity: 'error', span: { start, end }, hint };
}

/** Reads a quoted run starting at `start` (the quote). Only `\<quote>` and `\\` are unescaped. */
function readQuoted(text: string, start: number, quote: string): { end: number; value: string; closed: boolean } {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && (text[i + 1] === quote || text[i + 1] === '\\')) {
      value += text[i + 1];
      i += 2;
      continue;
    }
    if (c === quote) return { end: i + 1, value, closed: true };
    value += c;
    i++;
  }
  return { end: text.length, value, closed: false };
}

function readNumber(text: string, i: number): number {
  while (isDigit(text[i])) i++;
  if (text[i] === '.' && isDigit(text[i + 1])) {
    i++;
    while (isDigit(text[i])) i++;
  }
  if ((text[i] === 'e' || text[i] === 'E') && (isDigit(text[i + 1]) || ((text[i + 1] === '+' || text[i + 1] === '-') && isDigit(text[i + 2])))) {
    i += 2;
    while (isDigit(text[i])) i++;
  }
  return i;
}

/**
 * An identifier continues through `.part`, `{}` and `{N}` so that `properties.status.errorCode` and
 * `resources{}.ARN` are one token (Splunk's JSON field names); `a . b` with spaces stays a concatenation.
 */
function readIdent(text: string, i: number): number {
  for (;;) {
    while (i < text.length && isIdentChar(text[i] as string)) i++;
    if (text[i] === '{') {
      const close = text.indexOf('}', i);
      if (close > i && /^\{\d*\}$/.test(text.slice(i, close + 1))) {
        i = close + 1;
        continue;
      }
      return i;
    }
    if (text[i] === '.' && i + 1 < text.length && (isIdentChar(text[i + 1] as string) || text[i + 1] === '{')) {
      i++;
      continue;
    }
    return i;
  }
}
