// A folder (or file) of Sigma rules as one set: every rule that can run is loaded, every one that cannot is
// refused alone with its file, code and reason, so one unsupported rule never costs the others (issue #13).
// `detect --sigma`, `convert` of a folder and `serve --sigma` all load through here and print the same
// refusal lines and summary line.

import { readFileSync } from 'node:fs';
import { lineColAt, type Diagnostic } from '../core/diagnostics.ts';
import { byPlace, loadSigmaDocuments } from './load.ts';
import { lowerSigmaEach, type LowerOptions, type SigmaQuery } from './lower.ts';

export interface SigmaSet {
  readonly queries: readonly SigmaQuery[];
  /** One error diagnostic per refused document or unreadable file, in file order. */
  readonly refused: readonly Diagnostic[];
  /** Detection rules and correlations that loaded. */
  readonly loaded: number;
  /** Rules that load but read a field their sourcetype never has (SIGMA-DEAD-FIELD, SIGMA-ARRAY-PATH). */
  readonly warnings: readonly Diagnostic[];
}

/** Loads every Sigma document under `path`; throws SIGMA-NO-INPUT only when `path` itself cannot be read. */
export function loadSigmaSet(path: string, opts: LowerOptions = {}): SigmaSet {
  const { docs, refused: unread } = loadSigmaDocuments(path);
  const { queries, refused, warnings, loaded } = lowerSigmaEach(docs, opts);
  const all = [...unread, ...refused].sort(byPlace);
  return { queries, refused: all, loaded, warnings: [...warnings].sort(byPlace) };
}

/** `Sigma: 212 loaded, 13 refused: 9 SIGMA-UNSUPPORTED-LOGSOURCE, 4 SIGMA-UNMAPPED-FIELD` (codes by count). */
export function sigmaSetSummary(set: Pick<SigmaSet, 'loaded' | 'refused'> & { readonly warnings?: readonly Diagnostic[] }): string {
  const byCode = new Map<string, number>();
  for (const d of set.refused) byCode.set(d.code, (byCode.get(d.code) ?? 0) + 1);
  const codes = [...byCode].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) => `${n} ${c}`);
  const warned = set.warnings?.length ? `, ${new Set(set.warnings.map((w) => `${w.file}:${w.span?.start}`)).size} with dead-field warnings` : '';
  return `Sigma: ${set.loaded} loaded, ${set.refused.length} refused${codes.length ? `: ${codes.join(', ')}` : ''}${warned}`;
}

/** One line per refusal (`file:line:col: refused CODE: message`) or warning (`... warning CODE: message`). */
export function formatRefusal(d: Diagnostic, readText: (file: string) => string | undefined = readQuietly): string {
  let where = d.file ?? '';
  const text = d.file && d.span ? readText(d.file) : undefined;
  if (d.file && d.span && text !== undefined) {
    const { line, col } = lineColAt(text, d.span.start);
    where = `${d.file}:${line}:${col}`;
  }
  return `${where ? `${where}: ` : ''}${d.severity === 'error' ? 'refused' : d.severity} ${d.code}: ${d.message}`;
}

function readQuietly(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
