// `join fields [subsearch]`: the subsearch side is read into a map from join key to its rows (at most
// maxout of them, with a warning past that); input rows wait until the subsearch side has ended, then each
// meets its matches in subsearch order. Both sides are fed by the same event pass, so input rows are held
// until the end. A row missing a join field has no key: it matches nothing (type=left keeps it as it is).
import type { Row } from '../row.ts';
import type { Sink } from './operator.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';
import { scalarToString, valuesOf } from '../../core/value.ts';

export interface JoinSpec {
  readonly fields: readonly string[];
  readonly type: 'inner' | 'left';
  readonly max: number;
  readonly overwrite: boolean;
  readonly maxout: number;
}

export class JoinOperator {
  private readonly right = new Map<string, Row[]>();
  private readonly held: Row[] = [];
  private rightEnded = false;
  private leftEnded = false;
  private rightSeen = 0;
  constructor(
    private readonly next: Sink,
    private readonly spec: JoinSpec,
    private readonly warn: (d: Diagnostic) => void,
  ) {}

  /** The sink the input (left side) pushes into. */
  get left(): Sink {
    const next = this.next;
    return {
      push: (row) => {
        if (this.rightEnded) this.emit(row);
        else this.held.push(row);
      },
      end: () => {
        this.leftEnded = true;
        this.finish();
      },
      get done() {
        return next.done;
      },
    };
  }

  /** The sink the subsearch pushes into. */
  get subsearch(): Sink {
    const next = this.next;
    return {
      push: (row) => {
        if (++this.rightSeen > this.spec.maxout) {
          if (this.rightSeen === this.spec.maxout + 1) {
            this.warn({ code: 'SPL-SUBSEARCH-TRUNCATED', severity: 'warning', message: `the join subsearch returned more than ${this.spec.maxout} rows; the rest were dropped` });
          }
          return;
        }
        const key = this.key(row);
        if (key === null) return;
        const rows = this.right.get(key);
        if (rows) rows.push(row);
        else this.right.set(key, [row]);
      },
      end: () => {
        this.rightEnded = true;
        for (const r of this.held.splice(0)) if (!this.next.done) this.emit(r);
        this.finish();
      },
      get done() {
        return next.done;
      },
    };
  }

  private finish(): void {
    if (this.leftEnded && this.rightEnded) this.next.end();
  }

  private key(row: Row): string | null {
    const parts: string[] = [];
    for (const f of this.spec.fields) {
      const v = row.get(f);
      if (v === null) return null;
      parts.push(JSON.stringify(valuesOf(v).map(scalarToString)));
    }
    return parts.join('\u0000');
  }

  private emit(row: Row): void {
    const key = this.key(row);
    const found = key === null ? undefined : this.right.get(key);
    if (!found) {
      if (this.spec.type === 'left') this.next.push(row);
      return;
    }
    const matches = this.spec.max > 0 ? found.slice(0, this.spec.max) : found;
    matches.forEach((match, i) => {
      const out = i === matches.length - 1 ? row : row.clone();
      for (const name of match.fieldNames()) {
        if (this.spec.overwrite || out.get(name) === null) out.set(name, match.get(name));
      }
      if (!this.next.done) this.next.push(out);
    });
  }
}
