import { USCC_ALPHABET, withUsccCheck, type RoleGrant } from '@parkos/contracts';
import type { RequestContext } from '../lib/context';
import { SYSTEM_ACTOR } from '../modules/identity/actor';
import type { Services } from '../services';

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

export async function buildEnterprise(services: Services, parkId: string, siteId: string | null, name = `测试企业${++counter}有限公司`) {
  return services.parks.createEnterprise(SYSTEM, { parkId, siteId, legalName: name, creditCode: buildCreditCode(), industry: 'software', size: 'small', contactPhone: '13800138000' });
}

export async function buildUser(services: Services, username: string, grants: RoleGrant[]) {
  return services.identity.createUserAsSystem(SYSTEM, { username, displayName: username, password: TEST_PASSWORD, grants });
}
