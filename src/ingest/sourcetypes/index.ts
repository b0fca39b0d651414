// The sourcetype registry: detection order, lookup by name (including accepted alias names), and the
// fallback `_json`. Order matters: sign-in and activity records share the Azure envelope, so the more
// specific sign-in check runs first. Google's shapes (LogEntry, Reports activity) share no key with the others.

import { awsCloudtrail } from './aws-cloudtrail.ts';
import { azureActivity } from './azure-activity.ts';
import { azureSignin } from './azure-signin.ts';
import { gcpLogging } from './gcp-logging.ts';
import { genericJson } from './generic-json.ts';
import { gwsReportsAdmin, gwsReportsLogin } from './gws-reports.ts';
import { o365Management } from './o365-management.ts';
import { isObject, type SourcetypeDef } from './types.ts';

export type { SourcetypeDef } from './types.ts';

export const KNOWN_SOURCETYPES: readonly SourcetypeDef[] = [
  azureSignin,
  azureActivity,
  awsCloudtrail,
  o365Management,
  gcpLogging,
  gwsReportsAdmin,
  gwsReportsLogin,
];
export const FALLBACK_SOURCETYPE: SourcetypeDef = genericJson;

/** The definition whose shape a record has; `_json` when it matches none of the known log sources. */
export function detectSourcetypeDef(record: unknown): SourcetypeDef {
  if (!isObject(record)) return genericJson;
  for (const def of KNOWN_SOURCETYPES) if (def.matches(record)) return def;
  return genericJson;
}

/** The definition for a `--sourcetype` name or alias; unknown names get a generic definition of that name. */
export function sourcetypeByName(name: string): SourcetypeDef {
  const lower = name.toLowerCase();
  for (const def of [...KNOWN_SOURCETYPES, genericJson]) {
    if (def.name === lower || def.aliases.includes(lower)) return def;
  }
  return { ...genericJson, name };
}
