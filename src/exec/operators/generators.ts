// Generating leaves: `makeresults [count=N]` makes N rows holding only _time (the run's `now`, whole
// seconds); `inputlookup table` makes one row per CSV record (empty cells are missing fields).
import { Row } from '../row.ts';
import type { Sink } from './operator.ts';
import type { CsvTable } from '../csv.ts';

export interface Generator {
  start(): void;
}

export function makeresults(next: Sink, count: number, now: number): Generator {
  return {
    start() {
      const t = Math.floor(now);
      for (let i = 0; i < count && !next.done; i++) next.push(Row.fromFields([['_time', t]]));
      next.end();
    },
  };
}

export function inputlookup(next: Sink, table: CsvTable): Generator {
  return {
    start() {
      for (const r of table.rows) {
        if (next.done) break;
        next.push(Row.fromFields(table.columns.map((c, i) => [c, r[i] ?? null] as const)));
      }
      next.end();
    },
  };
}
