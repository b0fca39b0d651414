// Search-time field aliases and calculated fields of the Splunk add-ons (CIM), per sourcetype. An alias is
// consulted only when the event itself has no field of that name. Each entry says where it comes from;
// docs/fields.md lists them with sources and marks the ones reconstructed without the add-on's props.conf.

import { firstOf, scalarToNumber, scalarToString, type Scalar, type Value } from '../core/value.ts';

export type FieldGetter = (field: string) => Value;
/**
 * An alias computes a value from the event's other fields; `record()` gives the parsed JSON for odd keys
 * (a function, so aliases that do not need it never make an event parse its whole record).
 */
export type AliasFn = (get: FieldGetter, record: () => unknown) => Value;
export type AliasTable = Readonly<Record<string, AliasFn>>;

/** The fields an alias reads through `get`, when it reads nothing else (see aliasReads). */
const READS = new WeakMap<AliasFn, readonly string[]>();

/** Declares that `fn` reads only these fields through `get` (never the record). */
function reading(fields: readonly string[], fn: AliasFn): AliasFn {
  READS.set(fn, fields);
  return fn;
}

/** Aliases whose value is one of these fields' values unchanged (see copiedFields). */
const COPIES = new WeakMap<AliasFn, readonly string[]>();

/** coalesce(): the first non-null field. */
function first(...fields: string[]): AliasFn {
  const fn = reading(fields, (get) => {
    for (const f of fields) {
      const v = get(f);
      if (v !== null) return v;
    }
    return null;
  });
  COPIES.set(fn, fields);
  return fn;
}

function constant(v: Scalar): AliasFn {
  return reading([], () => v);
}

function mapScalar(v: Value, fn: (s: string) => Scalar | null): Value {
  const s = firstOf(v);
  return s === null ? null : fn(scalarToString(s));
}

/** Reads `obj[k1][k2]...` where keys may themselves contain dots (Azure claim URIs). */
function rawKey(record: unknown, ...keys: string[]): Value {
  let node = record;
  for (const k of keys) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
    node = (node as Record<string, unknown>)[k];
  }
  if (typeof node === 'string' || typeof node === 'number') return node;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// aws:cloudtrail (Splunk Add-on for AWS; fields listed by splunk/security_content data_sources/
// aws_cloudtrail_*.yml "supported_TA: Splunk Add-on for AWS").

/** The principal's short name: userName for IAM users, the session name for assumed roles, else the ARN tail. */
const awsUser: AliasFn = reading(['userIdentity.userName', 'userIdentity.arn', 'userIdentity.type', 'userIdentity.principalId'], (get) => {
  const userName = get('userIdentity.userName');
  if (userName !== null) return userName;
  const arn = firstOf(get('userIdentity.arn'));
  if (arn !== null) {
    const tail = scalarToString(arn).split('/').pop();
    if (tail) return tail;
  }
  const type = firstOf(get('userIdentity.type'));
  if (type === 'Root') return 'root';
  return firstOf(get('userIdentity.principalId'));
});

/** success/failure: ConsoleLogin reports its result in responseElements; other calls fail with an errorCode. */
const awsAction: AliasFn = (get, record) => {
  const login = firstOf(get('responseElements.ConsoleLogin'));
  if (login !== null) return scalarToString(login).toLowerCase() === 'success' ? 'success' : 'failure';
  // The record's own errorCode: through get() the errorCode alias would always answer "success".
  return rawKey(record(), 'errorCode') === null ? 'success' : 'failure';
};

const CLOUDTRAIL: AliasTable = {
  src: first('sourceIPAddress'),
  src_ip: first('sourceIPAddress'),
  user_agent: first('userAgent'),
  // The add-on gives events without an error errorCode="success" (ESCU searches rely on it).
  errorCode: constant('success'),
  signature: first('eventName'),
  command: first('eventName'),
  vendor_region: first('awsRegion'),
  region: first('awsRegion'),
  aws_account_id: first('recipientAccountId', 'userIdentity.accountId'),
  vendor_account: first('recipientAccountId', 'userIdentity.accountId'),
  user: awsUser,
  user_name: first('userIdentity.userName'),
  user_arn: first('userIdentity.arn'),
  user_type: first('userIdentity.type'),
  user_access_key: first('userIdentity.accessKeyId'),
  action: awsAction,
  status: awsAction,
  dest: first('eventSource'),
  msg: first('errorMessage'),
  vendor: constant('AWS'),
  vendor_product: constant('AWS CloudTrail'),
};

