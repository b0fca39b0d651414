// Reads Sigma v2 YAML files (one or many documents per file, `---` separated) into the typed documents of
// src/backends/sigma/model.ts: detection rules, correlation rules and filters. A document that is none of
// these, or a v1 construct (`action: global` collections), is a named error with the file and line.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { isScalar, parseAllDocuments } from 'yaml';
import { fail, SightlineError } from '../core/diagnostics.ts';
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

/** Parses one YAML text (possibly several documents). */
export function parseSigmaText(text: string, file: string): LoadedSigma[] {
  const out: LoadedSigma[] = [];
  for (const d of parseAllDocuments(text)) {
    const offset = d.range?.[0] ?? 0;
    if (d.errors.length) {
      const e = d.errors[0]!;
      fail('SIGMA-BAD-YAML', e.message.split('\n')[0]!, { file, span: { start: e.pos[0], end: e.pos[1] } });
    }
    const value: unknown = d.toJS({ maxAliasCount: 100 });
    if (value === null || value === undefined) continue;
    const cond = d.getIn(['detection', 'condition'], true);
    const conditionOffset = isScalar(cond) && typeof cond.value === 'string' && cond.range ? cond.range[0] + (cond.type === 'PLAIN' || cond.type === undefined ? 0 : 1) : undefined;
    out.push({ file, offset, document: classify(value, file, offset), ...(conditionOffset !== undefined ? { conditionOffset } : {}) });
  }
  return out;
}

export function loadSigmaFile(path: string): LoadedSigma[] {
  return parseSigmaText(readFileSync(path, 'utf8'), path);
}

/** Every .yml/.yaml file under `path` (a file or a directory, recursively, in name order). */
export function loadSigmaPath(path: string): LoadedSigma[] {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    throw new SightlineError({ code: 'SIGMA-NO-INPUT', severity: 'error', message: `cannot read ${path}: ${(e as Error).message}` });
  }
  if (!st.isDirectory()) return loadSigmaFile(path);
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((ent) => {
      const p = join(path, ent.name);
      if (ent.isDirectory()) return loadSigmaPath(p);
      return ['.yml', '.yaml'].includes(extname(ent.name)) ? loadSigmaFile(p) : [];
    });
}
