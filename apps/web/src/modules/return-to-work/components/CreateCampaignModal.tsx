import { useState } from 'react';
import { Col, Collapse, Form, Input, InputNumber, Radio, Row, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FormDefinition } from '@parkos/contracts';
import { FormModal } from '../../../ui/FormModal';
import { FormDesigner } from '../../forms/components/FormDesigner';
import { useParkTree } from '../../parks/hooks/useParks';
import type { Cadence, Target, Thresholds } from '../api/returnToWork.api';
import { useCreateCampaign } from '../hooks/useReturnToWork';

interface CampaignForm {
  parkId: string;
  name: string;
  cadence: Cadence;
  startDate: string;
  endDate: string;
  deadlineTime: string;
  target: Target;
  siteId?: string;
  buildingId?: string;
  thresholds: Thresholds;
}

/** The standard fields every campaign's form starts with (the server adds them; shown here for the operator). */
const STANDARD_KEYS = ['peopleReturned', 'peopleOnSite', 'peopleFromRiskAreas', 'healthChecksDone', 'preventionMeasures', 'contactName', 'contactPhone'] as const;

/** Defaults the server uses too (see returnwork.rules.ts); the operator may change them per campaign. */
const DEFAULT_THRESHOLDS: Thresholds = { previousChangePct: 30, previousChangePeople: 10, membersMarginPeople: 0, gateScanMinRatio: 0.5, gateScanGapPeople: 10, parkingMarginVehicles: 5 };

const localToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Opens a reporting campaign: period, deadline, which enterprises, extra form fields (form designer) and comparison thresholds. */
export function CreateCampaignModal({ open, parks, onClose, onCreated }: { open: boolean; parks: { id: string; name: string }[]; onClose: () => void; onCreated: (id: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CampaignForm>();
  const [extra, setExtra] = useState<FormDefinition>({ fields: [] });
  const create = useCreateCampaign();
  const parkId = Form.useWatch('parkId', form) ?? parks[0]?.id;
  const target = Form.useWatch('target', form) ?? 'park';
  const tree = useParkTree(parkId);
  const sites = tree.data?.sites ?? [];
  const buildings = sites.flatMap((s) => s.districts.flatMap((d) => d.buildings));
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  const today = localToday();

  const handleSubmit = async (v: CampaignForm) => {
    const c = await create.mutateAsync({
      parkId: v.parkId,
      name: v.name,
      cadence: v.cadence,
      startDate: v.startDate,
      endDate: v.endDate,
      deadlineTime: v.deadlineTime,
      target: v.target,
      siteId: v.target === 'site' ? v.siteId : null,
      buildingId: v.target === 'building' ? v.buildingId : null,
      extraForm: extra.fields.length ? extra : undefined,
      thresholds: v.thresholds,
    });
    setExtra({ fields: [] });
    onCreated(c.id);
  };

  return (
    <FormModal<CampaignForm>
      open={open}
      form={form}
      width={920}
      title={t('returnToWork.create.title')}
      onClose={onClose}
      onSubmit={handleSubmit}
      initialValues={{ parkId: parks[0]?.id, cadence: 'daily', startDate: today, endDate: addDays(today, 13), deadlineTime: '10:00', target: 'park', thresholds: DEFAULT_THRESHOLDS }}
      successMessage={t('common.created')}
      testId="rtw-create"
    >
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="name" label={t('returnToWork.create.name')} rules={required(t('returnToWork.create.name'))}>
            <Input maxLength={100} data-testid="rtw-name" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="parkId" label={t('returnToWork.create.park')} rules={required(t('returnToWork.create.park'))}>
            <Select options={parks.map((p) => ({ value: p.id, label: p.name }))} data-testid="rtw-park" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="cadence" label={t('returnToWork.create.cadence')}>
            <Radio.Group optionType="button" options={(['daily', 'weekly'] as const).map((c) => ({ value: c, label: t(`returnToWork.cadence.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="startDate" label={t('returnToWork.create.startDate')} rules={required(t('returnToWork.create.startDate'))}>
            <Input type="date" data-testid="rtw-start" />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name="endDate" label={t('returnToWork.create.endDate')} rules={required(t('returnToWork.create.endDate'))}>
            <Input type="date" data-testid="rtw-end" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="deadlineTime" label={t('returnToWork.create.deadline')} extra={t('returnToWork.create.deadlineHint')} rules={required(t('returnToWork.create.deadline'))}>
            <Input type="time" data-testid="rtw-deadline" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name="target" label={t('returnToWork.create.target')}>
            <Select options={(['park', 'site', 'building'] as const).map((x) => ({ value: x, label: t(`returnToWork.target.${x}`) }))} data-testid="rtw-target" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          {target === 'site' && (
            <Form.Item name="siteId" label={t('returnToWork.target.site')} rules={required(t('returnToWork.target.site'))}>
              <Select options={sites.map((s) => ({ value: s.id, label: s.name }))} />
            </Form.Item>
          )}
          {target === 'building' && (
            <Form.Item name="buildingId" label={t('returnToWork.target.building')} rules={required(t('returnToWork.target.building'))}>
              <Select options={buildings.map((b) => ({ value: b.id, label: b.name }))} />
            </Form.Item>
          )}
        </Col>
      </Row>
      <Typography.Title level={5}>{t('returnToWork.create.form')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('returnToWork.create.formHint')}</Typography.Paragraph>
      <div style={{ marginBottom: 12 }}>
        {STANDARD_KEYS.map((k) => (
          <Tag key={k} style={{ marginBottom: 4 }}>
            {t(`returnToWork.fields.${k}`)}
          </Tag>
        ))}
      </div>
      <FormDesigner value={extra} onChange={setExtra} />
      <Collapse
        style={{ marginTop: 12 }}
        size="small"
        items={[
          {
            key: 'thresholds',
            label: t('returnToWork.thresholds.title'),
            children: (
              <Row gutter={12}>
                {(Object.keys(DEFAULT_THRESHOLDS) as (keyof Thresholds)[]).map((k) => (
                  <Col xs={24} md={8} key={k}>
                    <Form.Item name={['thresholds', k]} label={t(`returnToWork.thresholds.${k}`)}>
                      <InputNumber min={0} max={k === 'gateScanMinRatio' ? 1 : undefined} step={k === 'gateScanMinRatio' ? 0.1 : 1} style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                ))}
              </Row>
            ),
          },
        ]}
      />
    </FormModal>
  );
}
