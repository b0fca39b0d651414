// azure:activity: the Azure Activity log in either layout. Event Hub / diagnostic settings: operationName is
// a string, with time, category, resultType, callerIpAddress, identity, properties. REST (Activity Log API):
// operationName is {value, localizedValue}, with eventTimestamp, caller, httpRequest.clientIpAddress.

import { timeFromJson } from '../parse-time.ts';
import { dig, isString, type SourcetypeDef } from './types.ts';

/** Activity log categories (Azure Monitor "Activity log event schema"). */
const ACTIVITY_CATEGORIES = new Set([
  'administrative',
  'servicehealth',
  'resourcehealth',
  'alert',
  'autoscale',
  'recommendation',
  'security',
  'policy',
]);

function isRestLayout(r: Readonly<Record<string, unknown>>): boolean {
  if (!isString(dig(r, 'operationName', 'value'))) return false;
  return isString(r.eventTimestamp) || isString(r.time) || r.caller !== undefined || r.category !== undefined;
}

function isEventHubLayout(r: Readonly<Record<string, unknown>>): boolean {
  if (!isString(r.operationName)) return false;
  const resourceId = isString(r.resourceId) ? r.resourceId.toLowerCase() : '';
  // Entra ID audit records share the envelope but live under /tenants/.../providers/Microsoft.aadiam.
  if (resourceId.includes('/providers/microsoft.aadiam')) return false;
  const category = isString(r.category) ? r.category.toLowerCase() : '';
  if (ACTIVITY_CATEGORIES.has(category)) return true;
  // AuditLogs is the Entra ID audit category, whatever resource it names.
  if (category === 'auditlogs') return false;
  const envelope = r.resultType !== undefined || r.callerIpAddress !== undefined || r.identity !== undefined;
  return resourceId.startsWith('/subscriptions/') && envelope && category !== 'kube-audit';
}

export const azureActivity: SourcetypeDef = {
  name: 'azure:activity',
  index: 'azure',
  aliases: ['azure:monitor:activity'],
  reads: {
    values: ['operationName', 'eventTimestamp', 'time', 'caller', 'category', 'resourceId', 'resultType', 'callerIpAddress'],
    present: ['identity'],
  },
  // Both layouts read operationName (a string, or an object with a value).
  requiredKey: 'operationName',
  // No field is in both layouts: operationName is a string (Event Hub) or operationName.value (REST).
  alwaysPresent: [],
  matches(r) {
    return isRestLayout(r) || isEventHubLayout(r);
  },
  timeOf(r) {
    return timeFromJson(r.eventTimestamp) ?? timeFromJson(r.time);
  },
};
