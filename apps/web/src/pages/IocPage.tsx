import { IocScreen } from '../modules/ioc/components/IocScreen';

/** `/ioc` inside the app frame, and `/ioc/wall` alone for a wall display. */
export function IocPage({ isWall = false }: { isWall?: boolean }) {
  return <IocScreen isWall={isWall} />;
}
