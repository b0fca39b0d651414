// Rewrites the founding pages' invalid shape `base (A | cmds...) OR (B | cmds...) [| tail]` into SPL that
// Splunk accepts: streaming branches go into `| multisearch [search ...] [search ...]` (the multisearch docs
// allow "only streaming operations in each subsearch"), other branches (stats, sort, ...) are appended with
// `| append [search ...]`. A branch `table` (not a streaming command) becomes `fields`, and one `table` of
// every branch's columns follows, so the rows keep the same fields. The tail (`| sort - _time`) stays last.

import { findPipesInParens, splitAt, squeeze, topLevelGroups, topLevelPipes } from './spl-scan.ts';

/** Commands that Splunk lists as (distributable or centralized) streaming and that keep one row per event. */
const STREAMING = new Set([
  'search', 'eval', 'where', 'fields', 'rename', 'rex', 'regex', 'spath', 'fillnull', 'mvexpand', 'makemv',
  'lookup', 'iplocation', 'convert', 'replace', 'extract', 'kv', 'bin', 'bucket', 'addinfo', 'fieldformat',
]);

export interface Branch {
  readonly search: string;
  readonly commands: readonly string[];
  readonly streaming: boolean;
  /** Fields of the branch's `table`, when it has one. */
  readonly tableFields: readonly string[] | null;
}

export type RewriteResult =
  | { readonly ok: true; readonly spl: string; readonly branches: readonly Branch[]; readonly mode: 'multisearch' | 'append' }
  | { readonly ok: false; readonly reason: string };

function commandName(cmd: string): string {
  return (/^\s*([A-Za-z_]+)/.exec(cmd)?.[1] ?? '').toLowerCase();
}

function tableFieldsOf(cmd: string): string[] {
  const body = cmd.replace(/^\s*table\s+/i, '');
  return body.split(/[\s,]+/).map((f) => f.trim()).filter((f) => f.length > 0);
}

/** Splits the search part into `base` and the OR-separated groups that contain pipes. */
function splitBranches(searchPart: string): { base: string; groups: string[] } | { error: string } {
  const invalid = findPipesInParens(searchPart).map((g) => g.open);
  const groups = topLevelGroups(searchPart).filter(([open]) => invalid.includes(open));
  if (groups.length === 0) return { error: 'no parenthesised branch with a pipe at the top level' };
  const first = groups[0]![0];
  const base = searchPart.slice(0, first).trim();
  const inner: string[] = [];
  let cursor = first;
  for (const [open, close] of groups) {
    const between = searchPart.slice(cursor, open).trim();
    if (inner.length > 0 && between !== 'OR') return { error: `branches must be joined by OR, found "${between.slice(0, 40)}"` };
    inner.push(searchPart.slice(open + 1, close));
    cursor = close + 1;
  }
  if (searchPart.slice(cursor).trim().length > 0) return { error: 'text after the last branch; move it before the branches or after a top-level pipe' };
  if (/\bOR\s*$/.test(base)) return { error: 'the first branch is OR-ed with the base search; only branch-vs-branch OR can be rewritten' };
  return { base, groups: inner };
}

function parseBranch(inner: string): Branch | { error: string } {
  const pipes = findPipesInParens(`(${inner})`).find((g) => g.open === 0)?.pipes.map((p) => p - 1) ?? [];
  const parts = splitAt(inner, pipes).map(squeeze);
  const [search, ...commands] = parts;
  if (commands.some((c) => c.length === 0)) return { error: 'empty command between pipes' };
  const names = commands.map(commandName);
  const streaming = names.every((n) => STREAMING.has(n) || n === 'table');
  const tableIdx = names.lastIndexOf('table');
  return { search: search ?? '', commands, streaming, tableFields: tableIdx >= 0 ? tableFieldsOf(commands[tableIdx]!) : null };
}

/** The leading search of one branch: the shared base (parenthesised, as OR binds tighter than AND in search) plus the branch's own terms. */
function branchSearch(base: string, own: string): string {
  const parts = [base ? `(${squeeze(base)})` : '', own].filter((p) => p.length > 0);
  return parts.join(' ');
}

/** Rewrites `spl`; `ok: false` when the text is not of the founding pages' shape. */
export function rewritePipesInParens(spl: string): RewriteResult {
  const top = topLevelPipes(spl);
  const [searchPart, ...tail] = splitAt(spl, top);
  const split = splitBranches(searchPart ?? '');
  if ('error' in split) return { ok: false, reason: split.error };
  const branches: Branch[] = [];
  for (const g of split.groups) {
    const b = parseBranch(g);
    if ('error' in b) return { ok: false, reason: b.error };
    branches.push(b);
  }
  const streaming = branches.filter((b) => b.streaming);
  const other = branches.filter((b) => !b.streaming);
  const anyTable = branches.some((b) => b.tableFields !== null);
  // In multisearch a table becomes fields (streaming); the union table after the merge restores the shape.
  const asStreaming = (b: Branch) => b.commands.map((c) => (commandName(c) === 'table' ? c.replace(/^\s*table\b/i, 'fields') : c));
  // One command per line inside each subsearch, so the rewrite stays reviewable.
  const sub = (b: Branch, cmds: readonly string[]) => `[search ${[branchSearch(split.base, b.search), ...cmds].join('\n      | ')}]`;
  const lines: string[] = [];
  let mode: 'multisearch' | 'append' = 'append';
  if (streaming.length >= 2) {
    mode = 'multisearch';
    lines.push('| multisearch');
    for (const b of streaming) lines.push(`    ${sub(b, asStreaming(b))}`);
    for (const b of other) lines.push(`| append`, `    ${sub(b, b.commands)}`);
  } else {
    // One main branch (the streaming one if any) and the rest appended.
    const ordered = [...streaming, ...other];
    const main = ordered[0]!;
    lines.push(branchSearch(split.base, main.search));
    for (const c of main.commands) lines.push(`| ${c}`);
    for (const b of ordered.slice(1)) lines.push(`| append`, `    ${sub(b, b.commands)}`);
  }
  if (anyTable) {
    const union: string[] = [];
    for (const b of branches) for (const f of b.tableFields ?? []) if (!union.includes(f)) union.push(f);
    lines.push(`| table ${union.join(', ')}`);
  }
  for (const t of tail) lines.push(`| ${squeeze(t)}`);
  return { ok: true, spl: lines.join('\n'), branches, mode };
}
