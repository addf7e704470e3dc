import type { ReactNode } from 'react';
import { Avatar, Button, Card, Flex, List, Typography } from 'antd';
import { AccountBookOutlined, BankOutlined, CarOutlined, FieldTimeOutlined, GlobalOutlined, LogoutOutlined, QrcodeOutlined, RightOutlined, SafetyOutlined, ToolOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../modules/auth/hooks/useSession';
import { LanguageSwitch } from '../modules/layout/components/LanguageSwitch';
import { PageHeader } from '../ui/PageHeader';

type Shortcut = 'bills' | 'pass' | 'vehicles' | 'repairs' | 'bookings' | 'enterprise';

const SHORTCUTS: { key: Shortcut; to: string; icon: ReactNode }[] = [
  { key: 'bills', to: '/bills', icon: <AccountBookOutlined /> },
  { key: 'pass', to: '/passes/me', icon: <QrcodeOutlined /> },
  { key: 'vehicles', to: '/parking', icon: <CarOutlined /> },
  { key: 'repairs', to: '/work-orders', icon: <ToolOutlined /> },
  { key: 'bookings', to: '/bookings', icon: <FieldTimeOutlined /> },
  { key: 'enterprise', to: '/my-enterprise', icon: <BankOutlined /> },
];

/** The 我的 tab: who I am, my bills, pass, vehicles and requests, language and sign-out. */
export function MemberMePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, permissions, signOut } = useSession();
  if (!user) return null;
  const row = (key: string, icon: ReactNode, label: string, onClick: () => void, extra?: ReactNode) => (
    <List.Item key={key} onClick={onClick} style={{ cursor: 'pointer', paddingInline: 12 }} data-testid={`me-${key}`} extra={extra ?? <RightOutlined style={{ color: '#bfbfbf' }} />}>
      <Flex gap={12} align="center">
        <span style={{ color: '#1554d1', fontSize: 18 }}>{icon}</span>
        <Typography.Text>{label}</Typography.Text>
      </Flex>
    </List.Item>
  );
  return (
    <Flex vertical gap={12} data-testid="member-me">
      <PageHeader title={t('memberApp.me.title')} />
      <Card size="small">
        <Flex gap={12} align="center">
          <Avatar size={52} style={{ background: '#1554d1', flex: 'none' }}>
            {user.displayName.slice(0, 1)}
          </Avatar>
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text strong style={{ fontSize: 17 }} data-user-content>
              {user.displayName}
            </Typography.Text>
            <Typography.Text type="secondary">{permissions.roles.map((r) => t(`roles.${r}`)).join(' · ')}</Typography.Text>
          </Flex>
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <List>{SHORTCUTS.map((s) => row(s.key, s.icon, t(`memberApp.me.shortcuts.${s.key}`), () => void navigate(s.to)))}</List>
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <List>
          {row('language', <GlobalOutlined />, t('memberApp.me.language'), () => undefined, <LanguageSwitch />)}
          {row('account', <SafetyOutlined />, t('memberApp.me.account'), () => void navigate('/account'))}
        </List>
      </Card>
      <Button danger block size="large" icon={<LogoutOutlined />} onClick={() => void signOut().then(() => navigate('/login'))} data-testid="me-logout">
        {t('memberApp.me.logout')}
      </Button>
    </Flex>
  );
}
