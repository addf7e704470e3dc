import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, List, Popconfirm, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import type { MyParking } from '../api/parking.api';
import { useLot, useLots, useParkingMutations } from '../hooks/useParking';

interface ReserveValues {
  lotId: string;
  spaceId: string;
  plate: string;
  window: [dayjs.Dayjs, dayjs.Dayjs];
}

/** Reserve a space for a time window; the server refuses overlapping reservations. */
export function ReserveCard({ data }: { data: MyParking }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReserveValues>();
  const [lotId, setLotId] = useState<string>();
  const lots = useLots();
  const lot = useLot(lotId);
  const m = useParkingMutations();
  const handleFinish = (v: ReserveValues) =>
    m.reserve.mutate(
      { spaceId: v.spaceId, plate: v.plate, startsAt: v.window[0].toISOString(), endsAt: v.window[1].toISOString() },
      {
        onSuccess: () => {
          void message.success(t('payments.parking.reserved'));
          form.resetFields(['spaceId', 'window']);
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
        },
      },
    );
  return (
    <Card size="small" title={t('payments.parking.reserve')} data-testid="reserve-card">
      <Form form={form} layout="vertical" onFinish={handleFinish} initialValues={{ plate: data.plates[0]?.plate, window: [dayjs().add(1, 'hour').startOf('hour'), dayjs().add(3, 'hour').startOf('hour')] }}>
        <Form.Item name="lotId" label={t('payments.parking.lot')} rules={[{ required: true }]}>
          <Select options={lots.data?.map((l) => ({ value: l.id, label: l.name }))} onChange={(v: string) => (setLotId(v), form.resetFields(['spaceId']))} />
        </Form.Item>
        <Form.Item name="spaceId" label={t('payments.parking.space')} rules={[{ required: true }]}>
          <Select showSearch optionFilterProp="label" loading={lot.isFetching} disabled={!lotId} options={lot.data?.spaces.filter((s) => s.isReservable || s.allocatedToMine).map((s) => ({ value: s.id, label: s.code }))} />
        </Form.Item>
        <Form.Item name="plate" label={t('payments.parking.plate')} rules={[{ required: true }]}>
          <Select options={data.plates.map((p) => ({ value: p.plate, label: p.plate }))} notFoundContent={t('payments.parking.addPlateFirst')} />
        </Form.Item>
        <Form.Item name="window" label={t('payments.parking.window')} rules={[{ required: true }]}>
          <DatePicker.RangePicker showTime={{ format: 'HH:mm', minuteStep: 15 }} format="MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={m.reserve.isPending}>
          {t('payments.parking.reserve')}
        </Button>
      </Form>
      {data.reservations.length > 0 && (
        <List
          size="small"
          style={{ marginTop: 12 }}
          dataSource={data.reservations}
          renderItem={(r) => (
            <List.Item
              key={r.id}
              extra={
                <Popconfirm title={t('payments.parking.cancelConfirm')} onConfirm={() => m.cancelReservation.mutate(r.id)}>
                  <Button size="small" type="link" danger>
                    {t('common.cancel')}
                  </Button>
                </Popconfirm>
              }
            >
              {r.lotName} {r.spaceCode} · {r.plate}
              <br />
              {formatDateTime(r.startsAt)} – {formatDateTime(r.endsAt).slice(11)}
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
