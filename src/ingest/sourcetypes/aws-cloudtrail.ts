// aws:cloudtrail: one CloudTrail record (the elements of a log file's "Records" array). Recognised by the
// fields every record type carries (AWS "CloudTrail record contents"): eventSource and eventName, plus
// eventVersion or eventTime. Time is eventTime (UTC, "Z"); Logstash-shipped copies may only keep @timestamp.

import { timeFromJson } from '../parse-time.ts';
import { isString, type SourcetypeDef } from './types.ts';

export const awsCloudtrail: SourcetypeDef = {
  name: 'aws:cloudtrail',
  index: 'aws',
  aliases: [],
  reads: { values: ['eventSource', 'eventName', 'eventVersion', 'eventTime', '@timestamp'], present: [] },
  requiredKey: 'eventSource',
  matches(r) {
    return isString(r.eventSource) && isString(r.eventName) && (isString(r.eventVersion) || isString(r.eventTime));
  },
  timeOf(r) {
    return timeFromJson(r.eventTime) ?? timeFromJson(r['@timestamp']);
  },
};
