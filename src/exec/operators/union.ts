// Merges several inputs. multisearch/union: rows pass through as they arrive, so branches fed by the same
// event stream interleave in event order (Splunk interleaves streaming branches on _time; for time-ordered
// input that is the same order). append: rows of input 0 pass through; rows of later inputs are held until
// input 0 ends, then emitted after them. `maxout` caps each appended input (append) or each input (union).
import type { Row } from '../row.ts';
import type { Sink } from './operator.ts';
import type { Diagnostic } from '../../core/diagnostics.ts';

export class UnionOperator {
  private open: number;
  private readonly held: Row[][];
  private mainEnded = false;
  constructor(
    private readonly next: Sink,
    private readonly inputCount: number,
    private readonly append: boolean,
    private readonly maxout: number | null,
    private readonly warn: (d: Diagnostic) => void,
  ) {
    this.open = inputCount;
    this.held = Array.from({ length: inputCount }, () => []);
  }
  /** The sink that input `i` pushes into. */
  input(i: number): Sink {
    let seen = 0;
    let truncated = false;
    const next = this.next;
    const limit = this.append ? (i > 0 ? this.maxout : null) : this.maxout;
    return {
      push: (row) => {
        seen++;
        if (limit !== null && seen > limit) {
          if (!truncated) {
            truncated = true;
            this.warn({ code: 'SPL-SUBSEARCH-TRUNCATED', severity: 'warning', message: `subsearch ${i} returned more than maxout=${limit} rows; the rest were dropped` });
          }
          return;
        }
        if (this.append && i > 0 && !this.mainEnded) this.held[i]!.push(row);
        else this.next.push(row);
      },
      end: () => {
        if (i === 0 && this.append) {
          this.mainEnded = true;
          for (const rows of this.held) for (const r of rows.splice(0)) this.next.push(r);
        }
        if (--this.open === 0) this.next.end();
      },
      get done() {
        return next.done;
      },
    };
  }
  get done(): boolean {
    return this.next.done;
  }
  get inputs(): number {
    return this.inputCount;
  }
}
