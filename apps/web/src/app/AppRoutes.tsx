import { Route, Routes } from 'react-router';
import { AppLayout } from '../modules/layout/components/AppLayout';
import { AccountPage } from '../pages/AccountPage';
import { AuditLogPage } from '../pages/AuditLogPage';
import { BuildingPage } from '../pages/BuildingPage';
import { DeviceDetailPage } from '../pages/DeviceDetailPage';
import { DevicesPage } from '../pages/DevicesPage';
import { EnterpriseDetailPage } from '../pages/EnterpriseDetailPage';
import { EnterprisesPage } from '../pages/EnterprisesPage';
import { LeadsPage } from '../pages/LeadsPage';
import { LedgerPage } from '../pages/LedgerPage';
import { LoginPage } from '../pages/LoginPage';
import { MyEnterprisePage } from '../pages/MyEnterprisePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PropertyCompaniesPage } from '../pages/PropertyCompaniesPage';
import { StructurePage } from '../pages/StructurePage';
import { UsersPage } from '../pages/UsersPage';
import { EventDetailPage } from '../pages/EventDetailPage';
import { EventsPage } from '../pages/EventsPage';
import { MyPassPage } from '../pages/MyPassPage';
import { PassesAdminPage } from '../pages/PassesAdminPage';
import { VisitorPassPage } from '../pages/VisitorPassPage';
import { HomePage } from './HomePage';
import { RequireAuth } from './RequireAuth';
import { RequirePermission } from './RequirePermission';

/** Every route of the web app. */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/visit/:token" element={<VisitorPassPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomePage />} />
          <Route path="structure" element={<RequirePermission flag="canSeeStructure"><StructurePage /></RequirePermission>} />
          <Route path="structure/buildings/:id" element={<RequirePermission flag="canSeeStructure"><BuildingPage /></RequirePermission>} />
          <Route path="enterprises" element={<RequirePermission flag="canSeeEnterpriseList"><EnterprisesPage /></RequirePermission>} />
          <Route path="enterprises/:id" element={<EnterpriseDetailPage />} />
          <Route path="my-enterprise" element={<RequirePermission flag="isEnterpriseUser"><MyEnterprisePage /></RequirePermission>} />
          <Route path="property-companies" element={<RequirePermission flag="canSeePropertyCompanies"><PropertyCompaniesPage /></RequirePermission>} />
          <Route path="leads" element={<RequirePermission flag="canSeeLeads"><LeadsPage /></RequirePermission>} />
          <Route path="users" element={<RequirePermission flag="canManageUsers"><UsersPage /></RequirePermission>} />
          <Route path="devices" element={<RequirePermission flag="canManageDevices"><DevicesPage /></RequirePermission>} />
          <Route path="devices/:id" element={<RequirePermission flag="canManageDevices"><DeviceDetailPage /></RequirePermission>} />
          <Route path="audit-log" element={<RequirePermission flag="canSeeAudit"><AuditLogPage /></RequirePermission>} />
          <Route path="ledger" element={<RequirePermission flag="canSeeAudit"><LedgerPage /></RequirePermission>} />
          <Route path="account" element={<AccountPage />} />
          <Route path="passes/me" element={<RequirePermission flag="isEnterpriseUser"><MyPassPage /></RequirePermission>} />
          <Route path="passes" element={<RequirePermission flag="isOperator"><PassesAdminPage /></RequirePermission>} />
          <Route path="events" element={<EventsPage />} />
          <Route path="events/:id" element={<EventDetailPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
