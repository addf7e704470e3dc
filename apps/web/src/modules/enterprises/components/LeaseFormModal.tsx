import { DatePicker, Form, InputNumber, Select } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import { formatArea } from '../../../lib/format';
import { createLease, findLeasableUnits } from '../api/enterprises.api';
import { numberRule } from '../../../ui/number-rule';

interface LeaseValues {
  unitId: string;
  period: [Dayjs, Dayjs];
  monthlyRentYuan: number;
}

/** Signs a lease of a vacant or reserved unit of the enterprise's park (operators). */
export function LeaseFormModal({ enterpriseId, parkId, open, onClose }: { enterpriseId: string; parkId: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const units = useQuery({ queryKey: ['units', 'leasable', parkId], queryFn: () => findLeasableUnits(parkId), enabled: open });
  const create = useMutation({
    mutationFn: (input: Parameters<typeof createLease>[1]) => createLease(enterpriseId, input),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['enterprises'] }), queryClient.invalidateQueries({ queryKey: ['units'] })]),
  });
  const handleSubmit = async (values: LeaseValues) => {
    await create.mutateAsync({
      unitId: values.unitId,
      startDate: values.period[0].format('YYYY-MM-DD'),
      endDate: values.period[1].format('YYYY-MM-DD'),
      // Money is integer fen: the form takes yuan with two decimals.
      monthlyRentFen: Math.round(values.monthlyRentYuan * 100),
    });
  };
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  return (
    <FormModal<LeaseValues> open={open} title={t('enterprises.newLease')} onClose={onClose} onSubmit={handleSubmit} successMessage={t('common.saved')} testId="lease-form">
      <Form.Item name="unitId" label={t('enterprises.unit')} rules={[required(t('enterprises.unit'))]}>
        <Select
          showSearch
          optionFilterProp="label"
          loading={units.isPending}
          data-testid="lease-unit"
          options={(units.data ?? []).map((u) => ({ value: u.id, label: `${u.buildingName} · ${u.floorName} · ${u.code} (${formatArea(u.area)})${u.status === 'reserved' ? ` · ${t('unitStatus.reserved', { defaultValue: 'reserved' })}` : ''}` }))}
        />
      </Form.Item>
      <Form.Item name="period" label={t('enterprises.period')} rules={[required(t('enterprises.period'))]}>
        <DatePicker.RangePicker style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="monthlyRentYuan" label={t('enterprises.monthlyRent')} rules={[required(t('enterprises.monthlyRent')), numberRule(t, t('enterprises.monthlyRent'), { min: 0 })]}>
        <InputNumber precision={2} style={{ width: '100%' }} addonAfter="¥" data-testid="lease-rent" />
      </Form.Item>
    </FormModal>
  );
}
