import { Card, List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../../../lib/api-client';
import { alarmText } from '../../../lib/coded-text';
import { formatDateTime } from '../../../lib/format';
import { useServerPagination } from '../../../ui/table-columns';
import type { Alarm } from '../api/alarms.api';
import { AlarmSeverityTag } from './AlarmSeverityTag';
import { AlarmStateTag } from './AlarmStateTag';

interface AlarmCardListProps {
  data: Page<Alarm> | undefined;
  isLoading: boolean;
  buildingNames: Map<string, string>;
  onPageChange: (page: number, pageSize: number) => void;
}

/** Alarms on a phone: one card each (severity, state, the message in full, device, building, time), server paging below. */
export function AlarmCardList({ data, isLoading, buildingNames, onPageChange }: AlarmCardListProps) {
  const { t } = useTranslation();
  const pagination = useServerPagination(data, 50, onPageChange);
  return (
    <List<Alarm>
      data-testid="alarm-cards"
      loading={isLoading}
      dataSource={data?.items ?? []}
      locale={{ emptyText: t('ioc.noAlarms') }}
      pagination={{ current: pagination.current, pageSize: pagination.pageSize, total: pagination.total, showTotal: pagination.showTotal, onChange: pagination.onChange, size: 'small', align: 'center' }}
      split={false}
      renderItem={(a) => (
        <List.Item key={a.id} style={{ padding: '0 0 8px' }}>
          <Card size="small" style={{ width: '100%' }} data-testid="alarm-card" data-alarm-id={a.id}>
            <Space size={4} wrap style={{ marginBottom: 6 }}>
              <AlarmSeverityTag severity={a.severity} />
              <AlarmStateTag state={a.state} />
              {a.count > 1 && <Typography.Text type="secondary">× {a.count}</Typography.Text>}
            </Space>
            <Link to={`/alarms/${a.id}`} data-testid={`alarm-link-${a.id}`} style={{ display: 'block', fontWeight: 500, marginBottom: 4, overflowWrap: 'anywhere' }}>
              {a.ruleName}: {alarmText(a)}
            </Link>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', overflowWrap: 'anywhere' }}>
              {t('iocWall.cards.device')} <span data-user-content>{a.deviceCode ?? '—'}</span> · {t('iocWall.cards.building')} <span data-user-content>{a.buildingId ? (buildingNames.get(a.buildingId) ?? '—') : '—'}</span>
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('iocWall.cards.lastAt')} {formatDateTime(a.lastAt)}
            </Typography.Text>
          </Card>
        </List.Item>
      )}
    />
  );
}
