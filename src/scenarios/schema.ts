// The scenario file format (YAML, validated with zod): who acts (actors), in which cloud environment, what
// they do and when (timeline), how much benign background to mix in (volume), and what each rule must do
// about it (expect). Scenarios are data; the generator (generate.ts) turns them into log records.

import { z } from 'zod';
import { parseDuration } from './duration.ts';

const Duration = z
  .union([z.string(), z.number()])
  .refine((v) => parseDuration(v) !== null, { message: 'not a duration (use e.g. 30s, 5m, 1h30m, 2d)' })
  .transform((v) => parseDuration(v) as number);

const Location = z.object({
  city: z.string(),
  state: z.string().default(''),
  country: z.string().length(2),
  lat: z.number(),
  lon: z.number(),
});

const Device = z.object({
  os: z.string(),
  browser: z.string(),
  device_id: z.string().default(''),
  display_name: z.string().default(''),
  is_compliant: z.boolean().default(false),
  is_managed: z.boolean().default(false),
  trust_type: z.string().default(''),
});

export const ActorKinds = ['aws-iam-user', 'aws-assumed-role', 'aws-root', 'entra-user', 'entra-service-principal', 'gcp-user', 'gcp-service-account'] as const;
export type ActorKind = (typeof ActorKinds)[number];

export const ActorSchema = z.object({
  kind: z.enum(ActorKinds),
  /** IAM user name, or the role session name of an assumed role. */
  name: z.string().optional(),
  /** Role name of an assumed role. */
  role: z.string().optional(),
  /** Overrides the environment's AWS account for this principal. */
  account: z.string().regex(/^\d{12}$/).optional(),
  /** Entra user principal name (also the O365 UserId). */
  upn: z.string().optional(),
  display_name: z.string().optional(),
  /** Entra object id (users, service principals, managed identities); derived from the seed when absent. */
  object_id: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/).optional(),
  /** Entra app id of a service principal. */
  app_id: z.string().optional(),
  /** Source addresses; each event picks one (rotate: in order, else at random). */
  ips: z.array(z.string()).min(1),
  ip_order: z.enum(['random', 'rotate']).default('random'),
  user_agent: z.string().optional(),
  /** AWS service that calls on the principal's behalf (userIdentity.invokedBy), e.g. ssm.amazonaws.com. */
  invoked_by: z.string().optional(),
  /** gcp-service-account: authenticates with a user-managed key (authenticationInfo.serviceAccountKeyName). */
  sa_key: z.boolean().default(false),
  /** Whether the AWS session was created with MFA (sessionContext.attributes.mfaAuthenticated). */
  mfa: z.boolean().default(false),
  location: Location.optional(),
  device: Device.optional(),
});
export type ActorSpec = z.infer<typeof ActorSchema>;

export const EnvironmentSchema = z
  .object({
    aws_account: z.string().regex(/^\d{12}$/).default('111122223333'),
    aws_region: z.string().default('us-east-1'),
    tenant_id: z.string().default('72f988bf-0000-4000-8000-00000000c0de'),
    tenant_domain: z.string().default('contoso.com'),
    subscription_id: z.string().default('0b1f6471-1bf0-4dda-aec3-cb9272f09590'),
    resource_group: z.string().default('PROD-RG'),
    azure_location: z.string().default('eastus'),
    /** Google Cloud project id and number, Compute Engine zone, Workspace customer id. */
    gcp_project: z.string().default('prod-web-4711'),
    gcp_project_number: z.string().regex(/^\d+$/).default('123456789012'),
    gcp_zone: z.string().default('europe-west1-b'),
    gws_customer: z.string().default('C03az79cb'),
    /** Which Azure Activity layouts to emit: Event Hub diagnostic records, REST API records, or both. */
    azure_activity_layout: z.enum(['eventhub', 'rest', 'both']).default('rest'),
  })
  .prefault({});
export type Environment = z.infer<typeof EnvironmentSchema>;

export const StepSchema = z.object({
  /** Offset from the scenario start. */
  at: Duration.default(0),
  actor: z.string(),
  action: z.string(),
  /** How many times the action happens. */
  count: z.number().int().min(1).default(1),
  /** Fixed spacing between repetitions... */
  every: Duration.optional(),
  /** ...or repetitions spread at random over this window. */
  over: Duration.optional(),
  /** Background steps are scaled by the scenario's volume multiplier. */
  background: z.boolean().default(false),
  params: z.record(z.string(), z.unknown()).default({}),
});
export type Step = z.infer<typeof StepSchema>;

export const ExpectationSchema = z.discriminatedUnion('alert', [
  z.object({
    alert: z.literal(true),
    alert_type: z.string(),
    /** Alert fields that must hold these values in at least one alert of the rule. */
    entities: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
    min_alerts: z.number().int().min(1).default(1),
    /** Upper bound, when extra alerts would be a false positive (e.g. a failed attempt must not alert). */
    max_alerts: z.number().int().min(1).optional(),
  }),
  z.object({
    alert: z.literal(false),
    /** Which tuning allowlist entry silences this activity (null when the rule logic itself ignores it). */
    tuning: z.string().nullable().default(null),
  }),
]);
export type Expectation = z.infer<typeof ExpectationSchema>;

export const ScenarioSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case kebab-case'),
  title: z.string(),
  kind: z.enum(['attack', 'benign']),
  technique: z.string().regex(/^T\d{4}(\.\d{3})?$/),
  description: z.string().default(''),
  /** The seed page's "Testing Methodology" test this scenario makes executable, if any. */
  methodology: z.object({ technique: z.string(), test: z.number().int(), title: z.string() }).optional(),
  /** Documentation pages the generated records follow. */
  references: z.array(z.string().url()).min(1),
  seed: z.union([z.string(), z.number()]).transform(String),
  start: z.iso.datetime(),
  volume: z.number().positive().default(1),
  environment: EnvironmentSchema,
  actors: z.record(z.string(), ActorSchema),
  timeline: z.array(StepSchema).min(1),
  expect: z.record(z.string(), ExpectationSchema).default({}),
}).superRefine((s, ctx) => {
  // Benign activity that a rule must alert on is a contradiction: make it an attack scenario instead.
  if (s.kind !== 'benign') return;
  for (const [rule, e] of Object.entries(s.expect)) {
    if (e.alert) ctx.addIssue({ code: 'custom', path: ['expect', rule, 'alert'], message: 'a benign scenario cannot expect an alert' });
  }
});
export type Scenario = z.infer<typeof ScenarioSchema>;
