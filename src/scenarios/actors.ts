// Resolves scenario actors into the identifiers the services log for them: IAM principal ids, access key
// ids, ARNs, Entra object ids. Identifiers derive from the scenario seed and the actor's name, so the
// same actor keeps the same ids in every event and every run.

import { Prng } from './prng.ts';
import type { ActorSpec, Environment } from './schema.ts';
import { fail } from '../core/diagnostics.ts';

export interface Actor {
  readonly key: string;
  readonly spec: ActorSpec;
  readonly account: string;
  /** IAM user name / role session name / UPN, whatever the service calls the principal. */
  readonly name: string;
  readonly arn: string;
  readonly principalId: string;
  readonly accessKeyId: string;
  /** For assumed roles: the role's own ARN and id (sessionContext.sessionIssuer). */
  readonly roleArn: string;
  readonly roleId: string;
  /** Entra UPN, or the Google principal email (a user's, or a service account's ...iam.gserviceaccount.com). */
  readonly upn: string;
  /** Google service account: the user-managed key it authenticates with, else ''. */
  readonly gcpKeyName: string;
  readonly objectId: string;
  readonly displayName: string;
  readonly userAgent: string;
  /** Picks the source IP of one event. */
  ip(rng: Prng): string;
}

const DEFAULT_AGENT = 'aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0 exe/x86_64.ubuntu.22 prompt/off';

export function resolveActor(key: string, spec: ActorSpec, env: Environment, seed: string): Actor {
  const rng = new Prng(seed).fork(`actor:${key}`);
  const account = spec.account ?? env.aws_account;
  const name = spec.name ?? spec.upn?.split('@')[0] ?? key;
  let arn = '';
  let principalId = '';
  let accessKeyId = '';
  let roleArn = '';
  let roleId = '';
  switch (spec.kind) {
    case 'aws-iam-user':
      principalId = `AIDA${rng.chars(17)}`;
      arn = `arn:aws:iam::${account}:user/${name}`;
      accessKeyId = `AKIA${rng.chars(16)}`;
      break;
    case 'aws-assumed-role': {
      if (!spec.role) fail('SCENARIO-ACTOR-ROLE', `actor ${key}: an aws-assumed-role actor needs \`role\``);
      roleId = `AROA${rng.chars(17)}`;
      principalId = `${roleId}:${name}`;
      roleArn = `arn:aws:iam::${account}:role/${spec.role}`;
      arn = `arn:aws:sts::${account}:assumed-role/${spec.role}/${name}`;
      accessKeyId = `ASIA${rng.chars(16)}`;
      break;
    }
    case 'aws-root':
      principalId = account;
      arn = `arn:aws:iam::${account}:root`;
      accessKeyId = `AKIA${rng.chars(16)}`;
      break;
    case 'entra-user':
    case 'entra-service-principal':
    case 'gcp-user':
    case 'gcp-service-account':
      break;
  }
  const saEmail = `${name}@${env.gcp_project}.iam.gserviceaccount.com`;
  const upn =
    spec.upn ??
    (spec.kind === 'gcp-service-account' ? saEmail : spec.kind.startsWith('entra') || spec.kind === 'gcp-user' ? `${name}@${env.tenant_domain}` : '');
  // Key resource name as IAM writes it (AuditLog AuthenticationInfo.serviceAccountKeyName).
  const gcpKeyName = spec.kind === 'gcp-service-account' && spec.sa_key ? `//iam.googleapis.com/projects/${env.gcp_project}/serviceAccounts/${upn}/keys/${rng.hex(40)}` : '';
  let rotation = 0;
  return {
    key,
    spec,
    account,
    name,
    arn,
    principalId,
    accessKeyId,
    roleArn,
    roleId,
    upn,
    gcpKeyName,
    objectId: spec.object_id ?? rng.uuid(),
    displayName: spec.display_name ?? name,
    userAgent: spec.user_agent ?? DEFAULT_AGENT,
    ip(r: Prng): string {
      if (spec.ip_order === 'rotate') return spec.ips[rotation++ % spec.ips.length]!;
      return r.pick(spec.ips);
    },
  };
}
