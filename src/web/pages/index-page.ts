// The detection index: every rule with its ATT&CK mapping, severity and sourcetypes, searchable and filterable
// by a plain GET form (works without script; app.js only submits on change).

import { html, urlPart, type SafeHtml } from '../html.ts';
import type { RuleView } from '../catalog/rule-view.ts';
import { layout, severityBadge } from './layout.ts';

export interface IndexFilters {
  readonly q: string;
  readonly severity: string;
  readonly technique: string;
  readonly sourcetype: string;
}

export function filtersFrom(params: URLSearchParams): IndexFilters {
  return { q: params.get('q') ?? '', severity: params.get('severity') ?? '', technique: params.get('technique') ?? '', sourcetype: params.get('sourcetype') ?? '' };
}

export function filterRules(rules: readonly RuleView[], f: IndexFilters): RuleView[] {
  const q = f.q.trim().toLowerCase();
  return rules.filter((r) => {
    if (f.severity && r.severity !== f.severity) return false;
    if (f.technique && r.attack.technique !== f.technique && r.attack.subtechnique !== f.technique) return false;
    if (f.sourcetype && !r.sourcetypes.includes(f.sourcetype)) return false;
    if (q) {
      const hay = [r.id, r.title, r.description, r.techniqueId ?? '', r.spl, ...r.sourcetypes].join('\n').toLowerCase();
      if (!hay.includes(q)) return false;
    }
    return true;
  });
}

function options(values: readonly string[], selected: string, allLabel: string): SafeHtml {
  return html`<option value="">${allLabel}</option>${values.map((v) => html`<option value="${v}"${v === selected ? html` selected` : ''}>${v}</option>`)}`;
}

function uniq(xs: readonly (string | null)[]): string[] {
  return [...new Set(xs.filter((x): x is string => !!x))].sort();
}

export function indexPage(rules: readonly RuleView[], f: IndexFilters, loadError: string | null): SafeHtml {
  const shown = filterRules(rules, f);
  const body = html`
<h1>Detections</h1>
${loadError ? html`<p class="error">Rules could not be loaded: ${loadError}</p>` : ''}
<form class="filters" method="get" action="/" role="search">
  <input type="search" name="q" value="${f.q}" placeholder="Search title, id, SPL, sourcetype" aria-label="Search">
  <select name="severity" aria-label="Severity">${options(uniq(rules.map((r) => r.severity)), f.severity, 'Any severity')}</select>
  <select name="technique" aria-label="Technique">${options(uniq(rules.flatMap((r) => [r.attack.technique, r.attack.subtechnique])), f.technique, 'Any technique')}</select>
  <select name="sourcetype" aria-label="Sourcetype">${options(uniq(rules.flatMap((r) => r.sourcetypes)), f.sourcetype, 'Any sourcetype')}</select>
  <button type="submit">Filter</button>
</form>
<p class="muted">${shown.length} of ${rules.length} detections</p>
<table class="rules">
<thead><tr><th>Detection</th><th>ATT&amp;CK</th><th>Severity</th><th>Confidence</th><th>Sourcetypes</th></tr></thead>
<tbody>
${shown.map(
  (r) => html`<tr>
  <td><a href="/rules/${urlPart(r.id)}">${r.title}</a><div class="muted mono">${r.id}</div></td>
  <td class="mono">${r.techniqueId ?? ''}</td>
  <td>${severityBadge(r.severity)}</td>
  <td>${r.confidence}</td>
  <td class="mono">${r.sourcetypes.join(', ')}</td>
</tr>`,
)}
</tbody>
</table>`;
  return layout('Detections', '/', body);
}
