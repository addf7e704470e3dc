import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FunnelPlotOutlined,
  HomeOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
  QrcodeOutlined,
  CalendarOutlined,
  IdcardOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/hooks/useSession';

/** One entry of the side menu. */
export interface NavItem {
  key: string;
  path: string;
  label: string;
  icon: ReactNode;
}

/** The menu entries the signed-in user's roles allow. */
export function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const { permissions: p } = useSession();
  const items: NavItem[] = [];
  if (p.canSeeDashboard) items.push({ key: 'home', path: '/', label: t('nav.home'), icon: <DashboardOutlined /> });
  else items.push({ key: 'home', path: '/', label: t('nav.welcome'), icon: <HomeOutlined /> });
  if (p.isEnterpriseUser && !p.isOperator) items.push({ key: 'my-enterprise', path: '/my-enterprise', label: t('nav.myEnterprise'), icon: <BankOutlined /> });
  if (p.canSeeStructure) items.push({ key: 'structure', path: '/structure', label: t('nav.structure'), icon: <ApartmentOutlined /> });
  if (p.canSeeEnterpriseList) items.push({ key: 'enterprises', path: '/enterprises', label: t('nav.enterprises'), icon: <BankOutlined /> });
  if (p.canSeePropertyCompanies) items.push({ key: 'property', path: '/property-companies', label: t('nav.property'), icon: <ShopOutlined /> });
  if (p.canSeeLeads) items.push({ key: 'leads', path: '/leads', label: t('nav.leads'), icon: <FunnelPlotOutlined /> });
  if (p.canManageDevices) items.push({ key: 'devices', path: '/devices', label: t('nav.devices'), icon: <ClusterOutlined /> });
  if (p.canManageUsers) items.push({ key: 'users', path: '/users', label: t('nav.users'), icon: <TeamOutlined /> });
  if (p.canSeeAudit) items.push({ key: 'audit', path: '/audit-log', label: t('nav.audit'), icon: <AuditOutlined /> });
  if (p.canSeeAudit) items.push({ key: 'ledger', path: '/ledger', label: t('nav.ledger'), icon: <SafetyCertificateOutlined /> });
  if (p.isEnterpriseUser) items.push({ key: 'my-pass', path: '/passes/me', label: t('passesEvents.nav.myPass'), icon: <QrcodeOutlined /> });
  if (p.isOperator) items.push({ key: 'passes', path: '/passes', label: t('passesEvents.nav.passes'), icon: <IdcardOutlined /> });
  if (p.isEnterpriseUser || p.isOperator) items.push({ key: 'events', path: '/events', label: t('passesEvents.nav.events'), icon: <CalendarOutlined /> });
  items.push({ key: 'account', path: '/account', label: t('nav.account'), icon: <UserOutlined /> });
  return items;
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
