import dayjs from 'dayjs';
import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import { useCreateEvent } from '../hooks/useEvents';
import { numberRule } from '../../../ui/number-rule';

interface Values {
  parkId: string;
  title: string;
  description?: string;
  location: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  registrationOpensAt: string;
  registrationClosesAt: string;
  requiresApproval?: boolean;
  reminderMinutes?: number;
}

const LOCAL = 'YYYY-MM-DDTHH:mm';
const iso = (v: string) => new Date(v).toISOString();

/** Operators publish an event for one of their parks. */
export function EventFormModal({ open, onClose, parks }: { open: boolean; onClose: () => void; parks: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const create = useCreateEvent();
  const f = (k: string) => t(`passesEvents.events.fields.${k}`);
  const start = dayjs().add(2, 'day').hour(14).minute(0);
  return (
    <FormModal<Values>
      open={open}
      title={t('passesEvents.events.create')}
      onClose={onClose}
      testId="event-form"
      successMessage={t('common.created')}
      initialValues={{
        parkId: parks[0]?.id,
        capacity: 50,
        reminderMinutes: 60,
        startsAt: start.format(LOCAL),
        endsAt: start.add(2, 'hour').format(LOCAL),
        registrationOpensAt: dayjs().format(LOCAL),
        registrationClosesAt: start.subtract(1, 'hour').format(LOCAL),
      }}
      onSubmit={(v) =>
        create.mutateAsync({
          ...v,
          startsAt: iso(v.startsAt),
          endsAt: iso(v.endsAt),
          registrationOpensAt: iso(v.registrationOpensAt),
          registrationClosesAt: iso(v.registrationClosesAt),
        })
      }
    >
      <Form.Item name="parkId" label={t('passesEvents.pass.visitorPark')} rules={[{ required: true }]} hidden={parks.length <= 1}>
        <Select options={parks.map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Form.Item name="title" label={f('title')} rules={[{ required: true }]}>
        <Input maxLength={120} data-testid="event-title" />
      </Form.Item>
      <Form.Item name="location" label={f('location')} rules={[{ required: true }]}>
        <Input maxLength={200} data-testid="event-location" />
      </Form.Item>
      <Form.Item name="description" label={f('description')}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
      <Form.Item name="startsAt" label={`${f('time')} ⟶`} rules={[{ required: true }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="endsAt" label={`⟶ ${f('time')}`} rules={[{ required: true }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="registrationOpensAt" label={`${f('registration')} ⟶`} rules={[{ required: true }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="registrationClosesAt" label={`⟶ ${f('registration')}`} rules={[{ required: true }]}>
        <Input type="datetime-local" />
      </Form.Item>
      <Form.Item name="capacity" label={f('capacity')} rules={[{ required: true }, numberRule(t, f('capacity'), { min: 1, max: 100_000 })]}>
        <InputNumber precision={0} style={{ width: '100%' }} data-testid="event-capacity" />
      </Form.Item>
      <Form.Item name="reminderMinutes" label={f('reminderMinutes')} rules={[numberRule(t, f('reminderMinutes'), { min: 0, max: 7 * 24 * 60 })]}>
        <InputNumber precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="requiresApproval" valuePropName="checked">
        <Checkbox>{f('requiresApproval')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
