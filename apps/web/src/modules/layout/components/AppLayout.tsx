import { Suspense, useState } from 'react';
import { Button, Drawer, Flex, Layout, Menu, Spin } from 'antd';
import { MenuFoldOutlined, MenuOutlined, MenuUnfoldOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useIsMobile } from '../../../ui/useIsMobile';
import { NAV_GROUPS, navKeyOf, useNavItems, type NavItem } from '../hooks/useNavItems';
import { NotificationBell } from '../../notifications/components/NotificationBell';
import { MemberTabBar } from '../../member-home/components/MemberTabBar';
import { useSession } from '../../auth/hooks/useSession';
import { Brand } from './Brand';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';

/** The shell: side menu (a drawer on phones), header with language and user menu, page content. */
export function AppLayout() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const location = useLocation();
  const items = useNavItems();
  const { permissions } = useSession();
  // Members and enterprise admins get the mini-program tab bar on phones; staff keep the menu only.
  const hasTabBar = isMobile && permissions.isEnterpriseUser && !permissions.isOperator && !permissions.isProperty;
  const [isCollapsed, setIsCollapsed] = useState(false);
  const [isDrawerOpen, setIsDrawerOpen] = useState(false);
  const selectedKey = navKeyOf(items, location.pathname);
  const entry = (i: NavItem) => ({ key: i.key, icon: i.icon, label: <span data-testid={`nav-${i.key}`}>{i.label}</span> });
  // Sections with headings keep a long menu scannable; a collapsed sider shows icons only, ungrouped.
  const menuItems =
    isCollapsed && !isMobile
      ? items.map(entry)
      : [
          ...items.filter((i) => !i.group).map(entry),
          ...NAV_GROUPS.map((g) => ({ key: `group-${g}`, type: 'group' as const, label: t(`nav.groups.${g}`), children: items.filter((i) => i.group === g).map(entry) })).filter((g) => g.children.length > 0),
        ];

  const menu = (
    <nav aria-label={t('nav.main')}>
      <Menu
        theme="dark"
        mode="inline"
        selectedKeys={[selectedKey]}
        items={menuItems}
        onClick={({ key }) => {
          const item = items.find((i) => i.key === key);
          if (item) void navigate(item.path);
          setIsDrawerOpen(false);
        }}
      />
    </nav>
  );

  return (
    <Layout className={hasTabBar ? 'app-layout app-layout--tabbar' : 'app-layout'}>
      {/* The first Tab stop: keyboard users jump over the menu straight to the page. */}
      <a className="skip-link" href="#main-content" data-testid="skip-link">
        {t('nav.skipToContent')}
      </a>
      {!isMobile && (
        <Layout.Sider collapsible collapsed={isCollapsed} trigger={null} width={224} className="app-sider" data-testid="sider">
          <Brand isCollapsed={isCollapsed} />
          {menu}
        </Layout.Sider>
      )}
      {isMobile && (
        <Drawer
          placement="left"
          open={isDrawerOpen}
          onClose={() => setIsDrawerOpen(false)}
          size={256}
          closable={false}
          styles={{ body: { padding: 0, background: '#0b1d3a' }, header: { display: 'none' } }}
          data-testid="nav-drawer"
        >
          <Brand />
          {menu}
        </Drawer>
      )}
      <Layout>
        <Layout.Header className="app-header">
          <Flex align="center" gap={8}>
            {isMobile ? (
              <>
                <Button type="text" icon={<MenuOutlined />} onClick={() => setIsDrawerOpen(true)} aria-label={t('nav.menu')} data-testid="nav-toggle" />
                <Brand isDark={false} />
              </>
            ) : (
              <Button
                type="text"
                icon={isCollapsed ? <MenuUnfoldOutlined /> : <MenuFoldOutlined />}
                onClick={() => setIsCollapsed((c) => !c)}
                aria-label={t('nav.menu')}
              />
            )}
          </Flex>
          <Flex align="center" gap={4}>
            <NotificationBell />
            <LanguageSwitch isCompact={isMobile} />
            <UserMenu isCompact={isMobile} />
          </Flex>
        </Layout.Header>
        <Layout.Content className="app-content" id="main-content" tabIndex={-1}>
          {/* Pages are loaded on first visit; the frame stays while one loads. */}
          <Suspense fallback={<Spin style={{ display: 'block', margin: '64px auto' }} data-testid="page-loading" />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer className="app-footer">{t('app.footer')}</Layout.Footer>
      </Layout>
      {hasTabBar && <MemberTabBar />}
    </Layout>
  );
}
