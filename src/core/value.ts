// The SPL value model shared by ingest, exec, functions and backends.
// A field is missing (null), a single value, or a multivalue (an array of two or more scalars).
// Splunk has no distinct boolean field type; booleans only live inside eval/where expressions.

export type Scalar = string | number | boolean;
export type Value = null | Scalar | readonly Scalar[];

/** Normalises an array: [] -> null, [x] -> x, so a multivalue always has two or more values. */
export function mv(values: readonly Scalar[]): Value {
  if (values.length === 0) return null;
  if (values.length === 1) return values[0] as Scalar;
  return values;
}

export function isNull(v: Value | undefined): v is null | undefined {
  return v === null || v === undefined;
}

export function isMulti(v: Value): v is readonly Scalar[] {
  return Array.isArray(v);
}

/** All values of a field as a list: null -> [], scalar -> [x]. */
export function valuesOf(v: Value | undefined): readonly Scalar[] {
  if (v === null || v === undefined) return [];
  return Array.isArray(v) ? (v as readonly Scalar[]) : [v as Scalar];
}

/** First value of a field (Splunk uses the first value of a multivalue in most scalar contexts). */
export function firstOf(v: Value | undefined): Scalar | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return (v[0] as Scalar | undefined) ?? null;
  return v as Scalar;
}

/** Splunk's string form of a scalar: numbers print without a trailing ".0", booleans as true/false. */
export function scalarToString(s: Scalar): string {
  if (typeof s === 'string') return s;
  if (typeof s === 'number') return numberToString(s);
  return s ? 'true' : 'false';
}

export function numberToString(n: number): string {
  if (Number.isInteger(n)) return String(n);
  // Avoid binary noise such as 0.30000000000000004 while keeping real precision.
  return String(Number.parseFloat(n.toPrecision(15)));
}

/** String form of a whole value; multivalues join with a newline as Splunk displays them. */
export function valueToString(v: Value | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return (v as readonly Scalar[]).map(scalarToString).join('\n');
  return scalarToString(v as Scalar);
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A scalar as a number when it looks like one (" 12 " does not), else null. */
export function scalarToNumber(s: Scalar | null): number | null {
  if (s === null) return null;
  if (typeof s === 'number') return Number.isNaN(s) ? null : s;
  if (typeof s === 'boolean') return null;
  if (s.length === 0 || s.length > 64 || !NUMERIC.test(s)) return null;
  return Number(s);
}

export function isNumeric(s: Scalar | null): boolean {
  return scalarToNumber(s) !== null;
}

/** Converts a JSON value taken from a log into a field value (objects are not values). */
export function fromJson(j: unknown): Value {
  if (j === null || j === undefined) return null;
  if (typeof j === 'string' || typeof j === 'number') return j;
  if (typeof j === 'boolean') return j ? 'true' : 'false';
  if (Array.isArray(j)) {
    const out: Scalar[] = [];
    for (const x of j) {
      const v = fromJson(x);
      for (const s of valuesOf(v)) out.push(s);
    }
    return mv(out);
  }
  return JSON.stringify(j);
}
