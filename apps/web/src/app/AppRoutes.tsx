import { lazy, Suspense } from 'react';
import { Spin } from 'antd';
import { Route, Routes } from 'react-router';
import { AppLayout } from '../modules/layout/components/AppLayout';
import { LoginPage } from '../pages/LoginPage';
import { RegisterPage } from '../pages/RegisterPage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { HomePage } from './HomePage';
import { RequireAuth } from './RequireAuth';
import { RequirePermission } from './RequirePermission';


// Pages load on first visit (code splitting): the first screen downloads only what it shows.
const MemberServicesPage = lazy(() => import('../pages/MemberServicesPage').then((m) => ({ default: m.MemberServicesPage })));
const MessagesPage = lazy(() => import('../pages/MessagesPage').then((m) => ({ default: m.MessagesPage })));
const MemberMePage = lazy(() => import('../pages/MemberMePage').then((m) => ({ default: m.MemberMePage })));
const AccountPage = lazy(() => import('../pages/AccountPage').then((m) => ({ default: m.AccountPage })));
const AlarmDetailPage = lazy(() => import('../pages/AlarmDetailPage').then((m) => ({ default: m.AlarmDetailPage })));
const AlarmsPage = lazy(() => import('../pages/AlarmsPage').then((m) => ({ default: m.AlarmsPage })));
const AuditLogPage = lazy(() => import('../pages/AuditLogPage').then((m) => ({ default: m.AuditLogPage })));
const BuildingPage = lazy(() => import('../pages/BuildingPage').then((m) => ({ default: m.BuildingPage })));
const DeviceDetailPage = lazy(() => import('../pages/DeviceDetailPage').then((m) => ({ default: m.DeviceDetailPage })));
const DevicesPage = lazy(() => import('../pages/DevicesPage').then((m) => ({ default: m.DevicesPage })));
const EnterpriseDetailPage = lazy(() => import('../pages/EnterpriseDetailPage').then((m) => ({ default: m.EnterpriseDetailPage })));
const EnterprisesPage = lazy(() => import('../pages/EnterprisesPage').then((m) => ({ default: m.EnterprisesPage })));
const FloorPlanPage = lazy(() => import('../pages/FloorPlanPage').then((m) => ({ default: m.FloorPlanPage })));
const IocPage = lazy(() => import('../pages/IocPage').then((m) => ({ default: m.IocPage })));
const LeadsPage = lazy(() => import('../pages/LeadsPage').then((m) => ({ default: m.LeadsPage })));
const LedgerPage = lazy(() => import('../pages/LedgerPage').then((m) => ({ default: m.LedgerPage })));
const MapPage = lazy(() => import('../pages/MapPage').then((m) => ({ default: m.MapPage })));
const MyEnterprisePage = lazy(() => import('../pages/MyEnterprisePage').then((m) => ({ default: m.MyEnterprisePage })));
const NewsAdminPage = lazy(() => import('../pages/NewsAdminPage').then((m) => ({ default: m.NewsAdminPage })));
const NewsArticlePage = lazy(() => import('../pages/NewsArticlePage').then((m) => ({ default: m.NewsArticlePage })));
const NewsFeedPage = lazy(() => import('../pages/NewsFeedPage').then((m) => ({ default: m.NewsFeedPage })));
const RulesPage = lazy(() => import('../pages/RulesPage').then((m) => ({ default: m.RulesPage })));
const ShelvesPage = lazy(() => import('../pages/ShelvesPage').then((m) => ({ default: m.ShelvesPage })));
const PropertyCompaniesPage = lazy(() => import('../pages/PropertyCompaniesPage').then((m) => ({ default: m.PropertyCompaniesPage })));
const StructurePage = lazy(() => import('../pages/StructurePage').then((m) => ({ default: m.StructurePage })));
const TelemetryRetentionPage = lazy(() => import('../pages/TelemetryRetentionPage').then((m) => ({ default: m.TelemetryRetentionPage })));
const UsersPage = lazy(() => import('../pages/UsersPage').then((m) => ({ default: m.UsersPage })));
const BillsPage = lazy(() => import('../pages/BillsPage').then((m) => ({ default: m.BillsPage })));
const ParkingPage = lazy(() => import('../pages/ParkingPage').then((m) => ({ default: m.ParkingPage })));
const PaymentPage = lazy(() => import('../pages/PaymentPage').then((m) => ({ default: m.PaymentPage })));
const ReceiptPage = lazy(() => import('../pages/ReceiptPage').then((m) => ({ default: m.ReceiptPage })));
const ReconciliationPage = lazy(() => import('../pages/ReconciliationPage').then((m) => ({ default: m.ReconciliationPage })));
const WorkOrderSettingsPage = lazy(() => import('../pages/WorkOrderSettingsPage').then((m) => ({ default: m.WorkOrderSettingsPage })));
const DispatchModelPage = lazy(() => import('../pages/DispatchModelPage').then((m) => ({ default: m.DispatchModelPage })));
const DispatchTriagePage = lazy(() => import('../pages/DispatchTriagePage').then((m) => ({ default: m.DispatchTriagePage })));
const WorkOrderDetailPage = lazy(() => import('../pages/WorkOrderDetailPage').then((m) => ({ default: m.WorkOrderDetailPage })));
const WorkOrderRequestPage = lazy(() => import('../pages/WorkOrderRequestPage').then((m) => ({ default: m.WorkOrderRequestPage })));
const WorkOrdersPage = lazy(() => import('../pages/WorkOrdersPage').then((m) => ({ default: m.WorkOrdersPage })));
const ReturnToWorkPage = lazy(() => import('../pages/ReturnToWorkPage').then((m) => ({ default: m.ReturnToWorkPage })));
const ReturnToWorkCampaignPage = lazy(() => import('../pages/ReturnToWorkCampaignPage').then((m) => ({ default: m.ReturnToWorkCampaignPage })));
const FormsPage = lazy(() => import('../pages/FormsPage').then((m) => ({ default: m.FormsPage })));
const EventDetailPage = lazy(() => import('../pages/EventDetailPage').then((m) => ({ default: m.EventDetailPage })));
const EventsPage = lazy(() => import('../pages/EventsPage').then((m) => ({ default: m.EventsPage })));
const MyPassPage = lazy(() => import('../pages/MyPassPage').then((m) => ({ default: m.MyPassPage })));
const PassesAdminPage = lazy(() => import('../pages/PassesAdminPage').then((m) => ({ default: m.PassesAdminPage })));
const VisitorPassPage = lazy(() => import('../pages/VisitorPassPage').then((m) => ({ default: m.VisitorPassPage })));
const ApprovalsPage = lazy(() => import('../pages/ApprovalsPage').then((m) => ({ default: m.ApprovalsPage })));
const ApprovalCasePage = lazy(() => import('../pages/ApprovalCasePage').then((m) => ({ default: m.ApprovalCasePage })));
const PoliciesPage = lazy(() => import('../pages/PoliciesPage').then((m) => ({ default: m.PoliciesPage })));
const PolicyDetailPage = lazy(() => import('../pages/PolicyDetailPage').then((m) => ({ default: m.PolicyDetailPage })));
const PolicyApplicationPage = lazy(() => import('../pages/PolicyApplicationPage').then((m) => ({ default: m.PolicyApplicationPage })));
const ReliefPage = lazy(() => import('../pages/ReliefPage').then((m) => ({ default: m.ReliefPage })));
const ReliefProgrammesPage = lazy(() => import('../pages/ReliefProgrammesPage').then((m) => ({ default: m.ReliefProgrammesPage })));
const PatrolMissionsPage = lazy(() => import('../pages/PatrolMissionsPage').then((m) => ({ default: m.PatrolMissionsPage })));
const PatrolMissionPage = lazy(() => import('../pages/PatrolMissionPage').then((m) => ({ default: m.PatrolMissionPage })));
const FeverScreeningPage = lazy(() => import('../pages/FeverScreeningPage').then((m) => ({ default: m.FeverScreeningPage })));
const InspectionsPage = lazy(() => import('../pages/InspectionsPage').then((m) => ({ default: m.InspectionsPage })));
const InspectionWalkPage = lazy(() => import('../pages/InspectionWalkPage').then((m) => ({ default: m.InspectionWalkPage })));
const InspectionRunPage = lazy(() => import('../pages/InspectionRunPage').then((m) => ({ default: m.InspectionRunPage })));
const InspectionSetupPage = lazy(() => import('../pages/InspectionSetupPage').then((m) => ({ default: m.InspectionSetupPage })));
const SurveysPage = lazy(() => import('../pages/SurveysPage').then((m) => ({ default: m.SurveysPage })));
const SurveyPage = lazy(() => import('../pages/SurveyPage').then((m) => ({ default: m.SurveyPage })));
const EvaluationSchemesPage = lazy(() => import('../pages/EvaluationSchemesPage').then((m) => ({ default: m.EvaluationSchemesPage })));
const EvaluationPeriodsPage = lazy(() => import('../pages/EvaluationPeriodsPage').then((m) => ({ default: m.EvaluationPeriodsPage })));
const EvaluationRankingPage = lazy(() => import('../pages/EvaluationRankingPage').then((m) => ({ default: m.EvaluationRankingPage })));
const EvaluationScorePage = lazy(() => import('../pages/EvaluationScorePage').then((m) => ({ default: m.EvaluationScorePage })));
const EvaluationAppealsPage = lazy(() => import('../pages/EvaluationAppealsPage').then((m) => ({ default: m.EvaluationAppealsPage })));
const EvaluationWarningsPage = lazy(() => import('../pages/EvaluationWarningsPage').then((m) => ({ default: m.EvaluationWarningsPage })));
const EvaluationAwardsPage = lazy(() => import('../pages/EvaluationAwardsPage').then((m) => ({ default: m.EvaluationAwardsPage })));
const EvaluationReportsPage = lazy(() => import('../pages/EvaluationReportsPage').then((m) => ({ default: m.EvaluationReportsPage })));
const EvaluationLeaguePage = lazy(() => import('../pages/EvaluationLeaguePage').then((m) => ({ default: m.EvaluationLeaguePage })));
const ReliefDashboardPage = lazy(() => import('../pages/ReliefDashboardPage').then((m) => ({ default: m.ReliefDashboardPage })));
const SpotChecksPage = lazy(() => import('../pages/SpotChecksPage').then((m) => ({ default: m.SpotChecksPage })));
const SpotCheckRecordPage = lazy(() => import('../pages/SpotCheckRecordPage').then((m) => ({ default: m.SpotCheckRecordPage })));
const SpotCheckFindingsPage = lazy(() => import('../pages/SpotCheckFindingsPage').then((m) => ({ default: m.SpotCheckFindingsPage })));
const SpotCheckAssignmentsPage = lazy(() => import('../pages/SpotCheckAssignmentsPage').then((m) => ({ default: m.SpotCheckAssignmentsPage })));
const ServiceCatalogPage = lazy(() => import('../pages/ServiceCatalogPage').then((m) => ({ default: m.ServiceCatalogPage })));
const ServiceApplyPage = lazy(() => import('../pages/ServiceApplyPage').then((m) => ({ default: m.ServiceApplyPage })));
const ServiceRequestPage = lazy(() => import('../pages/ServiceRequestPage').then((m) => ({ default: m.ServiceRequestPage })));
const MyServiceRequestsPage = lazy(() => import('../pages/MyServiceRequestsPage').then((m) => ({ default: m.MyServiceRequestsPage })));
const ServiceQueuePage = lazy(() => import('../pages/ServiceQueuePage').then((m) => ({ default: m.ServiceQueuePage })));
const ServiceAdminPage = lazy(() => import('../pages/ServiceAdminPage').then((m) => ({ default: m.ServiceAdminPage })));
const TrainingSessionsPage = lazy(() => import('../pages/TrainingSessionsPage').then((m) => ({ default: m.TrainingSessionsPage })));
const TrainingSessionPage = lazy(() => import('../pages/TrainingSessionPage').then((m) => ({ default: m.TrainingSessionPage })));
const TrainingStaffPage = lazy(() => import('../pages/TrainingStaffPage').then((m) => ({ default: m.TrainingStaffPage })));
const TrainingFiguresPage = lazy(() => import('../pages/TrainingFiguresPage').then((m) => ({ default: m.TrainingFiguresPage })));
const BookingsPage = lazy(() => import('../pages/BookingsPage').then((m) => ({ default: m.BookingsPage })));
const BookingResourcePage = lazy(() => import('../pages/BookingResourcePage').then((m) => ({ default: m.BookingResourcePage })));
const BookingsAdminPage = lazy(() => import('../pages/BookingsAdminPage').then((m) => ({ default: m.BookingsAdminPage })));
const ApprovalFlowsPage = lazy(() => import('../pages/ApprovalFlowsPage').then((m) => ({ default: m.ApprovalFlowsPage })));
/** Every route of the web app. */
export function AppRoutes() {
  return (
    <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/register" element={<RegisterPage />} />
        <Route path="/visit/:token" element={<VisitorPassPage />} />
        <Route element={<RequireAuth />}>
          <Route path="ioc/wall" element={<RequirePermission flag="canSeeIoc"><IocPage isWall /></RequirePermission>} />
          <Route path="evaluation/league" element={<RequirePermission flag="isOperator"><EvaluationLeaguePage /></RequirePermission>} />
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
            <Route path="settings/forms" element={<RequirePermission flag="isOperator"><FormsPage /></RequirePermission>} />
            <Route path="work-orders/:id" element={<WorkOrderDetailPage />} />
            <Route path="dispatch/triage" element={<RequirePermission flag="isOperator"><DispatchTriagePage /></RequirePermission>} />
            <Route path="dispatch/model" element={<RequirePermission flag="isOperator"><DispatchModelPage /></RequirePermission>} />
            <Route path="account" element={<AccountPage />} />
            <Route path="member/services" element={<RequirePermission flag="isEnterpriseUser"><MemberServicesPage /></RequirePermission>} />
            <Route path="messages" element={<MessagesPage />} />
            <Route path="me" element={<RequirePermission flag="isEnterpriseUser"><MemberMePage /></RequirePermission>} />
            <Route path="passes/me" element={<RequirePermission flag="isEnterpriseUser"><MyPassPage /></RequirePermission>} />
            <Route path="passes" element={<RequirePermission flag="isOperator"><PassesAdminPage /></RequirePermission>} />
            <Route path="events" element={<EventsPage />} />
            <Route path="events/:id" element={<EventDetailPage />} />
            <Route path="approvals" element={<ApprovalsPage />} />
            <Route path="approvals/cases/:id" element={<ApprovalCasePage />} />
            <Route path="policies" element={<PoliciesPage />} />
            <Route path="policies/applications/:id" element={<PolicyApplicationPage />} />
            <Route path="policies/:id" element={<PolicyDetailPage />} />
            <Route path="return-to-work" element={<ReturnToWorkPage />} />
            <Route path="return-to-work/:id" element={<ReturnToWorkCampaignPage />} />
            <Route path="bookings" element={<BookingsPage />} />
            <Route path="bookings/resources/:id" element={<BookingResourcePage />} />
            <Route path="bookings/admin" element={<RequirePermission flag="isOperator"><BookingsAdminPage /></RequirePermission>} />
            <Route path="approval-flows" element={<RequirePermission flag="isOperator"><ApprovalFlowsPage /></RequirePermission>} />
            <Route path="relief" element={<RequirePermission flag="isEnterpriseAdmin"><ReliefPage /></RequirePermission>} />
            <Route path="relief/programmes" element={<RequirePermission flag="isOperator"><ReliefProgrammesPage /></RequirePermission>} />
            <Route path="relief/programmes/:id" element={<RequirePermission flag="isOperator"><ReliefDashboardPage /></RequirePermission>} />
            <Route path="spot-checks" element={<RequirePermission flag="canSeeSpotChecks"><SpotChecksPage /></RequirePermission>} />
            <Route path="spot-checks/new" element={<RequirePermission flag="isInspector"><SpotCheckRecordPage /></RequirePermission>} />
            <Route path="spot-checks/findings" element={<RequirePermission flag="canSeeSpotCheckFindings"><SpotCheckFindingsPage /></RequirePermission>} />
            <Route path="spot-checks/assignments" element={<RequirePermission flag="isOperator"><SpotCheckAssignmentsPage /></RequirePermission>} />
            <Route path="patrols" element={<RequirePermission flag="canSeeIoc"><PatrolMissionsPage /></RequirePermission>} />
            <Route path="patrols/:id" element={<RequirePermission flag="canSeeIoc"><PatrolMissionPage /></RequirePermission>} />
            <Route path="fever" element={<RequirePermission flag="isOperator"><FeverScreeningPage /></RequirePermission>} />
            <Route path="inspections" element={<RequirePermission flag="canSeePropertyCompanies"><InspectionsPage /></RequirePermission>} />
            <Route path="inspections/setup" element={<RequirePermission flag="isOperator"><InspectionSetupPage /></RequirePermission>} />
            <Route path="inspections/walk/:routeId" element={<RequirePermission flag="isOperator"><InspectionWalkPage /></RequirePermission>} />
            <Route path="inspections/runs/:id" element={<RequirePermission flag="canSeePropertyCompanies"><InspectionRunPage /></RequirePermission>} />
            <Route path="surveys" element={<SurveysPage />} />
            <Route path="surveys/:id" element={<SurveyPage />} />
            <Route path="evaluation/schemes" element={<RequirePermission flag="isOperator"><EvaluationSchemesPage /></RequirePermission>} />
            <Route path="evaluation/periods" element={<EvaluationPeriodsPage />} />
            <Route path="evaluation/periods/:id" element={<EvaluationRankingPage />} />
            <Route path="evaluation/periods/:id/:kind/:subjectId" element={<EvaluationScorePage />} />
            <Route path="evaluation/appeals" element={<EvaluationAppealsPage />} />
            <Route path="evaluation/warnings" element={<EvaluationWarningsPage />} />
            <Route path="evaluation/review-tasks" element={<EvaluationWarningsPage />} />
            <Route path="evaluation/awards" element={<RequirePermission flag="isOperator"><EvaluationAwardsPage /></RequirePermission>} />
            <Route path="evaluation/reports" element={<EvaluationReportsPage />} />
            <Route path="services" element={<ServiceCatalogPage />} />
            <Route path="services/requests" element={<MyServiceRequestsPage />} />
            <Route path="services/requests/:id" element={<ServiceRequestPage />} />
            <Route path="services/queue" element={<ServiceQueuePage />} />
            <Route path="services/admin" element={<RequirePermission flag="isOperator"><ServiceAdminPage /></RequirePermission>} />
            <Route path="services/:id/apply" element={<ServiceApplyPage />} />
            <Route path="training/sessions" element={<RequirePermission flag="canSeePropertyCompanies"><TrainingSessionsPage /></RequirePermission>} />
            <Route path="training/sessions/:id" element={<RequirePermission flag="canSeePropertyCompanies"><TrainingSessionPage /></RequirePermission>} />
            <Route path="training/staff" element={<RequirePermission flag="canSeePropertyCompanies"><TrainingStaffPage /></RequirePermission>} />
            <Route path="training/figures" element={<RequirePermission flag="canSeePropertyCompanies"><TrainingFiguresPage /></RequirePermission>} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </Suspense>
  );
}
