import { Checkbox, Col, Form, Input, InputNumber, Row, Select, Switch, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import { RESOURCE_CATEGORIES, type BookingResource, type ResourceInput } from '../api/bookings.api';
import { useCreateResource, useUpdateResource } from '../hooks/useBookings';

interface Values {
  parkId: string;
  category: BookingResource['category'];
  nameZh: string;
  nameEn: string;
  location: string;
  description?: string;
  capacity: number;
  opensAt: Dayjs;
  closesAt: Dayjs;
  openWeekdays: number[];
  slotMinutes: number;
  minMinutes: number;
  maxMinutes: number;
  feeYuan: number;
  requiresApproval: boolean;
  approvalFlowKey?: string;
  bookableBy: BookingResource['bookableBy'];
  status: BookingResource['status'];
}

const minuteOf = (d: Dayjs) => d.hour() * 60 + d.minute();
const timeOf = (m: number) => dayjs().startOf('day').add(m, 'minute');

/** Creates or edits a bookable resource (operators). */
export function ResourceFormModal({ resource, parks, open, onClose }: { resource: BookingResource | null; parks: { id: string; name: string }[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateResource();
  const update = useUpdateResource();
  const initial: Partial<Values> = resource
    ? { ...resource, description: resource.description, approvalFlowKey: resource.approvalFlowKey ?? undefined, opensAt: timeOf(resource.opensAtMinute), closesAt: timeOf(resource.closesAtMinute), feeYuan: resource.feeFenPerHour / 100 }
    : { parkId: parks[0]?.id, category: 'meeting_room', capacity: 10, opensAt: timeOf(480), closesAt: timeOf(1260), openWeekdays: [1, 2, 3, 4, 5], slotMinutes: 30, minMinutes: 30, maxMinutes: 240, feeYuan: 0, requiresApproval: false, approvalFlowKey: 'general.operator', bookableBy: 'members', status: 'active' };
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`bookings.weekdays.${d}`) }));
  return (
    <FormModal<Values>
      open={open}
      title={resource ? t('bookings.admin.edit') : t('bookings.admin.create')}
      onClose={onClose}
      initialValues={initial}
      testId="resource"
      width={720}
      successMessage={t('common.saved')}
      onSubmit={async (v) => {
        const closes = minuteOf(v.closesAt);
        const input: Omit<ResourceInput, 'parkId'> = {
          category: v.category,
          nameZh: v.nameZh,
          nameEn: v.nameEn,
          location: v.location,
          description: v.description ?? '',
          capacity: v.capacity,
          opensAtMinute: minuteOf(v.opensAt),
          // 00:00 as closing time means midnight at the end of the day.
          closesAtMinute: closes === 0 ? 1440 : closes,
          openWeekdays: v.openWeekdays,
          slotMinutes: v.slotMinutes,
          minMinutes: v.minMinutes,
          maxMinutes: v.maxMinutes,
          feeFenPerHour: Math.round(v.feeYuan * 100),
          requiresApproval: v.requiresApproval,
          approvalFlowKey: v.approvalFlowKey?.trim() ? v.approvalFlowKey.trim() : null,
          bookableBy: v.bookableBy,
          status: v.status,
        };
        if (resource) await update.mutateAsync({ id: resource.id, input });
        else await create.mutateAsync({ ...input, parkId: v.parkId });
      }}
    >
      <Row gutter={12}>
        {!resource && (
          <Col xs={24} md={12}>
            <Form.Item name="parkId" label={t('bookings.admin.park')} rules={[{ required: true }]}>
              <Select options={parks.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} md={12}>
          <Form.Item name="category" label={t('bookings.admin.category')} rules={[{ required: true }]}>
            <Select options={RESOURCE_CATEGORIES.map((c) => ({ value: c, label: t(`bookings.category.${c}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameZh" label={t('bookings.admin.nameZh')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={80} data-testid="resource-nameZh" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="nameEn" label={t('bookings.admin.nameEn')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={120} data-testid="resource-nameEn" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="location" label={t('bookings.admin.location')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={200} data-testid="resource-location" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="capacity" label={t('bookings.admin.capacity')} rules={[{ required: true }]}>
            <InputNumber min={1} max={100000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="feeYuan" label={t('bookings.admin.feeYuan')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1000000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="opensAt" label={t('bookings.admin.opensAt')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="closesAt" label={t('bookings.admin.closesAt')} rules={[{ required: true }]}>
            <TimePicker format="HH:mm" minuteStep={5} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="openWeekdays" label={t('bookings.admin.openWeekdays')} rules={[{ required: true }]}>
            <Checkbox.Group options={weekdays} />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item name="slotMinutes" label={t('bookings.admin.slotMinutes')} rules={[{ required: true }]}>
            <Select options={[15, 30, 60, 120].map((m) => ({ value: m, label: m }))} />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item name="minMinutes" label={t('bookings.admin.minMinutes')} rules={[{ required: true }]}>
            <InputNumber min={5} max={1440} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={8} md={4}>
          <Form.Item name="maxMinutes" label={t('bookings.admin.maxMinutes')} rules={[{ required: true }]}>
            <InputNumber min={5} max={1440} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="bookableBy" label={t('bookings.admin.bookableBy')} rules={[{ required: true }]}>
            <Select options={(['members', 'admins'] as const).map((b) => ({ value: b, label: t(`bookings.bookableBy.${b}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="status" label={t('bookings.admin.status')} rules={[{ required: true }]}>
            <Select options={(['active', 'inactive'] as const).map((s) => ({ value: s, label: t(`bookings.resourceStatus.${s}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="requiresApproval" label={t('bookings.admin.requiresApproval')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item name="approvalFlowKey" label={t('bookings.admin.approvalFlowKey')}>
            <Input maxLength={120} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="description" label={t('bookings.admin.description')}>
            <Input.TextArea maxLength={2000} rows={2} />
          </Form.Item>
        </Col>
      </Row>
    </FormModal>
  );
}
