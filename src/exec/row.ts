// A result row flowing between operators. It wraps an Event lazily: reads fall through to event.get until a
// field is overwritten or deleted, so a filter that reads two fields never materialises the whole record.
// Rows built by generators and aggregations have no event and hold only their own fields.

import type { Event } from '../core/event.ts';
import { firstOf, scalarToNumber, type Scalar, type Value } from '../core/value.ts';

/** Marks a field that was deleted from a row whose event still has it. */
const DELETED = Symbol('deleted');
type Slot = Value | typeof DELETED;

/** One-entry cache: the driver hands each event to every scan in turn, so the last event is the hot one. */
let lastEvent: Event | null = null;
let lastLowerRaw = '';

export class Row {
  /** Fields set or deleted on this row; most rows never get one, so the map is created on first write. */
  private ownMap: Map<string, Slot> | undefined;
  private lowerRawCache: string | undefined;
  /** Which of the event's fields still show (after `fields`); undefined: all. */
  private visible: ((name: string) => boolean) | undefined;

  private constructor(private readonly event: Event | null) {}

  private get own(): Map<string, Slot> {
    return (this.ownMap ??= new Map());
  }

  static fromEvent(event: Event): Row {
    return new Row(event);
  }

  /** A row with exactly these fields (null values are skipped), in this order. */
  static fromFields(fields: Iterable<readonly [string, Value]>): Row {
    const row = new Row(null);
    for (const [name, value] of fields) if (value !== null) row.own.set(name, value);
    return row;
  }

  get(name: string): Value {
    const slot = this.ownMap?.get(name);
    if (slot === DELETED) return null;
    if (slot !== undefined) return slot;
    if (!this.event || (this.visible && !this.visible(name))) return null;
    return this.event.get(name);
  }

  /**
   * Hides every field `keep` rejects (`fields`): the row's own ones now, the event's lazily, so nothing is
   * enumerated (enumerating an event's fields parses its whole record and computes every alias). Fields set
   * afterwards show as usual.
   */
  restrict(keep: (name: string) => boolean): void {
    if (this.ownMap) {
      for (const [name, slot] of [...this.ownMap]) {
        if (slot === DELETED || keep(name)) continue;
        if (this.event) this.ownMap.set(name, DELETED);
        else this.ownMap.delete(name);
      }
    }
    const before = this.visible;
    this.visible = before ? (name) => before(name) && keep(name) : keep;
    if (!keep('_raw')) this.lowerRawCache = undefined;
  }

  /** Setting null removes the field (eval of a null result removes the field). */
  set(name: string, value: Value): void {
    if (value === null) {
      this.delete(name);
      return;
    }
    this.own.set(name, value);
    if (name === '_raw') this.lowerRawCache = undefined;
  }

  delete(name: string): void {
    if (this.event) this.own.set(name, DELETED);
    else this.own.delete(name);
    if (name === '_raw') this.lowerRawCache = undefined;
  }

  has(name: string): boolean {
    return this.get(name) !== null;
  }

  /** Epoch seconds of the row, or null when `_time` is missing or not numeric. */
  get time(): number | null {
    return scalarToNumber(firstOf(this.get('_time')));
  }

  /**
   * `_raw` lower-cased once, for case-insensitive term matching. While the row still shows its event's raw
   * text, the result is shared with every other row of the same event (each scan of each rule makes one).
   */
  lowerRaw(): string {
    if (this.lowerRawCache === undefined) {
      if (this.event && this.ownMap?.get('_raw') === undefined && (!this.visible || this.visible('_raw'))) {
        if (lastEvent !== this.event) {
          lastEvent = this.event;
          lastLowerRaw = this.event._raw.toLowerCase();
        }
        this.lowerRawCache = lastLowerRaw;
      } else {
        const raw = this.get('_raw');
        this.lowerRawCache = raw === null ? '' : String(firstOf(raw)).toLowerCase();
      }
    }
    return this.lowerRawCache;
  }

  /** Every field the row has: the event's (minus deleted ones), then fields added to the row, in order. */
  fieldNames(): string[] {
    const names: string[] = [];
    const seen = new Set<string>();
    if (this.event) {
      for (const name of this.event.fieldNames()) {
        if (seen.has(name)) continue;
        seen.add(name);
        const slot = this.own.get(name);
        if (slot === DELETED) continue;
        if (slot === undefined && ((this.visible && !this.visible(name)) || this.event.get(name) === null)) continue;
        names.push(name);
      }
    }
    for (const [name, slot] of this.own) {
      if (seen.has(name) || slot === DELETED || slot === null) continue;
      seen.add(name);
      names.push(name);
    }
    return names;
  }

  /** An independent copy (mvexpand, eventstats): later writes to either do not affect the other. */
  clone(): Row {
    const copy = new Row(this.event);
    for (const [k, v] of this.own) copy.own.set(k, v);
    copy.visible = this.visible;
    return copy;
  }

  /** Plain object form: multivalue fields become arrays. */
  toJSON(): Record<string, Scalar | Scalar[]> {
    const out: Record<string, Scalar | Scalar[]> = {};
    for (const name of this.fieldNames()) {
      const v = this.get(name);
      if (v === null) continue;
      out[name] = Array.isArray(v) ? [...(v as readonly Scalar[])] : (v as Scalar);
    }
    return out;
  }
}
