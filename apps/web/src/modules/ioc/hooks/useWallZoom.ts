import { useEffect, useState } from 'react';

/** The wall is laid out for a 1920 × 1080 screen and zoomed to the real one (2 on a 4K wall). */
export const WALL_DESIGN = { width: 1920, height: 1080 };

function measure() {
  const zoom = Math.min(window.innerWidth / WALL_DESIGN.width, window.innerHeight / WALL_DESIGN.height);
  // The layout takes the whole window at that zoom, whatever its proportions.
  return { zoom, width: window.innerWidth / zoom, height: window.innerHeight / zoom };
}

/** The zoom and the (unzoomed) size that make the wall exactly fill the window; follows resizes. */
export function useWallZoom(isWall: boolean): { zoom: number; width: number; height: number } | null {
  const [size, setSize] = useState(() => (isWall ? measure() : null));
  useEffect(() => {
    if (!isWall) return;
    const onResize = () => setSize(measure());
    onResize();
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, [isWall]);
  return isWall ? size : null;
}
