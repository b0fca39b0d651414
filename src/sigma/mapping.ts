// Sigma logsource -> sourcetype and Sigma field -> Splunk field, read from mappings/logsources.yml. Mappings
// are data so a reviewer can check them line by line; an unknown logsource or an unmapped field of a
// non-identity source is a named error (fail closed), never a condition silently matching nothing.

import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { fail } from '../core/diagnostics.ts';
import { packagePath } from '../core/package-root.ts';
import type { SigmaLogsource } from '../backends/sigma/model.ts';

interface LogsourceEntry {
  readonly product: string;
  readonly service: string;
  readonly sourcetype: string | null;
  readonly identity: boolean;
  readonly fields: Readonly<Record<string, string>>;
}

let cached: readonly LogsourceEntry[] | null = null;

function entries(): readonly LogsourceEntry[] {
  cached ??= (parse(readFileSync(packagePath('src/sigma/mappings/logsources.yml'), 'utf8')) as { logsources: LogsourceEntry[] }).logsources;
  return cached;
}

/** How a rule's fields resolve: the sourcetype it reads and its field mapper. */
export interface SourceMapping {
  readonly sourcetype: string;
  /** Sigma field name -> Splunk field name; throws SIGMA-UNMAPPED-FIELD. */
  readonly field: (sigmaField: string) => string;
}

function describe(ls: SigmaLogsource): string {
  return Object.entries(ls).map(([k, v]) => `${k}: ${v}`).join(', ') || '(empty)';
}

export function resolveLogsource(ls: SigmaLogsource): SourceMapping {
  if (ls.category !== undefined) {
    fail('SIGMA-UNSUPPORTED-LOGSOURCE', `logsource category '${ls.category}' has no sightline sourcetype (${describe(ls)})`, {
      hint: 'sightline reads cloud logs: use product/service pairs such as aws/cloudtrail or azure/signinlogs',
    });
  }
  const hit = entries().find((e) => e.product === ls.product?.toLowerCase() && e.service === ls.service?.toLowerCase());
  if (!hit) {
    fail('SIGMA-UNSUPPORTED-LOGSOURCE', `no sightline sourcetype for logsource ${describe(ls)}`, {
      hint: `known: ${entries().map((e) => `${e.product}/${e.service}`).join(', ')}`,
    });
  }
  if (hit.sourcetype === null) {
    fail('SIGMA-UNSUPPORTED-LOGSOURCE', `logsource ${hit.product}/${hit.service} is in the Sigma taxonomy, but sightline ingests no such log`, {
      hint: 'sightline reads CloudTrail, Entra ID sign-ins, Azure Activity and Office 365 management activity',
    });
  }
  const sourcetype = hit.sourcetype;
  return {
    sourcetype,
    field: (f) => {
      const mapped = hit.fields[f];
      if (mapped !== undefined) return mapped;
      if (hit.identity) return f;
      return fail('SIGMA-UNMAPPED-FIELD', `Sigma field '${f}' of ${hit.product}/${hit.service} has no ${sourcetype} field`, {
        hint: 'add it to src/sigma/mappings/logsources.yml',
      });
    },
  };
}

/** Every product/service pair with its sourcetype (null: known to Sigma, not ingested). For docs and tests. */
export function knownLogsources(): readonly { product: string; service: string; sourcetype: string | null }[] {
  return entries().map(({ product, service, sourcetype }) => ({ product, service, sourcetype }));
}
