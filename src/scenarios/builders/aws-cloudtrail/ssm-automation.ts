// ssm:StartAutomationExecution: runbooks such as AWS-RestartEC2Instance or Patch Manager's
// AWS-PatchInstanceWithRollback; the response carries the automationExecutionId.
// https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-cloudtrail-logs.html

import { z } from 'zod';
import type { ActionBuilder } from '../types.ts';
import { cloudTrailRecord } from './envelope.ts';

const Params = z.object({
  document_name: z.string().default('AWS-RestartEC2Instance'),
  instance_ids: z.array(z.string()).default([]),
});

export const ssmStartAutomation: ActionBuilder<z.infer<typeof Params>> = {
  action: 'aws.ssm.StartAutomationExecution',
  sourcetype: 'aws:cloudtrail',
  summary: 'Systems Manager Automation runbook execution',
  reference: 'https://docs.aws.amazon.com/systems-manager/latest/userguide/monitoring-cloudtrail-logs.html',
  params: Params,
  build(input) {
    const p = input.params;
    return [
      cloudTrailRecord(input, {
        eventSource: 'ssm.amazonaws.com',
        eventName: 'StartAutomationExecution',
        readOnly: false,
        requestParameters: { documentName: p.document_name, parameters: { InstanceId: p.instance_ids } },
        responseElements: { automationExecutionId: input.rng.uuid() },
      }),
    ];
  },
};
