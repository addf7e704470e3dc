import { Alert, Form, Input, InputNumber, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatArea } from '../../../lib/format';
import { FormModal } from '../../../ui/FormModal';
import { numberRule } from '../../../ui/number-rule';
import { findLeasableUnits } from '../../enterprises/api/enterprises.api';
import type { Lead } from '../api/leads.api';
import { useLeadMutations } from '../hooks/useLeads';

interface MoveInValues {
  creditCode: string;
  unitIds: string[];
  monthlyRentYuan: number;
}

/** Moving a lead to 入驻: confirm its credit code, units and rent; the server links or registers the enterprise and drafts the leases. */
export function LeadMoveInModal({ lead, onClose }: { lead: Lead | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { moveIn } = useLeadMutations();
  const units = useQuery({ queryKey: ['units', 'leasable', lead?.parkId], queryFn: () => findLeasableUnits(lead!.parkId), enabled: !!lead });
  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });
  // Units the lead recorded stay choosable even if no longer free, so the operator sees them.
  const options = (units.data ?? []).map((u) => ({ value: u.id, label: `${u.buildingName} · ${u.floorName} · ${u.code} (${formatArea(u.area)})` }));
  return (
    <FormModal<MoveInValues>
      open={!!lead}
      title={t('homes.moveIn.title', { name: lead?.companyName ?? '' })}
      onClose={onClose}
      initialValues={{ creditCode: lead?.creditCode ?? undefined, unitIds: lead?.unitIds ?? [], monthlyRentYuan: lead?.monthlyRentFen != null ? lead.monthlyRentFen / 100 : undefined }}
      successMessage={t('homes.moveIn.done')}
      testId="lead-move-in"
      onSubmit={(v) =>
        moveIn.mutateAsync({
          id: lead!.id,
          creditCode: v.creditCode.trim().toUpperCase(),
          unitIds: v.unitIds,
          // Money is integer fen: the form takes yuan with two decimals.
          monthlyRentFen: Math.round(v.monthlyRentYuan * 100),
        })
      }
    >
      <Alert type="info" showIcon message={t('homes.moveIn.hint')} style={{ marginBottom: 16 }} />
      <Form.Item name="creditCode" label={t('homes.moveIn.creditCode')} rules={[required(t('homes.moveIn.creditCode'))]}>
        <Input maxLength={18} data-testid="lead-credit-code" />
      </Form.Item>
      <Form.Item name="unitIds" label={t('homes.moveIn.units')} rules={[required(t('homes.moveIn.units'))]}>
        <Select mode="multiple" showSearch optionFilterProp="label" loading={units.isPending} options={options} data-testid="lead-units" />
      </Form.Item>
      <Form.Item name="monthlyRentYuan" label={t('homes.moveIn.rent')} rules={[required(t('homes.moveIn.rent')), numberRule(t, t('homes.moveIn.rent'), { min: 0 })]}>
        <InputNumber precision={2} style={{ width: '100%' }} addonAfter="¥" data-testid="lead-rent" />
      </Form.Item>
    </FormModal>
  );
}
