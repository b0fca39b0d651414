// One detection's page, with every section of the seed detection pages: ATT&CK mapping and link, highlighted
// SPL, severity and confidence, description, data sources, sourcetypes, false positives and tuning, downloads
// (Sigma and every other translation), testing with the live `sightline test` result, playbook,
// investigation guide, hunting queries and related detections.

import { html, safeHref, urlPart, type SafeHtml } from '../html.ts';
import type { RuleView } from '../catalog/rule-view.ts';
import { techniqueUrl, type AttackData } from '../catalog/attack.ts';
import type { RuleTestResult, TranslationView as Translation } from '../engine.ts';
import { highlightSpl } from './spl-highlight.ts';
import { layout, severityBadge } from './layout.ts';

export const TARGET_FILES: Readonly<Record<string, { label: string; ext: string; mime: string }>> = {
  sigma: { label: 'Sigma rule', ext: 'yml', mime: 'application/yaml' },
  kql: { label: 'Microsoft Sentinel KQL', ext: 'kql', mime: 'text/plain' },
  esql: { label: 'Elastic ES|QL', ext: 'esql', mime: 'text/plain' },
  sql: { label: 'SQL (DuckDB)', ext: 'sql', mime: 'application/sql' },
  spl: { label: 'Splunk SPL', ext: 'spl', mime: 'text/plain' },
};

export function targetFile(target: string): { label: string; ext: string; mime: string } {
  return TARGET_FILES[target] ?? { label: target, ext: 'txt', mime: 'text/plain' };
}

function list(items: readonly string[], empty: string): SafeHtml {
  return items.length ? html`<ul>${items.map((i) => html`<li>${i}</li>`)}</ul>` : html`<p class="muted">${empty}</p>`;
}

function link(url: string | null, text: string): SafeHtml {
  const href = url ? safeHref(url) : null;
  return href ? html`<a href="${href}" rel="noopener noreferrer">${text}</a>` : html`${text}`;
}

export interface RulePageData {
  readonly rule: RuleView;
  readonly attack: AttackData;
  readonly translations: readonly Translation[];
  readonly test: RuleTestResult | null | 'unavailable';
  readonly allRules: readonly RuleView[];
}

function testSection(rule: RuleView, test: RulePageData['test']): SafeHtml {
  const live =
    test === 'unavailable'
      ? html`<p class="muted">Live test results are not available (no scenario library, or the run failed: see the server log).</p>`
      : test === null
        ? html`<p class="muted">No scenario exercises this rule yet: <code>sightline test</code> has no result for it.</p>`
        : html`<p class="test-result ${test.passed ? 'pass' : 'fail'}">Live <code>sightline test</code> result: <strong>${test.passed ? 'PASS' : 'FAIL'}</strong> (${test.checks.filter((c) => c.passed).length}/${test.checks.length} scenarios)</p>
           ${test.gaps.length ? html`<p class="error">Coverage gaps: ${test.gaps.join('; ')}</p>` : ''}
           <table class="tests"><thead><tr><th>Scenario</th><th>Kind</th><th>Result</th><th>Alerts</th><th>Detail</th></tr></thead><tbody>
           ${test.checks.map((c) => html`<tr><td class="mono">${c.scenario}</td><td>${c.kind}</td><td class="${c.passed ? 'pass' : 'fail'}">${c.passed ? 'pass' : 'FAIL'}</td><td>${c.alerts}</td><td>${c.detail}</td></tr>`)}
           </tbody></table>`;
  return html`<section id="testing"><h2>Testing methodology</h2>
${rule.testing.length ? html`<ol>${rule.testing.map((t) => html`<li><strong>${t.name}</strong><br>${t.behaviour}<br><span class="muted">Expected signal:</span> ${t.expected}${t.test ? html`<br><span class="muted">Emulated by rule test</span> <code>${t.test}</code>` : ''}</li>`)}</ol>` : ''}
${rule.testNames.length ? html`<p>Rule tests: ${rule.testNames.map((n, i) => html`${i > 0 ? ', ' : ''}<code>${n}</code>`)}</p>` : ''}
${live}</section>`;
}

