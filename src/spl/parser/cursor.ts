// Token cursor shared by every SPL grammar: look-ahead, expectations that throw a positioned
// SightlineError, the "end of this command" test (a `|`, the `]` closing a subsearch, or the end),
// and `readWord`, which glues adjacent tokens into one search word using the source text.

import { SightlineError, type Span } from '../../core/diagnostics.ts';
import { SPL_LIMITS } from '../limits.ts';
import { isOp, type Token } from '../token.ts';

/** Tokens that always end a glued word. */
const WORD_BREAKERS = new Set(['(', ')', '[', ']', '|', ',', '=', '==', '!=', '<', '<=', '>', '>=']);

export class Cursor {
  private pos = 0;
  /** How many `[ ... ]` subsearches enclose the current position. */
  subsearchDepth = 0;
  /** Recursive constructs entered and not yet left (bounded by SPL_LIMITS.maxNesting). */
  private nesting = 0;

  constructor(
    readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  peek(offset = 0): Token {
    const i = Math.min(this.pos + offset, this.tokens.length - 1);
    return this.tokens[i] as Token;
  }

  next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  /** Index of the next token, for saving and restoring a position. */
  mark(): number {
    return this.pos;
  }

  reset(mark: number): void {
    this.pos = mark;
  }

  /** The end offset of the last consumed token. */
  lastEnd(): number {
    const t = this.tokens[this.pos - 1];
    return t ? t.span.end : 0;
  }

  atEof(): boolean {
    return this.peek().kind === 'eof';
  }

  /** True at `|`, at the `]` that closes the enclosing subsearch, or at the end of the text. */
  atCommandEnd(): boolean {
    const t = this.peek();
    return t.kind === 'eof' || isOp(t, '|') || (this.subsearchDepth > 0 && isOp(t, ']'));
  }

  /** True when the token at `offset` directly touches the one before it (no whitespace). */
  adjacent(offset = 0): boolean {
    return !this.peek(offset).spaceBefore;
  }

  acceptOp(text: string): Token | null {
    return isOp(this.peek(), text) ? this.next() : null;
  }

  expectOp(text: string, what: string): Token {
    const t = this.peek();
    if (isOp(t, text)) return this.next();
    throw this.unexpected(`expected '${text}' ${what}`);
  }

  /**
   * Consumes the `)` matching `open`. A `|` instead is SPL-PIPE-IN-PARENS; anything else is reported at
   * the unclosed `(` (SPL-UNBALANCED-PAREN), which is where the user has to look.
   */
  expectClose(open: Token, what: string): Token {
    const t = this.peek();
    if (isOp(t, ')')) return this.next();
    if (isOp(t, '|')) throw pipeInParens(t);
    throw this.error('SPL-UNBALANCED-PAREN', `'(' of ${what} is never closed (found ${describe(t)})`, open.span, 'add the missing closing parenthesis');
  }

  /**
   * Reads a search-style word: the current token plus every directly adjacent token that is not a
   * breaker, as raw source text (`*.amazonaws.com`, `-24h@h`, `aws:cloudtrail`, `Action{}`).
   */
  readWord(extraBreakers: readonly string[] = []): { text: string; span: Span } | null {
    const first = this.peek();
    if (!isWordToken(first, extraBreakers)) return null;
    this.next();
    let end = first.span.end;
    while (!this.peek().spaceBefore && isWordToken(this.peek(), extraBreakers) && this.peek().kind !== 'string') {
      end = this.next().span.end;
    }
    return { text: this.text.slice(first.span.start, end), span: { start: first.span.start, end } };
  }

  /** A word or a double-quoted string (its unescaped value). */
  readWordOrString(extraBreakers: readonly string[] = []): { text: string; span: Span; quoted: boolean } | null {
    const t = this.peek();
    if (t.kind === 'string') {
      this.next();
      return { text: t.value, span: t.span, quoted: true };
    }
    const w = this.readWord(extraBreakers);
    return w ? { ...w, quoted: false } : null;
  }

  /**
   * Runs `parse` one nesting level deeper: past SPL_LIMITS.maxNesting it throws SPL-TOO-DEEP at `span`
   * instead, before the recursion can exhaust the stack.
   */
  nested<T>(span: Span, parse: () => T): T {
    if (this.nesting >= SPL_LIMITS.maxNesting) {
      throw this.error('SPL-TOO-DEEP', `the search nests more than ${SPL_LIMITS.maxNesting} levels deep here (parentheses, NOT, function calls or subsearches)`, span, 'flatten the expression: an IN list or OR terms instead of nested groups');
    }
    this.nesting++;
    try {
      return parse();
    } finally {
      this.nesting--;
    }
  }

  error(code: string, message: string, span: Span, hint?: string): SightlineError {
    return new SightlineError({ code, message, severity: 'error', span, ...(hint ? { hint } : {}) });
  }

  unexpected(expectation: string, hint?: string): SightlineError {
    const t = this.peek();
    if (t.kind === 'eof') return this.error('SPL-UNEXPECTED-END', `${expectation}, but the search ends here`, t.span, hint);
    return this.error('SPL-UNEXPECTED-TOKEN', `${expectation}, found ${describe(t)}`, t.span, hint);
  }
}

function isWordToken(t: Token, extraBreakers: readonly string[]): boolean {
  if (t.kind === 'eof') return false;
  if (t.kind === 'op' && (WORD_BREAKERS.has(t.text) || extraBreakers.includes(t.text))) return false;
  return true;
}

export function describe(t: Token): string {
  if (t.kind === 'eof') return 'the end of the search';
  return `'${t.text.length > 40 ? t.text.slice(0, 40) + '…' : t.text}'`;
}

/** Splunk cuts a search at every top-level `|`; a pipe inside parentheses splits the group in two. */
export function pipeInParens(pipe: Token): SightlineError {
  return new SightlineError({
    code: 'SPL-PIPE-IN-PARENS',
    message: "'|' inside parentheses: Splunk splits the search at every pipe, so the parenthesised group is cut in two",
    severity: 'error',
    span: pipe.span,
    hint:
      'parentheses only group search terms. Run each branch separately: `| multisearch [search ... | eval ...] [search ... | eval ...]`, ' +
      '`... | append [search ...]`, one base search with a conditional `eval`, or one branch per rule',
  });
}
