import { useSession } from '../modules/auth/hooks/useSession';
import { DashboardPage } from '../pages/DashboardPage';
import { MemberHomePage } from '../pages/MemberHomePage';
import { WelcomePage } from '../pages/WelcomePage';

/** Operators get the dashboard; members and enterprise admins their home screen; every other role a welcome page. */
export function HomePage() {
  const { permissions } = useSession();
  if (permissions.canSeeDashboard) return <DashboardPage />;
  return permissions.isEnterpriseUser ? <MemberHomePage /> : <WelcomePage />;
}
