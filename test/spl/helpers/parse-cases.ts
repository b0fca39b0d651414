// Reads and writes the golden parse files test/golden/parse/*.txt (lezer-style): `# title`, the SPL,
// a `==>` line, then the expected s-expression (valid input) or one `CODE line:col` per diagnostic.
// Leading `//` lines are a file comment and are kept when the file is rewritten.

import { lineColAt } from '../../../src/core/diagnostics.ts';
import type { Pipeline } from '../../../src/spl/ast/nodes.ts';
import { parseSpl } from '../../../src/spl/index.ts';
import { toSexpr } from '../../../src/spl/sexpr.ts';

export interface ParseCase {
  readonly title: string;
  readonly spl: string;
  readonly expected: string;
}

export function readCases(text: string): { preamble: string; cases: ParseCase[] } {
  const lines = text.split('\n');
  const preamble: string[] = [];
  let i = 0;
  while (i < lines.length && !(lines[i] as string).startsWith('# ')) preamble.push(lines[i++] as string);
  const cases: ParseCase[] = [];
  while (i < lines.length) {
    const title = (lines[i++] as string).slice(2).trim();
    const spl: string[] = [];
    while (i < lines.length && lines[i] !== '==>') spl.push(lines[i++] as string);
    i++; // ==>
    const expected: string[] = [];
    while (i < lines.length && !(lines[i] as string).startsWith('# ')) expected.push(lines[i++] as string);
    cases.push({ title, spl: spl.join('\n'), expected: expected.join('\n').trim() });
  }
  return { preamble: preamble.join('\n').trimEnd(), cases };
}

export function writeCases(preamble: string, cases: readonly ParseCase[]): string {
  const body = cases.map((c) => `# ${c.title}\n${c.spl}\n==>\n${c.expected}\n`).join('\n');
  return (preamble ? preamble + '\n\n' : '') + body;
}

/** One command per line under the pipeline, so diffs stay readable. */
export function renderAst(ast: Pipeline): string {
  return ['(pipeline', ...ast.commands.map((c) => '  ' + toSexpr(c))].join('\n') + ')';
}

export function renderParse(spl: string): { text: string; ast: Pipeline | null } {
  const { ast, diagnostics } = parseSpl(spl);
  if (ast) return { text: renderAst(ast), ast };
  const lines = diagnostics.map((d) => {
    const at = d.span ? lineColAt(spl, d.span.start) : null;
    return at ? `${d.code} ${at.line}:${at.col}` : d.code;
  });
  return { text: lines.join('\n'), ast: null };
}
