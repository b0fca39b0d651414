// `sightline --help` and `sightline <command> --help`. The overview reads only the command table, so it loads
// no command module and starts fast; a command's help lists its positional arguments, its options (from the
// command's own argument table) and its two examples, which test/cli/help-examples.test.ts runs.

import type { ArgsDef } from 'citty';
import type { Style } from './output/style.ts';

export interface CommandInfo {
  readonly description: string;
  /** Two runnable examples, written as typed in a shell at the repository root (bundled data only). */
  readonly examples: readonly [string, string];
}

export const EXIT_CODES = 'exit codes: 0 success, 1 findings (alerts with --fail-on-alert, lint errors, failed tests), 2 usage, input or other errors';

const GLOBAL_OPTIONS: readonly (readonly [string, string])[] = [
  ['--debug', 'on an unexpected error, print its stack trace'],
  ['-h, --help', 'show this help'],
];

function columns(rows: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...rows.map(([a]) => a.length));
  return rows.map(([a, b]) => `  ${a.padEnd(width)}  ${b}`.trimEnd());
}

export function overviewHelp(version: string, commands: Readonly<Record<string, CommandInfo>>, s: Style): string {
  return [
    `sightline ${version}: detection engineering for cloud lateral movement`,
    '',
    s.bold('Usage:') + ' sightline <command> [arguments] [options]',
    '',
    s.bold('Commands:'),
    ...columns(Object.entries(commands).map(([name, c]) => [name, c.description])),
    '',
    s.bold('Options:'),
    ...columns([...GLOBAL_OPTIONS, ['--version', 'print the version']]),
    '',
    s.bold('Examples:'),
    ...Object.values(commands).slice(0, 2).map((c) => `  ${c.examples[0]}`),
    '',
    `Run sightline <command> --help for its arguments, options and examples; ${EXIT_CODES}.`,
    '',
  ].join('\n');
}

/** `<paths...>` for a required positional, `[paths...]` for an optional one (valueHint names it when set). */
function positionalLabel(name: string, def: { valueHint?: string; required?: boolean; default?: unknown }): string {
  const label = def.valueHint ?? name;
  return def.required !== false && def.default === undefined ? `<${label}>` : `[${label}]`;
}

export function commandHelp(name: string, info: CommandInfo, args: ArgsDef, s: Style): string {
  const positionals: [string, string][] = [];
  const options: [string, string][] = [];
  for (const [argName, def] of Object.entries(args)) {
    if (def.type === 'positional') {
      positionals.push([positionalLabel(argName, def), def.description ?? '']);
      continue;
    }
    const aliases = 'alias' in def && def.alias !== undefined ? (Array.isArray(def.alias) ? def.alias : [def.alias]) : [];
    const takesValue = def.type === 'string' || def.type === 'enum';
    const spelling = [...aliases.map((a) => (a.length === 1 ? `-${a}` : `--${a}`)), `--${argName}`].join(', ') + (takesValue ? ` <${def.valueHint ?? argName}>` : '');
    const notes = [def.required ? '(required)' : '', def.default !== undefined && takesValue && !/\(default/.test(def.description ?? '') ? `(default: ${String(def.default)})` : ''].filter(Boolean);
    options.push([spelling, [def.description ?? '', ...notes].filter(Boolean).join(' ')]);
    if (def.type === 'boolean' && def.default === true) options.push([`--no-${argName}`, `turn --${argName} off`]);
  }
  return [
    `sightline ${name}: ${info.description}`,
    '',
    s.bold('Usage:') + ` sightline ${name} ${[...positionals.map(([p]) => p), '[options]'].join(' ')}`,
    '',
    ...(positionals.length ? [s.bold('Arguments:'), ...columns(positionals), ''] : []),
    s.bold('Options:'),
    ...columns([...options, ...GLOBAL_OPTIONS]),
    '',
    s.bold('Examples:'),
    ...info.examples.map((e) => `  ${e}`),
    '',
    EXIT_CODES.replace(/^e/, 'E') + '.',
    '',
  ].join('\n');
}
