// Catalog, coverage, analysis and alerts pages, rule downloads and the JSON API.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import { BodyTooLarge, isSameOrigin, parseForm, readBody, redirect, send, sendHtml, sendJson } from '../http-util.ts';
import { errorPage } from '../pages/layout.ts';
import { filtersFrom, indexPage } from '../pages/index-page.ts';
import { rulePage, targetFile } from '../pages/rule-page.ts';
import { coveragePage } from '../pages/coverage-page.ts';
import { analysisAlertPage, analysisPage, analyzeFormPage, type QueryOutcome } from '../pages/analyze-page.ts';
import { alertDetailPage, alertsPage } from '../pages/alerts-page.ts';
import { alertById, countAlerts, listAlerts } from '../store/alerts.ts';
import { countEvents, eventsByIdRange, eventsInWindow } from '../store/events.ts';
import { toEngineEvent } from '../realtime/stored-event.ts';
import { drillDown } from '../analysis/drill-down.ts';
import { planSpl, runPlan } from '../engine.ts';
import { SightlineError, type Diagnostic, type Event } from '../../index.ts';
import type { App } from '../app.ts';
import type { Route, RouteContext } from './route.ts';

const STATIC_DIR = join(dirname(fileURLToPath(import.meta.url)), '../static');
const STATIC: Record<string, string> = { 'style.css': 'text/css; charset=utf-8', 'app.js': 'text/javascript; charset=utf-8' };

function notFound(ctx: RouteContext, what: string): void {
  sendHtml(ctx.res, 404, errorPage(404, `${what} not found`));
}

function ruleById(app: App, id: string) {
  return app.rules.find((r) => r.id === id);
}

function emptyStatus() {
  return { cursor: 0, watermark: 0, lateEvents: 0, openWindows: 0, lastError: 'no rules are evaluated in real time', busy: false };
}

async function runQuery(query: string, events: readonly Event[]): Promise<QueryOutcome> {
  try {
    const plan = planSpl(query);
    const warnings: Diagnostic[] = [];
    const rows = await runPlan(plan, events, { onWarning: (d) => warnings.push(d) });
    return { query, diagnostics: warnings, rows, error: null };
  } catch (err) {
    if (err instanceof SightlineError) return { query, diagnostics: [err.diagnostic], rows: null, error: null };
    return { query, diagnostics: [], rows: null, error: err instanceof Error ? err.message : String(err) };
  }
}

/** The demo's log files: everything under it except documentation (README.md is not a log). */
function logFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && !/\.(md|txt)$/i.test(d.name) && !d.name.startsWith('.'))
    .map((d) => join(d.parentPath, d.name))
    .sort();
}

async function startAnalysis(ctx: RouteContext): Promise<void> {
  const { app, req, res } = ctx;
  if (!isSameOrigin(req)) return sendHtml(res, 403, errorPage(403, 'cross-site request refused'));
  let form: URLSearchParams;
  try {
    form = parseForm(await readBody(req, 64 * 1024));
  } catch {
    return sendHtml(res, 413, errorPage(413, 'form too large'));
  }
  const chosen = new Set(form.getAll('rule'));
  const rules = app.rules.filter((r) => chosen.size === 0 || chosen.has(r.id));
  const source = form.get('source');
  let paths: string[] = [];
  let label = '';
  if (source === 'demo') {
    if (!app.opts.demoDir || !existsSync(app.opts.demoDir)) return sendHtml(res, 404, errorPage(404, 'no bundled demo data'));
    paths = logFilesUnder(app.opts.demoDir);
    label = 'bundled demo data';
  } else if (source === 'paths') {
    if (!app.opts.allowPaths) return sendHtml(res, 403, errorPage(403, 'reading server paths is only allowed when listening on loopback'));
    paths = (form.get('paths') ?? '').split(/\r?\n/).map((p) => p.trim()).filter(Boolean).map((p) => resolve(p));
    const missing = paths.filter((p) => !existsSync(p));
    if (paths.length === 0 || missing.length > 0) {
      return sendHtml(res, 400, analyzeFormPage(app.views, app.analyses.list(), { demoAvailable: !!app.opts.demoDir, pathsAllowed: app.opts.allowPaths, error: paths.length === 0 ? 'no path given' : `not found: ${missing.join(', ')}` }));
    }
    label = paths.join(', ');
  } else if (source === 'uploads') {
    paths = form.getAll('upload').map((id) => app.uploads.get(id)).filter((p): p is string => !!p);
    if (paths.length === 0) return sendHtml(res, 400, errorPage(400, 'no uploaded file'));
    label = paths.map((p) => p.split('/').pop()).join(', ');
  } else {
    return sendHtml(res, 400, errorPage(400, 'choose a source of logs'));
  }
  const a = await app.analyses.run(label, paths, rules);
  redirect(res, `/analyze/${a.id}`);
}

