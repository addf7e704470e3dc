import { Card, Col, Descriptions, Row, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { ApiTokensCard } from '../modules/account/components/ApiTokensCard';
import { PasswordForm } from '../modules/account/components/PasswordForm';
import { useSession } from '../modules/auth/hooks/useSession';
import { PageHeader } from '../ui/PageHeader';

/** The signed-in user's profile, password and API tokens. */
export function AccountPage() {
  const { t } = useTranslation();
  const { user, permissions } = useSession();
  if (!user) return null;
  return (
    <>
      <PageHeader title={t('account.title')} crumbs={[{ title: t('nav.account') }]} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('account.profile')} style={{ height: '100%' }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('users.username')}>{user.username}</Descriptions.Item>
              <Descriptions.Item label={t('users.displayName')}>{user.displayName}</Descriptions.Item>
              <Descriptions.Item label={t('users.email')}>{user.email ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('users.phone')}>{user.phone ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('account.roles')}>
                <Space size={[4, 4]} wrap>
                  {user.grants.map((g, i) => (
                    <Tag key={i} color="blue">
                      {t(`roles.${g.role}`)} · {t(`scopes.${g.scopeType}`)}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={t('users.createdAt')}>{formatDateTime(user.createdAt)}</Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <PasswordForm />
        </Col>
        {permissions.canCreateApiTokens && (
          <Col xs={24}>
            <ApiTokensCard />
          </Col>
        )}
      </Row>
    </>
  );
}
