// A Google Workspace login audit activity as the Reports API returns it (kind admin#reports#activity, id
// {time, uniqueQualifier, applicationName "login", customerId}, actor, ipAddress, events[] with one login
// event and its parameters: login_type, login_challenge_method, is_suspicious, login_failure_type).
// https://developers.google.com/workspace/admin/reports/reference/rest/v1/activities
// https://developers.google.com/workspace/admin/reports/v1/appendix/activity/login

import { z } from 'zod';
import type { ActionBuilder } from '../types.ts';

const Params = z.object({
  event: z.enum(['login_success', 'login_failure', 'login_challenge', 'logout']).default('login_success'),
  login_type: z.enum(['google_password', 'saml', 'reauth', 'exchange']).default('google_password'),
  challenge: z.array(z.string()).default(['password']),
  suspicious: z.boolean().default(false),
});

export const gwsLogin: ActionBuilder<z.infer<typeof Params>> = {
  action: 'gws.Login',
  sourcetype: 'gws:reports:login',
  summary: 'Google Workspace login audit event (Reports API, application login)',
  reference: 'https://developers.google.com/workspace/admin/reports/v1/appendix/activity/login',
  params: Params,
  build(input) {
    const { actor, env, rng, time, ip, params: p } = input;
    const t = Math.floor(time) + rng.int(0, 999) / 1000;
    const parameters: Record<string, unknown>[] = [
      { name: 'login_type', value: p.login_type },
      { name: 'login_challenge_method', multiValue: p.challenge },
      { name: 'is_suspicious', boolValue: p.suspicious },
    ];
    if (p.event === 'login_failure') parameters.push({ name: 'login_failure_type', value: 'login_failure_invalid_password' });
    const record = {
      kind: 'admin#reports#activity',
      id: { time: new Date(t * 1000).toISOString(), uniqueQualifier: String(-rng.int(1e9, 9e9)) + String(rng.int(1e8, 9e8)), applicationName: 'login', customerId: env.gws_customer },
      etag: `"${rng.chars(27, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}/${rng.chars(27, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789')}"`,
      actor: { callerType: 'USER', email: actor.upn, profileId: String(rng.int(1e9, 9e9)) + String(rng.int(1e9, 9e9)) },
      ipAddress: ip,
      events: [{ type: 'login', name: p.event, parameters }],
    };
    return [{ sourcetype: 'gws:reports:login', stream: 'gws-reports', time: t, record }];
  },
};
