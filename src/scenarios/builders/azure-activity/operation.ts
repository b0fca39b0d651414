// An Azure Resource Manager control-plane operation in the Activity Log, in both layouts a rule may meet:
// the Event Hub / diagnostic-settings record (time, resourceId, operationName UPPER-CASE, category,
// resultType, callerIpAddress, identity {authorization, claims}, properties) and the REST API EventData
// (operationName {value, localizedValue}, caller, httpRequest.clientIpAddress, eventTimestamp, status...).
// Write and action operations log a Start and a Success record.
// https://learn.microsoft.com/azure/azure-monitor/platform/activity-log-schema

import { z } from 'zod';
import type { Actor } from '../../actors.ts';
import { azureTime, dotnetTicks } from '../../time-format.ts';
import type { BuildInput, OutputRecord } from '../types.ts';
import type { Environment } from '../../schema.ts';

export const OperationParams = z.object({
  /** ARM operation, mixed case as the REST API reports it, e.g. Microsoft.Compute/virtualMachines/runCommand/action. */
  operation: z.string(),
  localized: z.string().default(''),
  /** Resource path below the resource group, e.g. Microsoft.Compute/virtualMachines/web-01. */
  resource: z.string(),
  resource_group: z.string().optional(),
  http_method: z.enum(['PUT', 'POST', 'DELETE', 'PATCH']).default('POST'),
  /** Request body logged in properties.requestbody (Run Command scripts, extension settings). */
  request_body: z.record(z.string(), z.unknown()).optional(),
  result: z.enum(['Succeeded', 'Failed']).default('Succeeded'),
  /** Log only the final record (list/read-style actions log one). */
  single: z.boolean().default(false),
});
export type OperationInput = z.infer<typeof OperationParams>;

interface Phase {
  readonly offset: number;
  readonly eventName: string;
  readonly status: string;
  readonly subStatus: string;
  readonly resultType: string;
  readonly resultSignature: string;
}

function phases(p: OperationInput): Phase[] {
  const done: Phase = p.result === 'Succeeded'
    ? { offset: 2.4, eventName: 'EndRequest', status: 'Succeeded', subStatus: 'OK', resultType: 'Success', resultSignature: 'Succeeded.OK' }
    : { offset: 2.4, eventName: 'EndRequest', status: 'Failed', subStatus: 'Conflict', resultType: 'Failure', resultSignature: 'Failed.Conflict' };
  if (p.single) return [{ ...done, offset: 0.3 }];
  return [{ offset: 0, eventName: 'BeginRequest', status: 'Started', subStatus: '', resultType: 'Start', resultSignature: 'Started.' }, done];
}

function claims(actor: Actor, env: Environment, time: number, ip: string): Record<string, unknown> {
  const isApp = actor.spec.kind === 'entra-service-principal';
  const iat = Math.floor(time) - 300;
  const c: Record<string, unknown> = {
    aud: 'https://management.core.windows.net/',
    iss: `https://sts.windows.net/${env.tenant_id}/`,
    iat: String(iat),
    nbf: String(iat),
    exp: String(iat + 4200),
    'http://schemas.microsoft.com/claims/authnclassreference': '1',
    appid: isApp ? actor.spec.app_id ?? actor.objectId : '04b07795-8ddb-461a-bbee-02f9e1bf7b46',
    appidacr: isApp ? '1' : '0',
    ipaddr: ip,
    'http://schemas.microsoft.com/identity/claims/objectidentifier': actor.objectId,
    'http://schemas.microsoft.com/identity/claims/tenantid': env.tenant_id,
    ver: '1.0',
  };
  if (!isApp) {
    c.name = actor.displayName;
    c['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn'] = actor.upn;
    c['http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name'] = actor.upn;
  }
  return c;
}

/** The caller as the Activity Log names it: a UPN for users, the object id for service principals. */
function callerOf(actor: Actor): string {
  return actor.spec.kind === 'entra-service-principal' ? actor.objectId : actor.upn;
}

