// The CloudTrail record envelope shared by every AWS action: userIdentity for IAM users, assumed roles
// and root (with sessionContext), request/event ids, tlsDetails and the management-event flags, in the
// key order CloudTrail writes (CloudTrail record contents, eventVersion 1.08+):
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html

import type { Actor } from '../../actors.ts';
import { cloudTrailTime } from '../../time-format.ts';
import type { BuildInput, OutputRecord } from '../types.ts';

export interface ApiCall {
  readonly eventSource: string;
  readonly eventName: string;
  readonly readOnly: boolean;
  readonly requestParameters: unknown;
  readonly responseElements: unknown;
  readonly additionalEventData?: Record<string, unknown>;
  readonly resources?: readonly Record<string, unknown>[];
  readonly eventType?: 'AwsApiCall' | 'AwsConsoleSignIn';
  readonly errorCode?: string;
  readonly errorMessage?: string;
  /** The API host the client called (tlsDetails.clientProvidedHostHeader); defaults to service.region. */
  readonly host?: string;
  /** Region override (console sign-in and global services log in us-east-1). */
  readonly region?: string;
  /** Console sign-in events carry no access key. */
  readonly noAccessKey?: boolean;
}

export function userIdentity(actor: Actor, time: number, withKey: boolean): Record<string, unknown> {
  const creation = cloudTrailTime(time - 600);
  const mfa = actor.spec.mfa ? 'true' : 'false';
  switch (actor.spec.kind) {
    case 'aws-assumed-role':
      return {
        type: 'AssumedRole',
        principalId: actor.principalId,
        arn: actor.arn,
        accountId: actor.account,
        ...(withKey ? { accessKeyId: actor.accessKeyId } : {}),
        sessionContext: {
          sessionIssuer: { type: 'Role', principalId: actor.roleId, arn: actor.roleArn, accountId: actor.account, userName: actor.spec.role },
          webIdFederationData: {},
          attributes: { creationDate: creation, mfaAuthenticated: mfa },
        },
        ...(actor.spec.invoked_by ? { invokedBy: actor.spec.invoked_by } : {}),
      };
    case 'aws-root':
      return {
        type: 'Root',
        principalId: actor.principalId,
        arn: actor.arn,
        accountId: actor.account,
        ...(withKey ? { accessKeyId: actor.accessKeyId } : {}),
      };
    default:
      return {
        type: 'IAMUser',
        principalId: actor.principalId,
        arn: actor.arn,
        accountId: actor.account,
        ...(withKey ? { accessKeyId: actor.accessKeyId } : {}),
        userName: actor.name,
      };
  }
}

export function cloudTrailRecord(input: BuildInput<unknown>, call: ApiCall): OutputRecord {
  const { rng, actor, env, time, ip } = input;
  const region = call.region ?? env.aws_region;
  const requestId = rng.uuid();
  const service = call.eventSource.replace('.amazonaws.com', '');
  const record: Record<string, unknown> = {
    eventVersion: call.eventType === 'AwsConsoleSignIn' ? '1.08' : '1.09',
    userIdentity: userIdentity(actor, time, !call.noAccessKey),
    eventTime: cloudTrailTime(time),
    eventSource: call.eventSource,
    eventName: call.eventName,
    awsRegion: region,
    sourceIPAddress: ip,
    userAgent: actor.userAgent,
  };
  if (call.errorCode) record.errorCode = call.errorCode;
  if (call.errorMessage) record.errorMessage = call.errorMessage;
  record.requestParameters = call.requestParameters;
  record.responseElements = call.responseElements;
  if (call.additionalEventData) record.additionalEventData = call.additionalEventData;
  if (call.eventType !== 'AwsConsoleSignIn') record.requestID = requestId;
  record.eventID = rng.uuid();
  record.readOnly = call.readOnly;
  if (call.resources) record.resources = call.resources;
  record.eventType = call.eventType ?? 'AwsApiCall';
  record.managementEvent = true;
  record.recipientAccountId = actor.account;
  record.eventCategory = 'Management';
  if (call.eventType !== 'AwsConsoleSignIn') {
    record.tlsDetails = {
      tlsVersion: 'TLSv1.3',
      cipherSuite: 'TLS_AES_128_GCM_SHA256',
      clientProvidedHostHeader: call.host ?? `${service}.${region}.amazonaws.com`,
    };
  }
  return { sourcetype: 'aws:cloudtrail', stream: 'cloudtrail', time, record };
}

/** `i-` followed by 17 hex digits, as EC2 instance ids look. */
export function isInstanceId(s: string): boolean {
  return /^i-[0-9a-f]{8,17}$/.test(s);
}
