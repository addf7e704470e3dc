import { useMemo, useState } from 'react';
import { Alert, Card, Col, Collapse, Row, Space, Switch, Typography } from 'antd';
import type { ErrorSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { formJsonSchema, type FormDefinition } from '@parkos/contracts';
import { checkForm } from '../modules/forms/api/forms.api';
import { FormDesigner } from '../modules/forms/components/FormDesigner';
import { SchemaForm } from '../modules/forms/components/SchemaForm';
import { formLocaleOf, renderableDefinition, serverErrorSchema } from '../modules/forms/utils/form-schema';
import { ApiError } from '../lib/api-client';
import { errorMessage } from '../lib/form-errors';
import { PageHeader } from '../ui/PageHeader';

type Outcome = { kind: 'accepted' } | { kind: 'refused'; count: number } | { kind: 'failed'; message: string };

const DEFINITION_PROPS = ['key', 'type', 'label', 'options', 'min', 'max', 'maxLength'] as const;

/**
 * Forms (表单): operators design a form, see it drawn live, and submit it to the server's validation.
 * Features that take forms (service requests, declarations) use the same designer and renderer.
 */
export function FormsPage() {
  const { t, i18n } = useTranslation();
  const [definition, setDefinition] = useState<FormDefinition>({ fields: [] });
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [isBrowserValidationOn, setIsBrowserValidationOn] = useState(true);
  const [serverErrors, setServerErrors] = useState<ErrorSchema>();
  const [definitionIssues, setDefinitionIssues] = useState<Record<number, string[]>>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const [isSubmitting, setIsSubmitting] = useState(false);
  const preview = useMemo(() => renderableDefinition(definition), [definition]);
  const schemaText = useMemo(() => JSON.stringify(formJsonSchema(preview, formLocaleOf(i18n.language)), null, 2), [preview, i18n.language]);

  function handleDefinitionChange(next: FormDefinition) {
    setDefinition(next);
    setServerErrors(undefined);
    setDefinitionIssues({});
    setOutcome(undefined);
  }

  function handleValuesChange(next: Record<string, unknown>) {
    setValues(next);
    // An earlier verdict no longer speaks for values that changed since.
    if (JSON.stringify(next) !== JSON.stringify(values)) setOutcome(undefined);
  }

  async function handleSubmit(submitted: Record<string, unknown>) {
    setIsSubmitting(true);
    setServerErrors(undefined);
    setDefinitionIssues({});
    try {
      // The designer's definition as typed (not the preview's tidied copy), so the server names what is wrong with it.
      await checkForm(definition, submitted);
      setOutcome({ kind: 'accepted' });
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) {
        const valueIssues = err.fields.filter((f) => f.field.startsWith('body.values'));
        const issues: Record<number, string[]> = {};
        for (const f of err.fields) {
          const m = /^body\.definition\.fields(?:\.(\d+)(?:\.(\w+))?)?/.exec(f.field);
          if (!m) continue;
          const index = m[1] === undefined ? -1 : Number(m[1]);
          const prop = DEFINITION_PROPS.find((p) => p === m[2]);
          issues[index] = [...(issues[index] ?? []), prop ? t('forms.designer.invalidProp', { prop: t(`forms.designer.props.${prop}`) }) : t('forms.designer.invalidField')];
        }
        setServerErrors(serverErrorSchema(t, valueIssues));
        setDefinitionIssues(issues);
        setOutcome({ kind: 'refused', count: err.fields.length });
      } else {
        setOutcome({ kind: 'failed', message: errorMessage(err) });
      }
    } finally {
      setIsSubmitting(false);
    }
  }

  return (
    <>
      <PageHeader title={t('forms.title')} subtitle={t('forms.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card title={t('forms.designer.title')}>
            <FormDesigner value={definition} onChange={handleDefinitionChange} fieldIssues={definitionIssues} />
            {definitionIssues[-1] && <Alert style={{ marginTop: 12 }} type="error" showIcon title={t('forms.designer.needsField')} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            title={t('forms.preview.title')}
            extra={
              <Space size={6}>
                <Typography.Text type="secondary">{t('forms.preview.browserValidation')}</Typography.Text>
                <Switch size="small" checked={isBrowserValidationOn} onChange={setIsBrowserValidationOn} data-testid="preview-browser-validation" aria-label={t('forms.preview.browserValidation')} />
              </Space>
            }
          >
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {preview.fields.length === 0 && <Typography.Text type="secondary">{t('forms.preview.empty')}</Typography.Text>}
              <div data-testid="form-preview">
                <SchemaForm
                  definition={preview}
                  values={values}
                  onChange={handleValuesChange}
                  onSubmit={(v) => void handleSubmit(v)}
                  serverErrors={serverErrors}
                  isBrowserValidationOff={!isBrowserValidationOn}
                  isSubmitting={isSubmitting}
                />
              </div>
              {outcome?.kind === 'accepted' && <Alert type="success" showIcon title={t('forms.preview.accepted')} data-testid="preview-outcome" />}
              {outcome?.kind === 'refused' && <Alert type="error" showIcon title={t('forms.preview.refused', { count: outcome.count })} data-testid="preview-outcome" />}
              {outcome?.kind === 'failed' && <Alert type="error" showIcon title={outcome.message} data-testid="preview-outcome" />}
              <Collapse
                size="small"
                items={[{ key: 'schema', label: t('forms.preview.schema'), children: <pre className="form-schema-json" data-testid="preview-schema">{schemaText}</pre> }]}
              />
            </Space>
          </Card>
        </Col>
      </Row>
    </>
  );
}
