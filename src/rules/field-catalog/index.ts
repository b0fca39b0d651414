// Which fields each sourcetype produces: KV_MODE=json names from the documented log layouts plus the add-on
// aliases (data in the JSON files next to this one, each with its sources). Lint uses it to flag fields a
// rule reads that its sourcetype never has, such as O365 `ApplicationName` (see log-sources.md).

import { readFileSync } from 'node:fs';
import { packagePath } from '../../core/package-root.ts';
import { aliasesFor } from '../../ingest/aliases.ts';

interface CatalogFile {
  readonly sourcetype: string;
  readonly sources: readonly string[];
  readonly fields: readonly string[];
  /** Open-ended objects: any field under this prefix exists on some events (requestParameters. ...). */
  readonly prefixes: readonly string[];
}

const readCatalog = (name: string) => JSON.parse(readFileSync(packagePath('src/rules/field-catalog', name), 'utf8')) as CatalogFile;
const FILES: readonly CatalogFile[] = [
  readCatalog('aws-cloudtrail.json'),
  readCatalog('azure-monitor-aad-signin.json'),
  readCatalog('o365-management-activity.json'),
  readCatalog('azure-activity.json'),
];

/** Splunk's default fields, present on every event. */
const DEFAULT_FIELDS = new Set(['_time', '_raw', 'sourcetype', 'source', 'index', 'host', 'splunk_server', 'linecount', 'eventtype', 'tag', 'punct']);

// The add-on aliases and calculated fields ingest resolves (src, user, action, layout bridges...) are fields too.
const BY_SOURCETYPE = new Map(
  FILES.map((f) => [f.sourcetype, { fields: new Set([...f.fields, ...Object.keys(aliasesFor(f.sourcetype) ?? {})]), prefixes: f.prefixes }]),
);

export function catalogSourcetypes(): string[] {
  return [...BY_SOURCETYPE.keys()];
}

export function hasCatalog(sourcetype: string): boolean {
  return BY_SOURCETYPE.has(sourcetype);
}

/** True when `field` exists on some events of `sourcetype` (unknown sourcetypes know every field). */
export function sourcetypeHasField(sourcetype: string, field: string): boolean {
  if (DEFAULT_FIELDS.has(field) || field.startsWith('_')) return true;
  const cat = BY_SOURCETYPE.get(sourcetype);
  if (!cat) return true;
  if (cat.fields.has(field)) return true;
  return cat.prefixes.some((p) => field.startsWith(p));
}

/** Wildcarded field names (`userIdentity.*`) are known when any catalog field matches the pattern. */
export function sourcetypeHasFieldPattern(sourcetype: string, pattern: string): boolean {
  if (!pattern.includes('*')) return sourcetypeHasField(sourcetype, pattern);
  const cat = BY_SOURCETYPE.get(sourcetype);
  if (!cat) return true;
  const prefix = pattern.slice(0, pattern.indexOf('*'));
  return [...cat.fields].some((f) => f.startsWith(prefix)) || cat.prefixes.some((p) => p.startsWith(prefix) || prefix.startsWith(p));
}

/** Close names, for a "did you mean" hint. */
export function similarFields(sourcetype: string, field: string): string[] {
  const cat = BY_SOURCETYPE.get(sourcetype);
  if (!cat) return [];
  const last = field.split(/[.{}]+/).filter(Boolean).pop()?.toLowerCase() ?? field.toLowerCase();
  const stem = last.replace(/name$|id$/, '');
  return [...cat.fields].filter((f) => {
    const l = f.toLowerCase();
    return l.startsWith(field.toLowerCase()) || (stem.length >= 4 && l.includes(stem));
  }).slice(0, 4);
}

const noArrays = (f: string) => f.replace(/\{\}/g, '');

/**
 * The catalog field (or prefix) that `field` names when its array steps are written without `{}`
 * (`resources.ARN` -> `resources{}.ARN`, `Parameters.Name` -> `Parameters{}.Name`), or null. Splunk's JSON names
 * mark each array step with `{}`, so the plain path resolves to nothing.
 */
export function arrayPathFor(sourcetype: string, field: string): string | null {
  const cat = BY_SOURCETYPE.get(sourcetype);
  if (!cat || field.includes('{')) return null;
  for (const f of cat.fields) if (f.includes('{}') && noArrays(f) === field) return f;
  // The array itself (`NetworkLocationDetails: '[]'`): Splunk makes no field of an array, only of its elements.
  for (const f of [...cat.fields].sort()) if (f.startsWith(`${field}{}`)) return f;
  for (const p of cat.prefixes) if (p.includes('{}') && field.startsWith(noArrays(p))) return p + field.slice(noArrays(p).length);
  return null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * The catalog field nearest to `field`, for a warning's suggestion: a field whose last name is the same (any
 * case) first (`type` -> `userIdentity.type`), else the smallest edit distance over whole names, case-insensitive.
 */
export function closestField(sourcetype: string, field: string): string | null {
  const cat = BY_SOURCETYPE.get(sourcetype);
  if (!cat) return null;
  const lastOf = (f: string) => f.split(/[.{}]+/).filter(Boolean).pop()?.toLowerCase() ?? '';
  const names = [...cat.fields].sort();
  const sameLast = names.filter((f) => lastOf(f) === lastOf(field));
  const pool = sameLast.length ? sameLast : names;
  let best: string | null = null;
  let bestD = Infinity;
  for (const f of pool) {
    const d = editDistance(field.toLowerCase(), f.toLowerCase());
    if (d < bestD) [best, bestD] = [f, d];
  }
  return best;
}
