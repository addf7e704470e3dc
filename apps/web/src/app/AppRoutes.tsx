import { Route, Routes } from 'react-router';
import { AppLayout } from '../modules/layout/components/AppLayout';
import { AccountPage } from '../pages/AccountPage';
import { AlarmDetailPage } from '../pages/AlarmDetailPage';
import { AlarmsPage } from '../pages/AlarmsPage';
import { AuditLogPage } from '../pages/AuditLogPage';
import { BuildingPage } from '../pages/BuildingPage';
import { DeviceDetailPage } from '../pages/DeviceDetailPage';
import { DevicesPage } from '../pages/DevicesPage';
import { EnterpriseDetailPage } from '../pages/EnterpriseDetailPage';
import { EnterprisesPage } from '../pages/EnterprisesPage';
import { FloorPlanPage } from '../pages/FloorPlanPage';
import { IocPage } from '../pages/IocPage';
import { LeadsPage } from '../pages/LeadsPage';
import { LedgerPage } from '../pages/LedgerPage';
import { LoginPage } from '../pages/LoginPage';
import { MapPage } from '../pages/MapPage';
import { MyEnterprisePage } from '../pages/MyEnterprisePage';
import { NewsAdminPage } from '../pages/NewsAdminPage';
import { NewsArticlePage } from '../pages/NewsArticlePage';
import { NewsFeedPage } from '../pages/NewsFeedPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { RulesPage } from '../pages/RulesPage';
import { ShelvesPage } from '../pages/ShelvesPage';
import { PropertyCompaniesPage } from '../pages/PropertyCompaniesPage';
import { StructurePage } from '../pages/StructurePage';
import { TelemetryRetentionPage } from '../pages/TelemetryRetentionPage';
import { UsersPage } from '../pages/UsersPage';
import { BillsPage } from '../pages/BillsPage';
import { ParkingPage } from '../pages/ParkingPage';
import { PaymentPage } from '../pages/PaymentPage';
import { ReceiptPage } from '../pages/ReceiptPage';
import { ReconciliationPage } from '../pages/ReconciliationPage';
import { DispatchModelPage } from '../pages/DispatchModelPage';
import { WorkOrderSettingsPage } from '../pages/WorkOrderSettingsPage';
import { DispatchTriagePage } from '../pages/DispatchTriagePage';
import { WorkOrderDetailPage } from '../pages/WorkOrderDetailPage';
import { WorkOrderRequestPage } from '../pages/WorkOrderRequestPage';
import { WorkOrdersPage } from '../pages/WorkOrdersPage';
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
        <Route path="ioc/wall" element={<RequirePermission flag="canSeeIoc"><IocPage isWall /></RequirePermission>} />
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
          <Route path="devices/history-settings" element={<RequirePermission flag="canManageDevices"><TelemetryRetentionPage /></RequirePermission>} />
          <Route path="devices/:id" element={<RequirePermission flag="canManageDevices"><DeviceDetailPage /></RequirePermission>} />
          <Route path="ioc" element={<RequirePermission flag="canSeeIoc"><IocPage /></RequirePermission>} />
          <Route path="ioc/floor-plan" element={<RequirePermission flag="canSeeIoc"><FloorPlanPage /></RequirePermission>} />
          <Route path="ioc/map" element={<RequirePermission flag="canSeeIoc"><MapPage /></RequirePermission>} />
          <Route path="alarms" element={<RequirePermission flag="canSeeIoc"><AlarmsPage /></RequirePermission>} />
          <Route path="alarms/:id" element={<RequirePermission flag="canSeeIoc"><AlarmDetailPage /></RequirePermission>} />
          <Route path="rules" element={<RequirePermission flag="canManageDevices"><RulesPage /></RequirePermission>} />
          <Route path="shelves" element={<RequirePermission flag="canManageDevices"><ShelvesPage /></RequirePermission>} />
          <Route path="audit-log" element={<RequirePermission flag="canSeeAudit"><AuditLogPage /></RequirePermission>} />
          <Route path="ledger" element={<RequirePermission flag="canSeeAudit"><LedgerPage /></RequirePermission>} />
          <Route path="news" element={<NewsFeedPage />} />
          <Route path="news/:id" element={<NewsArticlePage />} />
          <Route path="news-admin" element={<RequirePermission flag="isOperator"><NewsAdminPage /></RequirePermission>} />
          <Route path="bills" element={<BillsPage />} />
          <Route path="payments/:id" element={<PaymentPage />} />
          <Route path="payments/:id/receipt" element={<ReceiptPage />} />
          <Route path="billing/reconciliation" element={<RequirePermission flag="isOperator"><ReconciliationPage /></RequirePermission>} />
          <Route path="parking" element={<ParkingPage />} />
          <Route path="work-orders" element={<WorkOrdersPage />} />
          <Route path="work-orders/new" element={<WorkOrderRequestPage />} />
          <Route path="work-orders/settings" element={<RequirePermission flag="isOperator"><WorkOrderSettingsPage /></RequirePermission>} />
          <Route path="work-orders/:id" element={<WorkOrderDetailPage />} />
          <Route path="dispatch/triage" element={<RequirePermission flag="isOperator"><DispatchTriagePage /></RequirePermission>} />
          <Route path="dispatch/model" element={<RequirePermission flag="isOperator"><DispatchModelPage /></RequirePermission>} />
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
