import type { ReactNode } from 'react';
import { Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface HomeCardProps {
  title: ReactNode;
  icon: ReactNode;
  /** The full page this card summarises. */
  to: string;
  testId: string;
  children: ReactNode;
}

/** One card of the members' home: title with icon, a link to the full page, compact body. */
export function HomeCard({ title, icon, to, testId, children }: HomeCardProps) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid={testId}
      style={{ height: '100%' }}
      styles={{ body: { padding: 12 } }}
      title={
        <Flex gap={8} align="center">
          <span style={{ color: '#1554d1' }}>{icon}</span>
          {title}
        </Flex>
      }
      extra={
        <Link to={to} data-testid={`${testId}-more`}>
          {t('memberHome.more')} <RightOutlined style={{ fontSize: 10 }} />
        </Link>
      }
    >
      {children}
    </Card>
  );
}

interface QueryLike<T> {
  data: T | undefined;
  isPending: boolean;
  isError: boolean;
  refetch: () => unknown;
}

interface CardStateProps<T> {
  query: QueryLike<T>;
  isEmpty: (data: T) => boolean;
  empty: ReactNode;
  children: (data: T) => ReactNode;
}

/** Loading, error (with retry), empty or the content: the same four states in every card, sized for a card. */
export function CardState<T>({ query, isEmpty, empty, children }: CardStateProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) return <Skeleton active title={false} paragraph={{ rows: 3 }} />;
  if (query.isError || query.data === undefined) {
    return (
      <Flex vertical align="center" gap={8} style={{ padding: '12px 0' }} data-testid="card-error">
        <Typography.Text type="danger">{t('memberHome.loadFailed')}</Typography.Text>
        <Button size="small" icon={<ReloadOutlined />} onClick={() => void query.refetch()}>
          {t('common.retry')}
        </Button>
      </Flex>
    );
  }
  if (isEmpty(query.data)) {
    return (
      <div data-testid="card-empty">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ margin: '8px 0' }} />
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
