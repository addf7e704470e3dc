import { useState } from 'react';
import { App, Button, Card, Flex, Form, Input, Select, Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatFen } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import type { Lot, SessionStatus } from '../api/parking.api';
import { useLots, useParkingMutations, useSessions } from '../hooks/useParking';
import { LotFormModal } from './LotFormModal';

const STATUS_COLORS: Record<SessionStatus, string> = { open: 'blue', closed: 'green', exit_without_entry: 'orange', missed_exit: 'volcano' };
const hhmm = (m: number | null) => (m === null ? '' : `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);

/** Operators: lots with occupancy and fee rules, sessions with anomalies, manual plate reads. */
export function ParkingAdmin() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const lots = useLots();
  const [editing, setEditing] = useState<Lot | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const [filters, setFilters] = useState<{ lotId?: string; status?: SessionStatus; plate?: string; page: number }>({ page: 1 });
  const sessions = useSessions({ ...filters, pageSize: 20 });
  const m = useParkingMutations();
  const [readForm] = Form.useForm<{ lotId: string; direction: 'entry' | 'exit'; plate: string }>();

  return (
    <>
      <Tabs
        items={[
          {
            key: 'lots',
            label: t('payments.parking.lots'),
            children: (
              <Card extra={<Button type="primary" onClick={() => setIsCreating(true)}>{t('payments.parking.newLot')}</Button>}>
                <Table
                  rowKey="id"
                  size="small"
                  scroll={{ x: 760 }}
                  loading={lots.isPending}
                  dataSource={lots.data}
                  pagination={false}
                  columns={[
                    { title: t('payments.parking.lotName'), dataIndex: 'name' },
                    { title: t('payments.parking.occupiedOfCapacity'), render: (_, l) => `${l.occupied}/${l.capacity}` },
                    { title: t('payments.parking.freeMinutes'), dataIndex: 'freeMinutes' },
                    { title: t('payments.parking.hourly'), render: (_, l) => `¥${formatFen(l.hourlyFen)}` },
                    { title: t('payments.parking.dailyCap'), render: (_, l) => (l.dailyCapFen === null ? '—' : `¥${formatFen(l.dailyCapFen)}`) },
                    { title: t('payments.parking.nightWindow'), render: (_, l) => (l.nightStartMinute === null ? '—' : `${hhmm(l.nightStartMinute)}–${hhmm(l.nightEndMinute)} ¥${formatFen(l.nightHourlyFen)}`) },
                    { title: '', render: (_, l) => <Button size="small" type="link" onClick={() => setEditing(l)}>{t('payments.parking.editRule')}</Button> },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'sessions',
            label: t('payments.parking.sessions'),
            children: (
              <Card>
                <Flex gap={8} wrap style={{ marginBottom: 12 }}>
                  <Select aria-label={t('payments.parking.lot')} allowClear placeholder={t('payments.parking.lot')} style={{ width: 180 }} options={lots.data?.map((l) => ({ value: l.id, label: l.name }))} onChange={(lotId) => setFilters((f) => ({ ...f, lotId, page: 1 }))} />
                  <Select aria-label={t('payments.bills.status')} allowClear placeholder={t('payments.bills.status')} style={{ width: 160 }} options={(['open', 'closed', 'exit_without_entry', 'missed_exit'] as const).map((s) => ({ value: s, label: t(`payments.parking.sessionStatus.${s}`) }))} onChange={(status) => setFilters((f) => ({ ...f, status, page: 1 }))} />
                  <Input.Search allowClear placeholder={t('payments.parking.plate')} style={{ width: 160 }} onSearch={(plate) => setFilters((f) => ({ ...f, plate: plate || undefined, page: 1 }))} />
                </Flex>
                <Table
                  rowKey="id"
                  size="small"
                  scroll={{ x: 760 }}
                  loading={sessions.isPending}
                  dataSource={sessions.data?.items}
                  pagination={{ current: filters.page, pageSize: 20, total: sessions.data?.total, onChange: (page) => setFilters((f) => ({ ...f, page })) }}
                  columns={[
                    { title: t('payments.parking.plate'), dataIndex: 'plate' },
                    { title: t('payments.parking.lot'), dataIndex: 'lotName' },
                    { title: t('payments.bills.status'), render: (_, s) => <Tag color={STATUS_COLORS[s.status]}>{t(`payments.parking.sessionStatus.${s.status}`)}</Tag> },
                    { title: t('payments.parking.entry'), render: (_, s) => formatDateTime(s.entryAt) },
                    { title: t('payments.parking.exit'), render: (_, s) => formatDateTime(s.exitAt) },
                    { title: t('payments.parking.fee'), align: 'right', render: (_, s) => (s.feeFen === null ? '—' : `¥${formatFen(s.feeFen)}`) },
                    { title: t('payments.parking.payer'), render: (_, s) => (s.payer ? t(`payments.parking.payers.${s.payer}`) : '—') },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'reads',
            label: t('payments.parking.manualRead'),
            children: (
              <Card style={{ maxWidth: 480 }}>
                <Form
                  data-testid="manual-read-form"
                  form={readForm}
                  layout="vertical"
                  initialValues={{ direction: 'entry' }}
                  onFinish={(v) =>
                    m.recordRead.mutate(v, {
                      onSuccess: (r) => void message.success(`${t(`payments.parking.readResults.${r.result}`)}${r.feeFen !== null ? ` · ¥${formatFen(r.feeFen)}` : ''}`),
                      onError: (e) => void message.error(errorMessage(e)),
                    })
                  }
                >
                  <Form.Item name="lotId" label={t('payments.parking.lot')} rules={[{ required: true }]}>
                    <Select options={lots.data?.map((l) => ({ value: l.id, label: l.name }))} />
                  </Form.Item>
                  <Form.Item name="direction" label={t('payments.parking.direction')} rules={[{ required: true }]}>
                    <Select options={[{ value: 'entry', label: t('payments.parking.entry') }, { value: 'exit', label: t('payments.parking.exit') }]} />
                  </Form.Item>
                  <Form.Item name="plate" label={t('payments.parking.plate')} rules={[{ required: true, min: 7, max: 12 }]}>
                    <Input placeholder={t('payments.parking.platePlaceholder')} />
                  </Form.Item>
                  <Button type="primary" htmlType="submit" loading={m.recordRead.isPending}>
                    {t('payments.parking.record')}
                  </Button>
                </Form>
              </Card>
            ),
          },
        ]}
      />
      <LotFormModal open={isCreating || !!editing} lot={editing} onClose={() => (setEditing(null), setIsCreating(false))} />
    </>
  );
}
