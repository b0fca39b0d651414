// Sigma filter documents (sigma-filters schema) for a rule's tuning allowlists. The rules module builds the
// selections from the reviewed CSVs (src/rules/sigma-filter.ts); here each filter is pointed at the Sigma
// detection rules this translation produced for the same logsource, and given a stable id. A rule split on a
// coalesce() BY field reads the output's value from another field: its filter names that field instead.

import type { SigmaDocument, SigmaFilter, SigmaLogsource, SigmaSelection } from './model.ts';
import { sigmaFieldFor } from './index.ts';
import { stableUuid } from './stable-uuid.ts';
import type { Problems } from '../backend.ts';

/** The shape the rules module hands over (plain data). */
export interface AllowlistFilter {
  readonly title: string;
  readonly description: string;
  readonly logsource: SigmaLogsource;
  readonly filter: { readonly selection: SigmaSelection | readonly SigmaSelection[]; readonly condition: string };
  /** The SPL output fields the allowlist tests; a rule that `feeds` none of them gets no filter. */
  readonly outputFields?: readonly string[];
}

/** Selection keys (`field|modifier`) renamed to the Sigma field names the detection rules use. */
function renameSelection(sel: SigmaSelection, logsource: SigmaLogsource, problems: Problems | undefined, substitutes: Readonly<Record<string, string>>): SigmaSelection {
  const out: Record<string, SigmaSelection[string]> = {};
  for (const [key, value] of Object.entries(sel)) {
    const [field, ...mods] = key.split('|');
    const name = sigmaFieldFor(logsource, field!);
    if (name === null) problems?.unsupported('XLATE-UNMAPPED-FIELD', `allowlist field '${field}' has no Sigma field name for ${logsource.product}/${logsource.service}`);
    const sigma = name ?? field!;
    out[[substitutes[sigma] ?? sigma, ...mods].join('|')] = value;
  }
  return out;
}

/** Target rules grouped by the field renames they need (most rules need none: one group). */
function byRenames(rules: readonly Extract<SigmaDocument, { kind: 'rule' }>[]): { names: string[]; substitutes: Readonly<Record<string, string>> }[] {
  const groups = new Map<string, { names: string[]; substitutes: Readonly<Record<string, string>> }>();
  for (const r of rules) {
    const substitutes = r.substitutes ?? {};
    const key = JSON.stringify(Object.entries(substitutes).sort());
    const g = groups.get(key) ?? { names: [], substitutes };
    g.names.push(r.doc.name ?? r.doc.id ?? r.doc.title);
    groups.set(key, g);
  }
  return [...groups.values()];
}

export function sigmaFilterDocuments(filters: readonly AllowlistFilter[], rules: readonly SigmaDocument[], date?: string, problems?: Problems): SigmaDocument[] {
  const out: SigmaDocument[] = [];
  for (const f of filters) {
    const targets = rules
      .filter((d): d is Extract<SigmaDocument, { kind: 'rule' }> => d.kind === 'rule')
      .filter((d) => d.doc.logsource.product === f.logsource.product && d.doc.logsource.service === f.logsource.service)
      .filter((d) => !d.feeds || !f.outputFields || f.outputFields.some((o) => d.feeds!.includes(o)));
    byRenames(targets).forEach((group, i) => {
      const rename = (x: SigmaSelection) => renameSelection(x, f.logsource, problems, group.substitutes);
      const doc: SigmaFilter = {
        title: i === 0 ? f.title : `${f.title} (${Object.values(group.substitutes).join(', ')})`,
        // One allowlist can filter several logsources and split rules: the target rules make each id unique.
        id: stableUuid(`${f.title}/filter/${group.names.join(',')}`),
        description: f.description,
        ...(date ? { date } : {}),
        logsource: f.logsource,
        filter: {
          rules: group.names,
          selection: Array.isArray(f.filter.selection) ? (f.filter.selection as readonly SigmaSelection[]).map(rename) : rename(f.filter.selection as SigmaSelection),
          condition: f.filter.condition,
        },
      };
      out.push({ kind: 'filter', doc });
    });
  }
  return out;
}
