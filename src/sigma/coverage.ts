// How much of a Sigma rule folder sightline runs, per log source: for docs/sigma.md (written by
// scripts/sigma-coverage.ts from the SigmaHQ fixtures) and the test that pins every refusal. A document is
// counted under its `logsource` (product/service, or category); correlations under "(correlation)", a
// document whose YAML cannot be read under "(unreadable)".

import type { Diagnostic } from '../core/diagnostics.ts';
import { loadSigmaDocuments, type LoadedSigma } from './load.ts';
import { lowerSigmaEach } from './lower.ts';
import type { SigmaLogsource } from '../backends/sigma/model.ts';

export interface CoverageRow {
  readonly logsource: string;
  /** Detection rules and correlations (filters are not counted). */
  readonly rules: number;
  readonly loaded: number;
  /** Refusals by code. */
  readonly refused: ReadonlyMap<string, number>;
}

export interface Coverage {
  readonly rows: readonly CoverageRow[];
  /** Every refusal, in file order, with the log source it is counted under. */
  readonly refusals: readonly (Diagnostic & { readonly logsource: string })[];
}

function logsourceOf(d: LoadedSigma): string {
  if (d.document.kind === 'correlation') return '(correlation)';
  const ls: { product?: string; service?: string; category?: string } = (d.document.doc as { logsource?: SigmaLogsource }).logsource ?? {};
  if (ls.category !== undefined) return `category: ${ls.category}`;
  return `${ls.product ?? '?'}/${ls.service ?? '?'}`;
}

/** The document a refusal belongs to: the last one of its file starting at or before the refusal. */
function ownerOf(d: Diagnostic, docs: readonly LoadedSigma[]): LoadedSigma | undefined {
  const at = d.span?.start ?? 0;
  let owner: LoadedSigma | undefined;
  for (const doc of docs) if (doc.file === d.file && doc.offset <= at && (!owner || doc.offset >= owner.offset)) owner = doc;
  return owner;
}

export function sigmaCoverage(path: string): Coverage {
  const { docs, refused: unread } = loadSigmaDocuments(path);
  const { refused } = lowerSigmaEach(docs);
  const counted = docs.filter((d) => d.document.kind !== 'filter');
  const rows = new Map<string, { rules: number; loaded: number; refused: Map<string, number> }>();
  const row = (ls: string) => {
    let r = rows.get(ls);
    if (!r) rows.set(ls, (r = { rules: 0, loaded: 0, refused: new Map() }));
    return r;
  };
  const refusedDocs = new Set<LoadedSigma>();
  const refusals: (Diagnostic & { logsource: string })[] = [];
  for (const d of refused) {
    const owner = ownerOf(d, counted);
    const ls = owner ? logsourceOf(owner) : '(unreadable)';
    if (owner) refusedDocs.add(owner);
    refusals.push({ ...d, logsource: ls });
  }
  for (const d of unread) {
    refusals.push({ ...d, logsource: '(unreadable)' });
    row('(unreadable)').rules++;
  }
  for (const doc of counted) {
    const r = row(logsourceOf(doc));
    r.rules++;
    if (!refusedDocs.has(doc)) r.loaded++;
  }
  for (const f of refusals) {
    const r = row(f.logsource);
    r.refused.set(f.code, (r.refused.get(f.code) ?? 0) + 1);
  }
  refusals.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || (a.span?.start ?? 0) - (b.span?.start ?? 0));
  const sorted = [...rows].sort((a, b) => b[1].rules - a[1].rules || a[0].localeCompare(b[0])).map(([logsource, r]) => ({ logsource, ...r }));
  return { rows: sorted, refusals };
}

const codes = (m: ReadonlyMap<string, number>): string =>
  [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c, n]) => `${n} ${c}`).join(', ') || '-';

/** The table: log source, rules, loaded (with percentage), refused by code; a total row last. */
export function coverageMarkdown(rows: readonly CoverageRow[]): string {
  const pct = (a: number, b: number) => (b === 0 ? '-' : `${Math.round((100 * a) / b)}%`);
  const total = { rules: 0, loaded: 0, refused: new Map<string, number>() };
  for (const r of rows) {
    total.rules += r.rules;
    total.loaded += r.loaded;
    for (const [c, n] of r.refused) total.refused.set(c, (total.refused.get(c) ?? 0) + n);
  }
  const line = (name: string, r: { rules: number; loaded: number; refused: ReadonlyMap<string, number> }) =>
    `| ${name} | ${r.rules} | ${r.loaded} (${pct(r.loaded, r.rules)}) | ${codes(r.refused)} |`;
  return ['| log source | rules | loaded | refused, by code |', '|---|---|---|---|', ...rows.map((r) => line(`\`${r.logsource}\``, r)), line('**all**', total)].join('\n');
}
