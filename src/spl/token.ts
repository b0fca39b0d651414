// Token vocabulary of the SPL lexer. Tokens are fine-grained (an identifier, an operator, a number);
// the search-term and argument grammars glue adjacent tokens back into words using the source text,
// because `*.amazonaws.com` or `-24h@h` are single words in search but operators in eval.

import type { Span } from '../core/diagnostics.ts';

export type TokenKind =
  /** Identifier-like run: letters, digits, `_`, dotted parts and `{}` / `{N}` steps (`resources{}.ARN`). */
  | 'ident'
  | 'number'
  /** Double-quoted string; `value` has `\"` and `\\` unescaped, every other backslash kept. */
  | 'string'
  /** Single-quoted text: a field name in eval/where. */
  | 'quoted-field'
  /** Operators and punctuation: = == != < <= > >= + - * / % . , ( ) [ ] | and any other single character. */
  | 'op'
  | 'eof';

export interface Token {
  readonly kind: TokenKind;
  /** Source text of the token, quotes included. */
  readonly text: string;
  /** Unquoted/unescaped value for strings and quoted fields; equal to `text` otherwise. */
  readonly value: string;
  readonly span: Span;
  /** True when whitespace (or a comment) separates this token from the previous one. */
  readonly spaceBefore: boolean;
}

export function isOp(t: Token, ...texts: string[]): boolean {
  return t.kind === 'op' && texts.includes(t.text);
}

/** Case-insensitive keyword test for an identifier token (`as`, `by`, `OUTPUT` ...). */
export function isKeyword(t: Token, word: string): boolean {
  return t.kind === 'ident' && t.text.toLowerCase() === word.toLowerCase();
}
