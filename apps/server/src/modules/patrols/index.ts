/**
 * Drone patrols (无人机巡航) and fever screening (5G 测温).
 *
 * A patrol mission is a route of the inspections model (purpose `drone_mission`) flown by a `drone` device,
 * once or weekly/monthly (landing plans the next flight). The drone reports over MQTT like any device: telemetry `latitude`, `longitude`,
 * `altitude_m`, `battery` (the track) and events `snapshot` {checkpoint, url, lat, lng} and `finding`
 * {kind, checkpoint, lat, lng, confidence, snapshot_url}. Between take-off and landing those belong to the
 * mission; each finding opens one work order (source `patrol`, through the workorders module).
 * Call `collectFindings(droneId)` after a drone's events are stored (the composition root does).
 *
 * Fever screening reads `body_temp` readings of `thermal_camera` devices (one per person screened) and counts
 * them per entrance and day; the alarm over 37.3 °C is an ordinary IoT threshold rule (`seedFeverRule`).
 */
export { createPatrolsService, type PatrolsService } from './patrols.service';
export { createFeverService, FEVER_THRESHOLD_C, type FeverService } from './fever.service';
export { patrolsRoutes } from './patrols.routes';
export { circuitAround } from './patrols.logic';
export { seedPatrols, feverRuleInput } from './patrols.seed';
export { startDemoPatrolFlights, type DemoPatrolFlights } from './patrols.simulator';
