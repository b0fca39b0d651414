// aws:cloudtrail: one CloudTrail record (the elements of a log file's "Records" array). Recognised by the
// fields every record type carries (AWS "CloudTrail record contents",
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html):
// eventSource and eventName, plus eventVersion, eventTime or the userIdentity object. Copies that dropped
// eventVersion and eventTime (re-shipped single records in other vendors' rule tests) are still CloudTrail
// when they keep eventSource, eventName and userIdentity; they have no time of their own, so their _time is
// borrowed (make-event.ts) and `detect` prints a notice counting them. Time is eventTime (UTC, "Z");
// Logstash-shipped copies may only keep @timestamp.

import { timeFromJson } from '../parse-time.ts';
import { isObject, isString, type SourcetypeDef } from './types.ts';

export const awsCloudtrail: SourcetypeDef = {
  name: 'aws:cloudtrail',
  index: 'aws',
  aliases: [],
  reads: { values: ['eventSource', 'eventName', 'eventVersion', 'eventTime', '@timestamp'], present: ['userIdentity'] },
  requiredKey: 'eventSource',
  // matches() requires these; every other field may be absent (errorCode only on failed calls, userIdentity.arn
  // not for every identity type: AWS "CloudTrail userIdentity element").
  alwaysPresent: ['eventSource', 'eventName'],
  matches(r) {
    if (!isString(r.eventSource) || !isString(r.eventName)) return false;
    return isString(r.eventVersion) || isString(r.eventTime) || isObject(r.userIdentity);
  },
  timeOf(r) {
    return timeFromJson(r.eventTime) ?? timeFromJson(r['@timestamp']);
  },
};
