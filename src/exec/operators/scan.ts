// The leaf that receives events: routes on sourcetype first (the set the predicate requires, so events of
// other sourcetypes are skipped without reading a field), checks the time bounds (earliest inclusive,
// latest exclusive, per the time modifiers docs: "greater than or equal to earliest and less than latest"),
// then the raw-text prefilter (literals the predicate requires, checked before any JSON parsing), then the
// leading search's predicate, and pushes matching events downstream as lazily resolved rows.
import type { Event } from '../../core/event.ts';
import { Row } from '../row.ts';
import type { Sink } from './operator.ts';
import type { RawPrefilter } from '../raw-prefilter.ts';

export class ScanOperator {
  constructor(
    private readonly next: Sink,
    private readonly predicate: ((row: Row) => boolean) | null,
    private readonly earliest: number | null,
    private readonly latest: number | null,
    private readonly sourcetypes: ReadonlySet<string> | null,
    private readonly prefilter: RawPrefilter | null,
  ) {}
  pushEvent(event: Event): void {
    const row = this.accepts(event);
    if (row !== null) this.next.push(row);
  }

  /** The event's row when this leaf takes it, else null (nothing is pushed). */
  accepts(event: Event): Row | null {
    if (this.sourcetypes !== null && !this.sourcetypes.has(event.sourcetype.toLowerCase())) return null;
    if (this.earliest !== null && !(event._time >= this.earliest)) return null;
    if (this.latest !== null && !(event._time < this.latest)) return null;
    const row = Row.fromEvent(event);
    if (this.prefilter && !this.prefilter(event, row)) return null;
    if (this.predicate && !this.predicate(row)) return null;
    return row;
  }

  /** Pushes an event that this same leaf, built from the same plan elsewhere (a scan worker), accepted. */
  pushAccepted(event: Event): void {
    this.next.push(Row.fromEvent(event));
  }
  end(): void {
    this.next.end();
  }
  get done(): boolean {
    return this.next.done;
  }
}
