// Diagnostics: every error or warning that reaches a user carries a stable code, a position and, where
// one exists, a hint or a fix. The CLI, lint and the web UI render these same objects.

export interface Span {
  /** 0-based offsets into the source text, end exclusive. */
  readonly start: number;
  readonly end: number;
}

export type Severity = 'error' | 'warning' | 'info';

export interface TextEdit {
  readonly span: Span;
  readonly replacement: string;
}

export interface Diagnostic {
  readonly code: string;
  readonly message: string;
  readonly severity: Severity;
  readonly span?: Span;
  /** File the span refers to; the span is then relative to `sourceOffset` inside that file. */
  readonly file?: string;
  readonly hint?: string;
  /** A valid rewrite that `lint --fix` may apply. */
  readonly fix?: { readonly description: string; readonly edits: readonly TextEdit[] };
}

export class SightlineError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(`${diagnostic.code}: ${diagnostic.message}`);
    this.name = 'SightlineError';
  }
}

export function fail(code: string, message: string, extra: Partial<Diagnostic> = {}): never {
  throw new SightlineError({ code, message, severity: 'error', ...extra });
}

export interface LineCol {
  readonly line: number; // 1-based
  readonly col: number; // 1-based, in UTF-16 code units
}

export function lineColAt(text: string, offset: number): LineCol {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, col: end - lineStart + 1 };
}

/**
 * Renders `file:line:col: CODE: message` followed by the source line and a caret under the span.
 * `lineOffset` shifts the reported line when the text was cut out of a larger file (e.g. a YAML block).
 */
export function formatDiagnostic(d: Diagnostic, source?: string, opts: { lineOffset?: number; colOffset?: number } = {}): string {
  const prefix = d.file ? `${d.file}:` : '';
  const severity = d.severity === 'error' ? '' : `${d.severity}: `;
  if (!d.span || source === undefined) {
    return `${prefix}${severity}${d.code}: ${d.message}${d.hint ? `\n  hint: ${d.hint}` : ''}`;
  }
  const { line, col } = lineColAt(source, d.span.start);
  const lineText = source.split('\n')[line - 1] ?? '';
  const width = Math.max(1, Math.min(d.span.end - d.span.start, lineText.length - col + 1));
  const shownLine = line + (opts.lineOffset ?? 0);
  const shownCol = col + (line === 1 ? (opts.colOffset ?? 0) : 0);
  const caret = ' '.repeat(col - 1) + '^' + '~'.repeat(Math.max(0, width - 1));
  return [
    `${prefix}${shownLine}:${shownCol}: ${severity}${d.code}: ${d.message}`,
    `  ${lineText}`,
    `  ${caret}`,
    ...(d.hint ? [`  hint: ${d.hint}`] : []),
  ].join('\n');
}
