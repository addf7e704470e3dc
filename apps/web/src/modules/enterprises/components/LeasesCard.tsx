import { useState } from 'react';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { formatArea, formatDate, formatFen } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import type { Lease } from '../api/enterprises.api';
import { useEnterpriseMutations } from '../hooks/useEnterprise';
import { LeaseFormModal } from './LeaseFormModal';

/** Leases of the enterprise; operators sign new ones and end active ones. */
export function LeasesCard({ enterpriseId, parkId, leases, canEnd }: { enterpriseId: string; parkId?: string; leases: Lease[]; canEnd: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useEnterpriseMutations(enterpriseId);
  const [isSigning, setIsSigning] = useState(false);
  return (
    <Card
      title={`${t('enterprises.leases')} (${leases.length})`}
      styles={{ body: { padding: 0 } }}
      extra={
        canEnd &&
        parkId && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setIsSigning(true)} data-testid="lease-new">
            {t('enterprises.newLease')}
          </Button>
        )
      }
    >
      {parkId && <LeaseFormModal enterpriseId={enterpriseId} parkId={parkId} open={isSigning} onClose={() => setIsSigning(false)} />}
      <Table<Lease>
        rowKey="id"
        size="small"
        dataSource={leases}
        pagination={false}
        scroll={{ x: 640 }}
        columns={[
          { title: t('enterprises.unit'), key: 'unit', render: (_, l) => `${l.buildingName} · ${l.floorName} · ${l.unitCode}` },
          { title: t('structure.area'), dataIndex: 'area', render: (a: number) => formatArea(a), width: 110 },
          { title: t('enterprises.period'), key: 'period', render: (_, l) => `${formatDate(l.startDate)} ~ ${formatDate(l.endDate)}`, width: 200 },
          { title: t('enterprises.monthlyRent'), dataIndex: 'monthlyRentFen', align: 'right', render: (f: number) => formatFen(f), width: 130 },
          {
            title: t('enterprises.status'),
            dataIndex: 'status',
            width: 90,
            render: (s: string) => <Tag color={s === 'active' ? 'success' : s === 'draft' ? 'processing' : 'default'}>{t(`leaseStatus.${s}`, { defaultValue: s })}</Tag>,
          },
          ...(canEnd
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 100,
                  render: (_: unknown, l: Lease) =>
                    l.status === 'draft' ? (
                      <Popconfirm
                        title={t('homes.lease.confirmQuestion')}
                        onConfirm={() =>
                          m.confirmLease
                            .mutateAsync(l.id)
                            .then(() => void message.success(t('homes.lease.confirmed')))
                            .catch((e: unknown) => void message.error(errorMessage(e)))
                        }
                      >
                        <Button type="link" size="small" data-testid="lease-confirm">
                          {t('homes.lease.confirm')}
                        </Button>
                      </Popconfirm>
                    ) : (
                      l.status === 'active' && (
                        <Popconfirm title={t('enterprises.leaseEndConfirm')} onConfirm={() => m.endLease.mutateAsync(l.id).catch((e: unknown) => void message.error(errorMessage(e)))}>
                          <Button type="link" size="small" danger>
                            {t('enterprises.endLease')}
                          </Button>
                        </Popconfirm>
                      )
                    ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
