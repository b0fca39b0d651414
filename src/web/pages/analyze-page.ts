// The analysis pages: choose logs (upload, a path on this machine, or the bundled demo) and rules; then the
// results with an alert histogram, drill-down to raw events, and an SPL query box whose errors are shown at
// their position in the query.

import { html, urlPart, type SafeHtml } from '../html.ts';
import { lineColAt, type Diagnostic } from '../../index.ts';
import type { Analysis } from '../analysis/analysis.ts';
import type { RuleView } from '../catalog/rule-view.ts';
import { layout } from './layout.ts';
import { histogram } from './histogram.ts';
import { alertRow, alertTable, rawEventList, valueCell } from './values.ts';

function ruleChoices(rules: readonly RuleView[]): SafeHtml {
  return html`<fieldset class="rule-choice"><legend>Rules</legend>
${rules.map((r) => html`<label><input type="checkbox" name="rule" value="${r.id}" checked> ${r.title} <span class="mono muted">${r.id}</span></label>`)}
</fieldset>`;
}

export function analyzeFormPage(rules: readonly RuleView[], recent: readonly Analysis[], opts: { demoAvailable: boolean; pathsAllowed: boolean; error?: string }): SafeHtml {
  const body = html`
<h1>Analyse logs</h1>
${opts.error ? html`<p class="error">${opts.error}</p>` : ''}
<form id="analyze-form" method="post" action="/analyze" enctype="application/x-www-form-urlencoded">
${ruleChoices(rules)}
<div class="sources">
  <section><h2>Bundled demo data</h2><p>Cloud sign-in, CloudTrail and Azure activity samples with attacks in them.</p>
    <button type="submit" name="source" value="demo" id="run-demo"${opts.demoAvailable ? '' : html` disabled`}>Run the demo analysis</button></section>
  <section><h2>Upload log files</h2><p>NDJSON, JSON arrays or CloudTrail <code>{"Records": [...]}</code> files.</p>
    <input type="file" id="upload-file" multiple accept=".json,.ndjson,.jsonl,.log,.txt,.gz">
    <button type="button" id="upload-button">Upload and analyse</button><span id="upload-status" class="muted" role="status"></span></section>
  ${opts.pathsAllowed ? html`<section><h2>Files on this machine</h2><p>Paths, one per line (files or directories).</p>
    <textarea name="paths" rows="3" placeholder="/var/log/cloudtrail/"></textarea>
    <button type="submit" name="source" value="paths">Analyse these files</button></section>` : ''}
</div>
</form>
${recent.length ? html`<h2>Recent analyses</h2><ul>${recent.map((a) => html`<li><a href="/analyze/${urlPart(a.id)}">${a.label}</a> · ${a.events.length} events · ${a.alerts.length} alerts</li>`)}</ul>` : ''}`;
  return layout('Analyse logs', '/analyze', body);
}

/** The query with a caret under the error's span and the diagnostic's code, message and hint. */
export function diagnosticBlock(query: string, d: Diagnostic): SafeHtml {
  if (!d.span) return html`<div class="diagnostic"><strong>${d.code}</strong>: ${d.message}${d.hint ? html`<div class="hint">hint: ${d.hint}</div>` : ''}</div>`;
  const { line, col } = lineColAt(query, d.span.start);
  const lineText = query.split('\n')[line - 1] ?? '';
  const width = Math.max(1, Math.min(d.span.end - d.span.start, lineText.length - col + 1));
  return html`<div class="diagnostic" data-code="${d.code}"><div><strong>${line}:${col}</strong> <span class="mono">${d.code}</span>: ${d.message}</div>
<pre class="caret">${lineText}
${' '.repeat(col - 1)}<span class="mark">${'^' + '~'.repeat(width - 1)}</span></pre>${d.hint ? html`<div class="hint">hint: ${d.hint}</div>` : ''}</div>`;
}

export interface QueryOutcome {
  readonly query: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly rows: readonly Record<string, unknown>[] | null;
  readonly error: string | null;
}