// ---------------------------------------------------------------------------------------------------------
// azure:monitor:aad:signin. The Graph-API sign-in stanzas of splunk/splunk-add-on-microsoft-azure
// (TA-MS-AAD/default/props.conf, [azure:aad:signin]) define these on top-level Graph fields; the Event Hub
// record carries the same Graph object under `properties`, so the same definitions read `properties.*`.

const SIGNIN: AliasTable = {
  src: first('properties.ipAddress', 'callerIpAddress'),
  src_ip: first('properties.ipAddress', 'callerIpAddress'),
  user: reading(['properties.userPrincipalName'], (get) => mapScalar(get('properties.userPrincipalName'), (s) => s.toLowerCase())),
  user_id: reading(['properties.userPrincipalName'], (get) => mapScalar(get('properties.userPrincipalName'), (s) => s.toLowerCase())),
  user_agent: first('properties.userAgent'),
  app: reading(['properties.appDisplayName'], (get) => mapScalar(get('properties.appDisplayName'), (s) => s.replace(/ /g, ':').toLowerCase())),
  action: reading(['properties.status.errorCode'], (get) => {
    const code = firstOf(get('properties.status.errorCode'));
    if (code === null) return null;
    return scalarToNumber(code) === 0 ? 'success' : 'failure';
  }),
  reason: first('properties.status.failureReason'),
  authentication_method: first('properties.authenticationDetails{}.authenticationMethod'),
  dest: reading(['properties.resourceDisplayName'], (get) => {
    const name = firstOf(get('properties.resourceDisplayName'));
    if (name === null || name === 'null') return 'https://login.microsoftonline.com';
    return scalarToString(name).replace(/ /g, '.').toLowerCase();
  }),
  duration: reading(['properties.processingTimeInMilliseconds'], (get) => {
    const ms = scalarToNumber(firstOf(get('properties.processingTimeInMilliseconds')));
    return ms === null ? null : ms / 1000;
  }),
  signature: first('operationName'),
  vendor_account: first('tenantId', 'properties.tenantId'),
  vendor_product: constant('Microsoft Azure Active Directory'),
};

// ---------------------------------------------------------------------------------------------------------
// o365:management:activity (Splunk Add-on for Microsoft Office 365; field list from splunk/security_content
// data_sources/o365_*.yml). Definitions reconstructed from the Management Activity API common schema.

const O365_SUCCESS = new Set(['success', 'succeeded', 'true', 'partiallysucceeded']);
const O365_FAILURE = new Set(['failed', 'failure', 'false']);

const O365: AliasTable = {
  user: first('UserId'),
  src: first('ClientIP', 'ActorIpAddress', 'ClientIPAddress'),
  src_ip: first('ClientIP', 'ActorIpAddress', 'ClientIPAddress'),
  user_agent: first('UserAgent'),
  object: first('ObjectId'),
  app: first('Workload'),
  signature: first('Operation'),
  command: first('Operation'),
  action: reading(['Operation', 'ResultStatus'], (get) => {
    const op = firstOf(get('Operation'));
    if (op === 'UserLoginFailed') return 'failure';
    return mapScalar(get('ResultStatus'), (s) => {
      const lower = s.toLowerCase();
      if (O365_SUCCESS.has(lower)) return 'success';
      if (O365_FAILURE.has(lower)) return 'failure';
      return lower;
    });
  }),
  status: first('ResultStatus'),
  vendor_account: first('OrganizationId'),
  vendor_product: constant('Microsoft Office 365'),
};

// ---------------------------------------------------------------------------------------------------------
// azure:activity. CIM names as the Splunk Add-on for Microsoft Cloud Services lists them for
// azure:monitor:activity (splunk/security_content data_sources/azure_monitor_activity.yml), plus bridges
// between the two layouts so that REST-style names (caller, operationName.value, httpRequest.clientIpAddress,
// category.value, status.value, resourceProviderName.value) also resolve on Event Hub records, which is what
// the Sentinel AzureActivity columns of Sigma rules map to. The bridges are sightline's, not the add-on's.

const UPN_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn';
const NAME_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name';

