// Sigma logsource -> sourcetype and Sigma field -> Splunk field, from the one Sigma mapping that export reads
// too (src/backends/sigma/mapping.yml via field-map.ts). An unknown logsource or an unmapped field of a
// non-identity source is a named error (fail closed), never a condition silently matching nothing.

import { fail } from '../core/diagnostics.ts';
import { sigmaSources, sourceOfLogsource, splunkField } from '../backends/sigma/field-map.ts';
import type { SigmaLogsource } from '../backends/sigma/model.ts';

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
  const hit = sourceOfLogsource(ls);
  if (!hit) {
    fail('SIGMA-UNSUPPORTED-LOGSOURCE', `no sightline sourcetype for logsource ${describe(ls)}`, {
      hint: `known: ${sigmaSources().filter((e) => e.sourcetype).map((e) => `${e.logsource.product}/${e.logsource.service}`).join(', ')}`,
    });
  }
  const { product, service } = hit.logsource;
  if (hit.sourcetype === null) {
    fail('SIGMA-UNSUPPORTED-LOGSOURCE', `logsource ${product}/${service} is in the Sigma taxonomy, but sightline ingests no such log`, {
      hint: 'sightline reads CloudTrail, Entra ID sign-ins, Azure Activity and Office 365 management activity',
    });
  }
  const sourcetype = hit.sourcetype;
  return {
    sourcetype,
    field: (f) => {
      const mapped = splunkField(hit, f);
      if (mapped !== null) return mapped;
      return fail('SIGMA-UNMAPPED-FIELD', `Sigma field '${f}' of ${product}/${service} has no ${sourcetype} field`, {
        hint: 'map it in src/backends/sigma/mapping.yml',
      });
    },
  };
}

/** Every product/service pair with its sourcetype (null: known to Sigma, not ingested). For docs and tests. */
export function knownLogsources(): readonly { product: string; service: string; sourcetype: string | null }[] {
  return sigmaSources().map(({ logsource, sourcetype }) => ({ ...logsource, sourcetype }));
}
