// The action table: scenario steps name an action, and this table maps the name to its event builder.
// Adding a service action means adding a builder file and one line here.

import type { ActionBuilder } from './types.ts';
import { consoleLogin } from './aws-cloudtrail/console-login.ts';
import { getCallerIdentity } from './aws-cloudtrail/get-caller-identity.ts';
import { apiCall } from './aws-cloudtrail/api-call.ts';
import { ssmSendCommand } from './aws-cloudtrail/ssm-send-command.ts';
import { ssmStartSession, ssmResumeSession, ssmTerminateSession } from './aws-cloudtrail/ssm-session.ts';
import { ssmStartAutomation } from './aws-cloudtrail/ssm-automation.ts';
import { sendSshPublicKey, sendSerialConsoleKey, openTunnel } from './aws-cloudtrail/instance-connect.ts';
import { entraSignIn } from './azure-signin/sign-in.ts';
import { o365UserLoggedIn } from './o365/user-logged-in.ts';
import { azureOperation, azureRunCommand, azureSerialConsole, azureExtensionWrite } from './azure-activity/actions.ts';
import { gcpAudit, gcpSetMetadata, gcpIapTunnel, gcpOsLogin, gcpSerialConnect } from './gcp-audit/actions.ts';
import { gwsLogin } from './gws/login.ts';

const ALL: readonly ActionBuilder[] = [
  consoleLogin,
  getCallerIdentity,
  apiCall,
  ssmSendCommand,
  ssmStartSession,
  ssmResumeSession,
  ssmTerminateSession,
  ssmStartAutomation,
  sendSshPublicKey,
  sendSerialConsoleKey,
  openTunnel,
  entraSignIn,
  o365UserLoggedIn,
  azureOperation,
  azureRunCommand,
  azureSerialConsole,
  azureExtensionWrite,
  gcpAudit,
  gcpSetMetadata,
  gcpIapTunnel,
  gcpOsLogin,
  gcpSerialConnect,
  gwsLogin,
];

export const BUILDERS: Readonly<Record<string, ActionBuilder>> = Object.fromEntries(ALL.map((b) => [b.action, b]));

export function builderFor(action: string): ActionBuilder | undefined {
  return BUILDERS[action];
}
