import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDocumentTitle } from '../ui/useDocumentTitle';

/** Unknown route, or a page the role may not open. */
export function NotFoundPage({ isForbidden = false }: { isForbidden?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(isForbidden ? t('errors.forbidden') : t('errors.notFound'));
  return (
    <Result
      status={isForbidden ? '403' : '404'}
      title={isForbidden ? t('errors.forbidden') : t('errors.notFound')}
      subTitle={isForbidden ? undefined : t('errors.notFoundText')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('errors.backHome')}
        </Button>
      }
    />
  );
}
