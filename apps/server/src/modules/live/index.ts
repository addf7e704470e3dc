export { createLiveBus, LIVE_CHANNEL, type LiveBus, type LiveSignal } from './live.bus';
export { createLiveHub, type LiveHub, type LiveAlarm, type LiveDevice, type LiveMessage } from './live.hub';
export { liveRoutes } from './live.routes';
export { startDeviceStatusJob, createDeviceStatusJob } from './live.jobs';
