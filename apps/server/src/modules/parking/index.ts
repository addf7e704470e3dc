export { createParkingService, type ParkingService, DUPLICATE_READ_SECONDS } from './parking.service';
export { parkingRoutes } from './parking.routes';
export { handleGateCameraEvent } from './parking.mqtt';
export { computeParkingFee, type ParkingRate } from './parking-fee';
export { countEnterpriseVehicleEntries } from './parking.counts';
