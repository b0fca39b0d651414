// The real-time alerts page: alerts stored from HEC ingest (newest first), a histogram, ingest and processing
// status, and a detail page per alert with the raw events it came from.

import { html, urlPart, type SafeHtml } from '../html.ts';
import type { StoredAlert } from '../store/alerts.ts';
import type { ProcessorStatus } from '../realtime/processor.ts';
import { layout } from './layout.ts';
import { histogram } from './histogram.ts';
import { alertRow, alertTable, rawEventList, timeText } from './values.ts';

export interface AlertsPageData {
  /** The newest alerts, newest first. */
  readonly alerts: readonly StoredAlert[];
  /** The times of all matching alerts, for the histogram. */
  readonly times: readonly number[];
  readonly total: number;
  /** Alerts stored over all rules (the status poll compares against it). */
  readonly totalAll: number;
  readonly events: number;
  readonly status: ProcessorStatus;
  readonly ruleFilter: string;
  readonly ruleIds: readonly string[];
}

export function alertsPage(d: AlertsPageData): SafeHtml {
  const s = d.status;
  const body = html`
<h1>Alerts</h1>
<p><a id="new-alerts" href="/alerts" hidden></a></p>
<p id="ingest-status" class="muted" data-alerts="${d.totalAll}">${d.events} events received over HEC · ${s.cursor >= d.events ? 'all analysed' : html`${d.events - s.cursor} waiting`} · ${s.openWindows} open windows · ${s.lateEvents} late events (their windows re-evaluated)${s.lastError ? html` · <span class="error">processing error: ${s.lastError}</span>` : ''}</p>
<form method="get" action="/alerts" class="filters">
  <select name="rule" aria-label="Rule"><option value="">All rules</option>${d.ruleIds.map((id) => html`<option value="${id}"${id === d.ruleFilter ? html` selected` : ''}>${id}</option>`)}</select>
  <button type="submit">Filter</button> <a href="/api/alerts">JSON</a>
</form>
${histogram(d.times, 'Stored alerts over time')}
<p class="muted">${d.total} alerts stored${d.alerts.length < d.total ? `, newest ${d.alerts.length} shown` : ''}.</p>
${alertTable(d.alerts.map((a) => alertRow(a.alert, `/alerts/${a.id}`)))}`;
  return layout('Alerts', '/alerts', body);
}

export function alertDetailPage(a: StoredAlert, events: readonly { _time: number; sourcetype: string; _raw: string }[]): SafeHtml {
  const scope =
    a.windowStart !== null
      ? html`window ${timeText(a.windowStart)} to ${timeText(a.windowEnd)}`
      : html`journal events ${a.firstEventId ?? ''}-${a.lastEventId ?? ''}`;
  const body = html`
<p class="crumbs"><a href="/alerts">Alerts</a> / ${a.id}</p>
<h1>Alert ${a.id}: ${String(a.alert.rule_title ?? a.ruleId)}</h1>
${alertTable([alertRow(a.alert, null)])}
<h2>Raw events</h2>
<p class="muted">From ${scope}: the events of the rule's sourcetypes whose raw text carries the most of this alert's values (${events.length}). <a href="/rules/${urlPart(a.ruleId)}">Rule</a></p>
${rawEventList(events)}`;
  return layout(`Alert ${a.id}`, '/alerts', body);
}
