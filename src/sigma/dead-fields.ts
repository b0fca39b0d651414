// Dead-rule warnings (issue #13): a Sigma rule that loads but reads a field its sourcetype never produces, or an
// array without `{}`, can never match (or never match that test), silently. Each such field gets a coded
// warning naming the closest real field, from the same field catalog that lints SPL rules
// (src/rules/field-catalog). The rule still runs: the warning says why it may stay quiet.

import type { Diagnostic } from '../core/diagnostics.ts';
import { arrayPathFor, closestField, hasCatalog, sourcetypeHasField } from '../rules/field-catalog/index.ts';

/** One field a rule reads: the Sigma name as written and the Splunk field it maps to. */
export interface ReadField {
  readonly sigma: string;
  readonly splunk: string;
}

/** Warnings for the fields of one rule (each Splunk field once), placed at `where`. */
export function deadFieldWarnings(sourcetype: string, fields: readonly ReadField[], where: Pick<Diagnostic, 'file' | 'span'>): Diagnostic[] {
  if (!hasCatalog(sourcetype)) return [];
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const { sigma, splunk } of fields) {
    if (seen.has(splunk) || sourcetypeHasField(sourcetype, splunk)) continue;
    seen.add(splunk);
    const named = sigma === splunk ? `'${sigma}'` : `'${sigma}' (${sourcetype} field '${splunk}')`;
    const array = arrayPathFor(sourcetype, splunk);
    if (array) {
      out.push({ code: 'SIGMA-ARRAY-PATH', severity: 'warning', ...where, message: `field ${named} steps into an array without {}: it resolves to nothing; closest real field: ${array}`, hint: `write '${array}'` });
      continue;
    }
    const closest = closestField(sourcetype, splunk);
    out.push({ code: 'SIGMA-DEAD-FIELD', severity: 'warning', ...where, message: `field ${named} is never produced by ${sourcetype}: a test on it never matches; closest real field: ${closest ?? '(none)'}`, ...(closest ? { hint: `did you mean '${closest}'?` } : {}) });
  }
  return out;
}
