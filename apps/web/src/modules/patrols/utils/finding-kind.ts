const KNOWN = ['debris', 'facade_damage', 'fire_lane_blocked', 'illegal_parking', 'water_pooling'] as const;

/** The i18n key of a drone's finding code; codes the web app does not know read as "other issue". */
export function findingKindKey(kind: string): string {
  return `patrols.findingKinds.${(KNOWN as readonly string[]).includes(kind) ? kind : 'other'}`;
}
