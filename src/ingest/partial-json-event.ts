// An event built from a projection of its record (scan/json-projector.ts): the parts of the JSON that the
// plans read, decoded straight from the line's bytes. Fields in `answerable` resolve on the projection, which
// holds exactly what the whole record holds for them; any other field, `fieldNames()` and the aliases that
// read the record itself parse the raw text on first use, so no result depends on the projection being wide
// enough.

import { JsonEvent, type EventMeta } from './json-event.ts';

export class PartialJsonEvent extends JsonEvent {
  constructor(
    raw: string | Uint8Array,
    meta: EventMeta,
    private readonly partial: Readonly<Record<string, unknown>>,
    /** Field names the projection answers exactly (one set shared by every event of a scan). */
    private readonly answerable: ReadonlySet<string>,
  ) {
    super(raw, meta);
  }

  protected override recordFor(field: string): unknown {
    return this.answerable.has(field) ? this.partial : this.record();
  }
}
