// The Azure Activity actions of the scenarios: Run Command, serial console connect, VM extension write
// (Custom Script / VMAccess), storage key listing, and any other ARM operation by name.
// Operation names: https://learn.microsoft.com/azure/role-based-access-control/permissions/compute
// and https://learn.microsoft.com/azure/virtual-machines/troubleshooting/serial-console-overview

import { z } from 'zod';
import type { ActionBuilder } from '../types.ts';
import { buildOperation, OperationParams } from './operation.ts';

const REFERENCE = 'https://learn.microsoft.com/azure/azure-monitor/platform/activity-log-schema';

export const azureOperation: ActionBuilder<z.infer<typeof OperationParams>> = {
  action: 'azure.Operation',
  sourcetype: 'azure:activity',
  summary: 'Any Azure Resource Manager operation (Activity Log)',
  reference: REFERENCE,
  params: OperationParams,
  build: buildOperation,
};

const VmParams = z.object({
  vm: z.string(),
  resource_group: z.string().optional(),
  script: z.array(z.string()).default(['whoami']),
  command_id: z.enum(['RunShellScript', 'RunPowerShellScript']).default('RunShellScript'),
});

export const azureRunCommand: ActionBuilder<z.infer<typeof VmParams>> = {
  action: 'azure.RunCommand',
  sourcetype: 'azure:activity',
  summary: 'Azure VM Run Command (script runs as root/SYSTEM)',
  reference: 'https://learn.microsoft.com/azure/virtual-machines/run-command-overview',
  params: VmParams,
  build(input) {
    const p = input.params;
    return buildOperation({
      ...input,
      params: OperationParams.parse({
        operation: 'Microsoft.Compute/virtualMachines/runCommand/action',
        localized: 'Run Command on Virtual Machine',
        resource: `Microsoft.Compute/virtualMachines/${p.vm}`,
        resource_group: p.resource_group,
        request_body: { commandId: p.command_id, script: p.script },
      }),
    });
  },
};

const SerialParams = z.object({ vm: z.string(), resource_group: z.string().optional() });

export const azureSerialConsole: ActionBuilder<z.infer<typeof SerialParams>> = {
  action: 'azure.SerialConsoleConnect',
  sourcetype: 'azure:activity',
  summary: 'Azure Serial Console connection to a VM serial port',
  reference: 'https://learn.microsoft.com/azure/virtual-machines/troubleshooting/serial-console-overview',
  params: SerialParams,
  build(input) {
    const p = input.params;
    return buildOperation({
      ...input,
      params: OperationParams.parse({
        operation: 'Microsoft.SerialConsole/serialPorts/connect/action',
        localized: 'Connect to Serial Port',
        resource: `Microsoft.Compute/virtualMachines/${p.vm}/providers/Microsoft.SerialConsole/serialPorts/0`,
        resource_group: p.resource_group,
        single: true,
      }),
    });
  },
};

const ExtensionParams = z.object({
  vm: z.string(),
  resource_group: z.string().optional(),
  extension: z.string().default('CustomScript'),
  publisher: z.string().default('Microsoft.Azure.Extensions'),
  command: z.string().default('bash setup.sh'),
});

export const azureExtensionWrite: ActionBuilder<z.infer<typeof ExtensionParams>> = {
  action: 'azure.ExtensionWrite',
  sourcetype: 'azure:activity',
  summary: 'Azure VM extension install/update (Custom Script, VMAccess)',
  reference: 'https://learn.microsoft.com/azure/virtual-machines/extensions/custom-script-linux',
  params: ExtensionParams,
  build(input) {
    const p = input.params;
    return buildOperation({
      ...input,
      params: OperationParams.parse({
        operation: 'Microsoft.Compute/virtualMachines/extensions/write',
        localized: 'Create or Update Virtual Machine Extension',
        resource: `Microsoft.Compute/virtualMachines/${p.vm}/extensions/${p.extension}`,
        resource_group: p.resource_group,
        http_method: 'PUT',
        request_body: { properties: { publisher: p.publisher, type: p.extension, settings: { commandToExecute: p.command } } },
      }),
    });
  },
};