async function upload(ctx: RouteContext): Promise<void> {
  const { app, req, res, url } = ctx;
  if (!isSameOrigin(req)) return sendJson(res, 403, { error: 'cross-site request refused' });
  try {
    const bytes = await readBody(req, app.opts.maxUploadBytes);
    const path = app.analyses.saveUpload(url.searchParams.get('name') ?? 'upload.json', bytes);
    const id = randomUUID();
    app.uploads.set(id, path);
    sendJson(res, 200, { upload: id });
  } catch (err) {
    if (err instanceof BodyTooLarge) return sendJson(res, 413, { error: `file over ${app.opts.maxUploadBytes} bytes` });
    sendJson(res, 400, { error: 'upload failed' });
  }
}

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

export const PAGE_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^\/static\/(?<file>[\w.-]+)$/,
    handle: ({ res, params }) => {
      const type = STATIC[params.file!];
      if (!type) return send(res, 404, 'text/plain', 'not found');
      send(res, 200, type, readFileSync(join(STATIC_DIR, params.file!)), { 'cache-control': 'no-cache' });
    },
  },
  { method: 'GET', pattern: /^\/$/, handle: ({ app, res, url }) => sendHtml(res, 200, indexPage(app.views, filtersFrom(url.searchParams), app.rulesError)) },
  { method: 'GET', pattern: /^\/coverage$/, handle: ({ app, res }) => sendHtml(res, 200, coveragePage(app.attack, app.views)) },
  {
    method: 'GET',
    pattern: /^\/rules\/(?<id>[^/]+)$/,
    handle: async (ctx) => {
      const { app, res, params } = ctx;
      const rule = ruleById(app, params.id!);
      const view = app.views.find((v) => v.id === params.id);
      if (!rule || !view) return notFound(ctx, 'rule');
      const [translations, test] = await Promise.all([app.translations(rule), app.testResult(rule.id)]);
      sendHtml(res, 200, rulePage({ rule: view, attack: app.attack, translations, test, allRules: app.views }));
    },
  },
  {
    method: 'GET',
    pattern: /^\/rules\/(?<id>[^/]+)\/download\/(?<target>[\w-]+)$/,
    handle: async (ctx) => {
      const { app, res, params } = ctx;
      const rule = ruleById(app, params.id!);
      if (!rule) return notFound(ctx, 'rule');
      const target = params.target!;
      let text: string;
      if (target === 'spl') text = rule.spl.endsWith('\n') ? rule.spl : `${rule.spl}\n`;
      else {
        const t = (await app.translations(rule)).find((x) => x.target === target);
        if (!t) return notFound(ctx, `translation ${target}`);
        if (t.text === null) return sendHtml(res, 422, errorPage(422, `${target} translation failed: ${t.error ?? ''}`));
        text = t.text;
      }
      const f = targetFile(target);
      const name = `${rule.id.replace(/[^\w.-]/g, '_')}.${target === 'sigma' ? 'sigma.' : ''}${f.ext}`;
      send(res, 200, `${f.mime}; charset=utf-8`, text, { 'content-disposition': `attachment; filename="${name}"` });
    },
  },
  {
    method: 'GET',
    pattern: /^\/analyze$/,
    handle: ({ app, res }) => sendHtml(res, 200, analyzeFormPage(app.views, app.analyses.list(), { demoAvailable: !!app.opts.demoDir && existsSync(app.opts.demoDir), pathsAllowed: app.opts.allowPaths })),
  },
  { method: 'POST', pattern: /^\/analyze$/, handle: startAnalysis },
  { method: 'POST', pattern: /^\/analyze\/uploads$/, handle: upload },
  {
    method: 'GET',
    pattern: /^\/analyze\/(?<id>[\w-]+)$/,
    handle: async (ctx) => {
      const { app, res, params, url } = ctx;
      const a = app.analyses.get(params.id!);
      if (!a) return notFound(ctx, 'analysis');
      const q = url.searchParams.get('q');
      const outcome = q !== null && q.trim() !== '' ? await runQuery(q, a.events) : null;
      sendHtml(res, 200, analysisPage(a, app.views, outcome));
    },
  },
  {
    method: 'GET',
    pattern: /^\/analyze\/(?<id>[\w-]+)\/alerts\/(?<n>\d+)$/,
    handle: (ctx) => {
      const { app, res, params } = ctx;
      const a = app.analyses.get(params.id!);
      const n = Number(params.n);
      if (!a || n >= a.alerts.length) return notFound(ctx, 'alert');
      const al = a.alerts[n]!;
      const sts = app.views.find((v) => v.id === al.rule_id)?.sourcetypes ?? [];
      sendHtml(res, 200, analysisAlertPage(a, n, drillDown(al, a.events, sts)));
    },
  },
  {
    method: 'GET',
    pattern: /^\/alerts$/,
    handle: ({ app, res, url }) => {
      const rule = url.searchParams.get('rule') ?? '';
      const all = listAlerts(app.db, rule ? { ruleId: rule } : {});
      sendHtml(res, 200, alertsPage({
        alerts: all.slice(-500).reverse(),
        total: all.length,
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
