import { Card, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { ErrorState } from '../../../ui/ErrorState';
import type { JobStatus } from '../api/jobs.api';
import { useJobs } from '../hooks/useJobs';

/** A period in the largest whole unit (`20 s`, `10 min`, `1 h`). */
function usePeriod() {
  const { t } = useTranslation();
  return (ms: number) => (ms % 3_600_000 === 0 ? t('jobs.hours', { count: ms / 3_600_000 }) : ms % 60_000 === 0 ? t('jobs.minutes', { count: ms / 60_000 }) : t('jobs.seconds', { count: Math.round(ms / 1000) }));
}

/** The scheduler's jobs with their period, last run and status (company-wide operators). */
export function BackgroundJobsCard() {
  const { t } = useTranslation();
  const jobs = useJobs();
  const period = usePeriod();
  const status = (j: JobStatus) => {
    if (j.isRunning) return <Tag color="processing">{t('jobs.running')}</Tag>;
    if (j.lastStatus === 'failed')
      return (
        <Tooltip title={j.lastError}>
          <Tag color="error" data-testid={`job-failed-${j.id}`}>{t('jobs.failed', { count: j.consecutiveFailures })}</Tag>
        </Tooltip>
      );
    if (j.lastStatus === 'ok') return <Tag color="success">{t('jobs.ok')}</Tag>;
    return <Tag>{t('jobs.notRun')}</Tag>;
  };
  return (
    <Card title={t('jobs.title')} style={{ marginTop: 16 }} data-testid="background-jobs">
      {jobs.isError ? (
        <ErrorState error={jobs.error} onRetry={() => void jobs.refetch()} />
      ) : (
        <Table<JobStatus>
          size="small"
          rowKey="id"
          loading={jobs.isLoading}
          dataSource={jobs.data?.items ?? []}
          pagination={false}
          scroll={{ x: 760 }}
          columns={[
            {
              title: t('jobs.job'),
              dataIndex: 'id',
              width: 220,
              // The id is the row in scheduled_jobs and the name in the logs; a job a newer server added shows its id alone.
              render: (id: string) => (
                <>
                  {t(`jobs.names.${id}`, { defaultValue: '' })} <Typography.Text code>{id}</Typography.Text>
                </>
              ),
            },
            { title: t('jobs.period'), dataIndex: 'intervalMs', width: 90, render: period },
            { title: t('jobs.status'), key: 'status', width: 130, render: (_, j) => status(j) },
            { title: t('jobs.lastRun'), dataIndex: 'lastStartedAt', width: 160, render: (v: string | null) => formatDateTime(v) },
            { title: t('jobs.duration'), dataIndex: 'lastDurationMs', width: 90, render: (v: number | null) => (v === null ? '' : t('jobs.ms', { count: v })) },
            { title: t('jobs.nextRun'), dataIndex: 'nextRunAt', width: 160, render: (v: string) => formatDateTime(v) },
            { title: t('jobs.runs'), key: 'runs', width: 110, render: (_, j) => t('jobs.runCounts', { runs: j.runCount, failures: j.failureCount }) },
          ]}
        />
      )}
    </Card>
  );
}
