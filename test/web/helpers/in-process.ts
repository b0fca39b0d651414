// Test helper: an in-process server on an ephemeral loopback port with a temporary data directory and the
// fixture rules, plus small HTTP helpers.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../src/web/server.ts';
import { FIXTURES } from './spawn-server.ts';

export const TOKEN = 'test-token-0123';

export interface TestServer extends RunningServer {
  readonly dataDir: string;
  restart(): Promise<TestServer>;
  dispose(): Promise<void>;
}

export async function startTestServer(opts: { dataDir?: string; maxHecBytes?: number; demoDir?: string | null; webhookUrl?: string; sigmaPath?: string; strictSigma?: boolean; log?: (line: string) => void } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'sightline-web-'));
  const running = await startServer({
    host: '127.0.0.1',
    port: 0,
    dataDir,
    rulesDir: join(FIXTURES, 'rules'),
    ...(opts.sigmaPath ? { sigmaPath: opts.sigmaPath, strictSigma: opts.strictSigma === true } : {}),
    demoDir: opts.demoDir === undefined ? join(FIXTURES, 'demo') : opts.demoDir,
    scenariosDir: null,
    hecToken: TOKEN,
    maxHecBytes: opts.maxHecBytes ?? 64 * 1024,
    maxUploadBytes: 1024 * 1024,
    webhookUrl: opts.webhookUrl ?? null,
    allowPaths: true,
    idleSeconds: 0.2,
    log: opts.log ?? (() => {}),
  });
  const self: TestServer = {
    ...running,
    dataDir,
    async restart() {
      await running.close();
      return startTestServer({ ...opts, dataDir });
    },
    async dispose() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return self;
}

export async function hec(base: string, body: string | Buffer, opts: { path?: string; auth?: string | null; headers?: Record<string, string> } = {}): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.auth !== null) headers.authorization = opts.auth ?? `Splunk ${TOKEN}`;
  const r = await fetch(`${base}${opts.path ?? '/services/collector/event'}`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
  return { status: r.status, body: (await r.json()) as Record<string, unknown> };
}

export async function waitIdle(base: string, timeoutMs = 20_000): Promise<Record<string, unknown>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = (await (await fetch(`${base}/api/status`)).json()) as Record<string, unknown>;
    if (s.idle === true && s.analysed === s.events && s.openWindows === 0) return s;
    if (Date.now() > deadline) throw new Error(`not idle: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function cloudtrailLogin(opts: { time: number; arn: string; ip: string; mfa: 'Yes' | 'No'; id: string }): Record<string, unknown> {
  return {
    eventVersion: '1.08',
    eventTime: new Date(opts.time * 1000).toISOString().replace('.000Z', 'Z'),
    eventSource: 'signin.amazonaws.com',
    eventName: 'ConsoleLogin',
    eventID: opts.id,
    awsRegion: 'us-east-1',
    sourceIPAddress: opts.ip,
    userIdentity: { type: 'IAMUser', arn: opts.arn },
    responseElements: { ConsoleLogin: 'Success' },
    additionalEventData: { MFAUsed: opts.mfa },
    recipientAccountId: '111122223333',
  };
}