export function buildOperation(input: BuildInput<OperationInput>): OutputRecord[] {
  const { actor, env, rng, time, ip, params: p } = input;
  const rg = p.resource_group ?? env.resource_group;
  const resourceId = `/subscriptions/${env.subscription_id}/resourceGroups/${rg}/providers/${p.resource}`;
  const provider = p.operation.split('/')[0]!;
  const resourceType = p.operation.split('/').slice(0, 2).join('/');
  const correlationId = rng.uuid();
  const operationId = rng.uuid();
  const clientRequestId = rng.uuid();
  const roleAssignmentId = rng.hex(32);
  const authorization = { action: p.operation, scope: resourceId };
  const identityClaims = claims(actor, env, time, ip);
  const out: OutputRecord[] = [];
  for (const ph of phases(p)) {
    const t = time + ph.offset;
    const properties: Record<string, unknown> = {
      eventCategory: 'Administrative',
      entity: resourceId,
      message: p.operation,
      hierarchy: `${env.tenant_id}/${env.subscription_id}`,
    };
    if (ph.eventName === 'EndRequest') properties.statusCode = p.http_method === 'POST' ? 'OK' : 'Created';
    else if (p.request_body) properties.requestbody = JSON.stringify(p.request_body);
    if (env.azure_activity_layout !== 'rest') {
      out.push({
        sourcetype: 'azure:activity',
        stream: 'eventhub-activity',
        time: t,
        record: {
          time: azureTime(t),
          resourceId: resourceId.toUpperCase(),
          operationName: p.operation.toUpperCase(),
          category: 'Administrative',
          resultType: ph.resultType,
          resultSignature: ph.resultSignature,
          durationMs: String(Math.round(ph.offset * 1000)),
          callerIpAddress: ip,
          correlationId,
          identity: { authorization: { ...authorization, evidence: { role: 'Contributor', roleAssignmentScope: `/subscriptions/${env.subscription_id}`, roleAssignmentId: roleAssignmentId, roleDefinitionId: 'b24988ac618042a0ab8820f7382dd24c', principalId: actor.objectId.replace(/-/g, ''), principalType: actor.spec.kind === 'entra-service-principal' ? 'ServicePrincipal' : 'User' } }, claims: identityClaims },
          level: 'Information',
          location: 'global',
          properties,
        },
      });
    }
    if (env.azure_activity_layout !== 'eventhub') {
      const eventDataId = rng.uuid();
      out.push({
        sourcetype: 'azure:activity',
        stream: 'rest-activity',
        time: t,
        record: {
          authorization,
          caller: callerOf(actor),
          channels: 'Operation',
          claims: identityClaims,
          correlationId,
          description: '',
          eventDataId,
          eventName: { value: ph.eventName, localizedValue: ph.eventName === 'BeginRequest' ? 'Begin request' : 'End request' },
          category: { value: 'Administrative', localizedValue: 'Administrative' },
          eventTimestamp: azureTime(t),
          id: `${resourceId}/events/${eventDataId}/ticks/${dotnetTicks(t)}`,
          level: 'Informational',
          operationId,
          operationName: { value: p.operation, localizedValue: p.localized || p.operation },
          resourceGroupName: rg,
          resourceProviderName: { value: provider, localizedValue: provider },
          resourceType: { value: resourceType, localizedValue: resourceType },
          resourceId,
          status: { value: ph.status, localizedValue: ph.status },
          subStatus: { value: ph.subStatus, localizedValue: ph.subStatus },
          submissionTimestamp: azureTime(t + 12),
          subscriptionId: env.subscription_id,
          tenantId: env.tenant_id,
          properties,
          relatedEvents: [],
          httpRequest: { clientRequestId, clientIpAddress: ip, method: p.http_method },
        },
      });
    }
  }
  return out;
}
