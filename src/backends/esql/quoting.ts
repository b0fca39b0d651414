// ES|QL literals and identifiers: strings in double quotes with backslash escapes, odd names in backticks.

export function esqlString(s: string): string {
  return JSON.stringify(s);
}

export function esqlIdent(name: string): string {
  return /^[A-Za-z_@][A-Za-z0-9_.@]*$/.test(name) && !name.endsWith('.') ? name : `\`${name.replace(/`/g, '``')}\``;
}

/** A LIKE pattern: `*` any run, `?` one character; literal ones escaped with a backslash. */
export function esqlLikePattern(parts: readonly string[]): string {
  return parts.map((p) => p.replace(/[\\*?]/g, (c) => `\\${c}`)).join('*');
}
