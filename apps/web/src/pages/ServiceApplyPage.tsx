import { useState } from 'react';
import { Alert, App, Card, Space, Typography } from 'antd';
import type { ErrorSchema } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../lib/api-client';
import { errorMessage } from '../lib/form-errors';
import { formatFen } from '../lib/format';
import { localName } from '../modules/approvals/utils/names';
import { SchemaForm } from '../modules/forms/components/SchemaForm';
import { serverErrorSchema } from '../modules/forms/utils/form-schema';
import { useApply, useService } from '../modules/services/hooks/useServices';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Applying for a service: its form, drawn from the service's definition, checked by the server field by field. */
export function ServiceApplyPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const service = useService(id);
  const apply = useApply();
  const [values, setValues] = useState<Record<string, unknown>>({});
  const [serverErrors, setServerErrors] = useState<ErrorSchema>();
  const [failure, setFailure] = useState<string>();

  async function handleSubmit(submitted: Record<string, unknown>) {
    setServerErrors(undefined);
    setFailure(undefined);
    try {
      const r = await apply.mutateAsync({ serviceId: id, values: submitted });
      void message.success(t('services.apply.submitted'));
      void navigate(`/services/requests/${r.id}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && err.fields.some((f) => f.field.startsWith('body.values'))) setServerErrors(serverErrorSchema(t, err.fields));
      else setFailure(errorMessage(err));
    }
  }

  return (
    <QueryBoundary query={service} isCard={false}>
      {(s) => (
        <div>
          <PageHeader title={localName(s, i18n.language)} crumbs={[{ title: t('services.catalog.title'), to: '/services' }, { title: t('services.apply.title') }]} />
          <Card size="small">
            <Space orientation="vertical" style={{ width: '100%' }}>
              {(i18n.language.startsWith('zh') ? s.descriptionZh : s.descriptionEn) && (
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {i18n.language.startsWith('zh') ? s.descriptionZh : s.descriptionEn}
                </Typography.Paragraph>
              )}
              <Typography.Text type="secondary">
                {t('services.catalog.sla', { hours: s.slaHours })} · {s.feeFen ? t('services.catalog.fee', { fee: formatFen(s.feeFen) }) : t('services.catalog.free')}
              </Typography.Text>
              {s.kind !== 'request' && <Alert type="info" showIcon title={t('services.apply.notRequest')} />}
              {s.kind === 'request' && !s.canApply && <Alert type="warning" showIcon title={t('services.apply.cannotApply')} />}
              {failure && <Alert type="error" showIcon title={failure} data-testid="apply-failure" />}
              {s.kind === 'request' && s.canApply && (
                <div data-testid="apply-form">
                  <SchemaForm definition={s.form} values={values} onChange={setValues} onSubmit={(v) => void handleSubmit(v)} serverErrors={serverErrors} isSubmitting={apply.isPending} />
                </div>
              )}
            </Space>
          </Card>
        </div>
      )}
    </QueryBoundary>
  );
}
