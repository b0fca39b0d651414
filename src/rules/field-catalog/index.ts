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
