import { useState } from 'react';
import { Button, Card, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../modules/auth/hooks/useSession';
import { useParks } from '../modules/parks/hooks/useParks';
import type { Session } from '../modules/training/api/training.api';
import { ScheduleSessionModal } from '../modules/training/components/ScheduleSessionModal';
import { SessionStateTag } from '../modules/training/components/TrainingTags';
import { useTrainingCompanies, useTrainingSessions } from '../modules/training/hooks/useTraining';
import { shanghaiDateTime } from '../modules/training/utils/dates';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** Training sessions (培训课程): operators see every session of their parks, property staff those their company takes part in. */
export function TrainingSessionsPage() {
  const { t } = useTranslation();
  const { permissions: p } = useSession();
  const sessions = useTrainingSessions();
  const parks = useParks();
  const companies = useTrainingCompanies();
  const [isCreating, setIsCreating] = useState(false);
  // Operators schedule in their parks; property staff in the parks their company works in.
  const parkIds = new Set((companies.data ?? []).flatMap((c) => c.parkIds));
  const schedulable = (parks.data ?? []).filter((x) => p.isOperator || parkIds.has(x.id));
  return (
    <div>
      <PageHeader
        title={t('training.sessions.title')}
        subtitle={t('training.sessions.subtitle')}
        extra={
          schedulable.length > 0 && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIsCreating(true)} data-testid="training-session-new">
              {t('training.sessions.new')}
            </Button>
          )
        }
      />
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <QueryBoundary query={sessions} isCard={false}>
          {(rows) => (
            <Table<Session>
              rowKey="id"
              size="small"
              dataSource={rows}
              pagination={rows.length > 30 ? { pageSize: 30 } : false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('training.sessions.empty') }}
              data-testid="training-sessions"
              columns={[
                {
                  title: t('training.fields.title'),
                  key: 'title',
                  render: (_, s) => (
                    <Link to={`/training/sessions/${s.id}`} data-testid={`training-session-${s.id}`}>
                      {s.title}
                    </Link>
                  ),
                },
                { title: t('training.fields.when'), key: 'when', render: (_, s) => shanghaiDateTime(s.startsAt) },
                { title: t('training.fields.topic'), key: 'topic', render: (_, s) => <Tag>{t(`training.topics.${s.topic}`)}</Tag> },
                { title: t('training.fields.hours'), dataIndex: 'hours', align: 'right' },
                { title: t('training.fields.companies'), key: 'companies', render: (_, s) => s.companies.map((c) => c.name).join('、') },
                { title: t('training.fields.attendance'), key: 'att', render: (_, s) => (s.isRecorded ? t('training.sessions.counts', { attended: s.attended, invited: s.invited }) : `${s.invited}`) },
                { title: t('training.fields.hasExam'), key: 'exam', render: (_, s) => (s.hasExam ? t('training.sessions.exam', { mark: s.passMark }) : t('training.sessions.noExam')) },
                { title: t('training.fields.status'), key: 'state', render: (_, s) => <SessionStateTag session={s} /> },
              ]}
            />
          )}
        </QueryBoundary>
      </Card>
      {isCreating && <ScheduleSessionModal open onClose={() => setIsCreating(false)} parks={schedulable} />}
    </div>
  );
}
