// Runs a translated SQL script in an in-memory DuckDB and returns its rows as plain JS values (lists for
// multivalues, numbers for numerics). Used by the differential test and `convert --to sql --check`.

import { DuckDBInstance } from '@duckdb/node-api';
import type { SqlScript } from './index.ts';

export type SqlRow = Record<string, unknown>;

export async function runSqlScript(script: SqlScript): Promise<SqlRow[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    await conn.run("SET TimeZone = 'UTC'");
    const statements = script.statements;
    for (const s of statements.slice(0, -1)) await conn.run(s);
    const reader = await conn.runAndReadAll(statements[statements.length - 1]!);
    return reader.getRowObjectsJS() as SqlRow[];
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

/** Binds the script's query without data (EXPLAIN over an empty input file); returns binder/parser errors. */
export async function explainSqlScript(script: SqlScript): Promise<string[]> {
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'sightline-sql-'));
  const file = join(dir, 'empty.ndjson');
  writeFileSync(file, '{}\n');
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const statements = script.statements;
    for (const s of statements.slice(0, -1)) await conn.run(s);
    // The input list is the only file reference; point it at the empty file.
    const query = statements[statements.length - 1]!.replace(/(read_json(?:_objects)?)\(\[[^\]]*\]/, (_m, fn: string) => `${fn}(['${file.replace(/'/g, "''")}']`);
    await conn.run(`EXPLAIN ${query.replace(/^--.*\n/gm, '')}`);
    return [];
  } catch (err) {
    return [err instanceof Error ? err.message : String(err)];
  } finally {
    conn.closeSync();
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}
