// Field layouts per sourcetype (and per Azure Activity delivery layout): which fields a record must have,
// their JSON types and, for records we generate, their exact formats. Drawn from the service docs cited
// below and checked against the real samples in shared/fixtures/real, so the generator cannot drift from
// what the services write. `required` holds in every real record; `documented` is what our generator must
// always emit (real records may omit some of it); `formats` are only checked in strict mode.

type JsonType = 'string' | 'number' | 'boolean' | 'object' | 'array' | 'null';

export interface FieldRule {
  readonly path: string;
  readonly types: readonly JsonType[];
  readonly oneOf?: readonly (string | number)[];
  /** Format check, applied in strict mode (generated records) only. */
  readonly format?: RegExp;
}

export interface Layout {
  readonly name: string;
  readonly sourcetype: string;
  readonly reference: string;
  /** Does a record of this sourcetype use this layout? */
  applies(record: Record<string, unknown>): boolean;
  readonly required: readonly FieldRule[];
  readonly documented: readonly FieldRule[];
  /** Splunk field names the seed rules read from this layout (log-sources.md section 1 tables). */
  readonly ruleFields: readonly string[];
}

const ISO_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const AZURE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;
const O365_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ACCOUNT = /^\d{12}$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

const f = (path: string, types: JsonType | JsonType[], extra: Partial<FieldRule> = {}): FieldRule => ({
  path,
  types: Array.isArray(types) ? types : [types],
  ...extra,
});

export const CLOUDTRAIL: Layout = {
  name: 'CloudTrail record',
  sourcetype: 'aws:cloudtrail',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html',
  ruleFields: ['eventName', 'eventSource', 'userIdentity.arn', 'sourceIPAddress', 'additionalEventData.MFAUsed', 'responseElements.ConsoleLogin', 'requestParameters.target', 'requestParameters.instanceId'],
  applies: () => true,
  required: [
    f('eventVersion', 'string', { format: /^1\.(0[89]|1\d)$/ }),
    f('userIdentity', 'object'),
    f('eventTime', 'string', { format: ISO_Z }),
    f('eventSource', 'string', { format: /^[a-z0-9.-]+\.amazonaws\.com$/ }),
    f('eventName', 'string'),
    f('awsRegion', 'string'),
    f('sourceIPAddress', 'string'),
    f('eventID', 'string', { format: UUID }),
    f('eventType', 'string', { oneOf: ['AwsApiCall', 'AwsServiceEvent', 'AwsConsoleAction', 'AwsConsoleSignIn', 'AwsCloudTrailInsight', 'AwsVpceEvent'] }),
  ],
  documented: [
    // AWS service events (e.g. KMS key rotation) carry a userIdentity without a type.
    f('userIdentity.type', 'string', { oneOf: ['Root', 'IAMUser', 'AssumedRole', 'Role', 'FederatedUser', 'Directory', 'AWSAccount', 'AWSService', 'IdentityCenterUser', 'Unknown'] }),
    f('userIdentity.arn', 'string', { format: /^arn:aws:(iam|sts)::\d{12}:/ }),
    f('userIdentity.accountId', 'string', { format: ACCOUNT }),
    f('userIdentity.principalId', 'string'),
    f('userAgent', 'string'),
    f('requestParameters', ['object', 'null']),
    f('responseElements', ['object', 'null']),
    f('readOnly', 'boolean'),
    f('managementEvent', 'boolean'),
    f('recipientAccountId', 'string', { format: ACCOUNT }),
    f('eventCategory', 'string', { oneOf: ['Management', 'Data', 'NetworkActivity', 'Insight'] }),
  ],
};

