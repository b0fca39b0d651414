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
