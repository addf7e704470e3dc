import { boxOf, type Ring } from '../../parks/utils/footprint';

/** Without an outline a floor is drawn in this frame (metres). */
const DEFAULT = { width: 100, height: 72 };
/** The drawing reaches this far past the outline on each side (its walls have a thickness). */
export const PLAN_MARGIN = 1;

/**
 * The frame a floor's drawing is stretched to and its devices' x/y are in:
 * the building outline's bounding box (origin top-left, y down, metres),
 * with a margin. Uploaded drawings are fitted into the same frame.
 */
export function planFrame(footprint: Ring | null | undefined): { x: number; y: number; width: number; height: number } {
  const box = footprint && footprint.length >= 3 ? boxOf([footprint]) : DEFAULT;
  return { x: -PLAN_MARGIN, y: -PLAN_MARGIN, width: box.width + 2 * PLAN_MARGIN, height: box.height + 2 * PLAN_MARGIN };
}

/** A drawing's SVG text as an image address: shown in an <img>, so its scripts never run. */
export const svgImageUrl = (svg: string) => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
