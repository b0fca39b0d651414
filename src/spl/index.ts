// Public entry of the SPL front end: macro expansion, lexing and parsing into the AST of ast/nodes.ts.
// `parseSpl` never throws on bad input: it returns diagnostics (with spans in the caller's original
// text, before macro expansion) and a null AST when any error was found.

import { SightlineError, type Diagnostic, type Span } from '../core/diagnostics.ts';
import type { Expr, Pipeline } from './ast/nodes.ts';
import { tokenize } from './lexer.ts';
import { expandMacros, MacroTable } from './macros.ts';
import { Cursor } from './parser/cursor.ts';
import { parseExpr } from './parser/expr.ts';
import { PipelineParser } from './parser/pipeline.ts';
import { SPL_LIMITS } from './limits.ts';
import { deepestNode } from './tree-depth.ts';

export interface ParseOptions {
  /** Macro definitions; without a table every `macro` is SPL-UNKNOWN-MACRO. */
  readonly macros?: MacroTable;
}

export interface ParseResult {
  /** The AST, or null when there is at least one error. Spans refer to the original text. */
  readonly ast: Pipeline | null;
  readonly diagnostics: Diagnostic[];
  /** The text after macro expansion (what was tokenised). */
  readonly expandedText: string;
}

export function parseSpl(text: string, opts: ParseOptions = {}): ParseResult {
  const expansion = expandMacros(text, opts.macros ?? new MacroTable());
  if (expansion.diagnostics.length > 0) return { ast: null, diagnostics: expansion.diagnostics, expandedText: expansion.text };
  const expanded = expansion.text;
  const lexDiagnostics: Diagnostic[] = [];
  const tokens = tokenize(expanded, lexDiagnostics);
  const remap = (d: Diagnostic): Diagnostic => (d.span && expansion.changed ? { ...d, span: expansion.toSource(d.span) } : d);
  if (lexDiagnostics.length > 0) return { ast: null, diagnostics: lexDiagnostics.map(remap), expandedText: expanded };
  const parser = new PipelineParser(new Cursor(expanded, tokens), []);
  let ast: Pipeline;
  try {
    ast = parser.parseTop();
  } catch (err) {
    // The nesting bound should make this unreachable; a stack overflow still becomes a diagnostic, not a crash.
    if (!(err instanceof RangeError)) throw err;
    return { ast: null, diagnostics: [{ code: 'SPL-TOO-DEEP', message: 'the search is nested too deeply to parse', severity: 'error' }], expandedText: expanded };
  }
  const deepest = deepestNode(ast);
  if (deepest.depth > SPL_LIMITS.maxTreeDepth) {
    parser.diagnostics.push({
      code: 'SPL-TOO-DEEP',
      message: `the expression is ${deepest.depth} levels deep; at most ${SPL_LIMITS.maxTreeDepth} are allowed`,
      severity: 'error',
      ...(deepest.span ? { span: deepest.span } : {}),
      hint: 'a long chain of operators nests one level per operator: split it over several evals, or use an IN list',
    });
  }
  const diagnostics = parser.diagnostics.map(remap).sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  if (diagnostics.some((d) => d.severity === 'error')) return { ast: null, diagnostics, expandedText: expanded };
  return { ast: expansion.changed ? (mapSpans(ast, expansion.toSource) as Pipeline) : ast, diagnostics, expandedText: expanded };
}

/** Parses or throws a SightlineError carrying the first error. */
export function parseSplStrict(text: string, opts: ParseOptions = {}): Pipeline {
  const { ast, diagnostics } = parseSpl(text, opts);
  const first = diagnostics.find((d) => d.severity === 'error');
  if (first || !ast) throw new SightlineError(first ?? { code: 'SPL-PARSE-FAILED', message: 'the search could not be parsed', severity: 'error' });
  return ast;
}

/**
 * Parses one eval expression written inside an option value (streamstats `reset_before="(count>5)"`).
 * Throws a SightlineError at the first problem; spans are offsets in `text`.
 */
export function parseEvalExpression(text: string): Expr {
  const lexDiagnostics: Diagnostic[] = [];
  const tokens = tokenize(text, lexDiagnostics);
  if (lexDiagnostics[0]) throw new SightlineError(lexDiagnostics[0]);
  const cur = new Cursor(text, tokens);
  const expr = parseExpr(cur);
  if (!cur.atEof()) throw cur.unexpected('expected the end of the expression');
  return expr;
}

/** Rewrites every span-valued property (`span`, `nameSpan`, `patternSpan`) through `map`. */
function mapSpans(node: unknown, map: (s: Span) => Span): unknown {
  if (Array.isArray(node)) return node.map((n) => mapSpans(n, map));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) {
    out[k] = /(^s|S)pan$/.test(k) && v && typeof v === 'object' ? map(v as Span) : mapSpans(v, map);
  }
  return out;
}

export { tokenize } from './lexer.ts';
export { expandMacros, loadMacros, MacroTable, macroFromYaml, parseMacrosConf } from './macros.ts';
export type { MacroDefinition, MacroTableOptions } from './macros.ts';
export { printSpl } from './print.ts';
export { toSexpr } from './sexpr.ts';
