// Bounds that keep hostile or broken input from exhausting memory or the stack. A record (line) longer
// than maxRecordBytes is reported and skipped without being buffered whole; nesting deeper than maxDepth is
// reported too: V8's JSON.parse copes, but JSON.stringify and recursive walkers overflow near 10,000 levels.

export interface IngestLimits {
  readonly maxRecordBytes: number;
  readonly maxDepth: number;
}

export const DEFAULT_LIMITS: IngestLimits = {
  maxRecordBytes: 16 * 1024 * 1024,
  maxDepth: 512,
};
