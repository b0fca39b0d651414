// The shape of a sourcetype definition: how to recognise a record of that log source, where its event time
// lives, and which Splunk index the seed detections expect it in. One file per log source implements it.

export interface SourcetypeDef {
  /** The Splunk sourcetype name, e.g. `aws:cloudtrail`. */
  readonly name: string;
  /** The index the seed detections search (`index=aws`...). */
  readonly index: string;
  /** Other names accepted for `--sourcetype` (e.g. the add-on's `azure:monitor:aad`). */
  readonly aliases: readonly string[];
  /** True when a parsed record has this source's shape. Called on plain objects only. */
  matches(record: Readonly<Record<string, unknown>>): boolean;
  /**
   * Epoch seconds from the source's own time field(s), null when the record has none, or TIME_OUT_OF_RANGE
   * (NaN, core/event-time.ts) when it has one outside the accepted range.
   */
  timeOf(record: Readonly<Record<string, unknown>>): number | null;
  /**
   * What matches() and timeOf() read, so that a record projected to these parts (scan/json-projector.ts)
   * gets the same answers: `values` are field names whose values they read, `present` top-level keys of
   * which they only test presence or whether the value is an object. Checked by test/scan/projection.
   */
  readonly reads: { readonly values: readonly string[]; readonly present: readonly string[] };
  /**
   * A key that every record matches() accepts has, at the top or nested (so a line without the quoted key
   * cannot be one): the scan prefilter requires its quoted bytes when a search is routed to this sourcetype.
   * Null: none.
   */
  readonly requiredKey: string | null;
  /**
   * Splunk field names every record of this sourcetype has a value for (matches() requires them, or the
   * definition sets them): the nullability fact lint reads (a `stats ... by` over any other field of the
   * sourcetype may meet a null key and drop the event). `_time`, `sourcetype`, `index`, `source` and `host`
   * are always set and need not be listed.
   */
  readonly alwaysPresent: readonly string[];
}

/** Reads a nested property without throwing on missing levels. */
export function dig(record: unknown, ...path: string[]): unknown {
  let node = record;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

export function isString(v: unknown): v is string {
  return typeof v === 'string';
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
