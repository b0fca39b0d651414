// A deterministic (seeded) benchmark dataset: NDJSON lines of the four log sources in realistic shapes and
// proportions, mostly background noise with rare lateral-movement events the bench queries look for.
// `datasetLines` is a generator so the 10 GB stream check never writes to disk; `writeDataset` writes a
// file of a given size plus its gzip copy.

import { createWriteStream, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { createReadStream } from 'node:fs';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import { join } from 'node:path';
import { Prng } from '../scenarios/prng.ts';
import { PLANT_EVERY, plantedRecords } from './planted.ts';

const ACCOUNT = '123456789012';
const START = Date.parse('2026-11-20T00:00:00Z');
const ROLES = ['DevOps', 'ReadOnly', 'Admin', 'DataPipeline', 'Billing', 'SecurityAudit', 'Deploy', 'Support'];
const USERS = Array.from({ length: 400 }, (_, i) => `user${String(i).padStart(3, '0')}`);
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
const AGENTS = [
  'aws-cli/2.15.30 Python/3.11.8 Linux/6.1.0 exe/x86_64.debian.12 prompt/off command/ec2.describe-instances',
  'Boto3/1.34.69 md/Botocore#1.34.69 ua/2.0 os/linux#6.1.0 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.69',
  'aws-sdk-go-v2/1.25.3 os/linux lang/go#1.22.1 md/GOOS#linux md/GOARCH#amd64 api/s3#1.51.4',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  'console.amazonaws.com',
  'terraform-provider-aws/5.42.0 (+https://registry.terraform.io) aws-sdk-go-v2/1.25.3',
];
const NOISE: readonly [string, string][] = [
  ['ec2.amazonaws.com', 'DescribeInstances'],
  ['ec2.amazonaws.com', 'DescribeSecurityGroups'],
  ['ec2.amazonaws.com', 'DescribeVolumes'],
  ['s3.amazonaws.com', 'GetBucketAcl'],
  ['s3.amazonaws.com', 'ListBuckets'],
  ['sts.amazonaws.com', 'AssumeRole'],
  ['sts.amazonaws.com', 'GetCallerIdentity'],
  ['iam.amazonaws.com', 'ListRoles'],
  ['kms.amazonaws.com', 'Decrypt'],
  ['lambda.amazonaws.com', 'ListFunctions20150331'],
  ['logs.amazonaws.com', 'DescribeLogGroups'],
  ['ssm.amazonaws.com', 'DescribeInstanceInformation'],
  ['ssm.amazonaws.com', 'UpdateInstanceInformation'],
  ['ssm.amazonaws.com', 'GetParameter'],
  ['cloudtrail.amazonaws.com', 'LookupEvents'],
  ['signin.amazonaws.com', 'ConsoleLogin'],
];
/** Rare CloudTrail lateral-movement calls (T1021.008) and how often each appears among CloudTrail records. */
const RARE_AWS: readonly [string, string][] = [
  ['ssm.amazonaws.com', 'StartSession'],
  ['ssm.amazonaws.com', 'SendCommand'],
  ['ec2-instance-connect.amazonaws.com', 'SendSSHPublicKey'],
  ['ec2-instance-connect.amazonaws.com', 'OpenTunnel'],
  ['ec2-instance-connect.amazonaws.com', 'SendSerialConsoleSSHPublicKey'],
];
const RARE_RATE = 1 / 4000;
const APPS = [
  ['00000002-0000-0ff1-ce00-000000000000', 'Office 365 Exchange Online'],
  ['00000003-0000-0ff1-ce00-000000000000', 'Office 365 SharePoint Online'],
  ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', 'Microsoft Teams'],
  ['04b07795-8ddb-461a-bbee-02f9e1bf7b46', 'Microsoft Azure CLI'],
  ['c44b4083-3bb0-49c1-b47d-974e53cbdf3c', 'Azure Portal'],
];
const COUNTRIES = ['US', 'US', 'US', 'GB', 'DE', 'FR', 'NL', 'IN', 'JP', 'BR'];
const O365_OPS = ['FileAccessed', 'FileModified', 'MailItemsAccessed', 'UserLoggedIn', 'FileDownloaded', 'Send', 'TeamsSessionStarted'];
const AZ_OPS = [
  'Microsoft.Compute/virtualMachines/read',
  'Microsoft.Storage/storageAccounts/listKeys/action',
  'Microsoft.Network/networkSecurityGroups/write',
  'Microsoft.Resources/deployments/write',
  'Microsoft.Compute/virtualMachines/start/action',
];
const AZ_RARE = ['Microsoft.Compute/virtualMachines/runCommand/action', 'Microsoft.SerialConsole/serialPorts/connect/action'];

/** The term the rare-filter query looks for: one source address seen a handful of times. */
export const RARE_IP = '203.0.113.77';

function ip(rng: Prng): string {
  return `${rng.pick([198, 203, 192, 100, 52, 34])}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function cloudTrail(rng: Prng, t: number): object {
  const rare = rng.chance(RARE_RATE);
  const [eventSource, eventName] = rare ? rng.pick(RARE_AWS) : rng.pick(NOISE);
  const role = rng.pick(ROLES);
  const user = rng.pick(USERS);
  const instance = `i-0${rng.hex(16)}`;
  const requestParameters: Record<string, unknown> =
    eventName === 'StartSession' ? { target: instance } : eventName === 'SendCommand' ? { instanceIds: [instance], documentName: 'AWS-RunShellScript' }
    : eventName.startsWith('Send') || eventName === 'OpenTunnel' ? { instanceId: instance, instanceOSUser: 'ec2-user', sSHPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI' + rng.chars(32) }
    : eventName === 'AssumeRole' ? { roleArn: `arn:aws:iam::${ACCOUNT}:role/${rng.pick(ROLES)}`, roleSessionName: user, durationSeconds: 3600 }
    : { maxResults: 100, filterSet: { items: [{ name: 'instance-state-name', valueSet: { items: [{ value: 'running' }] } }] } };
  return {
    eventVersion: '1.09',
    userIdentity: {
      type: 'AssumedRole',
      principalId: `AROA${rng.chars(17)}:${user}`,
      arn: `arn:aws:sts::${ACCOUNT}:assumed-role/${role}/${user}`,
      accountId: ACCOUNT,
      accessKeyId: `ASIA${rng.chars(16)}`,
      sessionContext: {
        sessionIssuer: { type: 'Role', principalId: `AROA${rng.chars(17)}`, arn: `arn:aws:iam::${ACCOUNT}:role/${role}`, accountId: ACCOUNT, userName: role },
        attributes: { creationDate: iso(t - 600_000), mfaAuthenticated: 'false' },
      },
    },
    eventTime: iso(t),
    eventSource,
    eventName,
    awsRegion: rng.pick(REGIONS),
    sourceIPAddress: rng.chance(1 / 10000) ? RARE_IP : ip(rng),
    userAgent: rng.pick(AGENTS),
    requestParameters,
    responseElements: null,
    requestID: rng.uuid(),
    eventID: rng.uuid(),
    readOnly: eventName.startsWith('Describe') || eventName.startsWith('List') || eventName.startsWith('Get'),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: ACCOUNT,
    eventCategory: 'Management',
    tlsDetails: { tlsVersion: 'TLSv1.3', cipherSuite: 'TLS_AES_128_GCM_SHA256', clientProvidedHostHeader: `${eventSource.split('.')[0]}.${rng.pick(REGIONS)}.amazonaws.com` },
  };
}

function signin(rng: Prng, t: number): object {
  const user = rng.pick(USERS);
  const [appId, appName] = rng.pick(APPS);
  const risky = rng.chance(1 / 2000);
  const country = rng.chance(1 / 30) ? rng.pick(COUNTRIES) : 'US';
  const address = ip(rng);
  return {
    time: iso(t + 120_000),
    resourceId: '/tenants/72f988bf-86f1-41af-91ab-2d7cd011db47/providers/Microsoft.aadiam',
    operationName: 'Sign-in activity',
    operationVersion: '1.0',
    category: rng.chance(0.3) ? 'NonInteractiveUserSignInLogs' : 'SignInLogs',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    resultType: '0',
    resultSignature: 'None',
    durationMs: 0,
    callerIpAddress: address,
    correlationId: rng.uuid(),
    identity: `${user} Example`,
    Level: 4,
    location: country,
    properties: {
      id: rng.uuid(),
      createdDateTime: iso(t),
      userDisplayName: `${user} Example`,
      userPrincipalName: `${user}@contoso.example`,
      userId: rng.uuid(),
      appId,
      appDisplayName: appName,
      ipAddress: address,
      status: { errorCode: rng.chance(0.05) ? 50126 : 0 },
      clientAppUsed: 'Browser',
      isInteractive: rng.chance(0.7),
      riskLevelDuringSignIn: risky ? 'high' : 'none',
      riskEventTypes_v2: risky ? ['anonymizedIPAddress'] : [],
      location: { city: 'Redmond', state: 'Washington', countryOrRegion: country },
      sessionId: `sess-${user}-${rng.int(0, 40)}`,
      conditionalAccessStatus: 'success',
      deviceDetail: { operatingSystem: 'Windows10', browser: 'Edge 124.0.0' },
    },
  };
}

function o365(rng: Prng, t: number): object {
  const user = rng.pick(USERS);
  const op = rng.pick(O365_OPS);
  return {
    CreationTime: iso(t).replace('Z', ''),
    Id: rng.uuid(),
    Operation: op,
    OrganizationId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    RecordType: op === 'UserLoggedIn' ? 15 : 6,
    UserKey: `100320009${rng.int(1000000, 9999999)}`,
    UserType: 0,
    Version: 1,
    Workload: op === 'MailItemsAccessed' || op === 'Send' ? 'Exchange' : op === 'UserLoggedIn' ? 'AzureActiveDirectory' : 'SharePoint',
    ClientIP: ip(rng),
    UserId: `${user}@contoso.example`,
    ObjectId: `https://contoso.sharepoint.com/sites/team${rng.int(1, 40)}/Shared Documents/report-${rng.int(1, 500)}.docx`,
    ResultStatus: 'Succeeded',
  };
}

