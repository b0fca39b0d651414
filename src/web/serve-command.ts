// `sightline serve [--port N] [--hec-token T] [--data DIR] [--sigma DIR [--strict]]`: the web catalog, log analysis UI, Splunk HEC
// ingest with continuous rule evaluation and stored alerts, on 127.0.0.1 by default. Starts with the bundled
// rules and demo data; the HEC token is generated and kept in the data directory when not given.
// It lives with the server rather than in src/cli, which never imports web: src/main.ts adds it to the CLI.

import { defineCommand } from 'citty';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { fail } from '../core/diagnostics.ts';
import { packagePath } from '../core/package-root.ts';
import { startServer } from './server.ts';

function defaultDataDir(): string {
  const xdg = process.env.XDG_DATA_HOME;
  return join(xdg && xdg.length > 0 ? xdg : join(homedir(), '.local', 'share'), 'sightline');
}

/** The token given, else the one kept in the data directory, else a new one written there (mode 0600). */
function hecToken(given: string | undefined, dataDir: string): { token: string; origin: string } {
  if (given) return { token: given, origin: 'from --hec-token' };
  if (process.env.SIGHTLINE_HEC_TOKEN) return { token: process.env.SIGHTLINE_HEC_TOKEN, origin: 'from SIGHTLINE_HEC_TOKEN' };
  const file = join(dataDir, 'hec-token');
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), origin: `from ${file}` };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const token = randomUUID();
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, origin: `generated, kept in ${file}` };
}

/** A directory with at least one log file in it (an empty demo/ offers nothing to analyse). */
function nonEmptyDir(dir: string): boolean {
  try {
    return readdirSync(dir).some((f) => !f.startsWith('.') && f !== 'README.md');
  } catch {
    return false;
  }
}

function positiveInt(v: string | undefined, name: string, fallback: number): number {
  if (v === undefined) return fallback;
  if (!/^\d+$/.test(v) || Number(v) <= 0) fail('CLI-BAD-ARG', `--${name} must be a positive integer, got ${JSON.stringify(v)}`);
  return Number(v);
}

export default defineCommand({
  meta: { name: 'serve', description: 'Start the web catalog, analysis UI and HEC ingest server' },
  args: {
    port: { type: 'string', description: 'Port to listen on (UI and HEC)', default: '8088' },
    host: { type: 'string', description: 'Address to listen on', default: '127.0.0.1' },
    'hec-token': { type: 'string', description: 'HEC token clients must send (Authorization: Splunk <token>)' },
    data: { type: 'string', description: 'Data directory (database, uploads, token)' },
    rules: { type: 'string', description: 'Rules directory', default: packagePath('rules') },
    sigma: { type: 'string', description: 'Also evaluate the Sigma rules in this file or directory; a rule that cannot run is logged and left out' },
    strict: { type: 'boolean', default: false, description: 'with --sigma: do not start when any Sigma rule is refused' },
    demo: { type: 'string', description: 'Demo logs directory', default: packagePath('demo') },
    scenarios: { type: 'string', description: 'Scenario library for live test results', default: packagePath('scenarios') },
    webhook: { type: 'string', description: 'POST each new alert as JSON to this URL' },
    'max-hec-bytes': { type: 'string', description: 'Largest HEC request body', default: String(1024 * 1024) },
    'max-upload-bytes': { type: 'string', description: 'Largest uploaded log file', default: String(64 * 1024 * 1024) },
    'idle-seconds': { type: 'string', description: 'Evaluate ended windows after this long without events', default: '30' },
  },
  async run({ args }) {
    const port = Number(args.port);
    if (!/^\d+$/.test(String(args.port)) || port > 65535) {
      process.stderr.write(`sightline serve: CLI-BAD-ARG: --port must be 0-65535, got ${JSON.stringify(args.port)}\n`);
      process.exitCode = 2;
      return;
    }
    const dataDir = resolve(args.data ?? defaultDataDir());
    const { token, origin } = hecToken(args['hec-token'], dataDir);
    const host = String(args.host);
    const log = (line: string) => process.stderr.write(`${new Date().toISOString()} ${line}\n`);
    // The signal handlers come first: a supervisor may send SIGTERM as soon as it reads the start message, and
    // a signal arriving before any handler exists kills the process without the clean shutdown.
    let stopRequested = false;
    let onStop: (() => void) | null = null;
    const requestStop = () => {
      stopRequested = true;
      onStop?.();
    };
    process.once('SIGINT', requestStop);
    process.once('SIGTERM', requestStop);
    let running;
    try {
      running = await startServer({
        host,
        port,
        dataDir,
        rulesDir: resolve(String(args.rules)),
        sigmaPath: args.sigma ? resolve(String(args.sigma)) : null,
        strictSigma: args.strict === true,
        demoDir: nonEmptyDir(String(args.demo)) ? resolve(String(args.demo)) : null,
        scenariosDir: existsSync(String(args.scenarios)) ? resolve(String(args.scenarios)) : null,
        hecToken: token,
        maxHecBytes: positiveInt(args['max-hec-bytes'], 'max-hec-bytes', 1024 * 1024),
        maxUploadBytes: positiveInt(args['max-upload-bytes'], 'max-upload-bytes', 64 * 1024 * 1024),
        webhookUrl: args.webhook ?? null,
        allowPaths: host === '127.0.0.1' || host === '::1' || host === 'localhost',
        idleSeconds: positiveInt(args['idle-seconds'], 'idle-seconds', 30),
        log,
      });
    } catch (err) {
      process.off('SIGINT', requestStop);
      process.off('SIGTERM', requestStop);
      process.stderr.write(`sightline serve: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 2;
      return;
    }
    const { app } = running;
    process.stdout.write(
      [
        `sightline serving on ${running.url}`,
        `  rules: ${app.rules.length} (${app.realtimeRules.length} in real time)${app.rulesError ? ` - ${app.rulesError}` : ''}`,
        ...(app.sigma ? [`  ${app.sigma.summary} (refusals in the log)`] : []),
        `  data: ${dataDir}`,
        `  HEC: POST ${running.url}/services/collector/event  Authorization: Splunk <token> (token ${origin})`,
        '',
      ].join('\n'),
    );
    await new Promise<void>((done) => {
      onStop = () => {
        log('shutting down');
        void running.close().then(done);
      };
      if (stopRequested) onStop();
    });
  },
});
