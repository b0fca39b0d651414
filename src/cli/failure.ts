// What the user sees when a command throws: one diagnostic line (and its hint), never a stack trace unless
// asked for with --debug. Exit code 2 for all of them: a usage error, input that cannot be read, or a bug.

import { SightlineError, formatDiagnostic } from '../core/diagnostics.ts';

/** System errors about the user's input (a path that is missing, a directory, unreadable), by errno code. */
const INPUT_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENAMETOOLONG: 'file name too long',
  ELOOP: 'too many symbolic links',
};

/** The message for an error thrown out of a command `command` (e.g. "convert"); `debug` appends the stack. */
export function describeFailure(command: string, err: unknown, debug: boolean): string {
  const prefix = `sightline${command ? ` ${command}` : ''}: `;
  const stack = debug && err instanceof Error && err.stack ? `\n${err.stack}` : '';
  if (err instanceof SightlineError) return prefix + formatDiagnostic(err.diagnostic) + stack;
  // citty's own argument errors ("Missing required argument: --to").
  if (err instanceof Error && err.name === 'CLIError') return `${prefix}CLI-USAGE: ${err.message}\n  hint: see sightline ${command} --help` + stack;
  const sys = err as NodeJS.ErrnoException;
  if (sys && typeof sys.code === 'string' && INPUT_ERRORS[sys.code]) {
    const path = typeof sys.path === 'string' ? `${sys.path}: ` : '';
    return `${prefix}INPUT-${sys.code}: ${path}${INPUT_ERRORS[sys.code]}` + stack;
  }
  const message = err instanceof Error ? err.message.split('\n')[0] : String(err);
  return `${prefix}INTERNAL: ${message}\n  hint: ${debug ? 'this is a bug in sightline; please report it with the stack trace below' : 'this is a bug in sightline; run again with --debug for the stack trace and report it'}` + stack;
}
