import type { CommandStatus } from '@parkos/contracts';
import { api } from '../../../lib/api-client';

export { commandsOf, DEVICE_COMMANDS, COMMAND_STATUSES, type CommandStatus, type DeviceCommandName } from '@parkos/contracts';

/** A command sent to an actuator, with its correlation id and lifecycle. */
export interface DeviceCommand {
  id: string;
  deviceId: string;
  command: string;
  params: Record<string, number>;
  status: CommandStatus;
  issuedBy: { kind: 'user' | 'rule'; userId: string | null; ruleId: string | null };
  attempts: number;
  maxAttempts: number;
  issuedAt: string;
  expiresAt: string;
  sentAt: string | null;
  finishedAt: string | null;
  detail: string | null;
}

export const listDeviceCommands = (deviceId: string) => api.get<DeviceCommand[]>(`/devices/${deviceId}/commands`);
export const issueDeviceCommand = (deviceId: string, input: { command: string; params?: Record<string, number> }) => api.post<DeviceCommand>(`/devices/${deviceId}/commands`, input);
