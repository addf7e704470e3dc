import { Table } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Page } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { buildingColumn, codeLink, useServerPagination } from '../../../ui/table-columns';
import type { Alarm } from '../api/alarms.api';
import { AlarmSeverityTag } from './AlarmSeverityTag';
import { AlarmStateTag } from './AlarmStateTag';
import { alarmText } from '../../../lib/coded-text';

const RANK: Record<string, number> = { critical: 4, major: 3, minor: 2, info: 1 };

interface AlarmTableProps {
  data: Page<Alarm> | undefined;
  isLoading: boolean;
  buildingNames: Map<string, string>;
  onPageChange: (page: number, pageSize: number) => void;
}

/** Alarms with server paging; the columns of the page on screen sort in place. */
export function AlarmTable({ data, isLoading, buildingNames, onPageChange }: AlarmTableProps) {
  const { t } = useTranslation();
  const pagination = useServerPagination(data, 50, onPageChange);
  const byTime = (a: string, b: string) => new Date(a).getTime() - new Date(b).getTime();
  return (
    <Table<Alarm>
      data-testid="alarm-table"
      rowKey="id"
      size="middle"
      loading={isLoading}
      dataSource={data?.items ?? []}
      scroll={{ x: 980 }}
      locale={{ emptyText: t('ioc.noAlarms') }}
      onRow={(a) => ({ 'data-alarm-id': a.id }) as React.HTMLAttributes<HTMLElement>}
      pagination={pagination}
      columns={[
        {
          title: t('ioc.severityLabel'),
          dataIndex: 'severity',
          width: 90,
          sorter: (a, b) => RANK[a.severity] - RANK[b.severity],
          render: (v: string) => <AlarmSeverityTag severity={v} />,
        },
        { title: t('ioc.stateLabel'), dataIndex: 'state', width: 90, sorter: (a, b) => a.state.localeCompare(b.state), render: (v: string) => <AlarmStateTag state={v} /> },
        {
          title: t('ioc.message'),
          dataIndex: 'message',
          ellipsis: true,
          render: (_: string, a) => (
            <Link to={`/alarms/${a.id}`} data-testid={`alarm-link-${a.id}`}>
              {a.ruleName}: {alarmText(a)}
            </Link>
          ),
        },
        {
          title: t('ioc.device'),
          dataIndex: 'deviceCode',
          width: 150,
          sorter: (a, b) => (a.deviceCode ?? '').localeCompare(b.deviceCode ?? ''),
          render: codeLink<Alarm>((a) => (a.deviceId ? `/devices/${a.deviceId}` : null)),
        },
        buildingColumn<Alarm>(t('ioc.building'), buildingNames, 120),
        { title: t('ioc.count'), dataIndex: 'count', width: 80, sorter: (a, b) => a.count - b.count },
        {
          title: t('ioc.lastAt'),
          dataIndex: 'lastAt',
          width: 160,
          defaultSortOrder: 'descend' as SortOrder,
          sorter: (a, b) => byTime(a.lastAt, b.lastAt),
          render: (v: string) => formatDateTime(v),
        },
      ]}
    />
  );
}
