/** A building outline: corners [x, y] in metres, x east, y north. */
export type Ring = [number, number][];

/** The outline's bounding box; a floor's drawing and its devices' x/y use this frame (origin top-left, y down). */
export function footprintBox(footprint: Ring): { minX: number; maxY: number; width: number; height: number } {
  const xs = footprint.map((p) => p[0]);
  const ys = footprint.map((p) => p[1]);
  const minX = Math.min(...xs);
  const maxY = Math.max(...ys);
  return { minX, maxY, width: Math.max(...xs) - minX, height: maxY - Math.min(...ys) };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A floor's architectural drawing (SVG, in metres) for a building outline:
 * walls, a corridor through the middle, rooms either side numbered by level,
 * and the stair and lift core. Written for the demo park; real parks upload
 * their own drawings.
 */
export function floorPlanSvg(input: { footprint: Ring; level: number }): string {
  const box = footprintBox(input.footprint);
  const { width: w, height: h } = box;
  const points = input.footprint.map(([x, y]) => `${r1(x - box.minX)},${r1(box.maxY - y)}`).join(' ');
  const corridor = { y: h / 2 - 3, h: 6 };
  const rooms = Math.max(2, Math.round(w / 12.5));
  const roomW = w / rooms;
  const walls: string[] = [];
  const labels: string[] = [];
  for (let i = 1; i < rooms; i++) {
    const x = r1(i * roomW);
    walls.push(`<line x1="${x}" y1="0" x2="${x}" y2="${r1(corridor.y)}"/>`, `<line x1="${x}" y1="${r1(corridor.y + corridor.h)}" x2="${x}" y2="${r1(h)}"/>`);
  }
  for (let i = 0; i < rooms; i++) {
    const cx = r1((i + 0.5) * roomW);
    labels.push(
      `<text x="${cx}" y="${r1(corridor.y / 2)}">${input.level}${String(i * 2 + 1).padStart(2, '0')}</text>`,
      `<text x="${cx}" y="${r1(corridor.y + corridor.h + (h - corridor.y - corridor.h) / 2)}">${input.level}${String(i * 2 + 2).padStart(2, '0')}</text>`,
    );
  }
  const core = { x: r1(w / 2 - 7), y: r1(h / 2 - 8), w: 14, h: 16 };
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="-1 -1 ${r1(w + 2)} ${r1(h + 2)}" width="${r1(w + 2) * 10}" height="${r1(h + 2) * 10}" font-family="sans-serif">`,
    `<defs><clipPath id="outline"><polygon points="${points}"/></clipPath></defs>`,
    `<polygon points="${points}" fill="#0f2a5c" fill-opacity="0.55"/>`,
    `<g clip-path="url(#outline)">`,
    `<rect x="0" y="${r1(corridor.y)}" width="${r1(w)}" height="${corridor.h}" fill="#1d3f7e" fill-opacity="0.6"/>`,
    `<g stroke="#4f77c9" stroke-width="0.35">${walls.join('')}<line x1="0" y1="${r1(corridor.y)}" x2="${r1(w)}" y2="${r1(corridor.y)}"/><line x1="0" y1="${r1(corridor.y + corridor.h)}" x2="${r1(w)}" y2="${r1(corridor.y + corridor.h)}"/></g>`,
    `<g fill="#6f86bf" font-size="2.4" text-anchor="middle" dominant-baseline="middle">${labels.join('')}</g>`,
    `<rect x="${core.x}" y="${core.y}" width="${core.w}" height="${core.h}" fill="#16264d" stroke="#7ea0e6" stroke-width="0.4"/>`,
    `<path d="M${core.x} ${core.y}L${r1(core.x + core.w / 2)} ${r1(core.y + core.h)}M${r1(core.x + core.w / 2)} ${core.y}L${core.x} ${r1(core.y + core.h)}M${r1(core.x + core.w / 2)} ${core.y}V${r1(core.y + core.h)}" stroke="#7ea0e6" stroke-width="0.25" fill="none"/>`,
    `</g>`,
    `<polygon points="${points}" fill="none" stroke="#8fb4ff" stroke-width="0.9" stroke-linejoin="round"/>`,
    `</svg>`,
  ].join('');
}
