import { SURVEY_QUESTION_KINDS, surveyQuestionIssues, type SurveyQuestion, type SurveyQuestionKind } from '@parkos/contracts';
import { Button, Card, Checkbox, Col, Form, Input, Row, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { FormModal } from '../../../ui/FormModal';
import { useParks, useParkTree } from '../../parks/hooks/useParks';
import type { Survey } from '../api/surveys.api';
import { useCreateSurvey, useUpdateSurvey } from '../hooks/useSurveys';
import { addDays, shanghaiToday } from '../utils/dates';

interface QuestionValues {
  kind: SurveyQuestionKind;
  title: string;
  required?: boolean;
  scaleMax?: 5 | 10;
  lowLabel?: string;
  highLabel?: string;
  /** Choice options, one per line. */
  options?: string;
}

interface Values {
  parkId: string;
  title: string;
  description?: string;
  districtIds: string[];
  opensOn: string;
  closesOn: string;
  questions: QuestionValues[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The form's questions as the API's (ids `q1…`, option ids `o1…` by position). */
function toQuestions(values: QuestionValues[]): SurveyQuestion[] {
  return values.map((q, i) => {
    const base = { id: `q${i + 1}`, kind: q.kind, title: (q.title ?? '').trim(), required: !!q.required };
    if (q.kind === 'rating') return { ...base, scaleMax: q.scaleMax ?? 5, lowLabel: q.lowLabel?.trim() || null, highLabel: q.highLabel?.trim() || null };
    if (q.kind === 'single' || q.kind === 'multiple')
      return {
        ...base,
        options: (q.options ?? '')
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((label, k) => ({ id: `o${k + 1}`, label })),
      };
    return base;
  });
}

function fromQuestions(questions: SurveyQuestion[]): QuestionValues[] {
  return questions.map((q) => ({ kind: q.kind, title: q.title, required: q.required, scaleMax: q.scaleMax, lowLabel: q.lowLabel ?? undefined, highLabel: q.highLabel ?? undefined, options: q.options?.map((o) => o.label).join('\n') }));
}

/**
 * A new survey, or a draft's changes (`survey` given; its park stays): title, districts, the answering days
 * (Asia/Shanghai dates) and the questions. The shared rules check the questions before sending; a 400 from the
 * server lands on the field it names (`questions.2.options`).
 */
export function SurveyFormModal({ open, onClose, survey }: { open: boolean; onClose: () => void; survey?: Survey }) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const parks = useParks();
  const parkId = Form.useWatch('parkId', form) ?? survey?.parkId;
  const tree = useParkTree(parkId);
  const create = useCreateSurvey();
  const update = useUpdateSurvey();
  const districts = (tree.data?.sites ?? []).flatMap((s) => s.districts.map((d) => ({ value: d.id, label: tree.data!.sites.length > 1 ? `${d.name}（${s.name}）` : d.name })));
  const today = shanghaiToday();
  const issueText = (code: string) => (i18n.exists(`surveys.issues.${code}`) ? t(`surveys.issues.${code}`) : code);
  return (
    <FormModal<Values>
      open={open}
      form={form}
      title={survey ? t('surveys.form.editTitle') : t('surveys.form.newTitle')}
      onClose={onClose}
      width={760}
      testId="survey-form"
      successMessage={t('surveys.form.created')}
      initialValues={
        survey
          ? { parkId: survey.parkId, title: survey.title, description: survey.description ?? undefined, districtIds: survey.districts.map((d) => d.id), opensOn: survey.opensOn, closesOn: survey.closesOn, questions: fromQuestions(survey.questions) }
          : {
              parkId: parks.data?.length === 1 ? parks.data[0].id : undefined,
              opensOn: today,
              closesOn: addDays(today, 14),
              questions: [
                { kind: 'rating', title: t('surveys.form.defaultOverall'), required: true, scaleMax: 5, lowLabel: t('surveys.form.lowDefault'), highLabel: t('surveys.form.highDefault') },
                { kind: 'text', title: t('surveys.form.defaultComment'), required: false },
              ],
            }
      }
      onSubmit={async (v) => {
        const questions = toQuestions(v.questions ?? []);
        const issues = surveyQuestionIssues(questions);
        if (issues.length) {
          form.setFields(issues.map((x) => ({ name: x.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)).slice(0, 3) as never, errors: [issueText(x.code)] })));
          throw new Error(issueText(issues[0].code));
        }
        const input = { title: v.title, description: v.description || null, districtIds: v.districtIds ?? [], opensOn: v.opensOn, closesOn: v.closesOn, questions };
        try {
          if (survey) await update.mutateAsync({ id: survey.id, input });
          else await create.mutateAsync({ ...input, parkId: v.parkId });
        } catch (e) {
          // The server's question and answer problems are codes: word them.
          if (e instanceof ApiError) for (const f of e.fields) f.message = issueText(f.message);
          throw e;
        }
      }}
    >
      <Row gutter={12}>
        <Col xs={24} md={10}>
          <Form.Item name="parkId" label={t('surveys.form.park')} rules={[{ required: true }]}>
            <Select disabled={!!survey} options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} data-testid="survey-form-park" />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item name="title" label={t('surveys.form.title')} rules={[{ required: true, max: 200 }]}>
            <Input data-testid="survey-form-title" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="description" label={t('surveys.form.description')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="districtIds" label={t('surveys.form.districts')} rules={[{ required: true, type: 'array', min: 1 }]}>
            <Select mode="multiple" options={districts} loading={tree.isFetching} optionFilterProp="label" data-testid="survey-form-districts" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="opensOn" label={t('surveys.form.opensOn')} rules={[{ required: true }, { pattern: DAY, message: 'YYYY-MM-DD' }]} tooltip={t('surveys.form.dates')}>
            <Input placeholder="2026-12-01" data-testid="survey-form-opens" />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="closesOn" label={t('surveys.form.closesOn')} rules={[{ required: true }, { pattern: DAY, message: 'YYYY-MM-DD' }]}>
            <Input placeholder="2026-12-15" data-testid="survey-form-closes" />
          </Form.Item>
        </Col>
      </Row>
      <Form.List name="questions">
        {(fields, { add, remove }) => (
          <div>
            {fields.map((field, i) => (
              <QuestionCard key={field.key} index={i} name={field.name} onRemove={() => remove(field.name)} />
            ))}
            <Button type="dashed" block icon={<PlusOutlined />} onClick={() => add({ kind: 'single', title: '', required: false })} data-testid="survey-form-add-question">
              {t('surveys.form.addQuestion')}
            </Button>
          </div>
        )}
      </Form.List>
    </FormModal>
  );
}

