// Lint check: constructs that parse but that Splunk rejects or reads differently than the author meant,
// each with the documentation reason and, where one exists, the valid rewrite as a fix:
// - `where x="abc*"`: "You can only specify a wildcard with the where command by using the like function"
// - lower-case `or`/`and`/`not` in a search: Splunk's boolean operators must be upper case; lower case is a term
// - stats-only functions (`values()`, `dc()`, ...) inside eval/where
// - non-streaming commands inside a multisearch subsearch ("allows only streaming operations in each subsearch")

import type { Diagnostic } from '../../core/diagnostics.ts';
import type { Command, Expr, Pipeline } from '../../spl/ast/nodes.ts';
import { exprNodes, searchNodes } from './ast-walk.ts';

/** Aggregations that exist only in stats/eventstats/streamstats/chart, not as eval functions. */
const STATS_ONLY = new Set([
  'values', 'list', 'dc', 'distinct_count', 'estdc', 'estdc_error', 'avg', 'mean', 'median', 'mode', 'stdev', 'stdevp',
  'var', 'varp', 'sum', 'sumsq', 'range', 'earliest', 'latest', 'earliest_time', 'latest_time', 'first', 'last',
  'perc', 'upperperc', 'exactperc', 'count', 'rate', 'per_second', 'per_minute', 'per_hour', 'per_day',
]);

/** Commands allowed inside multisearch subsearches (streaming). */
const STREAMING_KINDS = new Set<Command['kind']>(['search', 'where', 'eval', 'fields', 'rename', 'rex', 'spath', 'fillnull', 'mvexpand', 'lookup', 'iplocation', 'bin']);

function checkExpr(e: Expr, source: string, context: 'where' | 'eval', out: Diagnostic[]): void {
  for (const n of exprNodes(e)) {
    if (n.kind === 'call' && STATS_ONLY.has(n.name.toLowerCase())) {
      out.push({
        code: 'SPL-STATS-FUNCTION-IN-EVAL',
        message: `${n.name}() is a stats function; ${context} has no such function`,
        severity: 'error',
        span: n.span,
        hint: `compute it with \`stats\`/\`eventstats ${n.name}(...) as ...\` and use the result in ${context}`,
      });
    }
    if (n.kind === 'binary' && (n.op === '=' || n.op === '==' || n.op === '!=') && n.right.kind === 'string' && n.right.value.includes('*')) {
      const left = source.slice(n.left.span.start, n.left.span.end);
      const pattern = n.right.value.replace(/%/g, '\\%').replace(/\*/g, '%');
      const like = `like(${left}, ${JSON.stringify(pattern)})`;
      out.push({
        code: 'SPL-WHERE-WILDCARD',
        message: `"*" is a literal character in ${context}: this compares with the exact text ${JSON.stringify(n.right.value)}`,
        severity: 'error',
        span: n.span,
        hint: `use ${n.op === '!=' ? 'NOT ' : ''}${like} (like() takes % and _ as wildcards)`,
        fix: { description: 'use like()', edits: [{ span: n.span, replacement: n.op === '!=' ? `NOT ${like}` : like }] },
      });
    }
  }
}

function checkCommand(c: Command, source: string, out: Diagnostic[], insideMultisearch: boolean): void {
  if (insideMultisearch && !STREAMING_KINDS.has(c.kind)) {
    const name = c.kind === 'stats' ? c.variant : c.kind === 'unsupported' ? c.name : c.kind;
    out.push({
      code: 'SPL-MULTISEARCH-NOT-STREAMING',
      message: `\`${name}\` is not a streaming command; multisearch allows only streaming operations in each subsearch`,
      severity: 'error',
      span: c.nameSpan ?? c.span,
      hint: name === 'table' ? 'use `fields` inside the subsearch and one `table` after the multisearch' : 'move it after the multisearch, or use `append` for this branch',
      ...(name === 'table' && c.nameSpan ? { fix: { description: 'use fields', edits: [{ span: c.nameSpan, replacement: 'fields' }] } } : {}),
    });
  }
  if (c.kind === 'where') checkExpr(c.expr, source, 'where', out);
  else if (c.kind === 'eval') for (const a of c.assignments) checkExpr(a.expr, source, 'eval', out);
  else if (c.kind === 'search') {
    for (const n of searchNodes(c.expr)) {
      if (n.kind !== 'term' || n.value.quoted) continue;
      const word = n.value.text;
      if (/^(and|or|not)$/i.test(word) && word !== word.toUpperCase()) {
        out.push({
          code: 'SPL-LOWERCASE-BOOLEAN',
          message: `"${word}" is searched for as a word: Splunk's boolean operators must be upper case`,
          severity: 'error',
          span: n.span,
          hint: `write ${word.toUpperCase()}`,
          fix: { description: `upper-case ${word}`, edits: [{ span: n.value.span, replacement: word.toUpperCase() }] },
        });
      }
    }
  } else if (c.kind === 'multisearch' || c.kind === 'union') {
    for (const p of c.subsearches) checkPipelineInto(p, source, out, c.kind === 'multisearch');
  } else if (c.kind === 'append' || c.kind === 'join') checkPipelineInto(c.subsearch, source, out, false);
}

function checkPipelineInto(p: Pipeline, source: string, out: Diagnostic[], insideMultisearch: boolean): void {
  for (const c of p.commands) checkCommand(c, source, out, insideMultisearch);
}

/** Splunk-invalid constructs of a parsed query; `source` is the SPL text the spans refer to. */
export function checkSplunkInvalid(ast: Pipeline, source: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  checkPipelineInto(ast, source, out, false);
  return out;
}
