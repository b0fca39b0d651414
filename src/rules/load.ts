// Loads rule files: YAML with source positions (yaml's parseDocument), validated by the zod schema. Every
// problem becomes a Diagnostic whose span is a file offset, so lint and `detect` report file:line:col.
// A rule that fails validation is never half-loaded: loadRuleFile throws, loadRuleSource returns null.

import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { parseDocument, isScalar, isMap, isSeq, type Document, type Node } from 'yaml';
import type { Diagnostic, Span } from '../core/diagnostics.ts';
import { SightlineError } from '../core/diagnostics.ts';
import type { z } from 'zod';
import { ruleSchema, type RuleDoc } from './schema.ts';
import { locatorFor, type SplLocator } from './spl-locator.ts';

export interface Rule extends RuleDoc {
  /** Path of the rule file (as given). */
  readonly file: string;
  /** Directory of the rule file: allowlist CSV paths are relative to it. */
  readonly dir: string;
  /** SPL offset -> file offset. */
  readonly splToFile: SplLocator;
}

export interface LoadedRuleSource {
  readonly rule: Rule | null;
  readonly diagnostics: Diagnostic[];
  readonly text: string;
  /** Where the spl value sits in the file, when it could be found (lint needs it even for invalid rules). */
  readonly spl: SplSource | null;
  /** The SPL of each hunting query, by index, located the same way. */
  readonly hunting: readonly (SplSource | null)[];
}

/** An SPL value inside the YAML file and how to map its offsets back to the file. */
export interface SplSource {
  readonly text: string;
  readonly toFile: SplLocator;
  /** The replaceable span of the value in the file. */
  readonly span: Span;
  readonly block: boolean;
  readonly indent: number;
}

/** Parses and validates one rule file's text. Never throws on bad input. */
export function loadRuleSource(text: string, file: string): LoadedRuleSource {
  const diagnostics: Diagnostic[] = [];
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  } catch (err) {
    diagnostics.push({ code: 'RULE-YAML', message: String(err), severity: 'error', file, span: { start: 0, end: 0 } });
    return { rule: null, diagnostics, text, spl: null, hunting: [] };
  }
  for (const e of doc.errors) {
    diagnostics.push({ code: 'RULE-YAML', message: e.message.split('\n')[0] ?? e.message, severity: 'error', file, span: { start: e.pos[0], end: e.pos[1] } });
  }
  if (diagnostics.length > 0) return { rule: null, diagnostics, text, spl: null, hunting: [] };
  const spl = splInfo(doc, text, ['spl']);
  const huntingNode = isMap(doc.contents) ? doc.contents.get('hunting_queries', true) : null;
  const hunting = isSeq(huntingNode) ? huntingNode.items.map((_, i) => splInfo(doc, text, ['hunting_queries', i, 'spl'])) : [];
  const parsed = ruleSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    diagnostics.push(...schemaDiagnostics(doc, parsed.error.issues, file));
    return { rule: null, diagnostics, text, spl, hunting };
  }
  const rule: Rule = {
    ...parsed.data,
    file,
    dir: dirname(file),
    splToFile: spl ? spl.toFile : () => 0,
  };
  return { rule, diagnostics, text, spl, hunting };
}

/** Loads one rule file; throws SightlineError (first diagnostic) when it is not a valid rule. */
export async function loadRuleFile(path: string): Promise<Rule> {
  const text = await readFile(path, 'utf8');
  const loaded = loadRuleSource(text, path);
  if (!loaded.rule) throw new SightlineError(loaded.diagnostics[0] ?? { code: 'RULE-SCHEMA', message: 'invalid rule', severity: 'error', file: path });
  return loaded.rule;
}

/** Every `*.yml`/`*.yaml` rule directly in `dir`, sorted by file name; a bad file or a duplicate id is an error. */
export async function loadRules(dir: string): Promise<Rule[]> {
  const { rules, failed } = await loadRulesEach(dir);
  if (failed[0]) throw new SightlineError(failed[0]);
  return rules;
}

/**
 * Every rule of `dir` that loads, and one diagnostic (naming its file) per file that does not: a bad file
 * (unreadable, invalid, or reusing an earlier file's id) costs only its own rule. Throws only when `dir`
 * cannot be listed.
 */
