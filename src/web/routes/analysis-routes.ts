// Analysis routes: the form, starting an analysis (demo, server paths, uploads), uploads, results with the
// SPL query box, and drill-down from an analysis alert to its raw events.

import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { BodyTooLarge, isSameOrigin, parseForm, readBody, redirect, sendHtml, sendJson } from '../http-util.ts';
import { errorPage } from '../pages/layout.ts';
import { analysisAlertPage, analysisPage, analyzeFormPage, type QueryOutcome } from '../pages/analyze-page.ts';
import { drillDown } from '../analysis/drill-down.ts';
import { ANALYSIS_LIMITS, AnalysisBusy } from '../analysis/analysis.ts';
import { planSpl, runPlan } from '../engine.ts';
import { SightlineError, type Diagnostic, type Event } from '../../index.ts';
import type { Route, RouteContext } from './route.ts';
import { notFound } from './route-helpers.ts';
import { expandPaths } from '../../ingest/glob.ts';

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
    paths = expandPaths([app.opts.demoDir]).files; // the walk passes over README.md and other documentation
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
  let a;
  try {
    a = await app.analyses.run(label, paths, rules);
  } catch (err) {
    if (!(err instanceof AnalysisBusy)) throw err;
    app.opts.log(`analysis refused: ${err.message}`);
    return sendHtml(res, 503, errorPage(503, err.message));
  }
  if (source === 'uploads') {
    // The analysis holds the events now: uploaded files are not kept on disk.
    for (const id of form.getAll('upload')) {
      const p = app.uploads.get(id);
      app.uploads.delete(id);
      if (p) rmSync(dirname(p), { recursive: true, force: true });
    }
  }
  redirect(res, `/analyze/${a.id}`);
}

/** Forgets uploads that no analysis used within ANALYSIS_LIMITS.uploadSeconds (their files are deleted). */
function sweepUploads(app: RouteContext['app']): void {
  const removed = app.analyses.sweepUploads();
  if (removed.length === 0) return;
  for (const [id, path] of app.uploads) if (removed.includes(dirname(path))) app.uploads.delete(id);
  app.opts.log(`${removed.length} unused upload(s) deleted after ${ANALYSIS_LIMITS.uploadSeconds} s`);
}

async function upload(ctx: RouteContext): Promise<void> {
  const { app, req, res, url } = ctx;
  if (!isSameOrigin(req)) return sendJson(res, 403, { error: 'cross-site request refused' });
  sweepUploads(app);
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

export const ANALYSIS_ROUTES: readonly Route[] = [
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
];
