import type { ReactNode } from 'react';
import { useSession } from '../modules/auth/hooks/useSession';
import type { Permissions } from '../modules/auth/utils/permissions';
import { NotFoundPage } from '../pages/NotFoundPage';

type Flag = { [K in keyof Permissions]: Permissions[K] extends boolean ? K : never }[keyof Permissions];

/** Renders the page only when the role allows it; else a 403 page. */
export function RequirePermission({ flag, children }: { flag: Flag; children: ReactNode }) {
  const { permissions } = useSession();
  return permissions[flag] ? <>{children}</> : <NotFoundPage isForbidden />;
}
