// The one Sigma field mapping (mapping.yml next to this file), read in both directions: the Sigma importer
// (src/sigma/mapping.ts) maps Sigma names to Splunk fields, the Sigma exporter (index.ts, temporal.ts,
// filters.ts) maps Splunk fields to Sigma names. The YAML header says how a line is read each way.

import type { SigmaLogsource } from './model.ts';
import { loadMappingData } from '../mapping-data.ts';

export interface SigmaSource {
  readonly logsource: { readonly product: string; readonly service: string };
  /** null: in the Sigma taxonomy, but sightline ingests no such log. */
  readonly sourcetype: string | null;
  readonly identity: boolean;
  readonly caseInsensitive: boolean;
  /** Sigma names export never writes. */
  readonly importOnly: readonly string[];
  /** [Sigma name, Splunk field], in file order. */
  readonly fields: readonly (readonly [string, string])[];
}

interface RawFile {
  readonly default_timespan: string;
  readonly logsources: readonly {
    readonly logsource: { product: string; service: string };
    readonly sourcetype: string | null;
    readonly identity?: boolean;
    readonly case_insensitive?: boolean;
    readonly import_only?: readonly string[];
    readonly fields?: readonly Readonly<Record<string, string>>[];
  }[];
}

let cached: { defaultTimespan: string; sources: readonly SigmaSource[] } | null = null;

function data(): { defaultTimespan: string; sources: readonly SigmaSource[] } {
  if (cached) return cached;
  const raw = loadMappingData<RawFile>('sigma/mapping.yml');
  const sources = raw.logsources.map((l) => ({
    logsource: l.logsource,
    sourcetype: l.sourcetype,
    identity: l.identity === true,
    caseInsensitive: l.case_insensitive === true,
    importOnly: l.import_only ?? [],
    fields: (l.fields ?? []).map((line) => Object.entries(line)[0]!),
  }));
  cached = { defaultTimespan: raw.default_timespan, sources };
  return cached;
}

/** Every logsource the mapping knows, in file order. */
export function sigmaSources(): readonly SigmaSource[] {
  return data().sources;
}

/** The correlation timespan written when a rule names none. */
export function defaultTimespan(): string {
  return data().defaultTimespan;
}

/** The entry of a product/service pair (compared case-insensitively, as the taxonomy writes them lower case). */
export function sourceOfLogsource(ls: SigmaLogsource): SigmaSource | undefined {
  return sigmaSources().find((s) => s.logsource.product === ls.product?.toLowerCase() && s.logsource.service === ls.service?.toLowerCase());
}

export function sourceOfSourcetype(sourcetype: string): SigmaSource | undefined {
  return sigmaSources().find((s) => s.sourcetype === sourcetype);
}

/** Import: the Splunk field of a Sigma field name, or null when the source does not map it. */
export function splunkField(src: SigmaSource, sigma: string): string | null {
  const exact = src.fields.find(([s]) => s === sigma);
  if (exact) return exact[1];
  if (src.caseInsensitive) {
    const lower = sigma.toLowerCase();
    const folded = src.fields.find(([s]) => s.toLowerCase() === lower);
    if (folded) return folded[1];
  }
  return src.identity ? sigma : null;
}

/** Export: the Sigma name of a Splunk field (the first listed for it), or null when Sigma cannot name it. */
export function sigmaField(src: SigmaSource, splunk: string): string | null {
  const hit = src.fields.find(([s, f]) => f === splunk && !src.importOnly.includes(s));
  if (hit) return hit[0];
  return src.identity && !splunk.includes('{') ? splunk : null;
}
