// Exports a rule's allowlists as Sigma filter documents (sigma-filters-specification: `filter:` with the rules
// it applies to, a selection and `condition: not selection`), one per allowlist and sourcetype, so the same
// reviewed tuning travels with the Sigma translation. Plain objects; the translator serialises them.

import type { Rule } from './load.ts';
import type { LoadedAllowlist } from './tuning.ts';

/** Sigma logsource per sourcetype (Sigma taxonomy appendix). */
const LOGSOURCE: Record<string, { product: string; service: string }> = {
  'aws:cloudtrail': { product: 'aws', service: 'cloudtrail' },
  'azure:monitor:aad:signin': { product: 'azure', service: 'signinlogs' },
  'o365:management:activity': { product: 'm365', service: 'audit' },
  'azure:activity': { product: 'azure', service: 'activitylogs' },
  'google:gcp:pubsub:message': { product: 'gcp', service: 'gcp.audit' },
  'gws:reports:admin': { product: 'gcp', service: 'google_workspace.admin' },
  'gws:reports:login': { product: 'gcp', service: 'google_workspace.login' },
};

const MODIFIER: Record<LoadedAllowlist['allowlist']['match'], string> = { exact: '', wildcard: '', cidr: '|cidr' };

export interface SigmaFilterDoc {
  readonly title: string;
  readonly description: string;
  readonly logsource: { readonly product: string; readonly service: string };
  readonly filter: { readonly rules: readonly string[]; readonly selection: readonly Record<string, string>[]; readonly condition: 'not selection' };
  /** The rule's output fields the allowlist tests (before the log_fields rename): lets a translator aim the filter. */
  readonly outputFields: readonly string[];
}

/**
 * One filter per allowlist and sourcetype. Output fields are renamed to the raw log field given in
 * `log_fields[sourcetype]` (the rule's table fields are eval'd names Sigma does not know).
 */
export function allowlistsAsSigmaFilters(rule: Pick<Rule, 'id' | 'title' | 'sourcetypes'>, lists: readonly LoadedAllowlist[]): SigmaFilterDoc[] {
  const docs: SigmaFilterDoc[] = [];
  for (const l of lists) {
    if (l.entries.length === 0) continue;
    for (const st of rule.sourcetypes) {
      const rename = l.allowlist.log_fields?.[st];
      if (!rename) continue;
      const selection = l.entries
        .filter((e) => Object.keys(e).every((f) => rename[f]))
        .map((e) => Object.fromEntries(Object.entries(e).map(([f, v]) => [rename[f]! + MODIFIER[l.allowlist.match], v])));
      if (selection.length === 0) continue;
      docs.push({
        title: `${rule.title}: ${l.allowlist.id}`,
        description: l.allowlist.description,
        logsource: LOGSOURCE[st]!,
        filter: { rules: [rule.id], selection, condition: 'not selection' },
        outputFields: [...new Set(Object.values(l.allowlist.fields))],
      });
    }
  }
  return docs;
}
