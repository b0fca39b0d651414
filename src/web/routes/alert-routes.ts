// Real-time alert routes: the alerts page, one alert with its raw events, and the JSON API (alerts in the
// `detect --format json` shape, rules, ingest and processing status).

import { sendHtml, sendJson } from '../http-util.ts';
import { alertDetailPage, alertsPage } from '../pages/alerts-page.ts';
import { alertById, alertTimes, countAlerts, listAlerts } from '../store/alerts.ts';
import { countEvents, eventsByIdRange, eventsInWindow } from '../store/events.ts';
import { toEngineEvent } from '../realtime/stored-event.ts';
import { drillDown } from '../analysis/drill-down.ts';
import type { App } from '../app.ts';
import type { Route } from './route.ts';
import { emptyStatus, notFound } from './route-helpers.ts';

function storedAlertEvents(app: App, id: number) {
  const a = alertById(app.db, id);
  if (!a) return null;
  const pr = app.realtimeRules.find((r) => r.rule.id === a.ruleId);
  const sts = pr?.sourcetypes ?? [];
  const stored =
    a.windowStart !== null && a.windowEnd !== null
      ? eventsInWindow(app.db, pr?.sourcetypes ?? null, a.windowStart, a.windowEnd, Number.MAX_SAFE_INTEGER)
      : a.firstEventId !== null && a.lastEventId !== null
        ? eventsByIdRange(app.db, a.firstEventId, a.lastEventId, 100_000)
        : [];
  return { alert: a, events: drillDown(a.alert, stored.map(toEngineEvent), sts) };
}

export const ALERT_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^\/alerts$/,
    handle: ({ app, res, url }) => {
      const rule = url.searchParams.get('rule') ?? '';
      const filter = rule ? { ruleId: rule } : {};
      sendHtml(res, 200, alertsPage({
        alerts: listAlerts(app.db, { ...filter, newestFirst: true, limit: 500 }),
        times: alertTimes(app.db, rule || undefined),
        total: countAlerts(app.db, rule || undefined),
        totalAll: countAlerts(app.db),
        events: countEvents(app.db),
        status: app.processor?.status() ?? emptyStatus(),
        ruleFilter: rule,
        ruleIds: app.rules.map((r) => r.id),
      }));
    },
  },
  {
    method: 'GET',
    pattern: /^\/alerts\/(?<id>\d+)$/,
    handle: (ctx) => {
      const found = storedAlertEvents(ctx.app, Number(ctx.params.id));
      if (!found) return notFound(ctx, 'alert');
      sendHtml(ctx.res, 200, alertDetailPage(found.alert, found.events));
    },
  },
  {
    method: 'GET',
    pattern: /^\/api\/alerts$/,
    handle: ({ app, res, url }) => {
      const rule = url.searchParams.get('rule');
      const after = url.searchParams.get('after_id');
      const limit = url.searchParams.get('limit');
      const alerts = listAlerts(app.db, {
        ...(rule ? { ruleId: rule } : {}),
        ...(after && /^\d+$/.test(after) ? { afterId: Number(after) } : {}),
        ...(limit && /^\d+$/.test(limit) ? { limit: Number(limit) } : {}),
      });
      sendJson(res, 200, alerts.map((a) => a.alert));
    },
  },
  { method: 'GET', pattern: /^\/api\/rules$/, handle: ({ app, res }) => sendJson(res, 200, app.views) },
  {
    method: 'GET',
    pattern: /^\/api\/status$/,
    handle: ({ app, res }) => {
      const status = app.processor?.status() ?? emptyStatus();
      const events = countEvents(app.db);
      sendJson(res, 200, {
        events,
        analysed: status.cursor,
        alerts: countAlerts(app.db),
        rules: app.rules.length,
        realtime_rules: app.realtimeRules.map((r) => ({ id: r.rule.id, mode: r.mode })),
        rules_error: app.rulesError,
        ...status,
        idle: !status.busy && status.cursor >= (events > 0 ? (app.db.prepare('SELECT max(id) AS m FROM events').get() as { m: number }).m : 0),
      });
    },
  },
];
