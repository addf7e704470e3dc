import { Badge, Button, Empty, List, Popover, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AppNotification } from '../api/notifications.api';
import { notificationText } from '../utils/notification-text';
import { useNotificationMutations, useNotifications } from '../hooks/useNotifications';

/** Notifications the server sends as a code only (`kind`, with a code-like title): the text the web writes for each. */

/** The header bell: unread count, the latest notifications, mark read, open the linked page. */
export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const list = useNotifications();
  const m = useNotificationMutations();
  const unread = list.data?.unread ?? 0;
  // Spot checks send only a kind (their title is the kind itself); the web words it.

  const open = (n: AppNotification) => {
    if (!n.readAt) m.markRead.mutate(n.id);
    if (n.link) void navigate(n.link);
  };

  const content = (
    <div style={{ width: 'min(340px, 86vw)' }} data-testid="notification-list">
      {list.data?.items.length ? (
        <List<AppNotification>
          size="small"
          dataSource={list.data.items}
          renderItem={(n) => {
            const text = notificationText(n, t, i18n.language);
            return (
              <List.Item
              key={n.id}
              onClick={() => open(n)}
              style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f0f5ff', paddingInline: 8 }}
              data-testid="notification-item"
              data-unread={n.readAt ? 'false' : 'true'}
            >
              <List.Item.Meta
                title={<Typography.Text strong={!n.readAt}>{text.title}</Typography.Text>}
                description={
                  <>
                    {text.body && <div style={{ fontSize: 12 }}>{text.body}</div>}
                    <div style={{ fontSize: 11, color: '#8c8c8c' }}>{dayjs(n.createdAt).format('MM-DD HH:mm')}</div>
                  </>
                }
              />
              </List.Item>
            );
          }}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('rules.notifications.empty')} />
      )}
    </div>
  );

  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      title={
        <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <span>{t('rules.notifications.title')}</span>
          <Button type="link" size="small" disabled={unread === 0} onClick={() => m.markAllRead.mutate()} data-testid="notification-read-all">
            {t('rules.notifications.readAll')}
          </Button>
        </div>
      }
      content={content}
    >
      <Badge count={unread} size="small" offset={[-4, 4]} data-testid="notification-badge">
        <Button type="text" icon={<BellOutlined />} aria-label={t('rules.notifications.title')} data-testid="notification-bell" />
      </Badge>
    </Popover>
  );
}
