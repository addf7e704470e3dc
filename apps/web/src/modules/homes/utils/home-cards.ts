import type { ComponentType } from 'react';
import type { Permissions } from '../../auth/utils/permissions';

/**
 * One card of a role's home. Modules register their cards here (registerHomeCard) so a role's
 * home grows as its module lands, without the home page knowing the module.
 */
export interface HomeCard {
  key: string;
  /** Whether the signed-in user gets this card. */
  isFor: (p: Permissions) => boolean;
  /** Lower first; cards of the same order keep their registration order. */
  order: number;
  /** Wide cards take the whole row on desktop. */
  isWide?: boolean;
  Component: ComponentType;
}

const registry: HomeCard[] = [];

/** Adds a card to the homes of the roles it is for; registering a key twice replaces the card. */
export function registerHomeCard(card: HomeCard): void {
  const i = registry.findIndex((c) => c.key === card.key);
  if (i >= 0) registry[i] = card;
  else registry.push(card);
}

/** The cards of the user's home, in display order. */
export function homeCardsFor(p: Permissions): HomeCard[] {
  return registry
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.isFor(p))
    .sort((a, b) => a.c.order - b.c.order || a.i - b.i)
    .map(({ c }) => c);
}
