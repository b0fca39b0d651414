// Sigma filter documents (sigma-filters schema) for a rule's tuning allowlists. The rules module builds the
// selections from the reviewed CSVs (src/rules/sigma-filter.ts); here each filter is pointed at the Sigma
// detection rules this translation produced for the same logsource, and given a stable id.

import type { SigmaDocument, SigmaFilter, SigmaLogsource, SigmaSelection } from './model.ts';
import { sigmaFieldFor, stableUuid } from './index.ts';
import type { Problems } from '../backend.ts';

/** The shape the rules module hands over (plain data). */
export interface AllowlistFilter {
  readonly title: string;
  readonly description: string;
  readonly logsource: SigmaLogsource;
  readonly filter: { readonly selection: SigmaSelection | readonly SigmaSelection[]; readonly condition: string };
}

/** Selection keys (`field|modifier`) renamed to the Sigma field names the detection rules use. */
function renameSelection(sel: SigmaSelection, logsource: SigmaLogsource, problems: Problems | undefined): SigmaSelection {
  const out: Record<string, SigmaSelection[string]> = {};
  for (const [key, value] of Object.entries(sel)) {
    const [field, ...mods] = key.split('|');
    const name = sigmaFieldFor(logsource, field!);
    if (name === null) problems?.unsupported('XLATE-UNMAPPED-FIELD', `allowlist field '${field}' has no Sigma field name for ${logsource.product}/${logsource.service}`);
    out[[name ?? field!, ...mods].join('|')] = value;
  }
  return out;
}

export function sigmaFilterDocuments(filters: readonly AllowlistFilter[], rules: readonly SigmaDocument[], date?: string, problems?: Problems): SigmaDocument[] {
  const out: SigmaDocument[] = [];
  for (const f of filters) {
    const targets = rules
      .filter((d): d is Extract<SigmaDocument, { kind: 'rule' }> => d.kind === 'rule')
      .filter((d) => d.doc.logsource.product === f.logsource.product && d.doc.logsource.service === f.logsource.service)
      .map((d) => d.doc.name ?? d.doc.id ?? d.doc.title);
    if (targets.length === 0) continue;
    const doc: SigmaFilter = {
      title: f.title,
      id: stableUuid(`${f.title}/filter`),
      description: f.description,
      ...(date ? { date } : {}),
      logsource: f.logsource,
      filter: {
        rules: targets,
        selection: Array.isArray(f.filter.selection)
          ? (f.filter.selection as readonly SigmaSelection[]).map((x) => renameSelection(x, f.logsource, problems))
          : renameSelection(f.filter.selection as SigmaSelection, f.logsource, problems),
        condition: f.filter.condition,
      },
    };
    out.push({ kind: 'filter', doc });
  }
  return out;
}