const activityCaller: AliasFn = (get, record) =>
  rawKey(record(), 'identity', 'claims', UPN_CLAIM) ??
  rawKey(record(), 'identity', 'claims', NAME_CLAIM) ??
  get('identity.authorization.evidence.principalId') ??
  (typeof (record() as Record<string, unknown> | null)?.identity === 'string' ? get('identity') : null);

const ACTIVITY_RESULT_FIELDS = ['resultType', 'status.value', 'properties.statusCode'];
const activityResult = first(...ACTIVITY_RESULT_FIELDS);
const activityAction: AliasFn = reading(ACTIVITY_RESULT_FIELDS, (get, record) =>
  mapScalar(activityResult(get, record), (s) => {
    const lower = s.toLowerCase();
    if (lower === 'success' || lower === 'succeeded') return 'success';
    if (lower === 'failure' || lower === 'failed') return 'failure';
    return lower;
  }),
);

/** The provider namespace of the operation: an ARM operation name is `{provider}/{resourceType}/{action}`. */
const activityProvider: AliasFn = reading(['operationName'], (get) => mapScalar(get('operationName'), (s) => (s.includes('/') ? s.slice(0, s.indexOf('/')) : null)));

const ACTIVITY: AliasTable = {
  // Layout bridges (REST names on Event Hub records and back).
  'operationName.value': first('operationName'),
  caller: activityCaller,
  'httpRequest.clientIpAddress': first('callerIpAddress'),
  callerIpAddress: first('httpRequest.clientIpAddress'),
  'category.value': first('category'),
  'status.value': first('resultType'),
  'resourceProviderName.value': activityProvider,
  // CIM fields.
  user: (get, record) => get('caller') ?? activityCaller(get, record),
  src: first('httpRequest.clientIpAddress', 'callerIpAddress'),
  src_ip: first('httpRequest.clientIpAddress', 'callerIpAddress'),
  object: first('resourceId'),
  object_path: first('resourceId'),
  signature: first('operationName.value', 'operationName'),
  command: first('operationName.value', 'operationName'),
  action: activityAction,
  vendor_account: reading(['subscriptionId', 'resourceId'], (get) => get('subscriptionId') ?? mapScalar(get('resourceId'), (s) => /^\/subscriptions\/([^/]+)/i.exec(s)?.[1] ?? null)),
  vendor_product: constant('Microsoft Azure'),
};

// ---------------------------------------------------------------------------------------------------------
// google:gcp:pubsub:message. Layout bridges first: the add-on's envelope holds the LogEntry under `data`, an
// exported entry has it at the top; each name below resolves on both layouts, the other way round as well
// (sightline's, not the add-on's; the list is the AuditLog fields our rules and the CIM names read, from
// cloud.google.com/logging/docs/reference/audit/auditlog/rest/Shared.Types/AuditLog). Then CIM names,
// reconstructed from the AuditLog field meanings (the add-on's props.conf is not among our sources).

const LOG_ENTRY_FIELDS = [
  'logName',
  'timestamp',
  'receiveTimestamp',
  'severity',
  'insertId',
  'resource.type',
  'resource.labels.project_id',
  'resource.labels.instance_id',
  'resource.labels.zone',
  'labels.instance_id',
  'protoPayload.serviceName',
  'protoPayload.methodName',
  'protoPayload.resourceName',
  'protoPayload.authenticationInfo.principalEmail',
  'protoPayload.authenticationInfo.principalSubject',
  'protoPayload.authenticationInfo.serviceAccountKeyName',
  'protoPayload.authenticationInfo.serviceAccountDelegationInfo{}.firstPartyPrincipal.principalEmail',
  'protoPayload.authorizationInfo{}.permission',
  'protoPayload.authorizationInfo{}.granted',
  'protoPayload.requestMetadata.callerIp',
  'protoPayload.requestMetadata.callerSuppliedUserAgent',
  'protoPayload.requestMetadata.callerNetwork',
  'protoPayload.requestMetadata.destinationAttributes.ip',
  'protoPayload.requestMetadata.destinationAttributes.port',
  'protoPayload.status.code',
  'protoPayload.status.message',
  'protoPayload.request.instance',
  'protoPayload.request.policy',
  'protoPayload.metadata.instanceMetadataDelta.addedMetadataKeys{}',
  'protoPayload.metadata.instanceMetadataDelta.modifiedMetadataKeys{}',
  'protoPayload.metadata.projectMetadataDelta.addedMetadataKeys{}',
  'protoPayload.metadata.projectMetadataDelta.modifiedMetadataKeys{}',
];

