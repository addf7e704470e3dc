import { Button, Card, Result } from 'antd';
import { SmileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSession } from '../modules/auth/hooks/useSession';
import { PageHeader } from '../ui/PageHeader';

/** Home of roles without an operations view yet. */
export function WelcomePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { user, permissions } = useSession();
  return (
    <>
      <PageHeader title={t('welcome.title')} />
      <Card>
        <Result
          icon={<SmileOutlined style={{ color: '#1554d1' }} />}
          title={t('dashboard.greeting', { name: user?.displayName ?? '' })}
          subTitle={t('welcome.text', { roles: permissions.roles.map((r) => t(`roles.${r}`)).join('、') })}
          extra={
            <Button type="primary" onClick={() => void navigate('/account')}>
              {t('welcome.account')}
            </Button>
          }
        />
      </Card>
    </>
  );
}
