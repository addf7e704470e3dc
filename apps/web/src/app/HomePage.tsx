import { useSession } from '../modules/auth/hooks/useSession';
import { RoleHome } from '../modules/homes/components/RoleHome';
import { DashboardPage } from '../pages/DashboardPage';
import { MemberHomePage } from '../pages/MemberHomePage';

/** Operators get the dashboard; members and enterprise admins their home screen; every other role the cards its modules registered. */
export function HomePage() {
  const { permissions } = useSession();
  if (permissions.canSeeDashboard) return <DashboardPage />;
  return permissions.isEnterpriseUser ? <MemberHomePage /> : <RoleHome />;
}
