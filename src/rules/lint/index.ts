// `lint` for a query or a rule file: schema errors, SPL syntax errors (parser), pipes inside parentheses (with
// the multisearch/append rewrite as a fix), unknown fields per sourcetype and Splunk-invalid constructs. Checks
// report spans in SPL offsets; for rule files they are mapped into the YAML file (inside the `spl:` block).

import type { Diagnostic, Span, TextEdit } from '../../core/diagnostics.ts';
import { parseSpl } from '../../spl/index.ts';
import { loadRuleSource, type SplSource } from '../load.ts';
import { SOURCETYPES } from '../schema.ts';
import { checkUnknownFields } from './check-unknown-fields.ts';
import { checkNullByKeys } from './check-null-by-keys.ts';
import { checkSplunkInvalid } from './check-splunk-invalid.ts';
import { rewritePipesInParens } from './rewrite-pipes-in-parens.ts';
import { findPipesInParens, type PipeInParens } from './spl-scan.ts';
import { checkAllowlistFiles } from '../tuning.ts';
import { checkRuleConsistency } from './check-rule-consistency.ts';

export interface SplLintResult {
  /** Spans are offsets into the SPL text. */
  readonly diagnostics: Diagnostic[];
  /** The SPL with every fix applied, or null when there is nothing to fix. */
  readonly fixed: string | null;
}

export interface FileLintResult {
  readonly file: string;
  readonly text: string;
  /** Spans are offsets into the file text. */
  readonly diagnostics: Diagnostic[];
  readonly fixed: string | null;
}

function shift(d: Diagnostic, delta: number): Diagnostic {
  const mv = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  return {
    ...d,
    ...(d.span ? { span: mv(d.span) } : {}),
    ...(d.fix ? { fix: { description: d.fix.description, edits: d.fix.edits.map((e) => ({ span: mv(e.span), replacement: e.replacement })) } } : {}),
  };
}

/** Checks a parsed pipeline: unknown fields and Splunk-invalid constructs. */
function semanticChecks(text: string, sourcetypes: readonly string[]): Diagnostic[] {
  const parsed = parseSpl(text);
  const out = [...parsed.diagnostics];
  if (parsed.ast) out.push(...checkUnknownFields(parsed.ast, sourcetypes), ...checkSplunkInvalid(parsed.ast, text), ...checkNullByKeys(parsed.ast, sourcetypes));
  return out;
}

/** Diagnostics of a query whose branches are pipelines inside parentheses (the founding pages' shape). */
function pipesInParensChecks(spl: string, groups: readonly PipeInParens[], sourcetypes: readonly string[]): Diagnostic[] {
  const rewrite = rewritePipesInParens(spl);
  const out: Diagnostic[] = [];
  groups.forEach((g, i) => {
    const pipe = g.pipes[0]!;
    out.push({
      code: 'SPL-PIPE-IN-PARENS',
      message: 'a pipe inside parentheses is not valid SPL: parentheses group search terms, they cannot hold a pipeline',
      severity: 'error',
      span: { start: pipe, end: pipe + 1 },
      hint: rewrite.ok
        ? `run each branch as its own search (${rewrite.mode === 'multisearch' ? 'multisearch for streaming branches, append for the rest' : 'append'}); \`lint --fix\` writes it`
        : `split the branches into separate searches (multisearch/append); automatic rewrite not possible: ${rewrite.reason}`,
      // One whole-text rewrite, carried by the first report only.
      ...(rewrite.ok && i === 0 ? { fix: { description: 'rewrite the branches as multisearch/append', edits: [{ span: { start: 0, end: spl.length }, replacement: rewrite.spl }] } } : {}),
    });
    // Each branch on its own is a pipeline: check its fields and constructs at their real positions.
    const inner = spl.slice(g.open + 1, g.close);
    out.push(...semanticChecks(inner, sourcetypes).filter((d) => d.code !== 'SPL-PIPE-IN-PARENS').map((d) => shift(d, g.open + 1)));
  });
  // What the parser says past the first bad group is a consequence of it; keep only what precedes it.
  const firstOpen = groups[0]!.open;
  out.push(...parseSpl(spl).diagnostics.filter((d) => d.code !== 'SPL-PIPE-IN-PARENS' && (d.span?.start ?? 0) < firstOpen));
  return out;
}

