import { Avatar, Button, Dropdown, Typography } from 'antd';
import { LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../../auth/hooks/useSession';

/** Avatar with the user's name; account and sign-out. */
export function UserMenu({ isCompact = false }: { isCompact?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, permissions, signOut } = useSession();
  if (!user) return null;
  const roleText = permissions.roles.map((r) => t(`roles.${r}`)).join(' · ');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          { key: 'who', disabled: true, label: <Typography.Text type="secondary">{roleText}</Typography.Text> },
          { type: 'divider' },
          { key: 'account', icon: <UserOutlined />, label: t('nav.account') },
          { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('auth.logout')}</span>, danger: true },
        ],
        onClick: ({ key }) => {
          if (key === 'account') void navigate('/account');
          if (key === 'logout') void signOut().then(() => navigate('/login'));
        },
      }}
    >
      <Button type="text" data-testid="user-menu" style={{ height: 40, paddingInline: 6 }}>
        <Avatar size={28} style={{ background: '#1554d1' }}>
          {user.displayName.slice(0, 1)}
        </Avatar>
        {!isCompact && <span className="user-menu__name">{user.displayName}</span>}
      </Button>
    </Dropdown>
  );
}
