// First-party Microsoft application ids as they appear in Entra sign-in logs (appId/appDisplayName) and
// in O365 ApplicationId; resources are what the token is for (resourceId/resourceDisplayName).
// https://learn.microsoft.com/troubleshoot/entra/entra-id/governance/verify-first-party-apps-sign-in

export interface EntraApp {
  readonly id: string;
  readonly name: string;
  readonly resourceId: string;
  readonly resourceName: string;
  readonly clientAppUsed: string;
}

const ARM = { resourceId: '797f4846-ba00-4fd7-ba43-dac1f8f63013', resourceName: 'Windows Azure Service Management API' };
const EXO = { resourceId: '00000002-0000-0ff1-ce00-000000000000', resourceName: 'Office 365 Exchange Online' };
const OFFICE_HOME = { resourceId: '4765445b-32c6-49b0-83e6-1d93765276ca', resourceName: 'OfficeHome' };

export const ENTRA_APPS: Readonly<Record<string, EntraApp>> = {
  'azure-cli': { id: '04b07795-8ddb-461a-bbee-02f9e1bf7b46', name: 'Microsoft Azure CLI', ...ARM, clientAppUsed: 'Mobile Apps and Desktop clients' },
  'azure-powershell': { id: '1950a258-227b-4e31-a9cf-717495945fc2', name: 'Microsoft Azure PowerShell', ...ARM, clientAppUsed: 'Mobile Apps and Desktop clients' },
  'azure-portal': { id: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', name: 'Azure Portal', ...ARM, clientAppUsed: 'Browser' },
  'office-home': { id: '4765445b-32c6-49b0-83e6-1d93765276ca', name: 'OfficeHome', ...OFFICE_HOME, clientAppUsed: 'Browser' },
  outlook: { id: 'd3590ed6-52b3-4102-aeff-aad2292ab01c', name: 'Microsoft Office', ...EXO, clientAppUsed: 'Mobile Apps and Desktop clients' },
  teams: { id: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', name: 'Microsoft Teams', resourceId: 'cc15fd57-2c6c-4117-a88c-83b1d56b4bbe', resourceName: 'Microsoft Teams Services', clientAppUsed: 'Mobile Apps and Desktop clients' },
};

export const ENTRA_APP_KEYS = Object.keys(ENTRA_APPS) as [string, ...string[]];

/** A third-party or in-house application, named in a scenario instead of by preset. */
export interface CustomApp {
  readonly id: string;
  readonly name: string;
}

/** The preset, or the custom app when given (custom apps sign in to Microsoft Graph in a browser). */
export function resolveApp(preset: string, custom?: CustomApp): EntraApp {
  if (custom) return { id: custom.id, name: custom.name, resourceId: '00000003-0000-0000-c000-000000000000', resourceName: 'Microsoft Graph', clientAppUsed: 'Browser' };
  return ENTRA_APPS[preset]!;
}
