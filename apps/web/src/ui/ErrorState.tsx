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
      title={title ?? (status === 403 ? t('common.noPermission') : t('common.loadFailed'))}
      subTitle={message ?? t('common.loadFailedHint')}
      extra={
        onRetry && (
          <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry} data-testid="retry">
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
