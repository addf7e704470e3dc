import type { ReactNode } from 'react';
import { Badge } from 'antd';
import { AppstoreOutlined, HomeOutlined, MessageOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useNotifications } from '../../notifications/hooks/useNotifications';

interface Tab {
  key: 'home' | 'services' | 'messages' | 'me';
  path: string;
  icon: ReactNode;
}

const TABS: Tab[] = [
  { key: 'home', path: '/', icon: <HomeOutlined /> },
  { key: 'services', path: '/member/services', icon: <AppstoreOutlined /> },
  { key: 'messages', path: '/messages', icon: <MessageOutlined /> },
  { key: 'me', path: '/me', icon: <UserOutlined /> },
];

/** The tab a path belongs to: the four tab pages themselves; any other page keeps no tab lit. */
export function tabOf(pathname: string): Tab['key'] | null {
  return TABS.find((t) => t.path === pathname)?.key ?? null;
}

/** The member app's bottom tab bar (首页 / 服务 / 消息 / 我的), as tenants know it from mini-programs. Phones only. */
export function MemberTabBar() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const unread = useNotifications().data?.unread ?? 0;
  const active = tabOf(pathname);
  return (
    <nav className="member-tabbar" aria-label={t('memberApp.tabs.label')} data-testid="member-tabbar">
      {TABS.map((tab) => (
        <button
          key={tab.key}
          type="button"
          className={`member-tabbar__tab${active === tab.key ? ' member-tabbar__tab--active' : ''}`}
          aria-current={active === tab.key ? 'page' : undefined}
          onClick={() => void navigate(tab.path)}
          data-testid={`tab-${tab.key}`}
        >
          <span className="member-tabbar__icon">{tab.key === 'messages' ? <Badge count={unread} size="small" offset={[6, 0]}>{tab.icon}</Badge> : tab.icon}</span>
          <span className="member-tabbar__label">{t(`memberApp.tabs.${tab.key}`)}</span>
        </button>
      ))}
    </nav>
  );
}
