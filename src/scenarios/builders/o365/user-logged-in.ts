// O365 Management Activity API record for an Entra ID logon (RecordType 15 AzureActiveDirectoryStsLogon,
// Workload AzureActiveDirectory): Operation UserLoggedIn / UserLoginFailed, CreationTime without a zone,
// ClientIP, ApplicationId, ExtendedProperties [{Name, Value}] with UserAgent and RequestType.
// https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-schema

import { z } from 'zod';
import { o365Time } from '../../time-format.ts';
import type { ActionBuilder } from '../types.ts';
import { ENTRA_APP_KEYS, resolveApp } from '../entra-apps.ts';

const Params = z.object({
  app: z.enum(ENTRA_APP_KEYS).default('office-home'),
  /** An application that is not a Microsoft first-party preset. */
  custom_app: z.object({ id: z.string(), name: z.string() }).optional(),
  result: z.enum(['Success', 'Failed']).default('Success'),
  os: z.string().default('Windows 10'),
  browser: z.string().default('Edge'),
});

export const o365UserLoggedIn: ActionBuilder<z.infer<typeof Params>> = {
  action: 'o365.UserLoggedIn',
  sourcetype: 'o365:management:activity',
  summary: 'O365 audit: Entra ID logon (UserLoggedIn / UserLoginFailed)',
  reference: 'https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-schema',
  params: Params,
  build(input) {
    const { actor, env, rng, time, ip, params: p } = input;
    const app = resolveApp(p.app, p.custom_app);
    const ok = p.result === 'Success';
    const id = rng.uuid();
    const record: Record<string, unknown> = {
      CreationTime: o365Time(time),
      Id: id,
      Operation: ok ? 'UserLoggedIn' : 'UserLoginFailed',
      OrganizationId: env.tenant_id,
      RecordType: 15,
      ResultStatus: ok ? 'Success' : 'Failed',
      UserKey: actor.objectId,
      UserType: 0,
      Version: 1,
      Workload: 'AzureActiveDirectory',
      ClientIP: ip,
      ObjectId: app.resourceId,
      UserId: actor.upn,
      AzureActiveDirectoryEventType: 1,
      ExtendedProperties: [
        { Name: 'ResultStatusDetail', Value: ok ? 'Redirect' : 'Failed' },
        { Name: 'UserAgent', Value: actor.spec.user_agent ?? 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0' },
        { Name: 'RequestType', Value: 'OAuth2:Authorize' },
      ],
      ModifiedProperties: [],
      Actor: [
        { ID: actor.objectId, Type: 0 },
        { ID: actor.upn, Type: 5 },
      ],
      ActorContextId: env.tenant_id,
      ActorIpAddress: ip,
      InterSystemsId: rng.uuid(),
      IntraSystemId: id,
      SupportTicketId: '',
      Target: [{ ID: app.resourceId, Type: 0 }],
      TargetContextId: env.tenant_id,
      ApplicationId: app.id,
      DeviceProperties: [
        { Name: 'OS', Value: p.os },
        { Name: 'BrowserType', Value: p.browser },
        { Name: 'SessionId', Value: rng.uuid() },
      ],
      ErrorNumber: ok ? '0' : '50126',
      ...(ok ? {} : { LogonError: 'InvalidUserNameOrPassword' }),
    };
    return [{ sourcetype: 'o365:management:activity', stream: 'o365-aad', time, record }];
  },
};
