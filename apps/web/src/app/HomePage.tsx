import { useSession } from '../modules/auth/hooks/useSession';
import { DashboardPage } from '../pages/DashboardPage';
import { WelcomePage } from '../pages/WelcomePage';

/** Operators get the dashboard; every other role a welcome page. */
export function HomePage() {
  const { permissions } = useSession();
  return permissions.canSeeDashboard ? <DashboardPage /> : <WelcomePage />;
}