function bridges(fields: readonly string[], wrap: (f: string) => string): Record<string, AliasFn> {
  const out: Record<string, AliasFn> = {};
  for (const f of fields) {
    out[f] = first(wrap(f));
    out[wrap(f)] = first(f);
  }
  return out;
}

/** success when the AuditLog has no status or status.code 0 (google.rpc.Status: "0 ... OK"), else failure. */
const gcpAction: AliasFn = reading(['protoPayload.status.code'], (get) => {
  const code = firstOf(get('protoPayload.status.code'));
  if (code === null) return 'success';
  return scalarToNumber(code) === 0 ? 'success' : 'failure';
});

const GCP: AliasTable = {
  ...bridges(LOG_ENTRY_FIELDS, (f) => `data.${f}`),
  user: first('protoPayload.authenticationInfo.principalEmail'),
  src: first('protoPayload.requestMetadata.callerIp'),
  src_ip: first('protoPayload.requestMetadata.callerIp'),
  user_agent: first('protoPayload.requestMetadata.callerSuppliedUserAgent'),
  signature: first('protoPayload.methodName'),
  command: first('protoPayload.methodName'),
  dest: first('protoPayload.serviceName'),
  object: first('protoPayload.resourceName'),
  action: gcpAction,
  vendor_account: first('resource.labels.project_id'),
  vendor_product: constant('Google Cloud Platform'),
};

// ---------------------------------------------------------------------------------------------------------
// gws:reports:admin, gws:reports:login. Bridges between the Reports API's events[] list and the add-on's one
// `event` per Splunk event (sightline's), then CIM names after ESCU's gws searches (user, src_ip), reconstructed
// from the activity resource's field meanings.

const ACTIVITY_EVENT_FIELDS = ['name', 'type', 'parameters{}.name', 'parameters{}.value', 'parameters{}.boolValue', 'parameters{}.intValue', 'parameters{}.multiValue{}'];

const gwsEvent = (f: string): string => `event.${f}`;

const GWS_COMMON: AliasTable = {
  ...bridges(ACTIVITY_EVENT_FIELDS.map((f) => `events{}.${f}`), (f) => gwsEvent(f.slice('events{}.'.length))),
  user: first('actor.email'),
  src: first('ipAddress'),
  src_ip: first('ipAddress'),
  signature: first('events{}.name'),
  vendor_account: first('id.customerId'),
  vendor_product: constant('Google Workspace'),
};

const GWS_LOGIN: AliasTable = {
  ...GWS_COMMON,
  // Login audit event names (Reports API login activity events): login_success, login_failure, ...
  action: reading(['events{}.name'], (get) => {
    const name = firstOf(get('events{}.name'));
    if (name === 'login_success') return 'success';
    if (name === 'login_failure') return 'failure';
    return null;
  }),
};

const TABLES: Record<string, AliasTable> = {
  'aws:cloudtrail': CLOUDTRAIL,
  'azure:monitor:aad:signin': SIGNIN,
  'o365:management:activity': O365,
  'azure:activity': ACTIVITY,
  'google:gcp:pubsub:message': GCP,
  'gws:reports:admin': GWS_COMMON,
  'gws:reports:login': GWS_LOGIN,
};

export function aliasesFor(sourcetype: string): AliasTable | undefined {
  return TABLES[sourcetype];
}

/**
 * The fields an alias of this sourcetype reads, when it reads only fields (so an event that has those
 * fields answers it without its whole record); null when it is no alias or may read the record itself.
 */
export function aliasReads(sourcetype: string, name: string): readonly string[] | null {
  const fn = TABLES[sourcetype]?.[name];
  return fn ? (READS.get(fn) ?? null) : null;
}

/**
 * For an alias that copies the value of one of some fields unchanged (coalesce), those fields: its values
 * are then text of the record whenever theirs are. Null for computed aliases and names that are no alias.
 */
export function copiedFields(sourcetype: string, name: string): readonly string[] | null {
  const fn = TABLES[sourcetype]?.[name];
  return fn ? (COPIES.get(fn) ?? null) : null;
}

/** Every sourcetype with an alias table (for docs and tests). */
export function aliasedSourcetypes(): readonly string[] {
  return Object.keys(TABLES);
}
