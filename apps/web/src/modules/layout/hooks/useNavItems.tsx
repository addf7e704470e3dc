import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  RocketOutlined,
  MedicineBoxOutlined,
  LineChartOutlined,
  AlertOutlined,
  PauseCircleOutlined,
  AuditOutlined,
  AccountBookOutlined,
  CarOutlined,
  ReconciliationOutlined,
  BankOutlined,
  ClusterOutlined,
  ToolOutlined,
  BranchesOutlined,
  ExperimentOutlined,
  SettingOutlined,
  FormOutlined,
  DashboardOutlined,
  FunnelPlotOutlined,
  FundProjectionScreenOutlined,
  HomeOutlined,
  NotificationOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
  QrcodeOutlined,
  CalendarOutlined,
  ScheduleOutlined,
  IdcardOutlined,
  FileDoneOutlined,
  PartitionOutlined,
  FieldTimeOutlined,
  SafetyOutlined,
  AppstoreOutlined,
  CustomerServiceOutlined,
  UnorderedListOutlined,
  SecurityScanOutlined,
  CheckSquareOutlined,
  LikeOutlined,
  TrophyOutlined,
  OrderedListOutlined,
  WarningOutlined,
  CrownOutlined,
  FilePdfOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/useSession';

/** One entry of the side menu. */
export interface NavItem {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
  /** The menu section the entry is listed under. */
  group?: NavGroup;
}

/** Menu sections, in display order; entries without a group stay at the top. */
export const NAV_GROUPS = ['park', 'services', 'ioc', 'workorders', 'community', 'evaluation', 'admin'] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

const GROUP_OF: Record<string, NavGroup> = {
  'my-enterprise': 'park', structure: 'park', enterprises: 'park', property: 'park', leads: 'park',
  devices: 'ioc', ioc: 'ioc', alarms: 'ioc', rules: 'ioc', shelves: 'ioc', 'patrol-missions': 'ioc', fever: 'ioc',
  'work-orders': 'workorders', 'dispatch-triage': 'workorders', 'dispatch-model': 'workorders', 'work-order-settings': 'workorders',
  news: 'community', 'news-admin': 'community', bills: 'community', reconciliation: 'community', parking: 'community', 'my-pass': 'community', passes: 'community', events: 'community',
  'approval-flows': 'admin',
  // Park + property evaluation (考核评价): training, surveys, scores and outcomes, spot checks, inspections.
  'training-sessions': 'evaluation', 'training-staff': 'evaluation', 'training-figures': 'evaluation',
  surveys: 'evaluation',
  'evaluation-schemes': 'evaluation', 'evaluation-periods': 'evaluation',
  'evaluation-appeals': 'evaluation', 'evaluation-warnings': 'evaluation', 'evaluation-awards': 'evaluation', 'evaluation-reports': 'evaluation', 'evaluation-league': 'evaluation',
  // The enterprise service platform (企业服务): catalog and requests, policies, rent relief, return-to-work, bookings.
  policies: 'services', bookings: 'services', 'return-to-work': 'services', relief: 'services', 'relief-programmes': 'services',
  services: 'services', 'service-requests': 'services', 'service-queue': 'services', 'service-admin': 'services',
  'spot-checks': 'evaluation', 'spot-check-findings': 'evaluation', 'spot-check-assignments': 'evaluation',
  inspections: 'evaluation', 'inspection-setup': 'evaluation',
  users: 'admin', forms: 'admin', audit: 'admin', ledger: 'admin', account: 'admin',
};

