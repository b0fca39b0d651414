// Loading macro definitions: Splunk macros.conf stanzas and splunk/security_content macro YAML files
// (`name`, `definition`, `arguments`), from single files or a directory of them.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { MacroTable, type MacroDefinition, type MacroTableOptions } from './table.ts';

// Every query is parsed through the macro expander, which shares a module graph with this loader: yaml
// (some 70 CommonJS files) is required only when a YAML macro file is read, not at every start.
const require = createRequire(import.meta.url);
const parseYaml = (text: string): unknown => (require('yaml') as typeof import('yaml')).parse(text);

/**
 * Loads macros from a macros.conf file, a macro YAML file, or a directory of them (non-recursive).
 * Throws on unreadable files; malformed stanzas are reported with the file name.
 */
export function loadMacros(paths: string | readonly string[], options: MacroTableOptions = {}): MacroTable {
  const table = new MacroTable([], options);
  for (const p of typeof paths === 'string' ? [paths] : paths) {
    const files = statSync(p).isDirectory()
      ? readdirSync(p)
          .filter((f) => /\.(ya?ml|conf)$/.test(f))
          .sort()
          .map((f) => join(p, f))
      : [p];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const defs = extname(file) === '.conf' ? parseMacrosConf(text, file) : [macroFromYaml(text, file)];
      for (const d of defs) table.add(d);
    }
  }
  return table;
}

/** One security_content macro file: `name`, `definition`, optional `arguments: [a, b]`. */
export function macroFromYaml(text: string, source = 'macro.yml'): MacroDefinition {
  const doc = parseYaml(text) as Record<string, unknown> | null;
  const name = doc?.['name'];
  const definition = doc?.['definition'];
  if (typeof name !== 'string' || (typeof definition !== 'string' && typeof definition !== 'number')) {
    throw new Error(`${source}: a macro file needs string fields 'name' and 'definition'`);
  }
  const rawArgs = doc?.['arguments'];
  const args = Array.isArray(rawArgs) ? rawArgs.map((a) => String(a).trim()) : [];
  return { name: name.replace(/\(\d+\)$/, ''), args, definition: String(definition), source };
}

/**
 * macros.conf: `[name]` or `[name(N)]` stanzas with `definition = ...`, `args = a, b`, `iseval = 0|1`.
 * A line ending in `\` continues on the next line; `#` starts a comment line.
 */
export function parseMacrosConf(text: string, source = 'macros.conf'): MacroDefinition[] {
  const out: MacroDefinition[] = [];
  let current: { name: string; arity: number; fields: Record<string, string>; line: number } | null = null;
  const finish = (): void => {
    if (!current) return;
    const def = current.fields['definition'];
    if (def === undefined) throw new Error(`${source}:${current.line}: stanza [${current.name}] has no definition`);
    const args = (current.fields['args'] ?? '').split(',').map((a) => a.trim()).filter((a) => a.length > 0);
    if (args.length !== current.arity) {
      throw new Error(`${source}:${current.line}: stanza [${current.name}(${current.arity})] declares ${args.length} args`);
    }
    out.push({ name: current.name, args, definition: def, iseval: current.fields['iseval']?.trim() === '1', source });
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const startLine = n + 1;
    let line = lines[n] as string;
    // A trailing backslash continues the value on the next line (the newline is kept).
    while (line.endsWith('\\') && n + 1 < lines.length) line = line.slice(0, -1) + '\n' + (lines[++n] as string);
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const stanza = /^\[([^\]]+?)(?:\((\d+)\))?\]$/.exec(trimmed);
    if (stanza) {
      finish();
      current = { name: (stanza[1] as string).trim(), arity: Number(stanza[2] ?? 0), fields: {}, line: startLine };
      continue;
    }
    const kv = /^\s*([A-Za-z_][\w.]*)\s*=\s*([\s\S]*)$/.exec(line);
    if (!kv || !current) throw new Error(`${source}:${startLine}: expected [stanza] or key = value`);
    current.fields[(kv[1] as string).toLowerCase()] = (kv[2] as string).trimEnd();
  }
  finish();
  return out;
}
