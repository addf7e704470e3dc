import type { RequestContext } from '../lib/context';
import type { Services } from '../services';

/**
 * The first demo enterprise's people page has something to act on: a person who asked to join at
 * registration (waiting for ent.admin) and an open invitation for a phone number.
 */
export async function seedPeopleDemo(services: Services, ctx: RequestContext, place: { enterpriseId: string; enterpriseName: string; password: string }): Promise<void> {
  await services.membership.register({ username: 'wang.fang', displayName: '王芳', password: place.password, phone: '13900001234', joinEnterpriseName: place.enterpriseName }, 'seed-people');
  await services.membership.createInvitation(ctx, place.enterpriseId, { role: 'member', phone: '13900005678', expiresInDays: 14 });
}
