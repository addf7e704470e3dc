import { TRAINING_TOPICS, type TrainingTopic } from '@parkos/contracts';
import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FormModal } from '../../../ui/FormModal';
import { useStaff, useCreateSession, useTrainingCompanies } from '../hooks/useTraining';
import { addDays, shanghaiToday } from '../utils/dates';

interface SessionForm {
  parkId: string;
  title: string;
  topic: TrainingTopic;
  date: string;
  time: string;
  hours: number;
  trainer: string;
  location?: string;
  hasExam: boolean;
  passMark?: number;
  companyIds: string[];
  staff?: Record<string, string[] | undefined>;
}

/** The optional staff picker of one invited company: empty invites its whole active roster. */
function CompanyStaffPicker({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t } = useTranslation();
  const staff = useStaff({ propertyCompanyId: companyId });
  return (
    <Form.Item name={['staff', companyId]} label={t('training.fields.staffOf', { company: companyName })}>
      <Select
        mode="multiple"
        allowClear
        placeholder={t('training.sessions.wholeRoster')}
        loading={staff.isPending}
        optionFilterProp="label"
        options={(staff.data ?? []).map((s) => ({ value: s.id, label: `${s.name} · ${t(`training.posts.${s.post}`)}` }))}
        data-testid={`training-session-staff-${companyId}`}
      />
    </Form.Item>
  );
}

/** Schedules a session: details, exam and pass mark, and the companies (whole rosters or chosen staff) invited. */
export function ScheduleSessionModal({ open, onClose, parks }: { open: boolean; onClose: () => void; parks: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<SessionForm>();
  const parkId = Form.useWatch('parkId', form) ?? parks[0]?.id;
  const hasExam = Form.useWatch('hasExam', form);
  const chosen = Form.useWatch('companyIds', form) ?? [];
  const companies = useTrainingCompanies(parkId);
  const create = useCreateSession();
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <FormModal<SessionForm>
      open={open}
      form={form}
      title={t('training.sessions.new')}
      onClose={onClose}
      width={640}
      testId="training-session-form"
      successMessage={t('training.sessions.created')}
      initialValues={{ parkId: parks[0]?.id, topic: 'fire_safety', date: addDays(shanghaiToday(), 7), time: '14:00', hours: 2, hasExam: true, passMark: 60 }}
      onSubmit={async (v) => {
        const s = await create.mutateAsync({
          parkId: v.parkId,
          title: v.title,
          topic: v.topic,
          date: v.date,
          time: v.time,
          hours: v.hours,
          trainer: v.trainer,
          location: v.location || null,
          hasExam: v.hasExam,
          passMark: v.hasExam ? v.passMark : null,
          invite: v.companyIds.map((id) => ({ propertyCompanyId: id, staffIds: v.staff?.[id]?.length ? v.staff[id] : undefined })),
        });
        void navigate(`/training/sessions/${s.id}`);
      }}
    >
      <Form.Item name="parkId" label={t('training.fields.park')} rules={required(t('training.fields.park'))} hidden={parks.length <= 1}>
        <Select options={parks.map((p) => ({ value: p.id, label: p.name }))} onChange={() => form.setFieldValue('companyIds', [])} />
      </Form.Item>
      <Form.Item name="title" label={t('training.fields.title')} rules={required(t('training.fields.title'))}>
        <Input maxLength={100} data-testid="training-session-title" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="topic" label={t('training.fields.topic')} rules={required(t('training.fields.topic'))}>
            <Select options={TRAINING_TOPICS.map((x) => ({ value: x, label: t(`training.topics.${x}`) }))} data-testid="training-session-topic" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="trainer" label={t('training.fields.trainer')} rules={required(t('training.fields.trainer'))}>
            <Input maxLength={50} data-testid="training-session-trainer" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="date" label={t('training.fields.date')} rules={required(t('training.fields.date'))}>
            <Input type="date" data-testid="training-session-date" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="time" label={t('training.fields.time')} rules={required(t('training.fields.time'))}>
            <Input type="time" data-testid="training-session-time" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="hours" label={t('training.fields.hours')} rules={required(t('training.fields.hours'))}>
            <InputNumber min={0.25} max={24} step={0.5} style={{ width: '100%' }} data-testid="training-session-hours" />
          </Form.Item>
        </Col>
        <Col xs={12} sm={8}>
          <Form.Item name="hasExam" label={t('training.fields.hasExam')} valuePropName="checked">
            <Switch data-testid="training-session-exam" />
          </Form.Item>
        </Col>
        {hasExam !== false && (
          <Col xs={12} sm={8}>
            <Form.Item name="passMark" label={t('training.fields.passMark')} rules={required(t('training.fields.passMark'))}>
              <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} data-testid="training-session-passmark" />
            </Form.Item>
          </Col>
        )}
        <Col xs={24} sm={hasExam !== false ? 8 : 16}>
          <Form.Item name="location" label={t('training.fields.location')}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="companyIds" label={t('training.fields.companies')} rules={required(t('training.fields.companies'))}>
        <Select mode="multiple" options={(companies.data ?? []).map((c) => ({ value: c.id, label: c.name }))} loading={companies.isPending} data-testid="training-session-companies" />
      </Form.Item>
      {chosen.map((id) => (
        <CompanyStaffPicker key={id} companyId={id} companyName={companies.data?.find((c) => c.id === id)?.name ?? ''} />
      ))}
    </FormModal>
  );
}
