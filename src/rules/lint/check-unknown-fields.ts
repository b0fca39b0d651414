// Lint check: fields a query reads that its sourcetypes never produce (per the field catalog), and fields read
// after a command that dropped them (`stats`, `table`). Fields the query itself creates (eval, rename, stats
// outputs, rex groups, lookup outputs) are known. A misspelt or non-existent field silently matches nothing
// in Splunk, so this is an error: the rule would never fire.

import type { Diagnostic } from '../../core/diagnostics.ts';
import type { Command, Pipeline } from '../../spl/ast/nodes.ts';
import { similarFields, sourcetypeHasField, sourcetypeHasFieldPattern } from '../field-catalog/index.ts';
import { exprFieldRefs, searchFieldRefs, sourcetypeConstraint, type FieldRef } from './ast-walk.ts';

interface FieldState {
  /** Sourcetypes whose raw fields are available; empty = none known (no check). */
  sourcetypes: readonly string[];
  /** Raw event fields are still available (false after stats/table/fields). */
  raw: boolean;
  /** Fields created or kept by the query so far. */
  created: Set<string>;
  /** Anything may exist (spath without path, lookup without OUTPUT, unsupported commands): stop checking. */
  open: boolean;
  /** Command that dropped the raw fields, for the message. */
  droppedBy: string | null;
}

function known(state: FieldState, name: string): boolean {
  if (state.open || state.created.has(name) || name.startsWith('_')) return true;
  for (const c of state.created) if (c.includes('*') && wildcardMatch(c, name)) return true;
  if (!state.raw) return false;
  if (state.sourcetypes.length === 0) return true;
  return state.sourcetypes.some((s) => (name.includes('*') ? sourcetypeHasFieldPattern(s, name) : sourcetypeHasField(s, name)));
}

function wildcardMatch(pattern: string, name: string): boolean {
  const parts = pattern.split('*');
  let pos = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const at = i === 0 ? (name.startsWith(p) ? 0 : -1) : name.indexOf(p, pos);
    if (at < 0) return false;
    pos = at + p.length;
  }
  return parts[parts.length - 1] === '' || name.endsWith(parts[parts.length - 1]!);
}

function report(state: FieldState, ref: FieldRef, out: Diagnostic[]): void {
  if (known(state, ref.name)) return;
  if (!state.raw) {
    out.push({
      code: 'SPL-FIELD-NOT-AVAILABLE',
      message: `field "${ref.name}" does not exist after \`${state.droppedBy ?? 'a transforming command'}\``,
      severity: 'error',
      span: ref.span,
      hint: `available here: ${[...state.created].join(', ') || '(none)'}`,
    });
    return;
  }
  const similar = state.sourcetypes.flatMap((s) => similarFields(s, ref.name));
  out.push({
    code: 'SPL-UNKNOWN-FIELD',
    message: `field "${ref.name}" is never produced by ${state.sourcetypes.join(', ')}`,
    severity: 'error',
    span: ref.span,
    hint: similar.length ? `did you mean ${[...new Set(similar)].join(', ')}?` : 'see src/rules/field-catalog/ for the fields each sourcetype has',
  });
}

