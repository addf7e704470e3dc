import type { DeviceType } from './devices';

/** A numeric parameter of a device command. */
export interface CommandParamSpec {
  name: string;
  min: number;
  max: number;
  integer?: boolean;
  required?: boolean;
  /** Used when the parameter is omitted. */
  default?: number;
  unit?: string;
}

/** Commands an actuator accepts over MQTT (`parkos/{code}/commands`), with their parameters. */
export const DEVICE_COMMANDS = {
  open_valve: { params: [{ name: 'durationMinutes', min: 1, max: 240, integer: true, default: 10, unit: 'min' }] },
  close_valve: { params: [] },
  lights_on: { params: [] },
  lights_off: { params: [] },
  set_brightness: { params: [{ name: 'level', min: 0, max: 100, integer: true, required: true, unit: '%' }] },
  ac_on: { params: [{ name: 'setpoint', min: 16, max: 30, unit: '°C' }] },
  ac_off: { params: [] },
  set_temperature: { params: [{ name: 'setpoint', min: 16, max: 30, required: true, unit: '°C' }] },
  open_gate: { params: [] },
  close_gate: { params: [] },
} as const satisfies Record<string, { params: readonly CommandParamSpec[] }>;
export type DeviceCommandName = keyof typeof DEVICE_COMMANDS;
export const DEVICE_COMMAND_NAMES = Object.keys(DEVICE_COMMANDS) as DeviceCommandName[];

/** Which device types take which commands; types not listed take none. */
export const COMMANDS_BY_DEVICE_TYPE: Partial<Record<DeviceType, readonly DeviceCommandName[]>> = {
  irrigation_valve: ['open_valve', 'close_valve'],
  lighting: ['lights_on', 'lights_off', 'set_brightness'],
  air_conditioner: ['ac_on', 'ac_off', 'set_temperature'],
  barrier_gate: ['open_gate', 'close_gate'],
  gate_camera: ['open_gate', 'close_gate'],
};

export const COMMAND_STATUSES = ['pending', 'sent', 'acknowledged', 'failed', 'timed_out'] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

export function commandsOf(type: DeviceType): readonly DeviceCommandName[] {
  return COMMANDS_BY_DEVICE_TYPE[type] ?? [];
}