export const ENTRA_SIGNIN: Layout = {
  name: 'Entra ID sign-in (diagnostic settings / Event Hub)',
  sourcetype: 'azure:monitor:aad:signin',
  reference: 'https://learn.microsoft.com/graph/api/resources/signin',
  ruleFields: ['properties.status.errorCode', 'properties.userPrincipalName', 'properties.appDisplayName', 'properties.ipAddress', 'properties.riskLevelDuringSignIn', 'properties.networkLocationDetails{}.networkType'],
  applies: () => true,
  required: [
    f('time', 'string', { format: AZURE_TIME }),
    f('resourceId', 'string', { format: /^\/tenants\/[^/]+\/providers\/Microsoft\.aadiam$/ }),
    f('operationName', 'string', { oneOf: ['Sign-in activity'] }),
    f('category', 'string', { oneOf: ['SignInLogs', 'NonInteractiveUserSignInLogs', 'ServicePrincipalSignInLogs', 'ManagedIdentitySignInLogs'] }),
    f('tenantId', 'string'),
    f('resultType', 'string', { format: /^\d+$/ }),
    f('callerIpAddress', 'string'),
    f('correlationId', 'string'),
    f('properties', 'object'),
    f('properties.createdDateTime', 'string', { format: AZURE_TIME }),
    f('properties.userPrincipalName', 'string'),
    f('properties.appId', 'string'),
    f('properties.appDisplayName', 'string'),
    f('properties.ipAddress', 'string'),
  ],
  documented: [
    f('properties.id', 'string', { format: UUID }),
    f('properties.userId', 'string', { format: UUID }),
    f('properties.status', 'object'),
    f('properties.status.errorCode', 'number'),
    f('properties.clientAppUsed', 'string'),
    f('properties.isInteractive', 'boolean'),
    f('properties.riskLevelDuringSignIn', 'string', { oneOf: ['none', 'low', 'medium', 'high', 'hidden', 'unknownFutureValue'] }),
    f('properties.riskLevelAggregated', 'string', { oneOf: ['none', 'low', 'medium', 'high', 'hidden', 'unknownFutureValue'] }),
    f('properties.riskState', 'string', { oneOf: ['none', 'confirmedSafe', 'remediated', 'dismissed', 'atRisk', 'confirmedCompromised', 'unknownFutureValue'] }),
    f('properties.riskEventTypes_v2', 'array'),
    f('properties.networkLocationDetails', 'array'),
    f('properties.authenticationRequirement', 'string', { oneOf: ['singleFactorAuthentication', 'multiFactorAuthentication'] }),
    f('properties.deviceDetail', 'object'),
    f('properties.location', 'object'),
    f('properties.location.countryOrRegion', 'string'),
    f('properties.conditionalAccessStatus', 'string', { oneOf: ['success', 'failure', 'notApplied', 'unknownFutureValue'] }),
    f('properties.resourceDisplayName', 'string'),
  ],
};

export const O365_AAD_LOGON: Layout = {
  name: 'O365 Management Activity record',
  sourcetype: 'o365:management:activity',
  reference: 'https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-schema',
  ruleFields: ['Operation', 'ResultStatus', 'UserId', 'ClientIP', 'ApplicationId'],
  applies: () => true,
  required: [
    f('CreationTime', 'string', { format: O365_TIME }),
    f('Id', 'string', { format: UUID }),
    f('Operation', 'string'),
    f('OrganizationId', 'string'),
    f('RecordType', 'number'),
    f('UserKey', 'string'),
    f('UserType', 'number'),
    f('Workload', 'string'),
    f('UserId', 'string'),
  ],
  documented: [
    f('ClientIP', 'string'),
    f('ResultStatus', 'string'),
    f('Version', 'number'),
    f('ObjectId', 'string'),
    f('AzureActiveDirectoryEventType', 'number', { oneOf: [0, 1] }),
    f('ExtendedProperties', 'array'),
    f('ApplicationId', 'string', { format: UUID }),
    f('Actor', 'array'),
    f('ActorIpAddress', 'string'),
    f('Target', 'array'),
  ],
};

