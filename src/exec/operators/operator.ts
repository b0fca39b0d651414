// The push protocol every operator speaks: rows are pushed in, `end` flushes, and `done` tells the driver
// (and upstream operators) that no further input can change the output, e.g. a satisfied `head`.

import type { Row } from '../row.ts';

export interface Sink {
  push(row: Row): void;
  end(): void;
  readonly done: boolean;
}

/** Base for operators with one downstream sink: done when downstream is done. */
export abstract class Operator implements Sink {
  constructor(protected readonly next: Sink) {}
  abstract push(row: Row): void;
  end(): void {
    this.next.end();
  }
  get done(): boolean {
    return this.next.done;
  }
}

/** Collects rows; the terminal sink of runQuery. */
export class CollectSink implements Sink {
  readonly rows: Row[] = [];
  ended = false;
  push(row: Row): void {
    this.rows.push(row);
  }
  end(): void {
    this.ended = true;
  }
  get done(): boolean {
    return false;
  }
}
