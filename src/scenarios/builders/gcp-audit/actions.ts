// The Google Cloud actions of the scenarios: any audited call by name, SSH keys or serial-port access set in
// instance or project metadata, an IAP TCP forwarding tunnel, an OS Login check, a serial console connection.
// Method and service names: Compute Engine audit logging (v1.compute.instances.setMetadata,
// v1.compute.projects.setCommonInstanceMetadata with metadata.instanceMetadataDelta /
// projectMetadataDelta), "Auditing SSH connections" (iap.googleapis.com AuthorizeUser with
// iap.tunnelInstances.accessViaIAP, oslogin.googleapis.com ...OsLoginDataPlaneService.CheckPolicy), and the
// serial console's google.ssh-serialport.v1.connect on the regional <region>-ssh-serialport.googleapis.com.

import { z } from 'zod';
import type { ActionBuilder, BuildInput } from '../types.ts';
import type { Environment } from '../../schema.ts';
import { buildEntry, EntryParams } from './entry.ts';

const COMPUTE_LOGGING = 'https://cloud.google.com/compute/docs/logging/audit-logging';
const SSH_AUDITING = 'https://cloud.google.com/compute/docs/connect/ssh-best-practices/auditing';

const instancePath = (env: Environment, instance: string, zone?: string) => `projects/${env.gcp_project}/zones/${zone ?? env.gcp_zone}/instances/${instance}`;
const region = (zone: string) => zone.replace(/-[a-z]$/, '');

export const gcpAudit: ActionBuilder<z.infer<typeof EntryParams>> = {
  action: 'gcp.Audit',
  sourcetype: 'google:gcp:pubsub:message',
  summary: 'Any Google Cloud audited call (Cloud Audit Logs entry)',
  reference: 'https://cloud.google.com/logging/docs/reference/audit/auditlog/rest/Shared.Types/AuditLog',
  params: EntryParams,
  build: (input) => [buildEntry(input)],
};

const MetadataParams = z.object({
  /** Instance name; absent: project-wide metadata (setCommonInstanceMetadata). */
  instance: z.string().optional(),
  instance_id: z.string().default('4428150929216458751'),
  zone: z.string().optional(),
  keys: z.array(z.string()).min(1).default(['ssh-keys']),
  change: z.enum(['added', 'modified', 'deleted']).default('added'),
  status_code: z.number().int().optional(),
});

export const gcpSetMetadata: ActionBuilder<z.infer<typeof MetadataParams>> = {
  action: 'gcp.compute.SetMetadata',
  sourcetype: 'google:gcp:pubsub:message',
  summary: 'Compute Engine instance or project metadata change (ssh-keys, serial-port-enable...)',
  reference: COMPUTE_LOGGING,
  params: MetadataParams,
  build(input) {
    const { env, params: p } = input;
    const project = p.instance === undefined;
    const delta = { [`${p.change}MetadataKeys`]: p.keys };
    const failed = p.status_code !== undefined && p.status_code !== 0;
    const method = project ? 'v1.compute.projects.setCommonInstanceMetadata' : 'v1.compute.instances.setMetadata';
    return [
      buildEntry({
        ...input,
        params: EntryParams.parse({
          service: 'compute.googleapis.com',
          method,
          resource_name: project ? `projects/${env.gcp_project}` : instancePath(env, p.instance!, p.zone),
          resource_type: project ? 'gce_project' : 'gce_instance',
          resource_labels: project ? {} : { zone: p.zone ?? env.gcp_zone, instance_id: p.instance_id },
          permission: project ? 'compute.projects.setCommonInstanceMetadata' : 'compute.instances.setMetadata',
          granted: !failed,
          request: { '@type': `type.googleapis.com/${method.slice(3)}` },
          // A denied call changes nothing, so it logs no metadata delta.
          metadata: failed
            ? undefined
            : project
              ? { '@type': 'type.googleapis.com/google.cloud.audit.GceProjectAuditMetadata', projectMetadataDelta: delta }
              : { '@type': 'type.googleapis.com/google.cloud.audit.GceInstanceAuditMetadata', instanceMetadataDelta: delta },
          status: failed ? { code: p.status_code, message: 'PERMISSION_DENIED' } : {},
        }),
      }),
    ];
  },
};

