import { App, Alert, Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { FINDING_SEVERITIES, type FindingSeverity } from '@parkos/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { applyFieldErrors, errorMessage } from '../lib/form-errors';
import { PhotoUpload } from '../modules/spotchecks/components/PhotoUpload';
import { useCheckDistricts, useCreateCheck } from '../modules/spotchecks/hooks/useSpotChecks';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

interface Values {
  districtId: string;
  area: string;
  note?: string;
  findings?: { description: string; severity: FindingSeverity; deadline: string; fileIds?: string[] }[];
}

/** Holds a form value that another control sets (the uploaded photos' ids); renders nothing. */
function KeptValue(_: { value?: unknown }) {
  return null;
}

const DEFAULT_DAYS: Record<FindingSeverity, number> = { minor: 7, major: 5, critical: 2 };

/** The inspector's phone page: pick an assigned district, say what was checked, add findings with photos and deadlines. */
export function SpotCheckRecordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const districts = useCheckDistricts();
  const create = useCreateCheck();
  const [form] = Form.useForm<Values>();
  const submit = (v: Values) =>
    create.mutate(
      { districtId: v.districtId, area: v.area, note: v.note || null, findings: (v.findings ?? []).map((f) => ({ ...f, fileIds: f.fileIds ?? [] })) },
      {
        onSuccess: () => {
          void message.success(t('spotChecks.record.saved'));
          void navigate('/spot-checks');
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e)) void message.error(errorMessage(e));
        },
      },
    );
  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader title={t('spotChecks.record.title')} subtitle={t('spotChecks.record.subtitle')} crumbs={[{ title: t('spotChecks.nav.checks'), to: '/spot-checks' }, { title: t('spotChecks.nav.record') }]} />
      <QueryBoundary query={districts}>
        {(rows) =>
          rows.length === 0 ? (
            <Alert type="info" message={t('spotChecks.record.noDistricts')} />
          ) : (
            <Form form={form} layout="vertical" onFinish={submit} data-testid="spot-record-form">
              <Card>
                <Form.Item name="districtId" label={t('spotChecks.fields.district')} rules={[{ required: true, message: t('spotChecks.fields.district') }]}>
                  <Select
                    data-testid="spot-district"
                    options={rows.map((d) => ({ value: d.id, label: d.propertyCompanyName ? t('spotChecks.record.districtOption', { district: d.name, company: d.propertyCompanyName }) : d.name }))}
                  />
                </Form.Item>
                <Form.Item name="area" label={t('spotChecks.fields.area')} rules={[{ required: true, whitespace: true, message: t('spotChecks.fields.area') }]}>
                  <Input maxLength={500} data-testid="spot-area" />
                </Form.Item>
                <Form.Item name="note" label={t('spotChecks.fields.note')}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              </Card>
              <Form.List name="findings">
                {(fields, { add, remove }) => (
                    <Space direction="vertical" size={12} style={{ width: '100%', marginTop: 12 }}>
                      {fields.length === 0 && <Typography.Text type="secondary">{t('spotChecks.record.noFindings')}</Typography.Text>}
                      {fields.map((field, i) => (
                        <Card
                          key={field.key}
                          size="small"
                          title={t('spotChecks.record.findingN', { n: i + 1 })}
                          extra={
                            <Button type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)}>
                              {t('spotChecks.record.removeFinding')}
                            </Button>
                          }
                          data-testid={`spot-finding-form-${i}`}
                        >
                          <Form.Item name={[field.name, 'description']} label={t('spotChecks.fields.description')} rules={[{ required: true, whitespace: true, message: t('spotChecks.fields.description') }]}>
                            <Input.TextArea rows={2} maxLength={1000} data-testid={`spot-finding-description-${i}`} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'severity']} label={t('spotChecks.fields.severity')} rules={[{ required: true }]}>
                            <Select
                              data-testid={`spot-finding-severity-${i}`}
                              options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t(`spotChecks.severity.${s}`) }))}
                              onChange={(s: FindingSeverity) => form.setFieldValue(['findings', field.name, 'deadline'], dayjs().add(DEFAULT_DAYS[s], 'day').format('YYYY-MM-DD'))}
                            />
                          </Form.Item>
                          <Form.Item name={[field.name, 'deadline']} label={t('spotChecks.fields.deadline')} rules={[{ required: true, message: t('spotChecks.fields.deadline') }]}>
                            <Input type="date" min={dayjs().format('YYYY-MM-DD')} data-testid={`spot-finding-deadline-${i}`} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'fileIds']} hidden>
                            <KeptValue />
                          </Form.Item>
                          <Form.Item label={t('spotChecks.fields.photos')}>
                            <PhotoUpload onChange={(ids) => form.setFieldValue(['findings', field.name, 'fileIds'], ids)} testId={`spot-finding-photos-${i}`} />
                          </Form.Item>
                        </Card>
                      ))}
                      <Button block icon={<PlusOutlined />} onClick={() => add({ severity: 'minor', deadline: dayjs().add(DEFAULT_DAYS.minor, 'day').format('YYYY-MM-DD') })} data-testid="spot-add-finding">
                        {t('spotChecks.record.addFinding')}
                      </Button>
                    </Space>
                )}
              </Form.List>
              <Button type="primary" htmlType="submit" block size="large" loading={create.isPending} style={{ marginTop: 16 }} data-testid="spot-submit">
                {t('spotChecks.record.submit')}
              </Button>
            </Form>
          )
        }
      </QueryBoundary>
    </div>
  );
}
