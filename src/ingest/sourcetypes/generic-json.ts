// _json: any JSON object that matches none of our known log sources (Sentinel table exports, Panther test
// wrappers, GraphAPI sign-ins...). Its fields still resolve; no add-on aliases apply and it lands in index
// "main". Time comes from the first common time field present; readers fall back to the file's mtime.

import { timeFromJson } from '../parse-time.ts';
import type { SourcetypeDef } from './types.ts';

/** Time fields tried in order: Sentinel/Log Analytics, Logstash/Elastic, then generic names. */
const TIME_FIELDS = ['TimeGenerated', '@timestamp', 'timestamp', 'time', 'eventTime', 'createdDateTime', 'CreationTime', 'eventTimestamp'];

export const genericJson: SourcetypeDef = {
  name: '_json',
  index: 'main',
  aliases: [],
  reads: { values: TIME_FIELDS, present: [] },
  requiredKey: null,
  alwaysPresent: [],
  matches: () => true,
  timeOf(r) {
    for (const f of TIME_FIELDS) {
      const t = timeFromJson(r[f]);
      if (t !== null) return t;
    }
    return null;
  },
};
