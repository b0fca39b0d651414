// Colour for terminal output: only when the stream is a terminal, never when NO_COLOR is set to anything
// non-empty (https://no-color.org: "when present and not an empty string ... prevents the addition of ANSI
// color") and never for TERM=dumb. Pipes, files and CI logs get plain text.

export interface Style {
  readonly bold: (s: string) => string;
  readonly dim: (s: string) => string;
}

const plain: Style = { bold: (s) => s, dim: (s) => s };
const ansi: Style = { bold: (s) => `\u001b[1m${s}\u001b[22m`, dim: (s) => `\u001b[2m${s}\u001b[22m` };

export function wantsColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

export function styleFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Style {
  return wantsColor(stream, env) ? ansi : plain;
}
