import { surveyAnswerIssues, type SurveyAnswerValue, type SurveyQuestion } from '@parkos/contracts';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/form-errors';
import type { Survey } from '../api/surveys.api';
import { useAnswerSurvey } from '../hooks/useSurveys';

type Values = Record<string, SurveyAnswerValue | undefined> & { __enterpriseId?: string };

/** The input of one question (Form.Item hands it `value` and `onChange`): a row of score buttons, radio or check boxes, or a text area. */
function QuestionInput({ q, value, onChange }: { q: SurveyQuestion; value?: SurveyAnswerValue; onChange?: (v: SurveyAnswerValue) => void }) {
  const { t } = useTranslation();
  switch (q.kind) {
    case 'rating':
      return (
        <div>
          <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as number)} optionType="button" buttonStyle="solid" options={Array.from({ length: q.scaleMax ?? 5 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))} style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }} />
          {(q.lowLabel || q.highLabel) && (
            <div style={{ display: 'flex', justifyContent: 'space-between', maxWidth: (q.scaleMax ?? 5) * 44, fontSize: 12, marginTop: 4 }}>
              <Typography.Text type="secondary">1 {q.lowLabel}</Typography.Text>
              <Typography.Text type="secondary">
                {q.scaleMax} {q.highLabel}
              </Typography.Text>
            </div>
          )}
        </div>
      );
    case 'single':
      return (
        <Radio.Group value={value} onChange={(e) => onChange?.(e.target.value as string)}>
          <Space direction="vertical">
            {(q.options ?? []).map((o) => (
              <Radio key={o.id} value={o.id}>
                {o.label}
              </Radio>
            ))}
          </Space>
        </Radio.Group>
      );
    case 'multiple':
      return (
        <Checkbox.Group value={Array.isArray(value) ? value : []} onChange={(v) => onChange?.(v as string[])}>
          <Space direction="vertical">
            {(q.options ?? []).map((o) => (
              <Checkbox key={o.id} value={o.id}>
                {o.label}
              </Checkbox>
            ))}
          </Space>
        </Checkbox.Group>
      );
    case 'text':
      return <Input.TextArea value={typeof value === 'string' ? value : undefined} onChange={(e) => onChange?.(e.target.value)} rows={3} maxLength={2000} showCount placeholder={t('surveys.answer.textPlaceholder')} />;
  }
}

/**
 * An enterprise admin's answer to an open survey: each question in order, required ones marked; the shared rules
 * check it before sending, and a second answer of the enterprise (409) says it was already given.
 */
export function SurveyAnswerForm({ survey, onDone }: { survey: Survey; onDone?: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const answer = useAnswerSurvey();
  const [refusal, setRefusal] = useState<string | null>(null);
  const pending = survey.mine.filter((m) => !m.hasAnswered);
  const issueText = (code: string) => (i18n.exists(`surveys.issues.${code}`) ? t(`surveys.issues.${code}`) : code);
  const handleFinish = async (v: Values) => {
    const { __enterpriseId, ...rest } = v;
    const answers = Object.fromEntries(survey.questions.map((q) => [q.id, rest[q.id] ?? null]));
    const issues = surveyAnswerIssues(survey.questions, answers);
    if (issues.length) {
      form.setFields(issues.map((x) => ({ name: x.path.replace(/^answers\./, ''), errors: [issueText(x.code)] })));
      return;
    }
    try {
      await answer.mutateAsync({ id: survey.id, body: { enterpriseId: __enterpriseId ?? pending[0]?.enterpriseId, answers } });
      void message.success(t('surveys.answer.submitted'));
      onDone?.();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setRefusal(e.details.reason === 'already_answered' ? t('surveys.answer.alreadyAnswered') : t('surveys.answer.notOpen'));
      else if (e instanceof ApiError && e.fields.length) form.setFields(e.fields.map((f) => ({ name: f.field.replace(/^body\.answers\./, ''), errors: [issueText(f.message)] })));
      else void message.error(errorMessage(e));
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={(v) => void handleFinish(v)} data-testid="survey-answer-form" requiredMark>
      {refusal && <Alert type="warning" showIcon message={refusal} style={{ marginBottom: 16 }} data-testid="survey-answer-refused" />}
      <Alert type="info" showIcon message={t('surveys.answer.anonymousNote')} style={{ marginBottom: 16 }} />
      {pending.length > 1 && (
        <Form.Item name="__enterpriseId" label={t('surveys.answer.enterprise')} initialValue={pending[0].enterpriseId} rules={[{ required: true }]}>
          <Select options={pending.map((m) => ({ value: m.enterpriseId, label: m.enterpriseName }))} />
        </Form.Item>
      )}
      {survey.questions.map((q, i) => (
        <Form.Item key={q.id} name={q.id} required={q.required} label={`${i + 1}. ${q.title}`} data-testid={`survey-answer-${q.id}`}>
          <QuestionInput q={q} />
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={answer.isPending} block data-testid="survey-answer-submit">
        {t('surveys.answer.submit')}
      </Button>
    </Form>
  );
}

/** An answer as read back: each question with what was given. */
export function SurveyAnswerView({ survey, answers }: { survey: Survey; answers: Record<string, SurveyAnswerValue> }) {
  const { t } = useTranslation();
  const label = (q: SurveyQuestion, k: string) => q.options?.find((o) => o.id === k)?.label ?? k;
  return (
    <div data-testid="survey-my-answer">
      {survey.questions.map((q, i) => {
        const v = answers[q.id];
        const text = v === undefined ? t('surveys.answer.noAnswer') : Array.isArray(v) ? v.map((k) => label(q, k)).join(t('surveys.sep')) : q.kind === 'single' ? label(q, String(v)) : q.kind === 'rating' ? `${v} / ${q.scaleMax}` : String(v);
        return (
          <div key={q.id} style={{ marginBottom: 12 }}>
            <Typography.Text strong>{`${i + 1}. ${q.title}`}</Typography.Text>
            <div>
              <Typography.Text type={v === undefined ? 'secondary' : undefined}>{text}</Typography.Text>
            </div>
          </div>
        );
      })}
    </div>
  );
}
