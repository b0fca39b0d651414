// EC2 Instance Connect: SendSSHPublicKey (requestParameters instanceId, instanceOSUser, sSHPublicKey;
// the key stays 60 s), SendSerialConsoleSSHPublicKey (instanceId, serialPort, sSHPublicKey), and the
// Instance Connect Endpoint's OpenTunnel (instanceConnectEndpointId, remotePort, privateIpAddress).
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/monitor-with-cloudtrail.html
// https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/log-ec2-instance-connect-endpoint-using-cloudtrail.html

import { z } from 'zod';
import type { ActionBuilder, BuildInput } from '../types.ts';
import { cloudTrailRecord } from './envelope.ts';

const REFERENCE = 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/monitor-with-cloudtrail.html';

function publicKey(input: BuildInput<unknown>): string {
  // An ed25519 public key: fixed 19-byte prefix then 32 random bytes, base64 encoded.
  const bytes = Buffer.alloc(51);
  Buffer.from('0000000b7373682d6564323535313900000020', 'hex').copy(bytes, 0);
  for (let i = 19; i < 51; i++) bytes[i] = input.rng.int(0, 255);
  return `ssh-ed25519 ${bytes.toString('base64')}`;
}

const KeyParams = z.object({
  instance_id: z.string(),
  os_user: z.string().default('ec2-user'),
  /** Push the same key every time (an attacker's tooling) instead of a fresh one per event. */
  public_key: z.string().optional(),
  /** A failed call: CloudTrail's errorCode (e.g. AccessDenied); the record then has no responseElements. */
  error_code: z.string().optional(),
});

export const sendSshPublicKey: ActionBuilder<z.infer<typeof KeyParams>> = {
  action: 'aws.ec2-instance-connect.SendSSHPublicKey',
  sourcetype: 'aws:cloudtrail',
  summary: 'EC2 Instance Connect: push a temporary SSH key to an instance',
  reference: REFERENCE,
  params: KeyParams,
  build(input) {
    const p = input.params;
    const requestId = input.rng.uuid();
    return [
      cloudTrailRecord(input, {
        eventSource: 'ec2-instance-connect.amazonaws.com',
        eventName: 'SendSSHPublicKey',
        readOnly: false,
        requestParameters: { instanceId: p.instance_id, instanceOSUser: p.os_user, sSHPublicKey: p.public_key ?? publicKey(input) },
        responseElements: p.error_code ? null : { requestId, success: true },
        ...(p.error_code
          ? { errorCode: p.error_code, errorMessage: `User: ${input.actor.arn} is not authorized to perform: ec2-instance-connect:SendSSHPublicKey on resource: arn:aws:ec2:${input.env.aws_region}:${input.actor.account}:instance/${p.instance_id}` }
          : {}),
      }),
    ];
  },
};

const SerialParams = z.object({
  instance_id: z.string(),
  serial_port: z.number().int().min(0).default(0),
  public_key: z.string().optional(),
});

export const sendSerialConsoleKey: ActionBuilder<z.infer<typeof SerialParams>> = {
  action: 'aws.ec2-instance-connect.SendSerialConsoleSSHPublicKey',
  sourcetype: 'aws:cloudtrail',
  summary: 'EC2 serial console: push a temporary SSH key (break-glass access)',
  reference: REFERENCE,
  params: SerialParams,
  build(input) {
    const p = input.params;
    return [
      cloudTrailRecord(input, {
        eventSource: 'ec2-instance-connect.amazonaws.com',
        eventName: 'SendSerialConsoleSSHPublicKey',
        readOnly: false,
        requestParameters: { instanceId: p.instance_id, serialPort: p.serial_port, sSHPublicKey: p.public_key ?? publicKey(input) },
        responseElements: { requestId: input.rng.uuid(), success: true },
      }),
    ];
  },
};

const TunnelParams = z.object({
  endpoint_id: z.string(),
  private_ip: z.string(),
  remote_port: z.number().int().default(22),
  max_tunnel_duration: z.number().int().default(3600),
});

export const openTunnel: ActionBuilder<z.infer<typeof TunnelParams>> = {
  action: 'aws.ec2-instance-connect.OpenTunnel',
  sourcetype: 'aws:cloudtrail',
  summary: 'EC2 Instance Connect Endpoint: open a tunnel to a private instance',
  reference: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/log-ec2-instance-connect-endpoint-using-cloudtrail.html',
  params: TunnelParams,
  build(input) {
    const p = input.params;
    const { account } = input.actor;
    return [
      cloudTrailRecord(input, {
        eventSource: 'ec2-instance-connect.amazonaws.com',
        eventName: 'OpenTunnel',
        readOnly: false,
        requestParameters: {
          instanceConnectEndpointId: p.endpoint_id,
          maxTunnelDuration: String(p.max_tunnel_duration),
          remotePort: String(p.remote_port),
          privateIpAddress: p.private_ip,
        },
        responseElements: null,
        resources: [
          {
            accountId: account,
            type: 'AWS::EC2::InstanceConnectEndpoint',
            ARN: `arn:aws:ec2:${input.env.aws_region}:${account}:instance-connect-endpoint/${p.endpoint_id}`,
          },
        ],
      }),
    ];
  },
};
