// One JSON object per result row (JSON lines): numbers stay numbers, multivalue fields become arrays,
// missing fields are left out, and `_time` is an ISO string as in Splunk's JSON export.

import type { Row } from '../../exec/row.ts';
import { isoTime } from './cells.ts';

export function rowToJsonLine(row: Row): string {
  const obj: Record<string, unknown> = row.toJSON();
  const t = obj._time;
  if (typeof t === 'number') obj._time = isoTime(t);
  else if (typeof t === 'string' && /^\d+(\.\d+)?$/.test(t)) obj._time = isoTime(Number(t));
  return JSON.stringify(obj) + '\n';
}