const InstanceParams = z.object({
  instance: z.string(),
  instance_id: z.string().default('4428150929216458751'),
  zone: z.string().optional(),
  port: z.string().default('22'),
  internal_ip: z.string().default('10.132.0.7'),
  policy: z.enum(['LOGIN', 'ADMIN_LOGIN']).default('LOGIN'),
  serial_port: z.number().int().min(1).max(4).default(1),
});

type InstanceInput = BuildInput<z.infer<typeof InstanceParams>>;

export const gcpIapTunnel: ActionBuilder<z.infer<typeof InstanceParams>> = {
  action: 'gcp.iap.Tunnel',
  sourcetype: 'google:gcp:pubsub:message',
  summary: 'IAP TCP forwarding tunnel to an instance port (gcloud compute ssh --tunnel-through-iap / start-iap-tunnel)',
  reference: SSH_AUDITING,
  params: InstanceParams,
  build(input: InstanceInput) {
    const { env, params: p } = input;
    const zone = p.zone ?? env.gcp_zone;
    return [
      buildEntry({
        ...input,
        params: EntryParams.parse({
          service: 'iap.googleapis.com',
          method: 'AuthorizeUser',
          log: 'data_access',
          resource_name: p.instance_id,
          resource_labels: { zone, instance_id: p.instance_id },
          permission: 'iap.tunnelInstances.accessViaIAP',
          request: { '@type': 'type.googleapis.com/cloud.security.gatekeeper.AuthorizeUserRequest', httpRequest: { url: '' } },
          metadata: { device_state: 'Unknown', iap_tcp_session_info: { phase: 'SESSION_START' }, request_id: String(input.rng.int(1e9, 9e9)) },
          destination: { ip: p.internal_ip, port: p.port },
          // The tunnel is authorised on the IAP side; the entry carries no client agent.
          user_agent: '(none supplied)',
        }),
      }),
    ];
  },
};

export const gcpOsLogin: ActionBuilder<z.infer<typeof InstanceParams>> = {
  action: 'gcp.oslogin.CheckPolicy',
  sourcetype: 'google:gcp:pubsub:message',
  summary: 'OS Login authorisation check of an SSH login (LOGIN, or ADMIN_LOGIN for sudo)',
  reference: SSH_AUDITING,
  params: InstanceParams,
  build(input: InstanceInput) {
    const { env, params: p } = input;
    const zone = p.zone ?? env.gcp_zone;
    const method = 'google.cloud.oslogin.dataplane.OsLoginDataPlaneService.CheckPolicy';
    return [
      buildEntry({
        ...input,
        params: EntryParams.parse({
          service: 'oslogin.googleapis.com',
          method,
          log: 'data_access',
          resource_name: instancePath(env, p.instance, zone),
          resource_type: 'audited_resource',
          resource_labels: { service: 'oslogin.googleapis.com', method },
          labels: { instance_id: p.instance_id, zone },
          request: {
            '@type': 'type.googleapis.com/google.cloud.oslogin.dataplane.CheckPolicyRequest',
            instance: p.instance,
            policy: p.policy,
            projectId: env.gcp_project,
            numericProjectId: env.gcp_project_number,
            zone,
          },
          response: { '@type': 'type.googleapis.com/google.cloud.oslogin.dataplane.CheckPolicyResponse', success: true },
          // The guest's OS Login module asks, not the user's client.
          user_agent: '(none supplied)',
        }),
      }),
    ];
  },
};

export const gcpSerialConnect: ActionBuilder<z.infer<typeof InstanceParams>> = {
  action: 'gcp.serialport.Connect',
  sourcetype: 'google:gcp:pubsub:message',
  summary: 'Interactive serial console connection to an instance serial port',
  reference: 'https://cloud.google.com/compute/docs/troubleshooting/troubleshooting-using-serial-console',
  params: InstanceParams,
  build(input: InstanceInput) {
    const { env, params: p } = input;
    const zone = p.zone ?? env.gcp_zone;
    return [
      buildEntry({
        ...input,
        params: EntryParams.parse({
          service: `${region(zone)}-ssh-serialport.googleapis.com`,
          method: 'google.ssh-serialport.v1.connect',
          log: 'data_access',
          resource_name: `${instancePath(env, p.instance, zone)}/SerialPort/${p.serial_port}`,
          resource_labels: { zone, instance_id: p.instance_id },
          request: { '@type': 'type.googleapis.com/google.compute.SerialConsoleSessionBegin', serialConsoleOptions: [{ name: 'port', value: String(p.serial_port) }] },
          status: { message: 'Connection succeeded.' },
        }),
      }),
    ];
  },
};
