import { Card, Empty, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatFen } from '../../../lib/format';
import type { MyParking } from '../api/parking.api';

/** The member's current stay (with the fee so far) and recent stays with their bills. */
export function MyStaysCard({ data }: { data: MyParking }) {
  const { t } = useTranslation();
  const open = data.sessions.filter((s) => s.status === 'open');
  const past = data.sessions.filter((s) => s.status !== 'open').slice(0, 5);
  return (
    <Card size="small" title={t('payments.parking.current')} data-testid="current-stay">
      {open.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('payments.parking.notParked')} />
      ) : (
        open.map((s) => (
          <div key={s.id} style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {s.plate} · {s.lotName}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t('payments.parking.since', { at: formatDateTime(s.entryAt), duration: s.entryAt ? dayjs().diff(dayjs(s.entryAt), 'minute') : 0 })}
            </Typography.Text>
            <div>
              {t('payments.parking.feeSoFar')}: <Typography.Text strong style={{ fontSize: 20 }}>¥{formatFen(s.feeFen ?? 0)}</Typography.Text>
            </div>
          </div>
        ))
      )}
      {past.length > 0 && (
        <List
          size="small"
          header={<Typography.Text type="secondary">{t('payments.parking.recent')}</Typography.Text>}
          dataSource={past}
          renderItem={(s) => (
            <List.Item key={s.id} extra={s.billId ? <Link to="/bills">¥{formatFen(s.feeFen)}</Link> : <Tag>{t(`payments.parking.sessionStatus.${s.status}`)}</Tag>}>
              <span>
                {s.plate} · {formatDateTime(s.exitAt ?? s.entryAt)}
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
