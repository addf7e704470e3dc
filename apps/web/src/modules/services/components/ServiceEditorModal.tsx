import { Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { SERVICE_APPLICANTS, SERVICE_HANDLER_TYPES, SERVICE_KIND_LINKS, SERVICE_KINDS, SERVICE_STATUSES, SERVICE_SYSTEMS, type FormDefinition, type ServiceApplicants, type ServiceHandlerType, type ServiceKind, type ServiceStatus, type ServiceSystem } from '@parkos/contracts';
import { FormModal } from '../../../ui/FormModal';
import { useFlows } from '../../approvals/hooks/useApprovals';
import { localName } from '../../approvals/utils/names';
import { FormDesigner } from '../../forms/components/FormDesigner';
import { useParks } from '../../parks/hooks/useParks';
import { findPropertyCompanies } from '../../property/api/property.api';
import type { ServiceInput, ServiceOffering } from '../api/services.api';
import { useCreateService, useHandlerCandidates, useUpdateService } from '../hooks/useServices';

interface Values {
  parkId: string;
  system: ServiceSystem;
  kind: ServiceKind;
  nameZh: string;
  nameEn: string;
  descriptionZh?: string;
  descriptionEn?: string;
  handlerType: ServiceHandlerType;
  handlerName?: string;
  propertyCompanyId?: string | null;
  handlerUserIds?: string[];
  applicants: ServiceApplicants;
  form: FormDefinition;
  flowKey?: string | null;
  slaHours: number;
  feeYuan?: number | null;
  status: ServiceStatus;
}

/** The form designer as a form control (the enclosing Form.Item hands it value and onChange). */
function DesignerInput({ value, onChange }: { value?: FormDefinition; onChange?: (next: FormDefinition) => void }) {
  return <FormDesigner value={value ?? { fields: [] }} onChange={(next) => onChange?.(next)} />;
}

/** Creates or edits a service: its system, names, handler, who may apply, the form (built in the designer), the flow, SLA and fee. */
export function ServiceEditorModal({ service, onClose }: { service: ServiceOffering | null | undefined; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const parks = useParks();
  const parkId = Form.useWatch('parkId', form) ?? service?.parkId ?? parks.data?.[0]?.id;
  const kind = Form.useWatch('kind', form) ?? service?.kind ?? 'request';
  const handlerType = Form.useWatch('handlerType', form) ?? service?.handlerType ?? 'department';
  const flows = useFlows(parkId);
  const candidates = useHandlerCandidates(parkId);
  const companies = useQuery({ queryKey: ['property-companies'], queryFn: findPropertyCompanies, enabled: handlerType === 'property_company' });
  const create = useCreateService();
  const update = useUpdateService();
  const open = service !== undefined;

  const initialValues: Partial<Values> = service
    ? { ...service, handlerUserIds: service.handlers.map((h) => h.id), feeYuan: service.feeFen === null ? null : service.feeFen / 100 }
    : { parkId: parks.data?.[0]?.id, system: 'policy', kind: 'request', handlerType: 'department', applicants: 'admins', slaHours: 72, status: 'published', form: { fields: [] }, handlerUserIds: [] };

  async function handleSubmit(v: Values) {
    const input: Omit<ServiceInput, 'parkId'> = {
      system: v.system,
      kind: v.kind,
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      descriptionZh: v.descriptionZh ?? '',
      descriptionEn: v.descriptionEn ?? '',
      handlerType: v.handlerType,
      handlerName: v.handlerName ?? '',
      propertyCompanyId: v.handlerType === 'property_company' ? (v.propertyCompanyId ?? null) : null,
      handlerUserIds: v.handlerUserIds ?? [],
      applicants: v.applicants,
      form: v.form,
      flowKey: v.kind === 'request' ? (v.flowKey ?? null) : null,
      slaHours: v.slaHours,
      feeFen: v.feeYuan === null || v.feeYuan === undefined ? null : Math.round(v.feeYuan * 100),
      status: v.status,
    };
    if (service) await update.mutateAsync({ id: service.id, input });
    else await create.mutateAsync({ ...input, parkId: v.parkId ?? parkId });
  }

  const options = <T extends string>(values: readonly T[], prefix: string) => values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  return (
    <FormModal<Values>
      open={open}
      form={form}
      width={960}
      title={service ? t('services.admin.edit') : t('services.admin.create')}
      onClose={onClose}
      onSubmit={handleSubmit}
      initialValues={initialValues}
      successMessage={t('services.admin.saved')}
      testId="service-editor"
    >
      <Row gutter={12}>
        {!service && (parks.data?.length ?? 0) > 1 && (
          <Col xs={24} md={8}>
            <Form.Item name="parkId" label={t('services.admin.park')} rules={[{ required: true }]}>
              <Select options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </Col>
        )}
        {!service && (parks.data?.length ?? 0) <= 1 && (
          <Form.Item name="parkId" hidden>
            <Input />
          </Form.Item>
        )}
        <Col xs={24} md={8}>
          <Form.Item name="system" label={t('services.admin.system')} rules={[{ required: true }]}>
            <Select data-testid="service-system" options={options(SERVICE_SYSTEMS, 'services.systems')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="kind" label={t('services.admin.kind')} rules={[{ required: true }]}>
            <Select options={options(SERVICE_KINDS, 'services.kinds')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="status" label={t('services.admin.status')} rules={[{ required: true }]}>
            <Select data-testid="service-status" options={options(SERVICE_STATUSES, 'services.statuses')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameZh" label={t('services.admin.nameZh')} rules={[{ required: true, max: 80 }]}>
            <Input data-testid="service-name-zh" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameEn" label={t('services.admin.nameEn')} rules={[{ required: true, max: 120 }]}>
            <Input data-testid="service-name-en" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="descriptionZh" label={t('services.admin.descriptionZh')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="descriptionEn" label={t('services.admin.descriptionEn')}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="handlerType" label={t('services.admin.handlerType')} rules={[{ required: true }]}>
            <Select options={options(SERVICE_HANDLER_TYPES, 'services.handlerTypes')} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          {handlerType === 'property_company' ? (
            <Form.Item name="propertyCompanyId" label={t('services.admin.propertyCompany')} rules={[{ required: true }]}>
              <Select loading={companies.isPending} options={(companies.data ?? []).map((c) => ({ value: c.id, label: c.name }))} />
            </Form.Item>
          ) : (
            <Form.Item name="handlerName" label={t('services.admin.handlerName')} rules={[{ required: true, max: 80 }]}>
              <Input data-testid="service-handler-name" />
            </Form.Item>
          )}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="handlerUserIds" label={t('services.admin.handlers')}>
            <Select
              mode="multiple"
              data-testid="service-handlers"
              optionFilterProp="label"
              loading={candidates.isPending}
              options={(candidates.data ?? []).map((c) => ({ value: c.id, label: `${c.displayName} (${c.username})` }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item name="applicants" label={t('services.admin.applicants')} rules={[{ required: true }]}>
            <Select options={options(SERVICE_APPLICANTS, 'services.applicants')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          {kind === 'request' ? (
            <Form.Item name="flowKey" label={t('services.admin.flow')} extra={t('services.admin.flowHint')}>
              <Select
                data-testid="service-flow"
                allowClear
                loading={flows.isPending}
                options={(flows.data?.items ?? []).filter((f) => f.status === 'active').map((f) => ({ value: f.key, label: `${localName(f, i18n.language)} (${f.key})` }))}
              />
            </Form.Item>
          ) : (
            <Typography.Paragraph type="secondary" style={{ marginTop: 30 }}>
              {t('services.admin.linkHint', { link: SERVICE_KIND_LINKS[kind] })}
            </Typography.Paragraph>
          )}
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="slaHours" label={t('services.admin.slaHours')} rules={[{ required: true }]}>
            <InputNumber min={1} max={8760} precision={0} style={{ width: '100%' }} data-testid="service-sla" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="feeYuan" label={t('services.admin.feeYuan')}>
            <InputNumber min={0} precision={2} style={{ width: '100%' }} data-testid="service-fee" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="form" hidden={kind !== 'request'} label={service ? `${t('services.admin.form')} · ${t('services.admin.formVersion', { version: service.formVersion })}` : t('services.admin.form')}>
        <DesignerInput />
      </Form.Item>
    </FormModal>
  );
}