export async function loadRulesEach(dir: string): Promise<{ rules: Rule[]; failed: Diagnostic[] }> {
  const names = (await readdir(dir)).filter((n) => /\.ya?ml$/.test(n)).sort();
  const rules: Rule[] = [];
  const failed: Diagnostic[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = join(dir, name);
    let rule: Rule;
    try {
      rule = await loadRuleFile(file);
    } catch (err) {
      failed.push(err instanceof SightlineError ? { ...err.diagnostic, file: err.diagnostic.file ?? file } : { code: 'RULE-READ', message: `cannot read rule file: ${err instanceof Error ? err.message : String(err)}`, severity: 'error', file });
      continue;
    }
    const other = seen.get(rule.id);
    if (other) {
      failed.push({ code: 'RULE-DUPLICATE-ID', message: `rule id ${rule.id} is used by ${other} and ${rule.file}`, severity: 'error', file: rule.file });
      continue;
    }
    seen.set(rule.id, rule.file);
    rules.push(rule);
  }
  return { rules, failed };
}

/** Absolute path of a file named relative to the rule. */
export function ruleRelative(rule: Pick<Rule, 'dir'>, path: string): string {
  return resolve(rule.dir, path);
}

function splInfo(doc: Document.Parsed, text: string, path: readonly (string | number)[]): SplSource | null {
  const node = doc.getIn(path, true);
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return null;
  const toFile = locatorFor(node, text);
  const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
  const value = String(node.value);
  const firstLineStart = toFile(0);
  let indent = 0;
  while (firstLineStart - indent - 1 >= 0 && text[firstLineStart - indent - 1] === ' ') indent++;
  // The replaceable span of the value: for a block scalar, from the first content line to the value end.
  const lastChar = value.trimEnd().length - 1;
  const span: Span = block ? { start: firstLineStart - indent, end: lastChar >= 0 ? toFile(lastChar) + 1 : firstLineStart } : { start: node.range[0], end: node.range[1] };
  return { text: value, toFile, span, block, indent };
}

type Issue = z.core.$ZodIssue;
const HINT = 'see schemas/rule.schema.json and docs/rules.md for the rule format';

/** Zod issues -> diagnostics; the missing required keys of one object are reported together, at that object. */
function schemaDiagnostics(doc: Document.Parsed, issues: readonly Issue[], file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const missing = new Map<string, { parent: (string | number)[]; keys: string[] }>();
  for (const issue of issues) {
    const base = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && base.length > 0 && !doc.hasIn(base)) {
      const parent = base.slice(0, -1);
      const entry = missing.get(JSON.stringify(parent)) ?? { parent, keys: [] };
      entry.keys.push(String(base[base.length - 1]));
      missing.set(JSON.stringify(parent), entry);
      continue;
    }
    // An unknown key is reported on the key itself, a bad value on the value.
    const unknownKey = issue.code === 'unrecognized_keys' && issue.keys.length > 0;
    const path = unknownKey ? [...base, issue.keys[0]!] : base;
    out.push({ code: 'RULE-SCHEMA', message: `${path.length ? path.join('.') : '(rule)'}: ${issue.message}`, severity: 'error', file, span: spanOfPath(doc, path, unknownKey ? 'key' : 'value'), hint: HINT });
  }
  for (const { parent, keys } of missing.values()) {
    const where = parent.length ? `${parent.join('.')}: ` : '';
    out.push({ code: 'RULE-SCHEMA', message: `${where}missing required key${keys.length > 1 ? 's' : ''} ${keys.join(', ')}`, severity: 'error', file, span: spanOfPath(doc, parent, 'value'), hint: HINT });
  }
  return out.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
}

function spanOfPath(doc: Document.Parsed, path: readonly (string | number)[], prefer: 'key' | 'value'): Span {
  // The key or value node of the last step, when the parent is a map that has it.
  const parent = path.length === 0 ? null : path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path[path.length - 1]);
    const value = pair?.value as Node | undefined;
    const node = prefer === 'value' && value && value.range && isScalar(value) ? value : (pair?.key as Node | undefined);
    if (node && node.range) return { start: node.range[0], end: node.range[1] };
  }
  // Walk down as far as the path exists; a missing key points at its parent.
  for (let n = path.length; n >= 0; n--) {
    const node = (n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true)) as Node | undefined;
    if (node && typeof node === 'object' && 'range' in node && node.range) {
      // For a key of a map, point at the key rather than its whole value when possible.
      return { start: node.range[0], end: Math.max(node.range[0] + 1, Math.min(node.range[1], node.range[0] + 80)) };
    }
  }
  return { start: 0, end: 0 };
}
