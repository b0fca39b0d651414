// The CLI: `sightline <command> ...`, started by src/main.ts. Each subcommand lives in cli/commands/<name>.ts
// (serve in web/serve-command.ts) and is loaded lazily, so `sightline search` never pays for the web server or
// DuckDB. Exit codes: 0 ok, 1 findings (lint errors, failed tests), 2 usage or query errors.

import { runMain, defineCommand } from 'citty';
import type { CommandDef } from 'citty';

// Each command has its own argument shape, so the table holds them as citty's own subCommands type does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loader = () => Promise<CommandDef<any>>;
export type CommandTable = Record<string, { description: string; load: Loader }>;

/** The command table; `serve` is the web server's command, handed in by the program entry (src/main.ts). */
export function cliCommands(serve: Loader): CommandTable {
  return {
    search: { description: 'Run an SPL query over raw log files', load: async () => (await import('./commands/search.ts')).default },
    detect: { description: 'Run every rule over log files in one pass and print alerts', load: async () => (await import('./commands/detect.ts')).default },
    lint: { description: 'Check rules or a query for errors Splunk would reject, with rewrites', load: async () => (await import('./commands/lint.ts')).default },
    convert: { description: 'Translate rules to Sigma, KQL, ES|QL, SQL or SPL', load: async () => (await import('./commands/convert.ts')).default },
    simulate: { description: 'Generate attack and benign telemetry from scenarios', load: async () => (await import('./commands/simulate.ts')).default },
    test: { description: 'Prove each rule fires on its attacks and stays quiet on benign activity', load: async () => (await import('./commands/test.ts')).default },
    serve: { description: 'Start the web catalog, analysis UI and HEC ingest server', load: serve },
    explain: { description: 'Print the parse tree and logical plan of a query', load: async () => (await import('./commands/explain.ts')).default },
  };
}

/** Runs the CLI and returns the exit code (commands set process.exitCode for non-zero results). */
export async function runCli(argv: readonly string[], commands: CommandTable): Promise<number> {
  const subCommands: Record<string, Loader> = {};
  for (const [name, c] of Object.entries(commands)) subCommands[name] = c.load;
  const main = defineCommand({
    meta: { name: 'sightline', version: '0.1.0', description: 'Detection engineering for cloud lateral movement' },
    subCommands,
  });
  process.exitCode = 0;
  try {
    await runMain(main, { rawArgs: [...argv] });
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}