/** The menu entries the signed-in user's roles allow. */
export function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const { permissions: p } = useSession();
  const items: NavItem[] = [];
  if (p.canSeeDashboard) items.push({ key: 'home', path: '/', label: t('nav.home'), icon: <DashboardOutlined /> });
  else items.push({ key: 'home', path: '/', label: p.isEnterpriseUser ? t('memberHome.nav') : t('nav.welcome'), icon: <HomeOutlined /> });
  if (p.isEnterpriseUser && !p.isOperator) items.push({ key: 'my-enterprise', path: '/my-enterprise', label: t('nav.myEnterprise'), icon: <BankOutlined /> });
  if (p.isOperator || p.isProperty || p.isEnterpriseUser) items.push({ key: 'approvals', path: '/approvals', label: t('approvals.nav.inbox'), icon: <FileDoneOutlined /> });
  if (p.isOperator || p.isEnterpriseUser) items.push({ key: 'policies', path: '/policies', label: t('policies.nav'), icon: <AuditOutlined /> });
  if (p.isOperator || p.isEnterpriseAdmin) items.push({ key: 'return-to-work', path: '/return-to-work', label: t('returnToWork.nav'), icon: <ScheduleOutlined /> });
  if (p.isEnterpriseUser) items.push({ key: 'services', path: '/services', label: t('services.nav.catalog'), icon: <AppstoreOutlined /> });
  if (p.isEnterpriseUser) items.push({ key: 'service-requests', path: '/services/requests', label: t('services.nav.mine'), icon: <UnorderedListOutlined /> });
  if (p.isOperator || p.isProperty) items.push({ key: 'service-queue', path: '/services/queue', label: t('services.nav.queue'), icon: <CustomerServiceOutlined /> });
  if (p.isOperator) items.push({ key: 'service-admin', path: '/services/admin', label: t('services.nav.admin'), icon: <AppstoreOutlined /> });
  if (p.canSeeStructure) items.push({ key: 'structure', path: '/structure', label: t('nav.structure'), icon: <ApartmentOutlined /> });
  if (p.canSeeEnterpriseList) items.push({ key: 'enterprises', path: '/enterprises', label: t('nav.enterprises'), icon: <BankOutlined /> });
  if (p.canSeePropertyCompanies) items.push({ key: 'property', path: '/property-companies', label: t('nav.property'), icon: <ShopOutlined /> });
  if (p.canSeeLeads) items.push({ key: 'leads', path: '/leads', label: t('nav.leads'), icon: <FunnelPlotOutlined /> });
  if (p.canManageDevices) items.push({ key: 'devices', path: '/devices', label: t('nav.devices'), icon: <ClusterOutlined /> });
  if (p.canSeeIoc) items.push({ key: 'ioc', path: '/ioc', label: t('ioc.nav.screen'), icon: <FundProjectionScreenOutlined /> });
  if (p.canSeeIoc) items.push({ key: 'alarms', path: '/alarms', label: t('ioc.nav.alarms'), icon: <AlertOutlined /> });
  if (p.isOperator || p.isProperty) items.push({ key: 'patrol-missions', path: '/patrols', label: t('patrols.nav.missions'), icon: <RocketOutlined /> });
  if (p.isOperator) items.push({ key: 'fever', path: '/fever', label: t('patrols.nav.fever'), icon: <MedicineBoxOutlined /> });
  if (p.isOperator || p.isProperty || p.isEnterpriseUser) items.push({ key: 'work-orders', path: '/work-orders', label: t('workorders.nav.list'), icon: <ToolOutlined /> });
  if (p.isOperator) items.push({ key: 'dispatch-triage', path: '/dispatch/triage', label: t('workorders.nav.triage'), icon: <BranchesOutlined /> });
  if (p.isOperator) items.push({ key: 'dispatch-model', path: '/dispatch/model', label: t('workorders.nav.model'), icon: <ExperimentOutlined /> });
  if (p.isOperator) items.push({ key: 'work-order-settings', path: '/work-orders/settings', label: t('workorderSettings.nav'), icon: <SettingOutlined /> });
  if (p.isOperator) items.push({ key: 'forms', path: '/settings/forms', label: t('forms.nav'), icon: <FormOutlined /> });
  if (p.canManageDevices) items.push({ key: 'rules', path: '/rules', label: t('rules.nav'), icon: <AlertOutlined /> });
  if (p.canManageDevices) items.push({ key: 'shelves', path: '/shelves', label: t('rules.shelves.nav'), icon: <PauseCircleOutlined /> });
  if (p.isEnterpriseAdmin && !p.isOperator) items.push({ key: 'relief', path: '/relief', label: t('relief.nav.mine'), icon: <SafetyOutlined /> });
  if (p.isOperator) items.push({ key: 'relief-programmes', path: '/relief/programmes', label: t('relief.nav.programmes'), icon: <SafetyOutlined /> });
  if (p.canSeeSpotChecks) items.push({ key: 'spot-checks', path: '/spot-checks', label: t('spotChecks.nav.checks'), icon: <SecurityScanOutlined /> });
  if (p.canSeeSpotCheckFindings) items.push({ key: 'spot-check-findings', path: '/spot-checks/findings', label: t('spotChecks.nav.findings'), icon: <SecurityScanOutlined /> });
  if (p.isOperator) items.push({ key: 'spot-check-assignments', path: '/spot-checks/assignments', label: t('spotChecks.nav.assignments'), icon: <SecurityScanOutlined /> });
  if (p.isOperator || p.isProperty) items.push({ key: 'inspections', path: '/inspections', label: t('inspections.nav.inspections'), icon: <CheckSquareOutlined /> });
  if (p.isOperator) items.push({ key: 'inspection-setup', path: '/inspections/setup', label: t('inspections.nav.setup'), icon: <CheckSquareOutlined /> });
  if (p.isOperator) items.push({ key: 'evaluation-schemes', path: '/evaluation/schemes', label: t('evaluation.nav.schemes'), icon: <OrderedListOutlined /> });
  if (p.isOperator || p.isProperty) items.push({ key: 'evaluation-periods', path: '/evaluation/periods', label: t('evaluation.nav.periods'), icon: <TrophyOutlined /> });
  if (p.isOperator || p.isProperty) items.push({ key: 'evaluation-appeals', path: '/evaluation/appeals', label: t('evaluationOutcomes.nav.appeals'), icon: <AuditOutlined /> });
  if (p.isOperator || p.isProperty) items.push({ key: 'evaluation-warnings', path: '/evaluation/warnings', label: t('evaluationOutcomes.nav.warnings'), icon: <WarningOutlined /> });
  if (p.isOperator) items.push({ key: 'evaluation-awards', path: '/evaluation/awards', label: t('evaluationOutcomes.nav.awards'), icon: <CrownOutlined /> });
  if (p.isOperator || p.isProperty) items.push({ key: 'evaluation-reports', path: '/evaluation/reports', label: t('evaluationOutcomes.nav.reports'), icon: <FilePdfOutlined /> });
  if (p.isOperator) items.push({ key: 'evaluation-league', path: '/evaluation/league', label: t('evaluationOutcomes.nav.league'), icon: <FundProjectionScreenOutlined /> });
  if (p.isOperator) items.push({ key: 'approval-flows', path: '/approval-flows', label: t('approvals.nav.flows'), icon: <PartitionOutlined /> });
  if (p.canManageUsers) items.push({ key: 'users', path: '/users', label: t('nav.users'), icon: <TeamOutlined /> });
  if (p.canSeeAudit) items.push({ key: 'audit', path: '/audit-log', label: t('nav.audit'), icon: <AuditOutlined /> });
  if (p.canSeeAudit) items.push({ key: 'ledger', path: '/ledger', label: t('nav.ledger'), icon: <SafetyCertificateOutlined /> });
  items.push({ key: 'news', path: '/news', label: t('news.nav'), icon: <ReadOutlined /> });
  if (p.isOperator) items.push({ key: 'news-admin', path: '/news-admin', label: t('news.navAdmin'), icon: <NotificationOutlined /> });
  if (p.isOperator || p.isEnterpriseUser) items.push({ key: 'bills', path: '/bills', label: t('payments.nav.bills'), icon: <AccountBookOutlined /> });
  if (p.isOperator) items.push({ key: 'reconciliation', path: '/billing/reconciliation', label: t('payments.nav.reconciliation'), icon: <ReconciliationOutlined /> });
  if (p.isOperator || p.isEnterpriseUser) items.push({ key: 'parking', path: '/parking', label: t('payments.nav.parking'), icon: <CarOutlined /> });
  if (p.isEnterpriseUser) items.push({ key: 'my-pass', path: '/passes/me', label: t('passesEvents.nav.myPass'), icon: <QrcodeOutlined /> });
  if (p.isOperator) items.push({ key: 'passes', path: '/passes', label: t('passesEvents.nav.passes'), icon: <IdcardOutlined /> });
  if (p.isEnterpriseUser || p.isOperator) items.push({ key: 'events', path: '/events', label: t('passesEvents.nav.events'), icon: <CalendarOutlined /> });
  if (p.isEnterpriseUser || p.isOperator) items.push({ key: 'bookings', path: '/bookings', label: t('bookings.nav.bookings'), icon: <FieldTimeOutlined /> });
  if (p.isOperator || p.isProperty) items.push({ key: 'training-sessions', path: '/training/sessions', label: t('training.nav.sessions'), icon: <ReadOutlined /> });
  if (p.isOperator || p.isProperty) items.push({ key: 'training-staff', path: '/training/staff', label: t('training.nav.staff'), icon: <TeamOutlined /> });
  if (p.isOperator || p.isProperty) items.push({ key: 'training-figures', path: '/training/figures', label: t('training.nav.figures'), icon: <LineChartOutlined /> });
  if (p.isOperator || p.isProperty || p.isEnterpriseAdmin) items.push({ key: 'surveys', path: '/surveys', label: t('surveys.nav'), icon: <LikeOutlined /> });
  items.push({ key: 'account', path: '/account', label: t('nav.account'), icon: <UserOutlined /> });
  return items.map((i) => ({ ...i, group: GROUP_OF[i.key] }));
}

/** The menu key of a path (longest matching prefix). */
export function navKeyOf(items: NavItem[], pathname: string): string {
  const match = items
    .filter((i) => (i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (match) return match.key;
  if (pathname.startsWith('/enterprises/')) return items.some((i) => i.key === 'enterprises') ? 'enterprises' : 'my-enterprise';
  return '';
}
