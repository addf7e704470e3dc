import { Button, Result } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

interface ErrorStateProps {
  error?: unknown;
  onRetry?: () => void;
  title?: string;
}

/** A failed load, with the server's message and a retry button. */
export function ErrorState({ error, onRetry, title }: ErrorStateProps) {
  const { t } = useTranslation();
  const status = typeof error === 'object' && error && 'status' in error ? Number((error as { status: unknown }).status) : 0;
  const message = error instanceof Error ? error.message : undefined;
  return (
    <Result
      status={status === 403 ? '403' : status === 404 ? '404' : 'warning'}
      title={title ?? (status === 403 ? t('common.noPermission') : status === 404 ? t('common.notFound') : t('common.loadFailed'))}
      // 403/404 get a translated explanation; the server's English message stays for other failures.
      subTitle={status === 404 ? t('common.notFoundHint') : status === 403 ? t('common.noPermissionHint') : (message ?? t('common.loadFailedHint'))}
      extra={
        onRetry && status !== 404 && status !== 403 && (
          <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry} data-testid="retry">
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
