// Test helper: runs `bin/sightline serve` as a child process on a free loopback port, waits for HEC health,
// and talks to it (HEC posts, JSON API). Only 127.0.0.1 traffic.

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');
export const FIXTURES = join(REPO, 'test/web/fixtures');

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export interface ChildServer {
  readonly child: ChildProcess;
  readonly base: string;
  output(): string;
}

export async function spawnServer(args: { port: number; dataDir: string; token: string; rulesDir: string; demoDir?: string; extra?: string[] }): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [join(REPO, 'bin/sightline'), 'serve', '--port', String(args.port), '--hec-token', args.token, '--data', args.dataDir, '--rules', args.rulesDir, '--demo', args.demoDir ?? join(args.dataDir, 'no-demo'), ...(args.extra ?? [])],
    { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TZ: 'UTC' } },
  );
  let out = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const base = `http://127.0.0.1:${args.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early (${child.exitCode}):\n${out}`);
    try {
      const r = await fetch(`${base}/services/collector/health`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in 60 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, output: () => out };
}

export function waitExit(child: ChildProcess): Promise<void> {
  return new Promise((res) => (child.exitCode !== null || child.signalCode !== null ? res() : child.once('exit', () => res())));
}

export interface Status {
  events: number;
  analysed: number;
  alerts: number;
  openWindows: number;
  busy: boolean;
  idle: boolean;
  lastError: string | null;
}

export async function status(base: string): Promise<Status> {
  return (await (await fetch(`${base}/api/status`)).json()) as Status;
}

/** Polls until every stored event is analysed and no window is open, or the deadline passes. */
export async function waitAnalysed(base: string, timeoutMs: number, openWindowsToo = true): Promise<Status> {
  const deadline = Date.now() + timeoutMs;
  let s = await status(base);
  while (Date.now() < deadline) {
    s = await status(base);
    if (s.idle && s.analysed === s.events && (!openWindowsToo || s.openWindows === 0)) return s;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not analysed in time: ${JSON.stringify(s)}`);
}
