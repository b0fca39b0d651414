// Reads Sigma v2 YAML files (one or many documents per file, `---` separated) into the typed documents of
// src/backends/sigma/model.ts: detection rules, correlation rules and filters. A document that is none of
// these, or a v1 construct (`action: global` collections), is a named error with the file and line.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isScalar, parseAllDocuments } from 'yaml';
import { fail, SightlineError, type Diagnostic } from '../core/diagnostics.ts';
import type { SigmaDocument } from '../backends/sigma/model.ts';

export interface LoadedSigma {
  readonly file: string;
  /** Byte offset of the document in its file (for diagnostics). */
  readonly offset: number;
  readonly document: SigmaDocument;
  /** File offset of the first character of the `detection.condition` string, when it is one scalar. */
  readonly conditionOffset?: number;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function classify(doc: unknown, file: string, offset: number): SigmaDocument {
  const where = { file, span: { start: offset, end: offset + 1 } };
  if (!isMap(doc)) fail('SIGMA-BAD-DOCUMENT', 'a Sigma document must be a YAML map', where);
  if (doc.action !== undefined) fail('SIGMA-UNSUPPORTED-COLLECTION', `'action: ${String(doc.action)}' is Sigma v1 collection syntax`, { ...where, hint: 'write each rule as a complete document' });
  if (typeof doc.title !== 'string') fail('SIGMA-BAD-DOCUMENT', 'missing title', where);
  if (isMap(doc.correlation)) {
    const c = doc.correlation;
    if (typeof c.type !== 'string' || !Array.isArray(c.rules) || c.rules.length === 0) fail('SIGMA-BAD-CORRELATION', `correlation '${doc.title}' needs a type and a non-empty rules list`, where);
    if (typeof c.timespan !== 'string') fail('SIGMA-BAD-CORRELATION', `correlation '${doc.title}' needs a timespan`, where);
    return { kind: 'correlation', doc: doc as never };
  }
  if (isMap(doc.filter)) {
    const f = doc.filter;
    if (!Array.isArray(f.rules) || typeof f.condition !== 'string' || !isMap(doc.logsource)) fail('SIGMA-BAD-FILTER', `filter '${doc.title}' needs logsource, filter.rules and filter.condition`, where);
    return { kind: 'filter', doc: doc as never };
  }
  if (isMap(doc.detection)) {
    if (!isMap(doc.logsource)) fail('SIGMA-BAD-DOCUMENT', `rule '${doc.title}' has no logsource`, where);
    if (doc.detection.condition === undefined) fail('SIGMA-BAD-DETECTION', `rule '${doc.title}' has no detection.condition`, where);
    return { kind: 'rule', doc: doc as never };
  }
  return fail('SIGMA-BAD-DOCUMENT', `'${doc.title}' is neither a detection rule, a correlation nor a filter`, where);
}

/** Documents that could be read, and a diagnostic for each document or file that could not. */
export interface SigmaDocuments {
  readonly docs: LoadedSigma[];
  readonly refused: Diagnostic[];
}

/** File order, then place in the file: how refusals are listed. */
export function byPlace(a: Diagnostic, b: Diagnostic): number {
  return (a.file ?? '').localeCompare(b.file ?? '') || (a.span?.start ?? 0) - (b.span?.start ?? 0);
}

function diagnosticOf(e: unknown, file: string): Diagnostic {
  if (e instanceof SightlineError) return { ...e.diagnostic, file: e.diagnostic.file ?? file };
  return { code: 'SIGMA-NO-INPUT', severity: 'error', message: `cannot read ${file}: ${(e as Error).message}`, file };
}

/** Parses one YAML text (possibly several documents); a bad document is refused, the others are kept. */
export function parseSigmaDocuments(text: string, file: string): SigmaDocuments {
  const docs: LoadedSigma[] = [];
  const refused: Diagnostic[] = [];
  for (const d of parseAllDocuments(text)) {
    const offset = d.range?.[0] ?? 0;
    try {
      if (d.errors.length) {
        const e = d.errors[0]!;
        fail('SIGMA-BAD-YAML', e.message.split('\n')[0]!, { file, span: { start: e.pos[0], end: e.pos[1] } });
      }
      const value: unknown = d.toJS({ maxAliasCount: 100 });
      if (value === null || value === undefined) continue;
      const cond = d.getIn(['detection', 'condition'], true);
      const conditionOffset = isScalar(cond) && typeof cond.value === 'string' && cond.range ? cond.range[0] + (cond.type === 'PLAIN' || cond.type === undefined ? 0 : 1) : undefined;
      docs.push({ file, offset, document: classify(value, file, offset), ...(conditionOffset !== undefined ? { conditionOffset } : {}) });
    } catch (e) {
      refused.push(diagnosticOf(e, file));
    }
  }
  return { docs, refused };
}

/** Parses one YAML text (possibly several documents); throws the first document's error. */
export function parseSigmaText(text: string, file: string): LoadedSigma[] {
  const { docs, refused } = parseSigmaDocuments(text, file);
  if (refused.length) throw new SightlineError(refused[0]!);
  return docs;
}

export function loadSigmaFile(path: string): LoadedSigma[] {
  return parseSigmaText(readFileSync(path, 'utf8'), path);
}

/** The .yml/.yaml files under `path` (a file or a directory, recursively, in name order). */
export function sigmaFiles(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new SightlineError({ code: 'SIGMA-NO-INPUT', severity: 'error', message: `cannot read ${path}: ${(e as Error).message}` });
  }
  if (!st.isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((ent) => {
      const p = join(path, ent.name);
      if (ent.isDirectory()) return sigmaFiles(p);
      return ['.yml', '.yaml'].includes(extname(ent.name)) ? [p] : [];
    });
}

/** Every document under `path`; a file or document that cannot be read is refused, never the whole set. */
export function loadSigmaDocuments(path: string): SigmaDocuments {
  const docs: LoadedSigma[] = [];
  const refused: Diagnostic[] = [];
  for (const file of sigmaFiles(path)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      refused.push(diagnosticOf(e, file));
      continue;
    }
    const one = parseSigmaDocuments(text, file);
    docs.push(...one.docs);
    refused.push(...one.refused);
  }
  return { docs, refused };
}

/** Every document under `path`; throws the first error. */
export function loadSigmaPath(path: string): LoadedSigma[] {
  const { docs, refused } = loadSigmaDocuments(path);
  if (refused.length) throw new SightlineError(refused[0]!);
  return docs;
}
