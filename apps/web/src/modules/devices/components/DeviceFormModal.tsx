import { Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import { LocationFields } from '../../parks/components/LocationFields';
import { useParks } from '../../parks/hooks/useParks';
import { DEVICE_TYPES, type Device, type DeviceInput } from '../api/devices.api';
import { useDeviceMutations } from '../hooks/useDevice';
import { DEVICE_CODE_RE } from '../utils/device-code';

interface DeviceFormModalProps {
  open: boolean;
  onClose: () => void;
  /** Editing this device; creating when absent. */
  device?: Device;
  onCreated?: (device: Device) => void;
}

type FormValues = DeviceInput;

const orNull = <T,>(v: T | undefined | null): T | null => (v === undefined || v === null ? null : v);

/** Create or edit a device: code, type, place in the park (building, floor, x/y, lat/lon) and tags. */
export function DeviceFormModal({ open, onClose, device, onCreated }: DeviceFormModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const parks = useParks();
  const m = useDeviceMutations();
  const defaultParkId = device?.parkId ?? (parks.data?.length === 1 ? parks.data[0].id : undefined);
  const parkId = Form.useWatch('parkId', form) ?? defaultParkId;
  const isEditing = !!device;

  const handleSubmit = async (v: FormValues) => {
    const place = { buildingId: orNull(v.buildingId), floorId: orNull(v.floorId), x: orNull(v.x), y: orNull(v.y), lat: orNull(v.lat), lon: orNull(v.lon) };
    const tags = (v.tags ?? []).map((s) => s.trim()).filter(Boolean);
    if (device) return m.update.mutateAsync({ id: device.id, input: { name: v.name.trim(), type: v.type, ...place, tags } });
    const created = await m.create.mutateAsync({ code: v.code.trim(), name: v.name.trim(), type: v.type, parkId: v.parkId ?? defaultParkId, ...place, tags });
    onCreated?.(created);
    return created;
  };

  return (
    <FormModal<FormValues>
      open={open}
      form={form}
      title={isEditing ? t('devices.edit') : t('devices.new')}
      onClose={onClose}
      onSubmit={handleSubmit}
      successMessage={isEditing ? t('common.saved') : t('devices.created')}
      testId="device-form"
      width={640}
      initialValues={
        device
          ? { ...device, buildingId: device.buildingId ?? undefined, floorId: device.floorId ?? undefined }
          : { parkId: defaultParkId, type: 'environment_sensor', tags: [] }
      }
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="code" label={t('devices.code')} extra={isEditing ? undefined : t('devices.codeHint')} rules={[{ required: true, pattern: DEVICE_CODE_RE, message: t('devices.codeInvalid') }]}>
            <Input disabled={isEditing} autoComplete="off" data-testid="device-form-code" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="name" label={t('devices.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
            <Input data-testid="device-form-name" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="type" label={t('devices.type')} rules={[{ required: true }]}>
            <Select options={DEVICE_TYPES.map((d) => ({ value: d, label: t(`deviceTypes.${d}`) }))} data-testid="device-form-type" />
          </Form.Item>
        </Col>
        <LocationFields parkId={parkId} isParkLocked={isEditing} labelPrefix="devices" testId="device-form" />
        <Col xs={12} sm={6}>
          <Form.Item name="x" label={t('devices.x')}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="y" label={t('devices.y')}>
            <InputNumber style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="lat" label={t('devices.lat')}>
            <InputNumber min={-90} max={90} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={6}>
          <Form.Item name="lon" label={t('devices.lon')}>
            <InputNumber min={-180} max={180} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="tags" label={t('devices.tags')} extra={t('devices.tagsHint')}>
            <Select mode="tags" tokenSeparators={[',', ';']} open={false} suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
