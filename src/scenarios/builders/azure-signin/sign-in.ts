// An Entra ID sign-in (interactive, or a non-interactive token use) as Azure Monitor diagnostic settings
// stream it to Event Hub: the envelope (time, resourceId, operationName "Sign-in activity", category,
// resultType...) around the Microsoft Graph signIn resource in `properties` (status.errorCode,
// riskLevelDuringSignIn, riskEventTypes_v2, networkLocationDetails, deviceDetail, location, sessionId...).
// https://learn.microsoft.com/graph/api/resources/signin
// https://learn.microsoft.com/entra/identity/monitoring-health/howto-stream-logs-to-event-hub

import { z } from 'zod';
import { azureTime } from '../../time-format.ts';
import type { ActionBuilder } from '../types.ts';
import { ENTRA_APP_KEYS, resolveApp } from '../entra-apps.ts';

const RISK = z.enum(['none', 'low', 'medium', 'high', 'hidden']);

const Params = z.object({
  app: z.enum(ENTRA_APP_KEYS).default('azure-portal'),
  /** An application that is not a Microsoft first-party preset. */
  custom_app: z.object({ id: z.string(), name: z.string() }).optional(),
  error_code: z.number().int().default(0),
  failure_reason: z.string().optional(),
  risk_level: RISK.default('none'),
  risk_state: z.enum(['none', 'atRisk', 'confirmedSafe', 'remediated', 'dismissed', 'confirmedCompromised']).optional(),
  /** Why the risk state is what it is (Graph riskDetail), e.g. adminDismissedAllRiskForUser. */
  risk_detail: z.string().default('none'),
  /** Risk detections on the sign-in, e.g. anonymizedIPAddress, unfamiliarFeatures. */
  risk_events: z.array(z.string()).default([]),
  /** networkLocationDetails entries, e.g. {networkType: namedNetwork, networkNames: [HQ]}. */
  network_locations: z.array(z.object({ networkType: z.string(), networkNames: z.array(z.string()) })).default([]),
  mfa: z.boolean().default(true),
  /** false: a non-interactive sign-in (token refresh by a client), category NonInteractiveUserSignInLogs. */
  interactive: z.boolean().default(true),
  /** The session the sign-in belongs to (properties.sessionId); a fresh one per event when absent. */
  session_id: z.string().optional(),
});

export const entraSignIn: ActionBuilder<z.infer<typeof Params>> = {
  action: 'entra.SignIn',
  sourcetype: 'azure:monitor:aad:signin',
  summary: 'Entra ID user sign-in, interactive or not (SignInLogs / NonInteractiveUserSignInLogs)',
  reference: 'https://learn.microsoft.com/graph/api/resources/signin',
  params: Params,
  build(input) {
    const { actor, env, rng, time, ip, params: p } = input;
    const app = resolveApp(p.app, p.custom_app);
    const id = rng.uuid();
    const correlationId = rng.uuid();
    const loc = actor.spec.location ?? { city: 'Redmond', state: 'Washington', country: 'US', lat: 47.68, lon: -122.12 };
    const dev = actor.spec.device ?? { os: 'Windows10', browser: 'Edge 124.0.0', device_id: '', display_name: '', is_compliant: false, is_managed: false, trust_type: '' };
    const failed = p.error_code !== 0;
    const failureReason = p.failure_reason ?? 'Invalid username or password or Invalid on-premise username or password.';
    const riskState = p.risk_state ?? (p.risk_level === 'none' ? 'none' : 'atRisk');
    const properties: Record<string, unknown> = {
      id,
      createdDateTime: azureTime(time),
      userDisplayName: actor.displayName,
      userPrincipalName: actor.upn,
      userId: actor.objectId,
      appId: app.id,
      appDisplayName: app.name,
      ipAddress: ip,
      status: failed
        ? { errorCode: p.error_code, failureReason }
        : { errorCode: 0 },
      clientAppUsed: app.clientAppUsed,
      userAgent: actor.spec.user_agent ?? 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0',
      correlationId,
      conditionalAccessStatus: 'notApplied',
      originalRequestId: id,
      isInteractive: p.interactive,
      sessionId: p.session_id ?? rng.uuid(),
      tokenIssuerName: '',
      tokenIssuerType: 'AzureAD',
      authenticationRequirement: p.mfa ? 'multiFactorAuthentication' : 'singleFactorAuthentication',
      deviceDetail: {
        deviceId: dev.device_id,
        displayName: dev.display_name,
        operatingSystem: dev.os,
        browser: dev.browser,
        isCompliant: dev.is_compliant,
        isManaged: dev.is_managed,
        trustType: dev.trust_type,
      },
      location: {
        city: loc.city,
        state: loc.state,
        countryOrRegion: loc.country,
        geoCoordinates: { latitude: loc.lat, longitude: loc.lon },
      },
      riskDetail: p.risk_detail,
      riskLevelAggregated: p.risk_level,
      riskLevelDuringSignIn: p.risk_level,
      riskState,
      riskEventTypes: p.risk_events,
      riskEventTypes_v2: p.risk_events,
      resourceDisplayName: app.resourceName,
      resourceId: app.resourceId,
      resourceTenantId: env.tenant_id,
      homeTenantId: env.tenant_id,
      networkLocationDetails: p.network_locations,
      authenticationProtocol: 'none',
      incomingTokenType: 'none',
      mfaDetail: p.mfa ? { authMethod: 'Mobile app notification', authDetail: null } : {},
      appliedConditionalAccessPolicies: [],
    };
    const record: Record<string, unknown> = {
      time: azureTime(time + 0.5),
      resourceId: `/tenants/${env.tenant_id}/providers/Microsoft.aadiam`,
      operationName: 'Sign-in activity',
      operationVersion: '1.0',
      category: p.interactive ? 'SignInLogs' : 'NonInteractiveUserSignInLogs',
      tenantId: env.tenant_id,
      resultType: String(p.error_code),
      resultSignature: 'None',
      ...(failed ? { resultDescription: failureReason } : {}),
      durationMs: 0,
      callerIpAddress: ip,
      correlationId,
      identity: actor.displayName,
      Level: 4,
      location: loc.country,
      properties,
    };
    return [{ sourcetype: 'azure:monitor:aad:signin', stream: 'eventhub-signin', time, record }];
  },
};
