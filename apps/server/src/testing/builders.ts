import { USCC_ALPHABET, withUsccCheck, type RoleGrant } from '@parkos/contracts';
import type { RequestContext } from '../lib/context';
import { SYSTEM_ACTOR } from '../modules/identity/actor';
import type { CreateDeviceInput } from '../modules/iot/iot.schema';
import type { Services } from '../services';
import type { TestApp } from './test-app';

export const SYSTEM: RequestContext = { actor: SYSTEM_ACTOR };
export const TEST_PASSWORD = 'Test-password-2026';

let counter = 0;
/** A valid, unique unified social credit code. */
export function buildCreditCode(): string {
  counter++;
  let org = '';
  let n = counter + Math.floor(Math.random() * 1e6);
  for (let i = 0; i < 9; i++) {
    org += USCC_ALPHABET[n % 31];
    n = Math.floor(n / 31) + i * 7;
  }
  return withUsccCheck(`91510100${org}`);
}

/** A park with one site, district, building, floor and two units. */
export async function buildPark(services: Services, name = `测试园区${++counter}`) {
  const park = await services.parks.createPark(SYSTEM, { name, code: `P${counter}${Date.now() % 100000}` });
  const site = await services.parks.createSite(SYSTEM, { parkId: park.id, name: `${name}主园区` });
  const district = await services.parks.createDistrict(SYSTEM, { siteId: site.id, name: 'A区' });
  const building = await services.parks.createBuilding(SYSTEM, { districtId: district.id, name: 'A1栋', floorsAboveGround: 3 });
  const floor = await services.parks.createFloor(SYSTEM, { buildingId: building.id, level: 1 });
  const unit1 = await services.parks.createUnit(SYSTEM, { floorId: floor.id, code: '101', area: 120 });
  const unit2 = await services.parks.createUnit(SYSTEM, { floorId: floor.id, code: '102', area: 80 });
  return { park, site, district, building, floor, units: [unit1, unit2] };
}
/** What buildPark makes. */
export type BuiltPark = Awaited<ReturnType<typeof buildPark>>;

/**
 * Two parks with an operator each, both logged in: `op` operates `built`, `opB` only `other`
 * (for checking what another park's operator may not see or change).
 */
export async function buildOperatorParks(t: TestApp, usernames: [op: string, opB: string]) {
  const built = await buildPark(t.services);
  const other = await buildPark(t.services);
  await buildUser(t.services, usernames[0], [{ role: 'operator', scopeType: 'park', scopeId: built.park.id }]);
  await buildUser(t.services, usernames[1], [{ role: 'operator', scopeType: 'park', scopeId: other.park.id }]);
  const op = await t.login(usernames[0], TEST_PASSWORD);
  const opB = await t.login(usernames[1], TEST_PASSWORD);
  return { built, other, op, opB };
}

/** A device in a park's building (e.g. from buildPark), named by its code; an environment sensor unless a type is given. */
export async function buildDevice(
  services: Services,
  options: { place: { park: { id: string }; building: { id: string } }; code: string } & Partial<Omit<CreateDeviceInput, 'parkId' | 'buildingId'>>,
) {
  const { place, ...input } = options;
  return services.iot.devices.createDevice(SYSTEM, { name: input.code, type: 'environment_sensor', parkId: place.park.id, buildingId: place.building.id, ...input });
}

/** buildDevice with fresh credentials: the device and its secret (for the ingest endpoints and MQTT). */
export async function buildDeviceWithSecret(services: Services, options: Parameters<typeof buildDevice>[1]) {
  const device = await buildDevice(services, options);
  const { secret } = await services.iot.devices.rotateCredentials(SYSTEM, device.id);
  return { ...device, secret };
}

export async function buildEnterprise(services: Services, parkId: string, siteId: string | null, name = `测试企业${++counter}有限公司`) {
  return services.parks.createEnterprise(SYSTEM, { parkId, siteId, legalName: name, creditCode: buildCreditCode(), industry: 'software', size: 'small', contactPhone: '13800138000' });
}

export async function buildUser(services: Services, username: string, grants: RoleGrant[]) {
  return services.identity.createUserAsSystem(SYSTEM, { username, displayName: username, password: TEST_PASSWORD, grants });
}
