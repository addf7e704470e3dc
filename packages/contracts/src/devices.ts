/** Device types of the IOC registry (设备类型), shared by server and web. */
export const DEVICE_TYPES = [
  'camera',
  'environment_sensor',
  'energy_meter',
  'water_meter',
  'parking_sensor',
  'gate_camera',
  'fire_panel',
  'thermal_camera',
  'drone',
  'generic',
  // Actuators: they take commands over MQTT (parkos/{code}/commands).
  'irrigation_valve',
  'lighting',
  'air_conditioner',
  'barrier_gate',
] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];