export const ACTIVITY_EVENTHUB: Layout = {
  name: 'Azure Activity Log (Event Hub / diagnostic settings)',
  sourcetype: 'azure:activity',
  reference: 'https://learn.microsoft.com/azure/azure-monitor/platform/activity-log-schema',
  ruleFields: ['operationName', 'resourceId', 'callerIpAddress', 'identity.claims.name'],
  applies: (r) => typeof r.operationName === 'string',
  required: [
    f('time', 'string', { format: AZURE_TIME }),
    f('resourceId', 'string', { format: /^\/SUBSCRIPTIONS\// }),
    f('operationName', 'string', { format: /^[A-Z0-9.]+\/[A-Z0-9/._-]+$/ }),
    f('category', 'string'),
  ],
  documented: [
    // Typical values per the resource-log schema: Start, Success, Failure (some tools write Succeeded).
    f('resultType', 'string'),
    f('resultSignature', 'string'),
    f('callerIpAddress', 'string'),
    f('correlationId', 'string', { format: UUID }),
    f('identity', 'object'),
    f('identity.authorization', 'object'),
    f('identity.claims', 'object'),
    f('level', 'string'),
    f('properties', 'object'),
  ],
};

export const ACTIVITY_REST: Layout = {
  name: 'Azure Activity Log (REST API EventData)',
  sourcetype: 'azure:activity',
  reference: 'https://learn.microsoft.com/rest/api/monitor/activity-logs/list',
  ruleFields: ['operationName.value', 'caller', 'resourceId', 'httpRequest.clientIpAddress'],
  applies: (r) => typeof r.operationName === 'object' && r.operationName !== null,
  required: [
    f('operationName.value', 'string'),
    f('eventTimestamp', 'string', { format: AZURE_TIME }),
    f('resourceId', 'string', { format: /^\/subscriptions\// }),
    f('category.value', 'string'),
    f('status.value', 'string', { oneOf: ['Started', 'Accepted', 'Succeeded', 'Failed'] }),
    f('subscriptionId', 'string'),
  ],
  documented: [
    f('caller', 'string'),
    f('correlationId', 'string', { format: UUID }),
    f('eventDataId', 'string', { format: UUID }),
    f('eventName.value', 'string'),
    f('httpRequest.clientIpAddress', 'string'),
    f('httpRequest.method', 'string'),
    f('authorization.action', 'string'),
    f('claims', 'object'),
    f('level', 'string'),
    f('submissionTimestamp', 'string', { format: AZURE_TIME }),
    f('tenantId', 'string'),
    f('properties', 'object'),
  ],
};

const RFC3339_Z = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;

export const GCP_AUDIT: Layout = {
  name: 'Cloud Audit Logs entry (LogEntry with an AuditLog protoPayload)',
  sourcetype: 'google:gcp:pubsub:message',
  reference: 'https://cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry',
  ruleFields: ['protoPayload.serviceName', 'protoPayload.methodName', 'protoPayload.authenticationInfo.principalEmail', 'protoPayload.requestMetadata.callerIp', 'protoPayload.resourceName'],
  applies: (r) => typeof r.protoPayload === 'object' && r.protoPayload !== null,
  required: [
    f('logName', 'string', { format: /^projects\/[^/]+\/logs\/cloudaudit\.googleapis\.com%2F(activity|data_access|system_event|policy)$/ }),
    f('resource', 'object'),
    f('resource.type', 'string'),
    f('timestamp', 'string', { format: RFC3339_Z }),
    f('insertId', 'string'),
    f('protoPayload.@type', 'string', { oneOf: ['type.googleapis.com/google.cloud.audit.AuditLog'] }),
    f('protoPayload.serviceName', 'string'),
    f('protoPayload.methodName', 'string'),
  ],
  documented: [
    // LogSeverity names (LogEntry reference).
    f('severity', 'string', { oneOf: ['DEFAULT', 'DEBUG', 'INFO', 'NOTICE', 'WARNING', 'ERROR', 'CRITICAL', 'ALERT', 'EMERGENCY'] }),
    f('receiveTimestamp', 'string', { format: RFC3339_Z }),
    f('resource.labels.project_id', 'string'),
    f('protoPayload.status', 'object'),
    f('protoPayload.authenticationInfo', 'object'),
    f('protoPayload.authenticationInfo.principalEmail', 'string'),
    f('protoPayload.requestMetadata', 'object'),
    f('protoPayload.requestMetadata.callerIp', 'string'),
    f('protoPayload.resourceName', 'string'),
  ],
};

export const GWS_ACTIVITY: Layout = {
  name: 'Google Workspace Reports API activity',
  sourcetype: 'gws:reports:login',
  reference: 'https://developers.google.com/workspace/admin/reports/reference/rest/v1/activities',
  ruleFields: ['events{}.name', 'actor.email', 'ipAddress'],
  applies: () => true,
  required: [
    f('kind', 'string', { oneOf: ['admin#reports#activity'] }),
    f('id.time', 'string', { format: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/ }),
    f('id.uniqueQualifier', 'string', { format: /^-?\d+$/ }),
    f('id.applicationName', 'string', { oneOf: ['login'] }),
    f('id.customerId', 'string'),
    f('actor', 'object'),
    f('events', 'array'),
  ],
  documented: [
    f('etag', 'string'),
    f('actor.email', 'string'),
    f('actor.profileId', 'string'),
    f('actor.callerType', 'string', { oneOf: ['USER', 'KEY'] }),
    f('ipAddress', 'string'),
  ],
};

export const LAYOUTS: readonly Layout[] = [CLOUDTRAIL, ENTRA_SIGNIN, O365_AAD_LOGON, ACTIVITY_EVENTHUB, ACTIVITY_REST, GCP_AUDIT, GWS_ACTIVITY];

export function layoutFor(sourcetype: string, record: Record<string, unknown>): Layout | undefined {
  return LAYOUTS.find((l) => l.sourcetype === sourcetype && l.applies(record));
}

function lookup(record: unknown, path: string): { found: boolean; value: unknown } {
  let node: unknown = record;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) return { found: false, value: undefined };
    node = (node as Record<string, unknown>)[key];
  }
  return { found: true, value: node };
}

function typeOf(v: unknown): JsonType {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v as JsonType;
}

export interface ValidateOptions {
  /** Generated records: documented fields are required too, and formats are checked. */
  readonly strict: boolean;
}

/** Problems of one record against its layout; [] when it conforms. */
export function validateRecord(sourcetype: string, record: Record<string, unknown>, opts: ValidateOptions): string[] {
  const layout = layoutFor(sourcetype, record);
  if (!layout) return [`no layout of ${sourcetype} applies to this record`];
  const problems: string[] = [];
  const check = (rule: FieldRule, mandatory: boolean) => {
    const { found, value } = lookup(record, rule.path);
    if (!found) {
      if (mandatory) problems.push(`${rule.path}: missing`);
      return;
    }
    const t = typeOf(value);
    if (!rule.types.includes(t)) {
      problems.push(`${rule.path}: is ${t}, expected ${rule.types.join('|')}`);
      return;
    }
    if (rule.oneOf && (typeof value === 'string' || typeof value === 'number') && !rule.oneOf.includes(value)) {
      problems.push(`${rule.path}: ${JSON.stringify(value)} is not one of ${rule.oneOf.join(', ')}`);
    }
    if (opts.strict && rule.format && typeof value === 'string' && !rule.format.test(value)) {
      problems.push(`${rule.path}: ${JSON.stringify(value)} does not match ${rule.format}`);
    }
  };
  for (const r of layout.required) check(r, true);
  for (const r of layout.documented) check(r, opts.strict);
  if (opts.strict) problems.push(...ipProblems(sourcetype, record));
  return problems;
}

/** Source addresses must be real IPv4/IPv6 literals (or an AWS service name, as CloudTrail logs them). */
function ipProblems(sourcetype: string, record: Record<string, unknown>): string[] {
  const paths: Record<string, string[]> = {
    'aws:cloudtrail': ['sourceIPAddress'],
    'azure:monitor:aad:signin': ['callerIpAddress', 'properties.ipAddress'],
    'o365:management:activity': ['ClientIP'],
    'azure:activity': ['callerIpAddress', 'httpRequest.clientIpAddress'],
    'google:gcp:pubsub:message': ['protoPayload.requestMetadata.callerIp'],
    'gws:reports:login': ['ipAddress'],
  };
  const out: string[] = [];
  for (const p of paths[sourcetype] ?? []) {
    const { found, value } = lookup(record, p);
    if (!found || typeof value !== 'string') continue;
    if (sourcetype === 'aws:cloudtrail' && /\.amazonaws\.com$/.test(value)) continue;
    const m = IPV4.exec(value);
    const ok = m ? m.slice(1).every((o) => Number(o) <= 255) : value.includes(':') && /^[0-9a-fA-F:]+$/.test(value);
    if (!ok) out.push(`${p}: ${JSON.stringify(value)} is not an IP address`);
  }
  return out;
}
