// The program entry (bin/sightline): the CLI's commands with the web server's `serve` among them. It is the one
// module that imports both front ends, so src/cli and src/web never import each other.

import { cliCommands, runCli } from './cli/main.ts';

/** Runs `sightline <argv>` and returns the exit code. */
export async function runSightline(argv: readonly string[]): Promise<number> {
  return runCli(argv, cliCommands(async () => (await import('./web/serve-command.ts')).default));
}
