import { useState } from 'react';
import { Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import { useDevices } from '../../devices/hooks/useDevices';
import { useBuilding, useBuildings } from '../../parks/hooks/useBuilding';
import { SHELF_SCOPES, type ShelfScope } from '../api/shelves.api';
import { useShelfMutations } from '../hooks/useShelves';

interface FormValues {
  scope: ShelfScope;
  deviceId?: string;
  buildingId?: string;
  floorId?: string;
  reason: string;
  window: [Dayjs, Dayjs];
}

/** Shelve a device, a floor or a building for a maintenance window, with a reason. */
export function ShelfFormModal({ open, onClose, deviceId }: { open: boolean; onClose: () => void; deviceId?: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const m = useShelfMutations();
  const scope: ShelfScope = Form.useWatch('scope', form) ?? (deviceId ? 'device' : 'floor');
  const buildingId = Form.useWatch('buildingId', form);
  const [q, setQ] = useState('');
  const devices = useDevices({ page: 1, pageSize: 20, q: q || undefined });
  const buildings = useBuildings();
  const building = useBuilding(buildingId);

  const handleSubmit = (v: FormValues) =>
    m.create.mutateAsync({
      scope: v.scope,
      deviceId: v.scope === 'device' ? v.deviceId : undefined,
      buildingId: v.scope === 'building' ? v.buildingId : undefined,
      floorId: v.scope === 'floor' ? v.floorId : undefined,
      reason: v.reason.trim(),
      from: v.window[0].toISOString(),
      until: v.window[1].toISOString(),
    });

  return (
    <FormModal<FormValues>
      open={open}
      form={form}
      title={t('rules.shelves.new')}
      onClose={onClose}
      onSubmit={handleSubmit}
      successMessage={t('rules.shelves.created')}
      testId="shelf-form"
      width={600}
      initialValues={{ scope: deviceId ? 'device' : 'floor', deviceId, window: [dayjs(), dayjs().add(2, 'hour')] }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name="scope" label={t('rules.shelves.scope')} rules={[{ required: true }]}>
            <Select options={SHELF_SCOPES.map((s) => ({ value: s, label: t(`rules.shelves.scopes.${s}`) }))} data-testid="shelf-form-scope" />
          </Form.Item>
        </Col>
        {scope === 'device' ? (
          <Col xs={24} sm={16}>
            <Form.Item name="deviceId" label={t('rules.shelves.device')} rules={[{ required: true }]}>
              <Select
                showSearch={{ filterOption: false, onSearch: setQ }}
                loading={devices.isFetching}
                options={(devices.data?.items ?? []).map((d) => ({ value: d.id, label: `${d.code} · ${d.name}` }))}
                data-testid="shelf-form-device"
              />
            </Form.Item>
          </Col>
        ) : (
          <>
            <Col xs={24} sm={8}>
              <Form.Item name="buildingId" label={t('rules.building')} rules={[{ required: true }]}>
                <Select showSearch={{ optionFilterProp: 'label' }} options={(buildings.data ?? []).map((b) => ({ value: b.id, label: b.name }))} onChange={() => form.setFieldsValue({ floorId: undefined })} data-testid="shelf-form-building" />
              </Form.Item>
            </Col>
            {scope === 'floor' && (
              <Col xs={24} sm={8}>
                <Form.Item name="floorId" label={t('rules.floor')} rules={[{ required: true }]}>
                  <Select disabled={!buildingId} options={(building.data?.floors ?? []).map((f) => ({ value: f.id, label: f.name }))} data-testid="shelf-form-floor" />
                </Form.Item>
              </Col>
            )}
          </>
        )}
        <Col xs={24}>
          <Form.Item name="window" label={t('rules.shelves.window')} rules={[{ required: true }]}>
            <DatePicker.RangePicker showTime style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="reason" label={t('rules.shelves.reason')} rules={[{ required: true, whitespace: true, max: 500 }]}>
            <Input data-testid="shelf-form-reason" />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
