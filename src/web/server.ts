// `sightline serve`'s HTTP server: node:http with a route table (HEC endpoints, pages, API). Errors never
// crash the process: a failing handler answers 500 and is logged.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type App, type AppOptions } from './app.ts';
import { HEC_ROUTES } from './routes/hec-routes.ts';
import { CATALOG_ROUTES } from './routes/catalog-routes.ts';
import { ANALYSIS_ROUTES } from './routes/analysis-routes.ts';
import { ALERT_ROUTES } from './routes/alert-routes.ts';
import type { Route } from './routes/route.ts';
import { sendHtml, sendJson } from './http-util.ts';
import { errorPage } from './pages/layout.ts';

const ROUTES: readonly Route[] = [...HEC_ROUTES, ...CATALOG_ROUTES, ...ANALYSIS_ROUTES, ...ALERT_ROUTES];

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** The Host header names a loopback address or the address we listen on (any name when on all interfaces). */
export function hostAllowed(hostHeader: string | undefined, listenHost: string): boolean {
  if (!hostHeader) return false;
  if (listenHost === '0.0.0.0' || listenHost === '::') return true;
  const name = hostHeader.replace(/:\d+$/, '').toLowerCase();
  return LOOPBACK_NAMES.has(name) || name === listenHost.toLowerCase() || `[${listenHost.toLowerCase()}]` === name;
}

export interface RunningServer {
  readonly app: App;
  readonly server: Server;
  readonly url: string;
  close(): Promise<void>;
}

export async function startServer(opts: AppOptions & { readonly host: string; readonly port: number }): Promise<RunningServer> {
  const app = await createApp(opts);
  const server = createServer((req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      req.resume();
      return sendJson(res, 400, { text: 'Bad request', code: 400 });
    }
    const isApi = url.pathname.startsWith('/api/') || url.pathname.startsWith('/services/');
    // DNS rebinding: a hostile page whose name resolves to 127.0.0.1 would be "same origin" with the UI.
    // Pages and API answer only to the names this server listens on; HEC (token-protected) to any.
    if (!url.pathname.startsWith('/services/') && !hostAllowed(req.headers.host, opts.host)) {
      req.resume();
      return sendJson(res, 421, { text: 'Misdirected request: unknown Host', code: 421 });
    }
    let route: Route | undefined;
    let params: Record<string, string> = {};
    let pathMatched = false;
    for (const r of ROUTES) {
      const m = r.pattern.exec(url.pathname);
      if (!m) continue;
      pathMatched = true;
      if (!r.method.split('|').includes(req.method ?? '')) continue;
      route = r;
      try {
        params = Object.fromEntries(Object.entries(m.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
      } catch {
        req.resume();
        return sendHtml(res, 400, errorPage(400, 'malformed URL'));
      }
      break;
    }
    if (!route) {
      req.resume();
      const status = pathMatched ? 405 : 404;
      if (isApi) return sendJson(res, status, { text: status === 404 ? 'The requested URL was not found on this server.' : 'Method not allowed', code: status });
      return sendHtml(res, status, errorPage(status, status === 404 ? 'page not found' : 'method not allowed'));
    }
    Promise.resolve()
      .then(() => route.handle({ app, req, res, url, params }))
      .catch((err: unknown) => {
        opts.log(`error on ${req.method} ${url.pathname}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        if (!res.headersSent) {
          if (isApi) sendJson(res, 500, { text: 'Internal server error', code: 8 });
          else sendHtml(res, 500, errorPage(500, 'internal error (logged on the server)'));
        } else res.end();
      });
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    app,
    server,
    url: `http://${host}:${addr.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => void app.close().then(resolve));
        server.closeAllConnections();
      }),
  };
}
