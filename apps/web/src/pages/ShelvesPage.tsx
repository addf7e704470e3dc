import { useState } from 'react';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../lib/form-errors';
import type { Shelf } from '../modules/rules/api/shelves.api';
import { ShelfFormModal } from '../modules/rules/components/ShelfFormModal';
import { useShelfMutations, useShelves } from '../modules/rules/hooks/useShelves';
import { ErrorState } from '../ui/ErrorState';
import { PageHeader } from '../ui/PageHeader';

/** Shelving (告警屏蔽): current and scheduled maintenance windows; create and end early. */
export function ShelvesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isCreating, setIsCreating] = useState(false);
  const list = useShelves({ current: 'true' });
  const m = useShelfMutations();
  return (
    <>
      <PageHeader
        title={t('rules.shelves.title')}
        subtitle={t('rules.shelves.subtitle')}
        crumbs={[{ title: t('rules.nav'), to: '/rules' }, { title: t('rules.shelves.title') }]}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="shelf-new">
            {t('rules.shelves.new')}
          </Button>
        }
      />
      <Card>
        {list.isError && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Table<Shelf>
            rowKey="id"
            data-testid="shelf-table"
            loading={list.isFetching}
            dataSource={list.data ?? []}
            scroll={{ x: 760 }}
            pagination={false}
            locale={{ emptyText: t('rules.shelves.empty') }}
            onRow={(s) => ({ 'data-testid': `shelf-row-${s.reason}` }) as React.HTMLAttributes<HTMLElement>}
            columns={[
              {
                title: t('rules.shelves.scope'),
                key: 'place',
                render: (_, s) => (
                  <>
                    <Tag>{t(`rules.shelves.scopes.${s.scope}`)}</Tag>
                    {s.deviceId ? <Link to={`/devices/${s.deviceId}`}>{s.placeName}</Link> : s.placeName}
                  </>
                ),
              },
              { title: t('rules.shelves.reason'), dataIndex: 'reason' },
              { title: t('rules.shelves.window'), key: 'window', render: (_, s) => `${dayjs(s.startsAt).format('MM-DD HH:mm')} → ${dayjs(s.endsAt).format('MM-DD HH:mm')}` },
              { title: t('rules.shelves.state'), dataIndex: 'active', width: 90, render: (a: boolean) => (a ? <Tag color="purple">{t('rules.shelves.active')}</Tag> : <Tag>{t('rules.shelves.scheduled')}</Tag>) },
              { title: t('rules.shelves.by'), dataIndex: 'createdByName', width: 110 },
              {
                title: t('common.actions'),
                key: 'a',
                width: 100,
                render: (_, s) => (
                  <Popconfirm title={t('rules.shelves.endConfirm')} onConfirm={() => m.cancel.mutateAsync(s.id).catch((e: unknown) => void message.error(errorMessage(e)))}>
                    <Button size="small" data-testid="shelf-end">
                      {t('rules.shelves.end')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        )}
      </Card>
      <ShelfFormModal open={isCreating} onClose={() => setIsCreating(false)} />
    </>
  );
}
