// sts:GetCallerIdentity: what `aws configure` users (and attackers checking stolen keys) call first.
// Read-only, no request parameters or response elements in the trail.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html

import { z } from 'zod';
import type { ActionBuilder } from '../types.ts';
import { cloudTrailRecord } from './envelope.ts';

const Params = z.object({});

export const getCallerIdentity: ActionBuilder<z.infer<typeof Params>> = {
  action: 'aws.sts.GetCallerIdentity',
  sourcetype: 'aws:cloudtrail',
  summary: 'STS GetCallerIdentity (credential check after `aws configure`)',
  reference: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html',
  params: Params,
  build(input) {
    return [
      cloudTrailRecord(input, {
        eventSource: 'sts.amazonaws.com',
        eventName: 'GetCallerIdentity',
        readOnly: true,
        requestParameters: null,
        responseElements: null,
      }),
    ];
  },
};
