// google:gcp:pubsub:message: a Cloud Logging LogEntry (Cloud Audit Logs among them: protoPayload is an
// AuditLog), in either layout. Exported as it is (log sink to Pub/Sub or Cloud Storage files, the Dataflow
// Pub/Sub-to-Splunk template): logName, resource, timestamp and one payload at the top. As the Splunk Add-on
// for Google Cloud Platform's Pub/Sub input indexes it: the LogEntry under `data`, beside the message's
// publish_time and attributes (splunk/splunk-gcp-functions PubSubFunction/main.py writes that envelope "to be
// compatible with Splunk's Add-On for Google Cloud Platform"). logName and resource are required in every
// LogEntry (cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry: "logName: Required", "resource:
// Required"; MonitoredResource.type: "Required"). _time is the entry's own `timestamp` ("The time the event
// described by the log entry occurred"), then receiveTimestamp, then the Pub/Sub publish time.

import { timeFromJson } from '../parse-time.ts';
import { dig, isString, type SourcetypeDef } from './types.ts';

function isLogEntry(r: unknown): boolean {
  return isString(dig(r, 'logName')) && isString(dig(r, 'resource', 'type'));
}

export const gcpLogging: SourcetypeDef = {
  name: 'google:gcp:pubsub:message',
  index: 'gcp',
  // The add-on's per-log audit sourcetypes (Admin Activity, Data Access, System Event, Policy Denied) carry
  // the same LogEntry; sightline files them all under one name and accepts these for --sourcetype.
  aliases: [
    'google:gcp:pubsub:audit:admin_activity',
    'google:gcp:pubsub:audit:data_access',
    'google:gcp:pubsub:audit:system_event',
    'google:gcp:pubsub:audit:policy_denied',
  ],
  reads: {
    values: ['logName', 'resource.type', 'timestamp', 'receiveTimestamp', 'data.logName', 'data.resource.type', 'data.timestamp', 'data.receiveTimestamp', 'publish_time'],
    present: [],
  },
  // Top-level in an exported entry, under `data` in the add-on's envelope: the prefilter looks for the quoted
  // key anywhere in the line, so both layouts keep their lines.
  requiredKey: 'logName',
  // matches() requires both, in either layout; the layout bridges (aliases.ts) answer them on both.
  alwaysPresent: ['logName', 'resource.type'],
  matches(r) {
    return isLogEntry(r) || isLogEntry(r.data);
  },
  timeOf(r) {
    return (
      timeFromJson(r.timestamp) ??
      timeFromJson(dig(r, 'data', 'timestamp')) ??
      timeFromJson(r.receiveTimestamp) ??
      timeFromJson(dig(r, 'data', 'receiveTimestamp')) ??
      timeFromJson(r.publish_time)
    );
  },
};
