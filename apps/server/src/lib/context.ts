import type { Actor } from '../modules/identity/actor';

/** What every service call knows about its caller. */
export interface RequestContext {
  actor: Actor;
  requestId?: string;
}