export function lintSpl(spl: string, opts: { sourcetypes?: readonly string[] } = {}): SplLintResult {
  const sourcetypes = opts.sourcetypes ?? [];
  const groups = findPipesInParens(spl);
  const diagnostics = groups.length > 0 ? pipesInParensChecks(spl, groups, sourcetypes) : semanticChecks(spl, sourcetypes);
  diagnostics.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
  return { diagnostics, fixed: applyFixes(spl, diagnostics) };
}

/** Applies every fix whose edits do not overlap an earlier one; null when there is none. */
export function applyFixes(text: string, diagnostics: readonly Diagnostic[]): string | null {
  const edits: TextEdit[] = [];
  for (const d of diagnostics) {
    if (!d.fix) continue;
    const overlaps = d.fix.edits.some((e) => edits.some((x) => e.span.start < x.span.end && x.span.start < e.span.end));
    // A whole-text rewrite wins over smaller edits inside it.
    if (overlaps) continue;
    edits.push(...d.fix.edits);
  }
  if (edits.length === 0) return null;
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.replacement + out.slice(e.span.end);
  return out;
}

/** Maps SPL-relative diagnostics of one SPL value of a rule file to file positions (fixes included). */
function toFileDiagnostics(ds: readonly Diagnostic[], spl: SplSource, file: string, context: string): Diagnostic[] {
  const toFile = (s: Span): Span => ({ start: spl.toFile(s.start), end: s.end > s.start ? spl.toFile(s.end - 1) + 1 : spl.toFile(s.start) });
  return ds.map((d) => {
    const whole = d.fix?.edits.some((e) => e.span.start === 0 && e.span.end === spl.text.length);
    const fix = d.fix
      ? whole
        ? { description: d.fix.description, edits: [{ span: spl.span, replacement: reindent(d.fix.edits[0]!.replacement, spl) }] }
        : { description: d.fix.description, edits: d.fix.edits.map((e) => ({ span: toFile(e.span), replacement: e.replacement })) }
      : undefined;
    return { ...d, file, message: context ? `${context}: ${d.message}` : d.message, ...(d.span ? { span: toFile(d.span) } : {}), ...(fix ? { fix } : {}) };
  });
}

/** Lints one rule file's text: schema, the rule's SPL, its hunting queries, allowlists and consistency. */
export function lintRuleText(text: string, file: string): FileLintResult {
  const loaded = loadRuleSource(text, file);
  const diagnostics: Diagnostic[] = [...loaded.diagnostics];
  const declared = loaded.rule?.sourcetypes ?? declaredSourcetypes(text);
  if (loaded.spl) diagnostics.push(...toFileDiagnostics(lintSpl(loaded.spl.text, { sourcetypes: declared }).diagnostics, loaded.spl, file, ''));
  loaded.hunting.forEach((h, i) => {
    if (h) diagnostics.push(...toFileDiagnostics(lintSpl(h.text, { sourcetypes: declared }).diagnostics, h, file, `hunting query ${i + 1}`));
  });
  if (loaded.rule) diagnostics.push(...[...checkAllowlistFiles(loaded.rule), ...checkRuleConsistency(loaded.rule)].map((d) => ({ ...d, file })));
  const fixed = diagnostics.some((d) => d.fix) ? applyFixes(text, diagnostics) : null;
  return { file, text, diagnostics, fixed };
}

/** The SPL as it must be written inside the block scalar (or as a quoted scalar). */
function reindent(spl: string, where: { block: boolean; indent: number }): string {
  if (!where.block) return JSON.stringify(spl);
  const pad = ' '.repeat(where.indent);
  return spl.split('\n').map((l) => (l.length ? pad + l : l)).join('\n');
}

/** Best-effort sourcetypes of a rule that failed validation, so its SPL is still checked. */
function declaredSourcetypes(text: string): string[] {
  return SOURCETYPES.filter((s) => text.includes(`- ${s}`) || text.includes(`"${s}"`));
}
