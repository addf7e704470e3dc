import { Badge, Button, Card, Empty, List, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDateTime } from '../lib/format';
import { findNotifications, type AppNotification } from '../modules/notifications/api/notifications.api';
import { useNotificationMutations } from '../modules/notifications/hooks/useNotifications';
import { notificationText } from '../modules/notifications/utils/notification-text';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** The 消息 tab: my notifications, newest first; tapping one marks it read and opens what it is about. */
export function MessagesPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: ['notifications', 'page'], queryFn: () => findNotifications({ pageSize: 50 }), refetchInterval: 20_000 });
  const m = useNotificationMutations();
  const open = (n: AppNotification) => {
    if (!n.readAt) m.markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
  };
  return (
    <div data-testid="messages-page">
      <PageHeader
        title={t('memberApp.messages.title')}
        subtitle={t('memberApp.messages.subtitle')}
        extra={
          <Button onClick={() => m.markAllRead.mutate()} disabled={!query.data?.unread} loading={m.markAllRead.isPending} data-testid="messages-read-all">
            {t('memberApp.messages.readAll')}
          </Button>
        }
      />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <QueryBoundary query={query}>
          {(page) =>
            page.items.length ? (
              <List<AppNotification>
                dataSource={page.items}
                renderItem={(n) => {
                  const text = notificationText(n, t, i18n.language);
                  return (
                    <List.Item onClick={() => open(n)} style={{ cursor: n.link ? 'pointer' : 'default', paddingInline: 12, background: n.readAt ? undefined : '#f0f5ff' }} data-testid="message-item">
                      <List.Item.Meta
                        avatar={n.readAt ? null : <Badge status="processing" title={t('memberApp.messages.unread')} />}
                        title={<Typography.Text strong={!n.readAt}>{text.title}</Typography.Text>}
                        description={
                          <>
                            {text.body && <div data-user-content>{text.body}</div>}
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {formatDateTime(n.createdAt)}
                            </Typography.Text>
                          </>
                        }
                      />
                    </List.Item>
                  );
                }}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('memberApp.messages.empty')} style={{ padding: 24 }} />
            )
          }
        </QueryBoundary>
      </Card>
    </div>
  );
}
