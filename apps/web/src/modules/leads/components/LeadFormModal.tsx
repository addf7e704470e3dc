import { Form, Input, InputNumber, Select } from 'antd';
import { INDUSTRIES, type Industry } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import type { Park } from '../../parks/api/parks.api';
import { useLeadMutations } from '../hooks/useLeads';
import { numberRule } from '../../../ui/number-rule';

interface LeadValues {
  parkId: string;
  companyName: string;
  industry: Industry;
  contactName?: string;
  contactPhone?: string;
  expectedArea?: number | null;
  notes?: string;
}

/** Adds a lead at the first stage of the pipeline. */
export function LeadFormModal({ open, onClose, parks }: { open: boolean; onClose: () => void; parks: Park[] }) {
  const { t } = useTranslation();
  const { create } = useLeadMutations();
  return (
    <FormModal<LeadValues>
      open={open}
      title={t('leads.new')}
      onClose={onClose}
      initialValues={{ parkId: parks[0]?.id, industry: 'software' }}
      successMessage={t('common.created')}
      testId="lead-form"
      onSubmit={(v) =>
        create.mutateAsync({
          parkId: v.parkId,
          companyName: v.companyName.trim(),
          industry: v.industry,
          contactName: v.contactName?.trim() || null,
          contactPhone: v.contactPhone?.trim() || null,
          expectedArea: v.expectedArea ?? null,
          notes: v.notes?.trim() || null,
        })
      }
    >
      <Form.Item name="parkId" label={t('leads.park')} rules={[{ required: true }]} hidden={parks.length <= 1}>
        <Select options={parks.map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Form.Item name="companyName" label={t('leads.companyName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('leads.companyName') }) }, { max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="industry" label={t('leads.industry')} rules={[{ required: true }]}>
        <Select options={INDUSTRIES.map((i) => ({ value: i, label: t(`industries.${i}`) }))} />
      </Form.Item>
      <Form.Item name="contactName" label={t('leads.contactName')} rules={[{ max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('leads.contactPhone')}>
        <Input />
      </Form.Item>
      <Form.Item name="expectedArea" label={t('leads.expectedArea')} rules={[numberRule(t, t('leads.expectedArea'), { positive: true, max: 1_000_000 })]}>
        <InputNumber style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="notes" label={t('leads.notes')} rules={[{ max: 4000 }]}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </FormModal>
  );
}