/** Adds the fields a rex pattern's named groups create. */
function rexGroups(pattern: string): string[] {
  return [...pattern.matchAll(/\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((m) => m[1]!);
}

type MultiCommand = Extract<Command, { subsearches: readonly Pipeline[] }>;

type Handler<K extends Command['kind']> = (c: Extract<Command, { kind: K }>, s: FieldState, out: Diagnostic[], ruleSourcetypes: readonly string[]) => void;

const HANDLERS: { [K in Command['kind']]: Handler<K> } = {
  search: (c, s, out) => {
    for (const r of searchFieldRefs(c.expr)) if (r.name !== 'sourcetype' && r.name !== 'index') report(s, r, out);
  },
  where: (c, s, out) => exprFieldRefs(c.expr).forEach((r) => report(s, r, out)),
  eval: (c, s, out) => {
    for (const a of c.assignments) {
      exprFieldRefs(a.expr).forEach((r) => report(s, r, out));
      s.created.add(a.field);
    }
  },
  stats: (c, s, out) => {
    for (const a of c.aggregations) {
      if (a.arg?.kind === 'field') report(s, { name: a.arg.name, span: a.span }, out);
      else if (a.arg?.kind === 'expr') exprFieldRefs(a.arg.expr).forEach((r) => report(s, r, out));
    }
    c.by.forEach((b) => report(s, b, out));
    if (c.variant === 'stats') {
      s.created = new Set([...c.by.map((b) => b.name), ...c.aggregations.map((a) => a.as)]);
      s.raw = false;
      s.droppedBy = 'stats';
    } else c.aggregations.forEach((a) => s.created.add(a.as));
  },
  table: (c, s, out) => {
    c.fields.forEach((f) => report(s, f, out));
    s.created = new Set(c.fields.map((f) => f.name));
    s.raw = false;
    s.droppedBy = 'table';
  },
  fields: (c, s, out) => {
    if (c.remove) {
      c.fields.forEach((f) => s.created.delete(f.name));
      return;
    }
    c.fields.forEach((f) => report(s, f, out));
    s.created = new Set(c.fields.map((f) => f.name));
    s.raw = false;
    s.droppedBy = 'fields';
  },
  rename: (c, s, out) => {
    for (const p of c.pairs) {
      report(s, { name: p.from, span: p.span }, out);
      s.created.add(p.to);
    }
  },
  sort: (c, s, out) => c.keys.forEach((k) => report(s, { name: k.field, span: k.span }, out)),
  head: (c, s, out) => void (c.expr && exprFieldRefs(c.expr).forEach((r) => report(s, r, out))),
  tail: () => {},
  dedup: (c, s, out) => c.fields.forEach((f) => report(s, f, out)),
  bin: (c, s, out) => {
    report(s, { name: c.field, span: c.span }, out);
    s.created.add(c.as ?? c.field);
  },
  convert: (c, s, out) => {
    for (const v of c.conversions) {
      report(s, { name: v.field, span: v.span }, out);
      if (v.as !== null) s.created.add(v.as);
    }
  },
  fillnull: (c, s) => c.fields.forEach((f) => s.created.add(f.name)),
  rex: (c, s, out) => {
    report(s, { name: c.field, span: c.span }, out);
    rexGroups(c.pattern).forEach((g) => s.created.add(g));
  },
  spath: (c, s) => {
    if (c.output) s.created.add(c.output);
    else s.open = true;
  },
  mvexpand: (c, s, out) => report(s, { name: c.field, span: c.span }, out),
  makemv: (c, s, out) => report(s, { name: c.field, span: c.span }, out),
  lookup: (c, s, out) => {
    c.keys.forEach((k) => report(s, { name: k.eventField, span: c.span }, out));
    if (c.outputs.length === 0) s.open = true;
    c.outputs.forEach((o) => s.created.add(o.eventField));
  },
  // multisearch and union share one AST member (kind 'multisearch' | 'union'), hence the widening.
  multisearch: (c, s, out, rule) => mergeSubsearches((c as MultiCommand).subsearches, s, out, rule),
  union: (c, s, out, rule) => mergeSubsearches((c as MultiCommand).subsearches, s, out, rule),
  append: (c, s, out, rule) => mergeSubsearches([c.subsearch], s, out, rule, true),
  join: (c, s, out, rule) => mergeSubsearches([c.subsearch], s, out, rule, true),
  iplocation: (c, s, out) => {
    report(s, { name: c.field, span: c.span }, out);
    const prefix = c.options.find((o) => o.name === 'prefix')?.value ?? '';
    for (const f of ['City', 'Country', 'Region', 'lat', 'lon']) s.created.add(prefix + f);
  },
  makeresults: (_c, s) => {
    s.created.add('_time');
  },
  inputlookup: (_c, s) => {
    s.open = true;
  },
  unsupported: (_c, s) => {
    s.open = true;
  },
};

/** Checks each subsearch on its own; afterwards the fields of every subsearch are available. */
function mergeSubsearches(subs: readonly Pipeline[], s: FieldState, out: Diagnostic[], rule: readonly string[], keepMain = false): void {
  const merged = keepMain ? new Set(s.created) : new Set<string>();
  let raw = keepMain ? s.raw : false;
  let open = keepMain ? s.open : false;
  const sts = new Set(keepMain ? s.sourcetypes : []);
  for (const p of subs) {
    const end = checkPipeline(p, rule, out);
    end.created.forEach((f) => merged.add(f));
    if (end.raw) {
      raw = true;
      end.sourcetypes.forEach((t) => sts.add(t));
    }
    open ||= end.open;
  }
  s.created = merged;
  s.raw = raw;
  s.open = open;
  s.sourcetypes = [...sts];
  if (!raw) s.droppedBy = keepMain ? s.droppedBy : 'multisearch';
}

function checkPipeline(p: Pipeline, ruleSourcetypes: readonly string[], out: Diagnostic[]): FieldState {
  const first = p.commands[0];
  const constraint = first?.kind === 'search' ? sourcetypeConstraint(first.expr) : null;
  const state: FieldState = { sourcetypes: constraint ?? ruleSourcetypes, raw: true, created: new Set(), open: false, droppedBy: null };
  if (first && first.kind !== 'search') state.raw = false;
  for (const c of p.commands) (HANDLERS[c.kind] as Handler<Command['kind']>)(c, state, out, ruleSourcetypes);
  return state;
}

/**
 * The fields a query's rows carry at the end: the named fields when a table/fields/stats fixed them
 * (`fixed: true`), otherwise the created fields plus whatever the events have (`fixed: false`).
 */
export function outputFields(ast: Pipeline, ruleSourcetypes: readonly string[] = []): { fields: ReadonlySet<string>; fixed: boolean } {
  const end = checkPipeline(ast, ruleSourcetypes, []);
  return { fields: end.created, fixed: !end.raw && !end.open };
}

/** Unknown and dropped field diagnostics (spans are offsets in the SPL text the pipeline was parsed from). */
export function checkUnknownFields(ast: Pipeline, ruleSourcetypes: readonly string[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  checkPipeline(ast, ruleSourcetypes, out);
  return out;
}
