// The rule format (rules/<id>.yml) as a zod schema: the single source of truth for what a detection holds.
// Loading validates against it; schemas/rule.schema.json is emitted from it for editors (see json-schema.ts).
// Strict objects: an unknown key is an error, so a typo never silently drops a section.

import { z } from 'zod';

export const SEVERITIES = ['informational', 'low', 'medium', 'high', 'critical'] as const;
export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export const STATUSES = ['experimental', 'test', 'stable', 'deprecated'] as const;
export const SOURCETYPES = [
  'aws:cloudtrail',
  'azure:monitor:aad:signin',
  'o365:management:activity',
  'azure:activity',
  'google:gcp:pubsub:message',
  'gws:reports:admin',
  'gws:reports:login',
] as const;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a lower-case slug such as cloud-services-risky-signin-t1021-007');
const techniqueId = z.string().regex(/^T\d{4}(?:\.\d{3})?$/, 'an ATT&CK technique id such as T1021 or T1021.007');

export const attackSchema = z.strictObject({
  tactic: z.string().min(1).describe('ATT&CK tactic name, e.g. Lateral Movement'),
  tactic_id: z.string().regex(/^TA\d{4}$/).describe('ATT&CK tactic id, e.g. TA0008'),
  technique: techniqueId.describe('Parent technique id, e.g. T1021'),
  technique_name: z.string().min(1),
  subtechnique: techniqueId.optional().describe('Sub-technique id, e.g. T1021.007'),
  subtechnique_name: z.string().optional(),
  reference: z.url().describe('Canonical ATT&CK page'),
});

/** A CSV allowlist: rows whose columns match the mapped output fields are dropped (tuning.ts builds the filter). */
export const allowlistSchema = z.strictObject({
  id: slug.describe('Referenced by false_positives[].tuning'),
  description: z.string().min(1),
  /** Path of the CSV, relative to the rule file. */
  file: z.string().regex(/\.csv$/),
  /** CSV column -> field of the rule's output rows (a table field). */
  fields: z.record(z.string().min(1), z.string().min(1)),
  match: z.enum(['exact', 'wildcard', 'cidr']).describe('exact: equal strings; wildcard: * matches any run; cidr: the value is an IP inside the CIDR'),
  /** For Sigma export: output field -> raw log field, per sourcetype, when they differ. */
  log_fields: z.record(z.string(), z.record(z.string(), z.string())).optional(),
});

export const falsePositiveSchema = z.strictObject({
  description: z.string().min(1),
  /** The allowlist id that silences it, or null when only triage can tell (say why in `note`). */
  tuning: slug.nullable(),
  /** The rule test that proves the tuning silences it. */
  test: z.string().min(1).nullable(),
  note: z.string().optional(),
});

const eventRecord = z.record(z.string(), z.unknown());

export const ruleTestSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  expect: z.enum(['alert', 'no_alert']),
  sourcetype: z.enum(SOURCETYPES).optional().describe('Sourcetype of the inline events (detected when absent)'),
  /** Inline events (raw log records). */
  events: z.array(eventRecord).optional(),
  /** Fixture files (JSON array, NDJSON), relative to the repository root. */
  fixtures: z.array(z.string()).optional(),
  /** Apply the rule's allowlists (tuning) before judging. */
  tuned: z.boolean().default(false),
  /** Expected AlertType values of the alerts (each must appear). */
  alert_types: z.array(z.string()).optional(),
  /** Expected field values on at least one alert. */
  entities: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  /** Exact number of alerts expected, when it matters. */
  count: z.number().int().nonnegative().optional(),
  /** What the test exercises: the testing-methodology step, or a false positive it reproduces. */
  covers: z.string().optional(),
});

export const methodologyStepSchema = z.strictObject({
  name: z.string().min(1),
  behaviour: z.string().min(1),
  expected_signal: z.string().min(1),
  /** Rule test that emulates this step. */
  test: z.string().nullable(),
});

export const huntingQuerySchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  spl: z.string().min(1),
});

export const ruleSchema = z.strictObject({
  id: slug,
  title: z.string().min(1),
  version: z.number().int().positive(),
  status: z.enum(STATUSES),
  author: z.string().min(1),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  attack: attackSchema,
  description: z.string().min(1),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(CONFIDENCES),
  data_sources: z.array(z.string().min(1)).min(1),
  sourcetypes: z.array(z.enum(SOURCETYPES)).min(1),
  /** Valid Splunk SPL, run unchanged by Splunk and by sightline. */
  spl: z.string().min(1),
  /** AlertType values the SPL emits (one per branch). */
  alert_types: z.array(z.string().min(1)).min(1),
  /**
   * Severity of some AlertTypes when it differs from the rule's (a weaker signal in its own AlertType, e.g. a
   * failed attempt or a federated sign-in); every key must be one of alert_types.
   */
  alert_severity: z
    .record(z.string().min(1), z.enum(SEVERITIES))
    .optional()
    .describe("Severity per AlertType where it differs from the rule's severity"),
  /** Output fields that name the entity; the suppression key (with the rule id). */
  entities: z.array(z.string().min(1)).min(1),
  /**
   * The time span an aggregating rule correlates its events over, in Sigma timespan syntax; exported as the
   * Sigma correlation `timespan` (default 24h). It documents the SPL; the SPL itself states any bound it applies.
   */
  correlation_window: z
    .string()
    .regex(/^[1-9]\d*[smhd]$/, 'a Sigma timespan: a positive number and s, m, h or d, e.g. 30m, 24h, 7d')
    .optional()
    .describe('Window the rule correlates events over (Sigma timespan syntax, e.g. 1h, 24h); the Sigma correlation timespan'),
  /** What changed from the founding page and why (wrong event names, field values...), with citations. */
  notes: z.array(z.string().min(1)).default([]),
  false_positives: z.array(falsePositiveSchema).min(1),
  tuning: z.strictObject({ allowlists: z.array(allowlistSchema).default([]) }).default({ allowlists: [] }),
  testing_methodology: z.array(methodologyStepSchema).default([]),
  response_playbook: z.array(z.string().min(1)).min(1),
  investigation_guide: z.array(z.string().min(1)).min(1),
  hunting_queries: z.array(huntingQuerySchema).default([]),
  related: z.array(slug).default([]),
  references: z.array(z.url()).min(1),
  tests: z.array(ruleTestSchema).min(1),
});

export type RuleDoc = z.infer<typeof ruleSchema>;
export type Allowlist = z.infer<typeof allowlistSchema>;
export type RuleTest = z.infer<typeof ruleTestSchema>;
export type Severity = (typeof SEVERITIES)[number];
export type Confidence = (typeof CONFIDENCES)[number];
