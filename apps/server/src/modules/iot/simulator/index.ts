export { startSimulator, DEFAULT_FAULTS, type SimulatedDevice, type Simulator, type SimulatorStats, type FaultRates } from './simulator';
export { seedSimulatedDevices, prepareSimulatedDevices, SIMULATED_CODE_PREFIX } from './demo-devices';
export { runSimulateCommand, readCredentialsFile, credentialsFromApi } from './simulate-command';
export { loadOfficeReadings, createGenerator } from './profiles';
