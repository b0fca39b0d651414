// ConsoleLogin (signin.amazonaws.com): the AWS Management Console sign-in event, with
// responseElements.ConsoleLogin Success/Failure and additionalEventData.MFAUsed "Yes"/"No".
// https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html

import { z } from 'zod';
import type { ActionBuilder } from '../types.ts';
import { cloudTrailRecord } from './envelope.ts';

const Params = z.object({
  result: z.enum(['Success', 'Failure']).default('Success'),
  mfa_used: z.enum(['Yes', 'No']).default('No'),
  login_to: z.string().default('https://console.aws.amazon.com/console/home?state=hashArgs%23&isauthcode=true'),
  /** A SAML-federated sign-in: additionalEventData.SamlProviderArn (the actor is then an assumed role). */
  saml_provider_arn: z.string().optional(),
});

export const consoleLogin: ActionBuilder<z.infer<typeof Params>> = {
  action: 'aws.signin.ConsoleLogin',
  sourcetype: 'aws:cloudtrail',
  summary: 'AWS Management Console sign-in (IAM user, root, or a federated role session)',
  reference: 'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-aws-console-sign-in-events.html',
  params: Params,
  build(input) {
    const p = input.params;
    const extra: Record<string, unknown> = { LoginTo: p.login_to, MobileVersion: 'No', MFAUsed: p.mfa_used };
    if (p.mfa_used === 'Yes') extra.MFAIdentifier = `arn:aws:iam::${input.actor.account}:mfa/${input.actor.name}`;
    if (p.saml_provider_arn) extra.SamlProviderArn = p.saml_provider_arn;
    return [
      cloudTrailRecord(input, {
        eventSource: 'signin.amazonaws.com',
        eventName: 'ConsoleLogin',
        readOnly: false,
        requestParameters: null,
        responseElements: { ConsoleLogin: p.result },
        additionalEventData: extra,
        eventType: 'AwsConsoleSignIn',
        region: 'us-east-1',
        noAccessKey: true,
        ...(p.result === 'Failure' ? { errorMessage: 'Failed authentication' } : {}),
      }),
    ];
  },
};
