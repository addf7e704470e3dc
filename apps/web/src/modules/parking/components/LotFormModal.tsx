import { Form, Input, InputNumber, Select, TimePicker } from 'antd';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { api } from '../../../lib/api-client';
import { formatFen } from '../../../lib/format';
import { FormModal } from '../../../ui/FormModal';
import { yuanToFen } from '../../billing/utils/money';
import type { Lot, LotInput } from '../api/parking.api';
import { useParkingMutations } from '../hooks/useParking';
import { numberRule } from '../../../ui/number-rule';

interface LotValues {
  parkId: string;
  name: string;
  capacity: number;
  freeMinutes: number;
  hourly: string;
  dailyCap?: string;
  night?: [dayjs.Dayjs, dayjs.Dayjs] | null;
  nightHourly?: string;
  monthlyPass?: string;
}

const yuan = (fen: number | null) => (fen === null ? undefined : formatFen(fen).replace(/,/g, ''));
const fenOrNull = (v?: string) => (v && v.trim() ? yuanToFen(v) : null);
const minutes = (d: dayjs.Dayjs) => d.hour() * 60 + d.minute();
const timeOf = (m: number) => dayjs().startOf('day').add(m, 'minute');
const money = (required: boolean, message: string) => ({ validator: (_: unknown, v?: string) => (!v || !v.trim() ? (required ? Promise.reject(new Error(message)) : Promise.resolve()) : yuanToFen(v) !== null ? Promise.resolve() : Promise.reject(new Error(message))) });

/** Create a lot or change its capacity and fee rule (free minutes, hourly rate, daily cap, night rate). */
export function LotFormModal({ lot, open, onClose }: { lot: Lot | null; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const m = useParkingMutations();
  const parks = useQuery({ queryKey: ['parks'], queryFn: () => api.get<{ id: string; name: string }[]>('/parks'), enabled: open && !lot });
  const invalid = t('payments.bills.amountInvalid');
  return (
    <FormModal<LotValues>
      open={open}
      title={lot ? t('payments.parking.editRule') : t('payments.parking.newLot')}
      onClose={onClose}
      successMessage={t('common.saved')}
      initialValues={
        lot
          ? { name: lot.name, capacity: lot.capacity, freeMinutes: lot.freeMinutes, hourly: yuan(lot.hourlyFen), dailyCap: yuan(lot.dailyCapFen), nightHourly: yuan(lot.nightHourlyFen), monthlyPass: yuan(lot.monthlyPassFen), night: lot.nightStartMinute !== null && lot.nightEndMinute !== null ? [timeOf(lot.nightStartMinute), timeOf(lot.nightEndMinute)] : null }
          : { capacity: 100, freeMinutes: 30, hourly: '5', dailyCap: '40' }
      }
      onSubmit={async (v) => {
        const rule: Omit<LotInput, 'parkId'> = {
          name: v.name,
          capacity: v.capacity,
          freeMinutes: v.freeMinutes,
          hourlyFen: yuanToFen(v.hourly)!,
          dailyCapFen: fenOrNull(v.dailyCap),
          nightStartMinute: v.night ? minutes(v.night[0]) : null,
          nightEndMinute: v.night ? minutes(v.night[1]) : null,
          nightHourlyFen: v.night ? fenOrNull(v.nightHourly) : null,
          monthlyPassFen: fenOrNull(v.monthlyPass),
        };
        if (lot) await m.updateLot.mutateAsync({ id: lot.id, patch: rule });
        else await m.createLot.mutateAsync({ ...rule, parkId: v.parkId });
      }}
    >
      {!lot && (
        <Form.Item name="parkId" label={t('payments.bills.park')} rules={[{ required: true }]}>
          <Select loading={parks.isPending} options={parks.data?.map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
      )}
      <Form.Item name="name" label={t('payments.parking.lotName')} rules={[{ required: true, max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="capacity" label={t('payments.parking.capacity')} rules={[{ required: true }, numberRule(t, t('payments.parking.capacity'), { min: 0, max: 100_000 })]}>
        <InputNumber precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="freeMinutes" label={t('payments.parking.freeMinutes')} rules={[{ required: true }, numberRule(t, t('payments.parking.freeMinutes'), { min: 0, max: 24 * 60 })]}>
        <InputNumber precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="hourly" label={t('payments.parking.hourly')} rules={[money(true, invalid)]}>
        <Input prefix="¥" inputMode="decimal" />
      </Form.Item>
      <Form.Item name="dailyCap" label={t('payments.parking.dailyCap')} rules={[money(false, invalid)]}>
        <Input prefix="¥" inputMode="decimal" />
      </Form.Item>
      <Form.Item name="night" label={t('payments.parking.nightWindow')}>
        <TimePicker.RangePicker format="HH:mm" order={false} minuteStep={15} style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item name="nightHourly" label={t('payments.parking.nightHourly')} rules={[money(false, invalid)]}>
        <Input prefix="¥" inputMode="decimal" />
      </Form.Item>
      <Form.Item name="monthlyPass" label={t('payments.parking.monthlyPass')} rules={[money(false, invalid)]}>
        <Input prefix="¥" inputMode="decimal" />
      </Form.Item>
    </FormModal>
  );
}