function queryResults(q: QueryOutcome): SafeHtml {
  const errors = q.diagnostics.filter((d) => d.severity === 'error');
  const warnings = q.diagnostics.filter((d) => d.severity !== 'error');
  const cols = q.rows ? [...new Set(q.rows.slice(0, 500).flatMap((r) => Object.keys(r)))] : [];
  return html`<div id="query-results">
${errors.map((d) => diagnosticBlock(q.query, d))}
${q.error ? html`<p class="error">${q.error}</p>` : ''}
${warnings.map((d) => diagnosticBlock(q.query, d))}
${q.rows ? html`<p class="muted">${q.rows.length} rows${q.rows.length > 500 ? ' (first 500 shown)' : ''}</p>
<div class="scroll"><table class="rows"><thead><tr>${cols.map((c) => html`<th>${c}</th>`)}</tr></thead><tbody>
${q.rows.slice(0, 500).map((r) => html`<tr>${cols.map((c) => html`<td>${valueCell(r[c])}</td>`)}</tr>`)}
</tbody></table></div>` : ''}</div>`;
}

export function analysisPage(a: Analysis, rules: readonly RuleView[], query: QueryOutcome | null): SafeHtml {
  const byRule = new Map<string, number>();
  for (const al of a.alerts) byRule.set(String(al.rule_id), (byRule.get(String(al.rule_id)) ?? 0) + 1);
  const times = a.alerts.map((al) => (typeof al._time === 'number' ? al._time : NaN));
  const body = html`
<p class="crumbs"><a href="/analyze">Analyse logs</a> / ${a.label}</p>
<h1>Analysis: ${a.label}</h1>
${a.error ? html`<p class="error">${a.error}</p>` : ''}
<p id="summary"><strong id="alert-count">${a.alerts.length}</strong> alerts from ${a.ruleIds.length} rules over <strong>${a.events.length}</strong> events${a.malformed.length ? html`, <span class="error">${a.malformed.length} malformed lines skipped</span>` : ''}.</p>
${a.malformed.length ? html`<details><summary>Malformed input</summary><ul class="mono">${a.malformed.map((m) => html`<li>${m.source}:${m.line}: ${m.message}</li>`)}</ul></details>` : ''}
${histogram(times, 'Alerts over time')}
<table class="by-rule"><thead><tr><th>Rule</th><th>Alerts</th></tr></thead><tbody>
${[...byRule.entries()].map(([id, n]) => html`<tr><td><a href="/rules/${urlPart(id)}">${rules.find((r) => r.id === id)?.title ?? id}</a></td><td>${n}</td></tr>`)}
</tbody></table>
<h2>Alerts</h2>
${alertTable(a.alerts.slice(0, 1000).map((al, i) => alertRow(al, `/analyze/${urlPart(a.id)}/alerts/${i}`)))}
<h2 id="query">Search these events</h2>
<form method="get" action="/analyze/${urlPart(a.id)}#query" class="query">
  <textarea name="q" rows="4" spellcheck="false" aria-label="SPL query" placeholder="sourcetype=aws:cloudtrail eventName=ConsoleLogin | stats count by sourceIPAddress">${query?.query ?? ''}</textarea>
  <button type="submit">Run SPL</button>
</form>
${query ? queryResults(query) : ''}`;
  return layout(`Analysis ${a.label}`, '/analyze', body);
}

export function analysisAlertPage(a: Analysis, index: number, events: readonly { _time: number; sourcetype: string; _raw: string }[]): SafeHtml {
  const al = a.alerts[index]!;
  const body = html`
<p class="crumbs"><a href="/analyze/${urlPart(a.id)}">${a.label}</a> / alert ${index + 1}</p>
<h1>Alert: ${String(al.rule_title ?? al.rule_id ?? '')}</h1>
${alertTable([alertRow(al, null)])}
<h2>Raw events</h2>
<p class="muted">Events of the rule's sourcetypes${typeof al._time === 'number' ? ' at the alert time' : ''} whose raw text carries the most of this alert's values (${events.length}).</p>
${rawEventList(events)}`;
  return layout('Alert', '/analyze', body);
}
