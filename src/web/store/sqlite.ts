// The one place that talks to the SQLite library (libsql, see db.ts for why). The rest of the server sees
// only this small synchronous interface: prepared statements and write transactions.

import Libsql from 'libsql';

/** A value SQLite can store or bind. */
export type SqlValue = string | number | bigint | null;

export interface RunResult {
  readonly changes: number;
  readonly lastInsertRowid: number;
}

export interface Statement {
  run(...params: SqlValue[]): RunResult;
  /** The first row, or undefined when there is none. */
  get(...params: SqlValue[]): unknown;
  all(...params: SqlValue[]): unknown[];
}

export interface Db {
  prepare(sql: string): Statement;
  /** Runs statements that take no parameters (schema, pragmas). */
  exec(sql: string): void;
  /**
   * Runs `fn` inside BEGIN IMMEDIATE ... COMMIT and returns its result; when `fn` or the commit throws, the
   * transaction is rolled back and the error rethrown. Not reentrant: a transaction inside another throws.
   */
  immediateTransaction<T>(fn: () => T): T;
  close(): void;
}

type Native = Libsql.Database;
type NativeStatement = Libsql.Statement<SqlValue[]>;

class LibsqlStatement implements Statement {
  constructor(private readonly stmt: NativeStatement) {}

  run(...params: SqlValue[]): RunResult {
    const info = this.stmt.run(...params);
    return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
  }

  get(...params: SqlValue[]): unknown {
    const row = this.stmt.get(...params) as Record<string, unknown> | undefined;
    if (row === undefined) return undefined;
    // libsql adds a timing property to single rows; callers expect the selected columns only.
    const { _metadata: _timing, ...columns } = row;
    return columns;
  }

  all(...params: SqlValue[]): unknown[] {
    return this.stmt.all(...params);
  }
}

/** Past this many distinct SQL texts the statement cache starts over (queries built per filter vary a little). */
const MAX_CACHED_STATEMENTS = 256;

class LibsqlDb implements Db {
  // Statements are prepared once per SQL text: the store issues the same few statements for every request.
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly native: Native) {}

  prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = new LibsqlStatement(this.native.prepare<SqlValue[]>(sql));
      if (this.statements.size >= MAX_CACHED_STATEMENTS) this.statements.clear();
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  exec(sql: string): void {
    this.native.exec(sql);
  }

  immediateTransaction<T>(fn: () => T): T {
    this.native.exec('BEGIN IMMEDIATE');
    try {
      const result = fn();
      this.native.exec('COMMIT');
      return result;
    } catch (err) {
      // SQLite may already have rolled back by itself (I/O error, disk full); rolling back twice would throw
      // and hide the error that matters.
      if (this.native.inTransaction) this.native.exec('ROLLBACK');
      throw err;
    }
  }

  close(): void {
    // libsql has no way to finalize a statement: the file itself is closed (WAL checkpointed and removed) once
    // the dropped statements are garbage collected. Every commit is already on disk, so nothing waits on it.
    this.statements.clear();
    this.native.close();
  }
}

/** Opens a database file (or `:memory:`). The file must already exist when its mode matters: see db.ts. */
export function openSqlite(path: string): Db {
  return new LibsqlDb(new Libsql(path));
}
