import { App, Button, Card, Col, Flex, Form, Input, InputNumber, Modal, Row, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../lib/api-client';
import { errorMessage } from '../lib/form-errors';
import type { Award } from '../modules/evaluation/api/outcomes.api';
import { useAwards, useNominate, usePublishAwards, useYearRanking } from '../modules/evaluation/hooks/useOutcomes';
import { useParks } from '../modules/parks/hooks/useParks';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

const fmt = (n: number | null) => (n === null ? '—' : (Math.round(n * 100) / 100).toFixed(2));

/** Annual awards: the year's ranking beside the nominations; approved ones are published as a news honour roll. */
export function EvaluationAwardsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const parks = useParks();
  const parkId = parks.data?.[0]?.id;
  const [year, setYear] = useState(new Date().getFullYear() - 1);
  const ranking = useYearRanking(parkId, year);
  const awards = useAwards();
  const nominate = useNominate();
  const publish = usePublishAwards();
  const [form] = Form.useForm();
  const [kind, setKind] = useState<'company' | 'staff'>('company');
  const [publishing, setPublishing] = useState(false);
  const [pubForm] = Form.useForm();
  const ofYear = (awards.data ?? []).filter((a) => a.year === year);
  return (
    <div>
      <PageHeader
        title={t('evaluationOutcomes.awards.title')}
        subtitle={t('evaluationOutcomes.awards.subtitle')}
        extra={
          <Flex gap={8} align="center">
            <span>{t('evaluationOutcomes.awards.year')}</span>
            <InputNumber data-testid="eo-award-year" min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          </Flex>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={ranking.data ? t('evaluationOutcomes.awards.ranking', { year, periods: ranking.data.periods }) : t('evaluationOutcomes.awards.year')} styles={{ body: { padding: 0 } }}>
            <QueryBoundary query={ranking}>
              {(r) => (
                <Table
                  rowKey="companyId"
                  size="small"
                  pagination={false}
                  dataSource={r.companies}
                  locale={{ emptyText: t('evaluationOutcomes.awards.rankingEmpty') }}
                  columns={[
                    { title: t('evaluationOutcomes.awards.rank'), dataIndex: 'rank', width: 64, render: (v: number) => <Tag color={v === 1 ? 'gold' : undefined}>{v}</Tag> },
                    { title: t('evaluationOutcomes.awards.company'), dataIndex: 'name' },
                    { title: t('evaluationOutcomes.awards.average'), dataIndex: 'total', align: 'right', render: (v: number) => fmt(v) },
                  ]}
                />
              )}
            </QueryBoundary>
          </Card>
          <Card title={t('evaluationOutcomes.awards.nominate')} style={{ marginTop: 16 }}>
            <Form
              form={form}
              layout="vertical"
              onFinish={async (v) => {
                if (!parkId) return;
                try {
                  await nominate.mutateAsync({ parkId, year, kind, propertyCompanyId: v.propertyCompanyId, staffName: kind === 'staff' ? v.staffName : null, citation: v.citation });
                  void message.success(t('evaluationOutcomes.awards.nominated'));
                  form.resetFields();
                } catch (e) {
                  void message.error(errorMessage(e));
                }
              }}
            >
              <Form.Item label={t('evaluationOutcomes.awards.kind')}>
                <Select value={kind} onChange={setKind} options={(['company', 'staff'] as const).map((k) => ({ value: k, label: t(`evaluationOutcomes.awards.kinds.${k}`) }))} />
              </Form.Item>
              <Form.Item name="propertyCompanyId" label={t('evaluationOutcomes.awards.company')} rules={[{ required: true }]}>
                <Select options={(ranking.data?.companies ?? []).map((c) => ({ value: c.companyId, label: c.name }))} />
              </Form.Item>
              {kind === 'staff' && (
                <Form.Item name="staffName" label={t('evaluationOutcomes.awards.staffName')} rules={[{ required: true, whitespace: true }]}>
                  <Input maxLength={60} />
                </Form.Item>
              )}
              <Form.Item name="citation" label={t('evaluationOutcomes.awards.citation')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={nominate.isPending}>
                {t('evaluationOutcomes.awards.nominate')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card
            title={t('evaluationOutcomes.awards.list')}
            styles={{ body: { padding: 0 } }}
            extra={
              <Button
                data-testid="eo-award-publish"
                onClick={() => {
                  pubForm.setFieldsValue({ title: t('evaluationOutcomes.awards.publishTitle', { year }), intro: t('evaluationOutcomes.awards.publishIntro', { year }) });
                  setPublishing(true);
                }}
              >
                {t('evaluationOutcomes.awards.publish')}
              </Button>
            }
          >
            <QueryBoundary query={awards}>
              {() => (
                <Table<Award>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  scroll={{ x: 'max-content' }}
                  dataSource={ofYear}
                  locale={{ emptyText: t('evaluationOutcomes.awards.empty') }}
                  columns={[
                    { title: t('evaluationOutcomes.awards.kind'), dataIndex: 'kind', render: (v: Award['kind']) => t(`evaluationOutcomes.awards.kinds.${v}`) },
                    { title: t('evaluationOutcomes.awards.company'), render: (_, r) => (r.staffName ? `${r.staffName} · ${r.companyName}` : r.companyName) },
                    { title: t('evaluationOutcomes.awards.citation'), dataIndex: 'citation', ellipsis: true, width: 260 },
                    { title: t('evaluationOutcomes.awards.status'), render: (_, r) => (r.articleId ? <Tag color="success">{t('evaluationOutcomes.awards.published')}</Tag> : <Tag>{t(`evaluationOutcomes.status.${r.status}`)}</Tag>) },
                    { title: '', render: (_, r) => (r.articleId ? <Link to={`/news/${r.articleId}`}>{t('evaluationOutcomes.awards.viewArticle')}</Link> : r.caseId ? <Link to={`/approvals/cases/${r.caseId}`}>{r.caseId.slice(0, 8)}</Link> : null) },
                  ]}
                />
              )}
            </QueryBoundary>
          </Card>
        </Col>
      </Row>
      <Modal
        open={publishing}
        title={t('evaluationOutcomes.awards.publish')}
        onCancel={() => setPublishing(false)}
        confirmLoading={publish.isPending}
        destroyOnHidden
        onOk={async () => {
          const v = await pubForm.validateFields();
          if (!parkId) return;
          try {
            await publish.mutateAsync({ parkId, year, title: v.title, intro: v.intro, companyHeading: t('evaluationOutcomes.awards.kinds.company'), staffHeading: t('evaluationOutcomes.awards.kinds.staff') });
            void message.success(t('evaluationOutcomes.awards.publishDone'));
            setPublishing(false);
          } catch (e) {
            void message.error(e instanceof ApiError && e.status === 409 ? t('evaluationOutcomes.awards.nothingToPublish') : errorMessage(e));
          }
        }}
      >
        <Form form={pubForm} layout="vertical">
          <Form.Item name="title" label={t('evaluationOutcomes.awards.articleTitle')} rules={[{ required: true, whitespace: true }]}>
            <Input maxLength={120} />
          </Form.Item>
          <Form.Item name="intro" label={t('evaluationOutcomes.awards.articleIntro')}>
            <Input.TextArea rows={3} maxLength={300} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