export function rulePage(d: RulePageData): SafeHtml {
  const r = d.rule;
  const tech = r.attack.technique ? d.attack.techniques.get(r.attack.technique) : undefined;
  const sub = r.attack.subtechnique ? d.attack.techniques.get(r.attack.subtechnique) : undefined;
  const tactic = d.attack.tactics.find((t) => t.id === r.attack.tacticId || t.name === r.attack.tactic || t.shortname === r.attack.tactic);
  const canonical = r.attack.reference ?? (r.techniqueId ? techniqueUrl(d.attack, r.techniqueId) : null);
  const related = d.allRules.filter((o) => o.id !== r.id && (r.related.includes(o.id) || (r.attack.technique !== null && o.attack.technique === r.attack.technique)));
  const relatedUnknown = r.related.filter((id) => !d.allRules.some((o) => o.id === id));
  const body = html`
<p class="crumbs"><a href="/">Detections</a> / <span class="mono">${r.id}</span></p>
<h1>${r.title}</h1>
<p class="meta">${severityBadge(r.severity)} severity · <strong>${r.confidence}</strong> confidence · <span class="mono">${r.techniqueId ?? ''}</span></p>
<section id="description"><p>${r.description}</p></section>

<section id="attack"><h2>MITRE ATT&amp;CK</h2>
<dl class="grid">
  <dt>Tactic</dt><dd>${tactic ? link(tactic.url, `${tactic.id} ${tactic.name}`) : r.attack.tactic ?? ''}</dd>
  <dt>Technique</dt><dd>${r.attack.technique ? link(tech?.url ?? null, `${r.attack.technique} ${tech?.name ?? r.attack.techniqueName ?? ''}`) : ''}</dd>
  ${r.attack.subtechnique ? html`<dt>Sub-technique</dt><dd>${link(sub?.url ?? null, `${r.attack.subtechnique} ${sub?.name ?? r.attack.subtechniqueName ?? ''}`)}</dd>` : ''}
  <dt>Canonical reference</dt><dd>${canonical ? link(canonical, canonical) : ''}</dd>
</dl></section>

<section id="spl"><h2>SPL detection query</h2>${highlightSpl(r.spl)}
<p class="muted">Alert types: ${r.alertTypes.join(', ')}</p>
${r.notes.length ? html`<details><summary>Changes from the founding detection and why</summary>${list(r.notes, '')}</details>` : ''}</section>

<section id="data-sources"><h2>Data sources</h2>${list(r.dataSources, 'Not declared.')}
<h3>Required sourcetypes</h3>${list(r.sourcetypes, 'Not declared.')}</section>

<section id="false-positives"><h2>False positives &amp; tuning</h2>${list(r.falsePositives, 'None documented.')}
${r.tuning.length ? html`<h3>Tuning</h3>${list(r.tuning, '')}` : ''}</section>

<section id="downloads"><h2>Downloads</h2>
<ul class="downloads">
  <li>${(() => {
    const s = d.translations.find((t) => t.target === 'sigma');
    return s && s.text !== null
      ? html`<a class="download" data-target="sigma" href="/rules/${urlPart(r.id)}/download/sigma" download>Download portable Sigma rule (.yml)</a>`
      : html`Portable Sigma rule: <span class="error">not translatable: ${s?.error ?? 'translator not available'}</span>`;
  })()}</li>
  ${d.translations
    .filter((t) => t.target !== 'sigma')
    .map((t) => html`<li>${t.text !== null ? html`<a class="download" data-target="${t.target}" href="/rules/${urlPart(r.id)}/download/${urlPart(t.target)}" download>${targetFile(t.target).label} (.${targetFile(t.target).ext})</a>` : html`${targetFile(t.target).label}: <span class="error">not translatable: ${t.error ?? ''}</span>`}</li>`)}
  <li><a href="/rules/${urlPart(r.id)}/download/spl" download>Splunk SPL (.spl)</a></li>
</ul></section>

${testSection(r, d.test)}

<section id="playbook"><h2>Response playbook</h2>${list(r.playbook, 'No playbook written yet.')}</section>
<section id="investigation"><h2>Investigation guide</h2>${list(r.investigation, 'No investigation guide written yet.')}</section>
<section id="hunting"><h2>Hunting queries</h2>${r.hunting.length ? r.hunting.map((h) => html`<h3>${h.title}</h3><p>${h.description}</p>${highlightSpl(h.spl)}`) : html`<p class="muted">None yet.</p>`}</section>
<section id="related"><h2>Related detections</h2>
${related.length || relatedUnknown.length ? html`<ul>${related.map((o) => html`<li><a href="/rules/${urlPart(o.id)}">${o.title}</a> <span class="mono muted">${o.techniqueId ?? ''}</span></li>`)}${relatedUnknown.map((id) => html`<li class="mono">${id}</li>`)}</ul>` : html`<p class="muted">None.</p>`}</section>
${r.references.length ? html`<section id="references"><h2>References</h2><ul>${r.references.map((u) => html`<li>${link(u, u)}</li>`)}</ul></section>` : ''}`;
  return layout(r.title, '/', body);
}