function activity(rng: Prng, t: number): object {
  const user = rng.pick(USERS);
  const op = rng.chance(1 / 3000) ? rng.pick(AZ_RARE) : rng.pick(AZ_OPS);
  return {
    time: iso(t),
    resourceId: `/SUBSCRIPTIONS/0F8B3C2A-1111-4C2D-9E4F-000000000001/RESOURCEGROUPS/RG-${rng.int(1, 20)}/PROVIDERS/MICROSOFT.COMPUTE/VIRTUALMACHINES/VM-${rng.int(1, 200)}`,
    operationName: op.toUpperCase(),
    category: 'Administrative',
    resultType: 'Success',
    resultSignature: 'Succeeded.',
    durationMs: String(rng.int(10, 900)),
    callerIpAddress: ip(rng),
    correlationId: rng.uuid(),
    identity: { authorization: { scope: '/subscriptions/0f8b3c2a', action: op }, claims: { 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn': `${user}@contoso.example` } },
    level: 'Information',
    location: 'global',
    properties: { statusCode: 'OK', serviceRequestId: rng.uuid(), eventCategory: 'Administrative', entity: '/subscriptions/0f8b3c2a', message: op },
  };
}

/** Lines of the dataset, forever (the caller stops); the same seed always gives the same lines. */
export function* datasetLines(seed = 'sightline-bench'): Generator<string> {
  const rng = new Prng(seed);
  let t = START;
  for (let i = 0; ; i++) {
    if (i % PLANT_EVERY === 0) for (const rec of plantedRecords(i / PLANT_EVERY, t)) yield JSON.stringify(rec);
    t += rng.int(5, 250);
    const r = rng.next();
    const rec = r < 0.6 ? cloudTrail(rng, t) : r < 0.8 ? signin(rng, t) : r < 0.92 ? o365(rng, t) : activity(rng, t);
    yield JSON.stringify(rec);
  }
}

export interface DatasetFiles {
  readonly ndjson: string;
  readonly gzip: string;
  readonly bytes: number;
  readonly lines: number;
}

/** Writes `sizeMb` MiB of NDJSON (and a .gz copy) under dir, reusing files a previous run left there. */
export async function writeDataset(dir: string, sizeMb: number, seed = 'sightline-bench'): Promise<DatasetFiles> {
  mkdirSync(dir, { recursive: true });
  // v2: with planted records (planted.ts); a cached file of the older generator is not reused.
  const ndjson = join(dir, `dataset-v2-${sizeMb}mb.ndjson`);
  const gzip = `${ndjson}.gz`;
  const meta = `${ndjson}.lines`;
  if (!existsSync(ndjson) || !existsSync(gzip) || !existsSync(meta)) {
    const target = sizeMb * 1024 * 1024;
    const out = createWriteStream(`${ndjson}.tmp`);
    let bytes = 0;
    let lines = 0;
    let parts: string[] = [];
    for (const line of datasetLines(seed)) {
      if (bytes + line.length + 1 > target && lines > 0) break;
      parts.push(line);
      bytes += line.length + 1;
      lines++;
      if (parts.length >= 2000) {
        if (!out.write(parts.join('\n') + '\n')) await new Promise<void>((r) => out.once('drain', () => r()));
        parts = [];
      }
    }
    if (parts.length) out.write(parts.join('\n') + '\n');
    await new Promise<void>((r, j) => out.end((e?: Error | null) => (e ? j(e) : r())));
    renameSync(`${ndjson}.tmp`, ndjson);
    await pipeline(createReadStream(ndjson), createGzip({ level: 6 }), createWriteStream(`${gzip}.tmp`));
    renameSync(`${gzip}.tmp`, gzip);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(meta, String(lines));
  }
  const { readFileSync } = await import('node:fs');
  return { ndjson, gzip, bytes: statSync(ndjson).size, lines: Number(readFileSync(meta, 'utf8')) };
}
