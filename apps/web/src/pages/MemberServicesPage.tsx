import type { ReactNode } from 'react';
import { Card, Flex } from 'antd';
import {
  AccountBookOutlined,
  AppstoreOutlined,
  AuditOutlined,
  CalendarOutlined,
  CarOutlined,
  FieldTimeOutlined,
  QrcodeOutlined,
  ReadOutlined,
  ToolOutlined,
  UnorderedListOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ServiceTile } from '../modules/member-home/components/ServiceTile';
import { PageHeader } from '../ui/PageHeader';

type ItemKey = 'repair' | 'myRepairs' | 'pass' | 'visitor' | 'bookings' | 'services' | 'events' | 'parking' | 'bills' | 'news' | 'policies';

const GROUPS: { key: 'daily' | 'business' | 'life'; items: { key: ItemKey; to: string; icon: ReactNode }[] }[] = [
  {
    key: 'daily',
    items: [
      { key: 'repair', to: '/work-orders/new', icon: <ToolOutlined /> },
      { key: 'myRepairs', to: '/work-orders', icon: <UnorderedListOutlined /> },
      { key: 'pass', to: '/passes/me', icon: <QrcodeOutlined /> },
      { key: 'visitor', to: '/passes/me?invite=1', icon: <UserAddOutlined /> },
      { key: 'parking', to: '/parking', icon: <CarOutlined /> },
      { key: 'bills', to: '/bills', icon: <AccountBookOutlined /> },
    ],
  },
  {
    key: 'business',
    items: [
      { key: 'services', to: '/services', icon: <AppstoreOutlined /> },
      { key: 'bookings', to: '/bookings', icon: <FieldTimeOutlined /> },
      { key: 'policies', to: '/policies', icon: <AuditOutlined /> },
    ],
  },
  {
    key: 'life',
    items: [
      { key: 'events', to: '/events', icon: <CalendarOutlined /> },
      { key: 'news', to: '/news', icon: <ReadOutlined /> },
    ],
  },
];

/** The 服务 tab: everything a member can do in the park, grouped, one tap each. */
export function MemberServicesPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="member-services">
      <PageHeader title={t('memberApp.services.title')} subtitle={t('memberApp.services.subtitle')} />
      <Flex vertical gap={12}>
        {GROUPS.map((g) => (
          <Card key={g.key} size="small" title={t(`memberApp.services.groups.${g.key}`)}>
            <div className="service-grid">
              {g.items.map((i) => (
                <ServiceTile key={i.key} icon={i.icon} title={t(`memberApp.services.items.${i.key}.title`)} hint={t(`memberApp.services.items.${i.key}.hint`)} to={i.to} testId={`service-${i.key}`} />
              ))}
            </div>
          </Card>
        ))}
      </Flex>
    </div>
  );
}
