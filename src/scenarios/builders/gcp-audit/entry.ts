// A Cloud Audit Logs entry: a LogEntry (logName, resource, timestamp, receiveTimestamp, severity, insertId)
// whose protoPayload is an AuditLog (serviceName, methodName, resourceName, authenticationInfo,
// authorizationInfo[], requestMetadata, status, request, metadata). Timestamps are RFC 3339 with microseconds
// and a Z, as Cloud Logging exports them.
// https://cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry
// https://cloud.google.com/logging/docs/reference/audit/auditlog/rest/Shared.Types/AuditLog

import { z } from 'zod';
import type { BuildInput, OutputRecord } from '../types.ts';

export const LOGS = ['activity', 'data_access', 'system_event', 'policy'] as const;

export const EntryParams = z.object({
  service: z.string(),
  method: z.string(),
  resource_name: z.string(),
  /** Which audit log: Admin Activity, Data Access, System Event, Policy Denied. */
  log: z.enum(LOGS).default('activity'),
  resource_type: z.string().default('gce_instance'),
  resource_labels: z.record(z.string(), z.string()).default({}),
  /** LogEntry labels (OS Login writes instance_id and zone there). */
  labels: z.record(z.string(), z.string()).optional(),
  permission: z.string().optional(),
  granted: z.boolean().default(true),
  request: z.record(z.string(), z.unknown()).optional(),
  response: z.record(z.string(), z.unknown()).optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  /** google.rpc.Status; absent code is OK. */
  status: z.object({ code: z.number().int().optional(), message: z.string().optional() }).default({}),
  destination: z.object({ ip: z.string(), port: z.string() }).optional(),
  severity: z.string().optional(),
  /** The service's own caller agent text, when it is not the actor's client (IAP logs "(none supplied)"). */
  user_agent: z.string().optional(),
});
export type EntryInput = z.infer<typeof EntryParams>;

const GCLOUD_AGENT = 'google-cloud-sdk gcloud/468.0.0 command/gcloud.compute.ssh invocation-id/0 environment/None client-os/LINUX interactive/True from-script/False python/3.11.8,gzip(gfe)';

/** RFC 3339 with six fractional digits and Z. */
export function gcpTime(t: number): string {
  const whole = Math.floor(t);
  const micros = Math.round((t - whole) * 1e6) % 1e6;
  return new Date(whole * 1000).toISOString().slice(0, 19) + '.' + String(micros).padStart(6, '0') + 'Z';
}

export function buildEntry(input: BuildInput<EntryInput>): OutputRecord {
  const { actor, env, rng, ip, params: p } = input;
  // Millisecond steps: sub-millisecond digits would only test float formatting, not the log.
  const time = Math.floor(input.time) + rng.int(0, 999) / 1e3;
  const failed = p.status.code !== undefined && p.status.code !== 0;
  const authentication: Record<string, unknown> = { principalEmail: actor.upn };
  if (actor.gcpKeyName) authentication.serviceAccountKeyName = actor.gcpKeyName;
  if (actor.spec.kind === 'gcp-service-account') authentication.principalSubject = `serviceAccount:${actor.upn}`;
  const requestMetadata: Record<string, unknown> = {
    callerIp: ip,
    callerSuppliedUserAgent: p.user_agent ?? actor.spec.user_agent ?? GCLOUD_AGENT,
    requestAttributes: { time: gcpTime(time), auth: {} },
    destinationAttributes: p.destination ?? {},
  };
  const payload: Record<string, unknown> = {
    '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
    status: p.status,
    authenticationInfo: authentication,
    requestMetadata,
    serviceName: p.service,
    methodName: p.method,
    resourceName: p.resource_name,
  };
  if (p.permission) payload.authorizationInfo = [{ permission: p.permission, granted: p.granted, resource: p.resource_name, resourceAttributes: {} }];
  if (p.request) payload.request = p.request;
  if (p.response) payload.response = p.response;
  if (p.metadata) payload.metadata = p.metadata;
  const record: Record<string, unknown> = {
    protoPayload: payload,
    insertId: rng.chars(12, 'abcdefghijklmnopqrstuvwxyz0123456789'),
    resource: { type: p.resource_type, labels: { project_id: env.gcp_project, ...p.resource_labels } },
    timestamp: gcpTime(time),
    severity: p.severity ?? (failed ? 'ERROR' : p.log === 'activity' ? 'NOTICE' : 'INFO'),
    logName: `projects/${env.gcp_project}/logs/cloudaudit.googleapis.com%2F${p.log}`,
    receiveTimestamp: gcpTime(time + 0.6),
  };
  if (p.labels) record.labels = p.labels;
  return { sourcetype: 'google:gcp:pubsub:message', stream: 'gcp-logging', time, record };
}
