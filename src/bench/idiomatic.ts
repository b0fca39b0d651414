// The SQL a DuckDB user writes for each bench query, kept as hand-written files under idiomatic/: a typed
// read_ndjson with only the columns the query reads, plain = / IN (lower() where SPL compares
// case-insensitively), lookups and allowlists read from rules/lookups with read_csv. Placeholders: {{file}}
// is the data file, {{lookups}} the lookup directory. detect-pack scans the file once into a temp table and
// runs every rule file of idiomatic/rules/ on it. Imports nothing of sightline's engine (see query-names.ts).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { T1021_RULE, type QueryName } from './query-names.ts';

const DIR = join(import.meta.dirname, 'idiomatic');

export interface IdiomaticScript {
  /** Statements run first (macros, the events table); their time counts. */
  readonly setup: readonly string[];
  /** One query per key (rule id, or the query's name), compared with sightline's rows of the same key. */
  readonly queries: ReadonlyMap<string, string>;
}

function sqlLiteral(text: string): string {
  return text.replace(/'/g, "''");
}

/** The statements of one .sql file with its placeholders filled (a statement ends with `;` at a line end). */
export function statementsOf(relative: string, file: string, lookups: string): string[] {
  const text = readFileSync(join(DIR, relative), 'utf8').replaceAll('{{file}}', sqlLiteral(file)).replaceAll('{{lookups}}', sqlLiteral(lookups));
  return text
    .split(/;[ \t]*$/m)
    .map((s) => s.trim())
    .filter((s) => s.replace(/^--.*$/gm, '').trim() !== '');
}

function single(relative: string, file: string, lookups: string): string {
  const s = statementsOf(relative, file, lookups);
  if (s.length !== 1) throw new Error(`${relative}: expected one statement, found ${s.length}`);
  return s[0]!;
}

/** The rule ids that have an idiomatic query (idiomatic/rules/<id>.sql). */
export function idiomaticRuleIds(): string[] {
  return readdirSync(join(DIR, 'rules'))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -'.sql'.length))
    .sort();
}

/** The idiomatic DuckDB script of a bench query over `file`. */
export function idiomaticScript(name: QueryName, file: string, lookups: string): IdiomaticScript {
  const macros = statementsOf('macros.sql', file, lookups);
  const rules = (ids: readonly string[]) => new Map(ids.map((id) => [id, single(join('rules', `${id}.sql`), file, lookups)]));
  switch (name) {
    case 'rare-filter':
    case 'stats-dc':
      return { setup: macros, queries: new Map([[name, single(`${name}.sql`, file, lookups)]]) };
    case 't1021-008':
    case 'gzip':
      return { setup: [...macros, ...statementsOf('events-t1021-008.sql', file, lookups)], queries: rules([T1021_RULE]) };
    case 'detect-pack':
      return { setup: [...macros, ...statementsOf('events-detect-pack.sql', file, lookups)], queries: rules(idiomaticRuleIds()) };
  }
}
