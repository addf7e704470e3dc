import { Col, DatePicker, Form, Input, InputNumber, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ENTERPRISE_SIZES, INDUSTRIES, type EnterpriseSize, type Industry } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../../ui/FormModal';
import { useParks, useSites } from '../../parks/hooks/useParks';
import type { Enterprise, EnterpriseInput } from '../api/enterprises.api';
import { useCreateEnterprise, useEnterpriseMutations } from '../hooks/useEnterprise';
import { usccRule } from '../utils/uscc-rule';
import { numberRule } from '../../../ui/number-rule';

interface EnterpriseValues {
  parkId: string;
  siteId?: string | null;
  legalName: string;
  creditCode: string;
  industry: Industry;
  size: EnterpriseSize;
  employeeCount?: number | null;
  businessScope?: string;
  contactName?: string;
  contactPhone?: string;
  contactEmail?: string;
  movedInAt?: Dayjs | null;
}

interface EnterpriseFormModalProps {
  open: boolean;
  onClose: () => void;
  /** Edit this enterprise; without it the modal creates one. */
  enterprise?: Enterprise;
}

const emptyToNull = (v: string | undefined | null) => (v && v.trim() ? v.trim() : null);

function toInput(v: EnterpriseValues): EnterpriseInput {
  return {
    parkId: v.parkId,
    siteId: v.siteId ?? null,
    legalName: v.legalName.trim(),
    creditCode: v.creditCode.trim().toUpperCase(),
    industry: v.industry,
    size: v.size,
    employeeCount: v.employeeCount ?? null,
    businessScope: emptyToNull(v.businessScope),
    contactName: emptyToNull(v.contactName),
    contactPhone: emptyToNull(v.contactPhone),
    contactEmail: emptyToNull(v.contactEmail),
    movedInAt: v.movedInAt ? v.movedInAt.format('YYYY-MM-DD') : null,
  };
}

/** The new-enterprise and edit-profile form; checks the credit code before sending. */
export function EnterpriseFormModal({ open, onClose, enterprise }: EnterpriseFormModalProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<EnterpriseValues>();
  const parks = useParks();
  const parkId = Form.useWatch('parkId', form) ?? enterprise?.parkId ?? parks.data?.[0]?.id;
  const sites = useSites(parkId);
  const create = useCreateEnterprise();
  const mutations = useEnterpriseMutations(enterprise?.id ?? '');
  const isEdit = !!enterprise;

  const initialValues: Partial<EnterpriseValues> = enterprise
    ? {
        parkId: enterprise.parkId,
        siteId: enterprise.siteId,
        legalName: enterprise.legalName,
        creditCode: enterprise.creditCode,
        industry: enterprise.industry,
        size: enterprise.size,
        employeeCount: enterprise.employeeCount,
        businessScope: enterprise.businessScope ?? undefined,
        contactName: enterprise.contactName ?? undefined,
        contactPhone: enterprise.contactPhone ?? undefined,
        contactEmail: enterprise.contactEmail ?? undefined,
        movedInAt: enterprise.movedInAt ? dayjs(enterprise.movedInAt) : null,
      }
    : { parkId: parks.data?.[0]?.id, size: 'small', industry: 'software' };

  const handleSubmit = async (values: EnterpriseValues) => {
    const input = toInput(values);
    if (!enterprise) {
      const created = await create.mutateAsync(input);
      void navigate(`/enterprises/${created.id}`);
      return;
    }
    // Send only what changed: the phone comes back masked and must not be written back.
    const { parkId: _parkId, ...rest } = input;
    const before = toInput({ ...(initialValues as EnterpriseValues) });
    const patch: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rest)) {
      if (value !== before[key as keyof EnterpriseInput]) patch[key] = value;
    }
    if (Object.keys(patch).length > 0) await mutations.update.mutateAsync(patch);
  };

  const required = (field: string) => ({ required: true, message: t('common.required', { field }) });

  return (
    <FormModal<EnterpriseValues>
      open={open}
      form={form}
      width={720}
      title={isEdit ? t('enterprises.editProfile') : t('enterprises.new')}
      onClose={onClose}
      onSubmit={handleSubmit}
      initialValues={initialValues}
      successMessage={isEdit ? t('common.saved') : t('enterprises.created')}
      testId="enterprise-form"
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="legalName" label={t('enterprises.legalName')} rules={[required(t('enterprises.legalName')), { max: 200 }]}>
            <Input data-testid="enterprise-legalName" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="creditCode"
            label={t('enterprises.creditCode')}
            rules={[required(t('enterprises.creditCode')), usccRule(t)]}
            normalize={(v: string) => v.toUpperCase()}
            validateDebounce={300}
          >
            <Input maxLength={18} showCount data-testid="enterprise-creditCode" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        {!isEdit && (parks.data?.length ?? 0) > 1 && (
          <Col xs={24} md={12}>
            <Form.Item name="parkId" label={t('enterprises.park')} rules={[required(t('enterprises.park'))]}>
              <Select options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </Col>
        )}
        {!isEdit && (parks.data?.length ?? 0) <= 1 && (
          <Form.Item name="parkId" hidden rules={[required(t('enterprises.park'))]}>
            <Input />
          </Form.Item>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="siteId" label={t('enterprises.site')}>
            <Select allowClear loading={sites.isPending} options={(sites.data ?? []).map((s) => ({ value: s.id, label: s.name }))} data-testid="enterprise-site" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="industry" label={t('enterprises.industry')} rules={[required(t('enterprises.industry'))]}>
            <Select options={INDUSTRIES.map((i) => ({ value: i, label: t(`industries.${i}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="size" label={t('enterprises.size')} rules={[required(t('enterprises.size'))]}>
            <Select options={ENTERPRISE_SIZES.map((s) => ({ value: s, label: t(`sizes.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={12}>
          <Form.Item name="employeeCount" label={t('enterprises.employeeCount')} rules={[numberRule(t, t('enterprises.employeeCount'), { min: 0, max: 1_000_000 })]}>
            <InputNumber style={{ width: '100%' }} precision={0} data-testid="enterprise-employee-count" />
          </Form.Item>
        </Col>
        <Col xs={12} md={12}>
          <Form.Item name="movedInAt" label={t('enterprises.movedInAt')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactName" label={t('enterprises.contactName')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactPhone" label={t('enterprises.contactPhone')}>
            <Input data-testid="enterprise-contactPhone" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="contactEmail" label={t('enterprises.contactEmail')} rules={[{ type: 'email', message: t('enterprises.emailInvalid') }]}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="businessScope" label={t('enterprises.businessScope')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
