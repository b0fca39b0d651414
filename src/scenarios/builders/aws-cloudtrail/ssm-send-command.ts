// ssm:SendCommand (Run Command): CloudTrail logs instanceIds (or targets), documentName, and replaces
// the command parameters with HIDDEN_DUE_TO_SECURITY_REASONS, in the request and in the command echo.
// https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-cloudtrail-logs.html

import { z } from 'zod';
import type { ActionBuilder } from '../types.ts';
import { cloudTrailRecord } from './envelope.ts';
import { cloudTrailResponseDate } from '../../time-format.ts';

const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

const Params = z.object({
  instance_ids: z.array(z.string()).default([]),
  /** Tag or resource-group targeting (Patch Manager, State Manager) instead of instance ids. */
  targets: z.array(z.object({ key: z.string(), values: z.array(z.string()) })).default([]),
  document_name: z.string().default('AWS-RunShellScript'),
  comment: z.string().default(''),
  service_role: z.string().default(''),
});

export const ssmSendCommand: ActionBuilder<z.infer<typeof Params>> = {
  action: 'aws.ssm.SendCommand',
  sourcetype: 'aws:cloudtrail',
  summary: 'Systems Manager Run Command on managed instances',
  reference: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-cloudtrail-logs.html',
  params: Params,
  build(input) {
    const p = input.params;
    const request: Record<string, unknown> = {};
    if (p.instance_ids.length) request.instanceIds = p.instance_ids;
    if (p.targets.length) request.targets = p.targets;
    request.documentName = p.document_name;
    if (p.comment) request.comment = p.comment;
    request.parameters = HIDDEN;
    request.interactive = false;
    const command = {
      commandId: input.rng.uuid(),
      documentName: p.document_name,
      documentVersion: '$DEFAULT',
      comment: p.comment,
      expiresAfter: cloudTrailResponseDate(input.time + 3600 + 600),
      parameters: HIDDEN,
      instanceIds: p.instance_ids,
      targets: p.targets,
      requestedDateTime: cloudTrailResponseDate(input.time),
      status: 'Pending',
      statusDetails: 'Pending',
      outputS3Region: input.env.aws_region,
      outputS3BucketName: '',
      outputS3KeyPrefix: '',
      maxConcurrency: '50',
      maxErrors: '0',
      targetCount: p.instance_ids.length,
      completedCount: 0,
      errorCount: 0,
      deliveryTimedOutCount: 0,
      serviceRole: p.service_role,
      notificationConfig: { notificationArn: '', notificationEvents: [], notificationType: '' },
      cloudWatchOutputConfig: { cloudWatchLogGroupName: '', cloudWatchOutputEnabled: false },
      timeoutSeconds: 3600,
      alarmConfiguration: { ignorePollAlarmFailure: false, alarms: [] },
      triggeredAlarms: [],
    };
    return [
      cloudTrailRecord(input, {
        eventSource: 'ssm.amazonaws.com',
        eventName: 'SendCommand',
        readOnly: false,
        requestParameters: request,
        responseElements: { command },
      }),
    ];
  },
};
