// Checks a command's raw arguments against its declared options before the command runs, so a misspelt or
// unknown flag is a usage error with a suggestion instead of being ignored or read as a path (`--formt json`).
// It reads only the command's citty argument table, so options a command adds later are checked the same way.

import type { ArgsDef } from 'citty';
import { closest } from './suggest.ts';

/** Flags every command takes; the dispatcher handles them (cli/main.ts). */
export const GLOBAL_FLAGS = ['help', 'debug'] as const;

export interface UsageProblem {
  readonly message: string;
  readonly hint?: string;
}

/** `plan-only` → `planOnly`: citty accepts both spellings of every option. */
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

interface KnownFlag {
  readonly name: string;
  readonly takesValue: boolean;
}

/** Every spelling of every option of a command: its name, camelCase form, aliases and `no-` forms of booleans. */
function knownFlags(args: ArgsDef): Map<string, KnownFlag> {
  const known = new Map<string, KnownFlag>();
  for (const [name, def] of Object.entries(args)) {
    if (def.type === 'positional') continue;
    const takesValue = def.type === 'string' || def.type === 'enum';
    const aliases = 'alias' in def && def.alias !== undefined ? (Array.isArray(def.alias) ? def.alias : [def.alias]) : [];
    for (const spelling of new Set([name, camel(name), ...aliases])) {
      known.set(spelling, { name, takesValue });
      if (!takesValue) known.set(`no-${spelling}`, { name, takesValue: false });
    }
  }
  for (const g of GLOBAL_FLAGS) known.set(g, { name: g, takesValue: false });
  known.set('h', { name: 'help', takesValue: false });
  return known;
}

/** The first problem in `argv` (the arguments after the command name), or null when every flag is known. */
export function checkArgv(argv: readonly string[], args: ArgsDef): UsageProblem | null {
  const known = knownFlags(args);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') break;
    // A lone `-` is stdin, and `-5`-like words are values, not flags.
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) continue;
    const body = arg.replace(/^--?/, '');
    const eq = body.indexOf('=');
    const name = eq >= 0 ? body.slice(0, eq) : body;
    const flag = known.get(name);
    if (!flag) {
      const spellings = [...known.keys()].filter((k) => k.length > 1);
      const near = closest(name, spellings);
      return { message: `unknown option ${arg.slice(0, arg.length - body.length)}${name}`, ...(near ? { hint: `did you mean --${near}?` } : {}) };
    }
    if (flag.takesValue && eq < 0) {
      if (i + 1 >= argv.length) return { message: `option --${name} needs a value`, hint: `--${name} <value> or --${name}=<value>` };
      i++;
    }
  }
  return null;
}