function QuestionCard({ index, name, onRemove }: { index: number; name: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<Values>();
  const kind = (Form.useWatch(['questions', name, 'kind'], form) ?? 'rating') as SurveyQuestionKind;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={t('surveys.form.questionNo', { n: index + 1 })}
      extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('surveys.form.removeQuestion')} onClick={onRemove} data-testid={`survey-q${index}-remove`} />}
      data-testid={`survey-q${index}`}
    >
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={[name, 'kind']} label={t('surveys.form.kind')} rules={[{ required: true }]}>
            <Select options={SURVEY_QUESTION_KINDS.map((k) => ({ value: k, label: t(`surveys.kinds.${k}`) }))} data-testid={`survey-q${index}-kind`} />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name={[name, 'title']} label={t('surveys.form.questionTitle')} rules={[{ required: true, max: 200 }]}>
            <Input data-testid={`survey-q${index}-title`} />
          </Form.Item>
        </Col>
        {kind === 'rating' && (
          <>
            <Col xs={8}>
              <Form.Item name={[name, 'scaleMax']} label={t('surveys.form.scaleMax')} initialValue={5}>
                <Select options={[5, 10].map((m) => ({ value: m, label: t('surveys.form.scale', { max: m }) }))} data-testid={`survey-q${index}-scale`} />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name={[name, 'lowLabel']} label={t('surveys.form.lowLabel')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={8}>
              <Form.Item name={[name, 'highLabel']} label={t('surveys.form.highLabel')}>
                <Input maxLength={50} />
              </Form.Item>
            </Col>
          </>
        )}
        {(kind === 'single' || kind === 'multiple') && (
          <Col xs={24}>
            <Form.Item name={[name, 'options']} label={t('surveys.form.options')} rules={[{ required: true }]}>
              <Input.TextArea rows={3} data-testid={`survey-q${index}-options`} />
            </Form.Item>
          </Col>
        )}
        <Col xs={24}>
          <Form.Item name={[name, 'required']} valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox data-testid={`survey-q${index}-required`}>{t('surveys.form.required')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
