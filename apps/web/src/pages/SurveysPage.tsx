import { useState } from 'react';
import { App, Button, Card, Empty, List, Popconfirm, Space, Table, Typography, type ButtonProps } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { errorMessage } from '../lib/form-errors';
import { useSession } from '../modules/auth/hooks/useSession';
import type { Survey } from '../modules/surveys/api/surveys.api';
import { SurveyFormModal } from '../modules/surveys/components/SurveyFormModal';
import { SurveyStatusTag } from '../modules/surveys/components/SurveyStatusTag';
import { useCloseSurvey, useOpenSurvey, useSurveys } from '../modules/surveys/hooks/useSurveys';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Enterprise admins: the surveys their enterprise is invited to, as cards that fit a phone. */
function AdminList({ surveys }: { surveys: Survey[] }) {
  const { t } = useTranslation();
  if (!surveys.length) return <Empty description={t('surveys.list.emptyAdmin')} />;
  return (
    <List
      dataSource={surveys}
      data-testid="survey-admin-list"
      renderItem={(s) => {
        const isDone = s.mine.every((m) => m.hasAnswered);
        return (
          <Card size="small" style={{ marginBottom: 12 }} data-testid={`survey-card-${s.id}`}>
            <Space direction="vertical" style={{ width: '100%' }} size={4}>
              <Space wrap>
                <Typography.Text strong>{s.title}</Typography.Text>
                <SurveyStatusTag status={s.status} />
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.opensOn} ~ {s.closesOn} · {s.districts.map((d) => d.name).join(t('surveys.sep'))}
              </Typography.Text>
              <Link to={`/surveys/${s.id}`} data-testid={`survey-go-${s.id}`}>
                <Button type={s.isAnswerable && !isDone ? 'primary' : 'default'} block>
                  {s.isAnswerable && !isDone ? t('surveys.list.answer') : isDone ? t('surveys.list.answered') : t('surveys.list.view')}
                </Button>
              </Link>
            </Space>
          </Card>
        );
      }}
    />
  );
}

/**
 * Satisfaction surveys (满意度调查): operators build, open and close them and go on to the results; property staff
 * reach the results of their districts; enterprise admins the surveys they are invited to.
 */
export function SurveysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { permissions: p } = useSession();
  const [isCreating, setIsCreating] = useState(false);
  const [editing, setEditing] = useState<Survey | null>(null);
  const surveys = useSurveys();
  const open = useOpenSurvey();
  const close = useCloseSurvey();
  const act = (fn: typeof open, id: string, done: string) => fn.mutate(id, { onSuccess: () => void message.success(done), onError: (e) => void message.error(errorMessage(e)) });
  const isAdminOnly = !p.isOperator && !p.isProperty;
  return (
    <div style={isAdminOnly ? { maxWidth: 760, margin: '0 auto' } : undefined}>
      <PageHeader
        title={t('surveys.list.title')}
        subtitle={p.isOperator ? t('surveys.list.subtitle') : p.isProperty ? t('surveys.list.subtitleProperty') : t('surveys.list.subtitleAdmin')}
        extra={
          p.isOperator ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="survey-new">
              {t('surveys.list.new')}
            </Button>
          ) : null
        }
      />
      <QueryBoundary query={surveys}>
        {(list) =>
          isAdminOnly ? (
            <AdminList surveys={list} />
          ) : (
            <Card styles={{ body: { padding: 0 } }}>
              <Table<Survey>
                rowKey="id"
                dataSource={list}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('surveys.list.empty') }}
                data-testid="survey-table"
                columns={[
                  { title: t('surveys.form.title'), dataIndex: 'title', render: (v: string, s) => <Link to={`/surveys/${s.id}`}>{v}</Link> },
                  { title: t('surveys.list.period'), render: (_, s) => `${s.opensOn} ~ ${s.closesOn}` },
                  { title: t('surveys.list.districts'), render: (_, s) => s.districts.map((d) => d.name).join(t('surveys.sep')) },
                  ...(p.isOperator ? [{ title: t('surveys.list.progress'), key: 'progress', render: (_: unknown, s: Survey) => (s.invited === null ? '—' : t('surveys.list.progressValue', { answered: s.answered, invited: s.invited })) }] : []),
                  { title: t('surveys.list.status'), dataIndex: 'status', render: (_, s) => <SurveyStatusTag status={s.status} /> },
                  {
                    title: '',
                    key: 'actions',
                    render: (_, s) => (
                      <Space>
                        {p.isOperator && s.status === 'draft' && s.invited !== null && (
                          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(s)} data-testid={`survey-edit-${s.id}`}>
                            {t('surveys.list.edit')}
                          </Button>
                        )}
                        {p.isOperator && s.status === 'draft' && s.invited !== null && (
                          <Popconfirm title={t('surveys.list.confirmOpen')} onConfirm={() => act(open, s.id, t('surveys.list.opened'))} okButtonProps={{ 'data-testid': 'survey-open-confirm' } as ButtonProps}>
                            <Button size="small" type="primary" data-testid={`survey-open-${s.id}`}>
                              {t('surveys.list.open')}
                            </Button>
                          </Popconfirm>
                        )}
                        {p.isOperator && s.status === 'open' && s.invited !== null && (
                          <Popconfirm title={t('surveys.list.confirmClose')} onConfirm={() => act(close, s.id, t('surveys.list.closed'))}>
                            <Button size="small" data-testid={`survey-close-${s.id}`}>
                              {t('surveys.list.close')}
                            </Button>
                          </Popconfirm>
                        )}
                        {s.status !== 'draft' && <Link to={`/surveys/${s.id}`}>{t('surveys.list.results')}</Link>}
                      </Space>
                    ),
                  },
                ]}
              />
            </Card>
          )
        }
      </QueryBoundary>
      {isCreating && <SurveyFormModal open onClose={() => setIsCreating(false)} />}
      {editing && <SurveyFormModal key={editing.id} open survey={editing} onClose={() => setEditing(null)} />}
    </div>
  );
}
