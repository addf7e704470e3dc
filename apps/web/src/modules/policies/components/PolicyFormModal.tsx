import { DatePicker, Form, Input, InputNumber, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import { useFlows } from '../../approvals/hooks/useApprovals';
import { localName } from '../../approvals/utils/names';
import { useParks } from '../../parks/hooks/useParks';
import type { AmountKind, Policy, PolicyInput } from '../api/policies.api';
import { useCreatePolicy, useUpdatePolicy } from '../hooks/usePolicies';

const INDUSTRIES = ['software', 'ai', 'games', 'finance', 'ecommerce', 'iot', 'biotech', 'services', 'other'];
const SIZES = ['micro', 'small', 'medium', 'large'];

interface Values {
  parkId: string;
  title: string;
  issuer: string;
  documentNo?: string;
  summary?: string;
  description?: string;
  deadline: dayjs.Dayjs;
  industries?: string[];
  sizes?: string[];
  minAgeYears?: number | null;
  maxAgeYears?: number | null;
  amountKind: AmountKind;
  amountYuan?: number | null;
  materialsText?: string;
  flowKey: string;
}

/** Create or edit a policy of the library (operators). */
export function PolicyFormModal({ open, policy, onClose }: { open: boolean; policy: Policy | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const parks = useParks();
  const parkId = Form.useWatch('parkId', form) ?? policy?.parkId;
  const flows = useFlows(parkId);
  const amountKind = Form.useWatch('amountKind', form);
  const create = useCreatePolicy();
  const update = useUpdatePolicy();

  const initialValues: Partial<Values> = policy
    ? {
        parkId: policy.parkId,
        title: policy.title,
        issuer: policy.issuer,
        documentNo: policy.documentNo ?? undefined,
        summary: policy.summary,
        description: policy.description,
        deadline: dayjs(policy.deadline),
        industries: policy.industries,
        sizes: policy.sizes,
        minAgeYears: policy.minAgeYears,
        maxAgeYears: policy.maxAgeYears,
        amountKind: policy.amountKind,
        amountYuan: policy.amountFen === null ? null : policy.amountFen / 100,
        materialsText: policy.materials.join('\n'),
        flowKey: policy.flowKey,
      }
    : { amountKind: 'none', parkId: parks.data?.length === 1 ? parks.data[0].id : undefined };

  const handleSubmit = (v: Values) => {
    const input: PolicyInput = {
      title: v.title,
      issuer: v.issuer,
      documentNo: v.documentNo?.trim() || null,
      summary: v.summary ?? '',
      description: v.description ?? '',
      deadline: v.deadline.toISOString(),
      industries: v.industries ?? [],
      sizes: v.sizes ?? [],
      minAgeYears: v.minAgeYears ?? null,
      maxAgeYears: v.maxAgeYears ?? null,
      amountKind: v.amountKind,
      amountFen: v.amountKind === 'none' || v.amountYuan === null || v.amountYuan === undefined ? null : Math.round(v.amountYuan * 100),
      materials: (v.materialsText ?? '')
        .split('\n')
        .map((s) => s.trim())
        .filter(Boolean),
      flowKey: v.flowKey,
    };
    return policy ? update.mutateAsync({ id: policy.id, input }) : create.mutateAsync({ ...input, parkId: v.parkId });
  };

  return (
    <FormModal<Values> open={open} title={policy ? t('policies.actions.edit') : t('policies.list.create')} onClose={onClose} onSubmit={handleSubmit} initialValues={initialValues} form={form} okText={t('policies.actions.save')} testId="policy-form" width={640}>
      {!policy && (
        <Form.Item name="parkId" label={t('policies.fields.park')} rules={[{ required: true }]}>
          <Select options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('policies.fields.title')} rules={[{ required: true, max: 120 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="issuer" label={t('policies.fields.issuer')} rules={[{ required: true, max: 120 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="documentNo" label={t('policies.fields.documentNo')} rules={[{ max: 80 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="summary" label={t('policies.fields.summary')} rules={[{ max: 500 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="description" label={t('policies.fields.description')}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="deadline" label={t('policies.fields.deadline')} rules={[{ required: true }]}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} inputReadOnly />
      </Form.Item>
      <Form.Item name="industries" label={t('policies.fields.industries')} tooltip={t('policies.fields.any')}>
        <Select mode="multiple" allowClear placeholder={t('policies.fields.any')} options={INDUSTRIES.map((v) => ({ value: v, label: t(`industries.${v}`) }))} />
      </Form.Item>
      <Form.Item name="sizes" label={t('policies.fields.sizes')}>
        <Select mode="multiple" allowClear placeholder={t('policies.fields.any')} options={SIZES.map((v) => ({ value: v, label: t(`sizes.${v}`) }))} />
      </Form.Item>
      <Form.Item name="minAgeYears" label={t('policies.fields.minAgeYears')}>
        <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} placeholder={t('policies.fields.any')} />
      </Form.Item>
      <Form.Item name="maxAgeYears" label={t('policies.fields.maxAgeYears')}>
        <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} placeholder={t('policies.fields.any')} />
      </Form.Item>
      <Form.Item name="amountKind" label={t('policies.fields.amountKind')} rules={[{ required: true }]}>
        <Select options={(['none', 'fixed', 'up_to'] as const).map((v) => ({ value: v, label: t(`policies.amountKindOptions.${v}`) }))} />
      </Form.Item>
      {amountKind && amountKind !== 'none' && (
        <Form.Item name="amountYuan" label={t('policies.fields.amount')} rules={[{ required: true }]}>
          <InputNumber min={0} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      )}
      <Form.Item name="materialsText" label={t('policies.fields.materials')} extra={t('policies.fields.materialsHelp')}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="flowKey" label={t('policies.fields.flowKey')} rules={[{ required: true }]}>
        <Select options={(flows.data?.items ?? []).filter((f) => f.status === 'active').map((f) => ({ value: f.key, label: `${localName(f, i18n.language)} (${f.key})` }))} />
      </Form.Item>
    </FormModal>
  );
}
