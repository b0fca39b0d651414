// Catalog routes: static files, the detection index, rule pages with their downloads, the coverage matrix.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagePath } from '../../core/package-root.ts';
import { send, sendHtml } from '../http-util.ts';
import { errorPage } from '../pages/layout.ts';
import { filtersFrom, indexPage } from '../pages/index-page.ts';
import { rulePage, targetFile } from '../pages/rule-page.ts';
import { coveragePage } from '../pages/coverage-page.ts';
import type { App } from '../app.ts';
import type { Route } from './route.ts';
import { notFound } from './route-helpers.ts';

const STATIC_DIR = packagePath('src/web/static');
const STATIC: Record<string, string> = { 'style.css': 'text/css; charset=utf-8', 'app.js': 'text/javascript; charset=utf-8', 'favicon.svg': 'image/svg+xml' };

function ruleById(app: App, id: string) {
  return app.rules.find((r) => r.id === id);
}

export const CATALOG_ROUTES: readonly Route[] = [
  {
    method: 'GET',
    pattern: /^\/static\/(?<file>[\w.-]+)$/,
    handle: ({ res, params }) => {
      const type = STATIC[params.file!];
      if (!type) return send(res, 404, 'text/plain', 'not found');
      send(res, 200, type, readFileSync(join(STATIC_DIR, params.file!)), { 'cache-control': 'no-cache' });
    },
  },
  // Browsers ask for /favicon.ico whatever the page links; the SVG icon answers both.
  {
    method: 'GET',
    pattern: /^\/favicon\.ico$/,
    handle: ({ res }) => send(res, 200, STATIC['favicon.svg']!, readFileSync(join(STATIC_DIR, 'favicon.svg')), { 'cache-control': 'max-age=86400' }),
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
];
