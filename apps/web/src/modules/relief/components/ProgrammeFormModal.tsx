import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import { useFlows } from '../../approvals/hooks/useApprovals';
import { localName } from '../../approvals/utils/names';
import { useParks } from '../../parks/hooks/useParks';
import type { Programme, ReliefKind } from '../api/relief.api';
import { useCreateProgramme, useUpdateProgramme } from '../hooks/useRelief';

const SIZES = ['micro', 'small', 'medium', 'large'];
const INDUSTRIES = ['software', 'ai', 'games', 'finance', 'ecommerce', 'iot', 'biotech', 'services', 'other'];
const KINDS: ReliefKind[] = ['months_free', 'percent', 'per_m2'];

interface Values {
  parkId: string;
  name: string;
  description?: string;
  fromPeriod: string;
  toPeriod: string;
  leaseActiveOn: string;
  sizes?: string[];
  industries?: string[];
  arrearsLimitYuan?: number | null;
  maxAreaM2?: number | null;
  reliefKind: ReliefKind;
  reliefValue: number;
  capYuan?: number | null;
  budgetYuan: number;
  flowKey: string;
}

const fen = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? null : Math.round(yuan * 100));
const yuan = (f: number | null) => (f === null ? null : f / 100);

/** The form's values of an existing (draft) programme. */
function valuesOf(p: Programme): Values {
  return {
    parkId: p.parkId,
    name: p.name,
    description: p.description ?? undefined,
    fromPeriod: p.fromPeriod,
    toPeriod: p.toPeriod,
    leaseActiveOn: p.leaseActiveOn,
    sizes: p.sizes,
    industries: p.industries,
    arrearsLimitYuan: yuan(p.arrearsLimitFen),
    maxAreaM2: p.maxAreaM2,
    reliefKind: p.reliefKind,
    reliefValue: p.reliefValue,
    capYuan: yuan(p.capPerEnterpriseFen),
    budgetYuan: p.budgetFen / 100,
    flowKey: p.flowKey,
  };
}

/**
 * A new relief programme, or the rules of a draft one (`programme` given; its park stays): period, eligibility,
 * relief, cap, budget and the approval flow (amounts entered in yuan).
 */
export function ProgrammeFormModal({ open, onClose, programme }: { open: boolean; onClose: () => void; programme?: Programme }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const parks = useParks();
  const parkId = Form.useWatch('parkId', form);
  const kind = Form.useWatch('reliefKind', form) ?? 'percent';
  const flows = useFlows(parkId);
  const create = useCreateProgramme();
  const update = useUpdateProgramme();
  const month = { pattern: /^\d{4}-(0[1-9]|1[0-2])$/, message: 'YYYY-MM' };
  const day = { pattern: /^\d{4}-\d{2}-\d{2}$/, message: 'YYYY-MM-DD' };
  return (
    <FormModal<Values>
      open={open}
      form={form}
      title={programme ? t('relief.programmes.editTitle') : t('relief.programmes.new')}
      onClose={onClose}
      width={720}
      testId="relief-programme-form"
      successMessage={programme ? t('common.saved') : t('relief.programmes.created')}
      initialValues={programme ? valuesOf(programme) : { reliefKind: 'percent', reliefValue: 50, flowKey: 'rent_relief.review', parkId: parks.data?.length === 1 ? parks.data[0].id : undefined }}
      onSubmit={async (v) => {
        const input = {
          name: v.name,
          description: v.description || null,
          fromPeriod: v.fromPeriod,
          toPeriod: v.toPeriod,
          leaseActiveOn: v.leaseActiveOn,
          sizes: v.sizes ?? [],
          industries: v.industries ?? [],
          arrearsLimitFen: fen(v.arrearsLimitYuan),
          maxAreaM2: v.maxAreaM2 ?? null,
          reliefKind: v.reliefKind,
          reliefValue: v.reliefValue,
          capPerEnterpriseFen: fen(v.capYuan),
          budgetFen: fen(v.budgetYuan) ?? 0,
          flowKey: v.flowKey,
        };
        if (programme) await update.mutateAsync({ id: programme.id, input });
        else await create.mutateAsync({ ...input, parkId: v.parkId });
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="parkId" label={t('relief.fields.park')} rules={[{ required: true }]}>
            <Select disabled={!!programme} options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} data-testid="relief-form-park" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('relief.fields.name')} rules={[{ required: true, max: 100 }]}>
            <Input data-testid="relief-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="description" label={t('relief.fields.description')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="fromPeriod" label={t('relief.fields.fromPeriod')} rules={[{ required: true }, month]}>
            <Input placeholder="2027-01" data-testid="relief-form-from" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="toPeriod" label={t('relief.fields.toPeriod')} rules={[{ required: true }, month]}>
            <Input placeholder="2027-03" data-testid="relief-form-to" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="leaseActiveOn" label={t('relief.fields.leaseActiveOn')} rules={[{ required: true }, day]}>
            <Input placeholder="2026-12-01" data-testid="relief-form-lease-date" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="sizes" label={t('relief.fields.sizes')}>
            <Select mode="multiple" allowClear placeholder={t('relief.fields.anySize')} options={SIZES.map((s) => ({ value: s, label: t(`sizes.${s}`) }))} data-testid="relief-form-sizes" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="industries" label={t('relief.fields.industries')}>
            <Select mode="multiple" allowClear placeholder={t('relief.fields.anyIndustry')} options={INDUSTRIES.map((s) => ({ value: s, label: t(`industries.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="arrearsLimitYuan" label={t('relief.fields.arrearsLimit')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} placeholder={t('relief.fields.noLimit')} data-testid="relief-form-arrears" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="maxAreaM2" label={t('relief.fields.maxArea')}>
            <InputNumber min={0} style={{ width: '100%' }} placeholder={t('relief.fields.noLimit')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="reliefKind" label={t('relief.fields.reliefKind')} rules={[{ required: true }]}>
            <Select options={KINDS.map((k) => ({ value: k, label: t(`relief.kinds.${k}`) }))} data-testid="relief-form-kind" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="reliefValue" label={t('relief.fields.reliefValue')} extra={t(`relief.fields.reliefValueHint.${kind}`)} rules={[{ required: true }]}>
            <InputNumber min={1} max={kind === 'percent' ? 100 : 100_000} precision={0} style={{ width: '100%' }} data-testid="relief-form-value" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="capYuan" label={t('relief.fields.cap')}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} placeholder={t('relief.fields.noLimit')} data-testid="relief-form-cap" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="budgetYuan" label={t('relief.fields.budget')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} style={{ width: '100%' }} data-testid="relief-form-budget" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="flowKey" label={t('relief.fields.flowKey')} rules={[{ required: true }]}>
            <Select options={(flows.data?.items ?? []).map((f) => ({ value: f.key, label: `${localName(f, i18n.language)} (${f.key})` }))} data-testid="relief-form-flow" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
