// The CLI: `sightline <command> ...`, started by src/main.ts. Each subcommand lives in cli/commands/<name>.ts
// (serve in web/serve-command.ts) and is loaded lazily, so `sightline search` never pays for the web server or
// DuckDB, and `sightline --help` loads no command at all. This dispatcher owns the conventions every command
// shares (README "Command-line conventions"): exit 0 success, 1 findings, 2 usage, input or other errors;
// unknown flags are errors with a suggestion; a thrown error prints one diagnostic, its stack only with --debug.

import { readFileSync } from 'node:fs';
import { runCommand } from 'citty';
import type { ArgsDef, CommandDef } from 'citty';
import { packagePath } from '../core/package-root.ts';
import { checkArgv } from './argv.ts';
import { describeFailure } from './failure.ts';
import { commandHelp, overviewHelp, type CommandInfo } from './help.ts';
import { styleFor } from './output/style.ts';
import { closest } from './suggest.ts';

// Each command has its own argument shape, so the table holds them as citty's own subCommands type does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loader = () => Promise<CommandDef<any>>;
export type CommandTable = Record<string, CommandInfo & { load: Loader }>;

const RULE = 'rules/direct-cloud-vm-connection-t1021-008.yml';

/** The command table; `serve` is the web server's command, handed in by the program entry (src/main.ts). */
export function cliCommands(serve: Loader): CommandTable {
  return {
    search: {
      description: 'Run an SPL query over raw log files',
      examples: [
        `sightline search 'sourcetype="aws:cloudtrail" | stats count by eventName' demo/`,
        `sightline search 'sourcetype="aws:cloudtrail" eventName=StartSession | table _time, userIdentity.arn' demo/ --format csv`,
      ],
      load: async () => (await import('./commands/search.ts')).default,
    },
    detect: {
      description: 'Run every rule over log files in one pass and print alerts',
      examples: ['sightline detect demo/', 'sightline detect demo/ --format json --suppress 1h'],
      load: async () => (await import('./commands/detect.ts')).default,
    },
    lint: {
      description: 'Check rules or a query for errors Splunk would reject, with rewrites',
      examples: ['sightline lint rules/', `sightline lint --query 'sourcetype="aws:cloudtrail" | stats count by eventName'`],
      load: async () => (await import('./commands/lint.ts')).default,
    },
    convert: {
      description: 'Translate rules to Sigma, KQL, ES|QL, SQL or SPL',
      examples: [`sightline convert ${RULE} --to kql`, 'sightline convert rules/ --to sql --out translations/'],
      load: async () => (await import('./commands/convert.ts')).default,
    },
    simulate: {
      description: 'Generate attack and benign telemetry from scenarios',
      examples: ['sightline simulate --list', 'sightline simulate --all --out logs/'],
      load: async () => (await import('./commands/simulate.ts')).default,
    },
    test: {
      description: 'Prove each rule fires on its attacks and stays quiet on benign activity',
      examples: ['sightline test', 'sightline test direct-cloud-vm-connection-t1021-008 --format json'],
      load: async () => (await import('./commands/test.ts')).default,
    },
    serve: {
      description: 'Start the web catalog, analysis UI and HEC ingest server',
      examples: ['sightline serve', 'sightline serve --port 9000 --data ./sightline-data'],
      load: serve,
    },
    explain: {
      description: 'Print the parse tree and logical plan of a query',
      examples: [`sightline explain 'sourcetype="aws:cloudtrail" | stats count by eventName'`, `sightline explain 'eventName=StartSession | head 5' --plan-only`],
      load: async () => (await import('./commands/explain.ts')).default,
    },
  };
}

function version(): string {
  return (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;
}

/** Where the dispatcher itself writes help and usage errors (the commands write to the process streams). */
export interface CliStreams {
  readonly stdout: { write(s: string): unknown; isTTY?: boolean };
  readonly stderr: { write(s: string): unknown; isTTY?: boolean };
}

/** Runs the CLI and returns the exit code (commands set process.exitCode for non-zero results). */
export async function runCli(argv: readonly string[], commands: CommandTable, io: CliStreams = process): Promise<number> {
  const end = argv.indexOf('--') < 0 ? argv.length : argv.indexOf('--');
  const debug = argv.slice(0, end).includes('--debug');
  const args = argv.filter((a, i) => !(i < end && a === '--debug'));
  const wantsHelp = (list: readonly string[]) => list.slice(0, list.indexOf('--') < 0 ? list.length : list.indexOf('--')).some((a) => a === '--help' || a === '-h');
  const usage = (prefix: string, message: string, hint: string) => {
    io.stderr.write(`${prefix}: ${message}\n  hint: ${hint}\n`);
    return 2;
  };

  let name = args[0];
  let rest = args.slice(1);
  if (name === 'help') {
    // `sightline help detect` is `sightline detect --help`.
    name = rest[0];
    rest = ['--help'];
  }
  if (name === undefined || name === '--help' || name === '-h') {
    const stream = name === undefined ? io.stderr : io.stdout;
    stream.write(overviewHelp(version(), commands, styleFor(stream)));
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${version()}\n`);
    return 0;
  }
  if (name.startsWith('-')) return usage('sightline', `CLI-UNKNOWN-OPTION: unknown option ${name} before the command`, 'sightline <command> [arguments] [options]; sightline --help lists the commands');
  const entry = commands[name];
  if (!entry) {
    const near = closest(name, Object.keys(commands));
    return usage('sightline', `CLI-UNKNOWN-COMMAND: unknown command ${JSON.stringify(name)}`, near ? `did you mean sightline ${near}?` : `the commands are ${Object.keys(commands).join(', ')}`);
  }

  installCrashHandlers(name, debug);
  try {
    const cmd = await entry.load();
    const argDefs = (await (typeof cmd.args === 'function' ? cmd.args() : cmd.args)) ?? {};
    if (wantsHelp(rest)) {
      io.stdout.write(commandHelp(name, entry, argDefs as ArgsDef, styleFor(io.stdout)));
      return 0;
    }
    const problem = checkArgv(rest, argDefs as ArgsDef);
    if (problem) return usage(`sightline ${name}`, `CLI-BAD-OPTION: ${problem.message}`, problem.hint ?? `see sightline ${name} --help`);
    process.exitCode = 0;
    await runCommand(cmd, { rawArgs: rest });
  } catch (err) {
    io.stderr.write(`${describeFailure(name, err, debug)}\n`);
    return 2;
  }
  return typeof process.exitCode === 'number' ? process.exitCode : 0;
}

/** The command and --debug of the run in progress, for the crash handlers (installed once per process). */
let running: { command: string; debug: boolean } | null = null;

/** Errors thrown outside the command's promise chain (a stream's 'error' event, a stray rejection) get the
 *  same one-line report as thrown ones, instead of Node's default stack dump. */
function installCrashHandlers(command: string, debug: boolean): void {
  const first = running === null;
  running = { command, debug };
  if (!first) return;
  const crash = (err: unknown) => {
    process.stderr.write(`${describeFailure(running?.command ?? '', err, running?.debug ?? false)}\n`);
    process.exit(2);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
}
