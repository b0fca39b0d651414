// Rendering of log and alert values in tables: times in UTC ISO form, multivalues one per line, objects as
// JSON; always through the escaping template.

import { MAX_EPOCH } from '../../core/time.ts';
import { html, type SafeHtml } from '../html.ts';

export function timeText(t: unknown): string {
  const n = typeof t === 'number' ? t : typeof t === 'string' && t.trim() !== '' ? Number(t) : NaN;
  // A time a Date cannot hold prints as sent rather than failing the page.
  return Math.abs(n) <= MAX_EPOCH ? new Date(n * 1000).toISOString().replace('.000Z', 'Z') : t === null || t === undefined ? '' : String(t);
}

export function valueCell(v: unknown): SafeHtml {
  if (v === null || v === undefined) return html`<span class="muted">null</span>`;
  if (Array.isArray(v)) return html`${v.map((x, i) => html`${i > 0 ? html`<br>` : ''}${typeof x === 'object' ? JSON.stringify(x) : String(x)}`)}`;
  if (typeof v === 'object') return html`${JSON.stringify(v)}`;
  return html`${String(v)}`;
}

const LEAD = ['_time', 'rule_id', 'severity', 'AlertType'];
const HIDDEN = new Set(['rule_title', 'technique', 'tactic', 'confidence']);

/** An alert's own fields (the rule's table fields) after the fixed lead columns. */
export function detailFields(alert: Readonly<Record<string, unknown>>): [string, unknown][] {
  return Object.entries(alert).filter(([k]) => !LEAD.includes(k) && !HIDDEN.has(k));
}

export function alertRow(alert: Readonly<Record<string, unknown>>, detailHref: string | null): SafeHtml {
  return html`<tr>
<td class="mono nowrap">${timeText(alert._time)}</td>
<td><a href="/rules/${encodeURIComponent(String(alert.rule_id ?? ''))}">${String(alert.rule_title ?? alert.rule_id ?? '')}</a></td>
<td>${String(alert.severity ?? '')}</td>
<td class="mono">${String(alert.AlertType ?? '')}</td>
<td><dl class="kv">${detailFields(alert).map(([k, v]) => html`<dt>${k}</dt><dd>${valueCell(v)}</dd>`)}</dl></td>
<td>${detailHref ? html`<a href="${detailHref}">events</a>` : ''}</td>
</tr>`;
}

export function alertTable(rows: readonly SafeHtml[]): SafeHtml {
  return html`<table class="alerts"><thead><tr><th>_time</th><th>Rule</th><th>Severity</th><th>AlertType</th><th>Fields</th><th>Drill-down</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function rawEventList(events: readonly { _time: number; sourcetype: string; _raw: string }[]): SafeHtml {
  return html`<ol class="events">${events.map((e) => html`<li><div class="muted mono">${timeText(e._time)} · ${e.sourcetype}</div><pre class="raw">${e._raw}</pre></li>`)}</ol>`;
}
