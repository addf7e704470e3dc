import { Card, Empty, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SeverityTag } from '../../inspections/components/Tags';
import { useFindings, useRuns } from '../../inspections/hooks/useInspections';
import { QueryBoundary } from '../../../ui/QueryBoundary';

/**
 * Today's inspections of property staff's districts: the rounds the park walked today (open them to
 * see each checkpoint), and the findings their company has to fix.
 */
export function WorkbenchInspections() {
  const { t } = useTranslation();
  const runs = useRuns({ pageSize: 50 });
  const findings = useFindings({ status: 'open', pageSize: 20 });
  return (
    <Card title={t('homes.workbench.inspections')} size="small" extra={<Link to="/inspections">{t('homes.workbench.allInspections')}</Link>} data-testid="workbench-inspections">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('homes.workbench.inspectionsHint')}
      </Typography.Paragraph>
      <Typography.Title level={5}>{t('homes.workbench.runsToday')}</Typography.Title>
      <QueryBoundary query={runs} isCard={false}>
        {(page) => {
          const today = page.items.filter((r) => dayjs(r.submittedAt).isSame(dayjs(), 'day'));
          if (!today.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('homes.workbench.noRuns')} />;
          return (
            <List
              size="small"
              dataSource={today}
              renderItem={(r) => (
                <List.Item
                  actions={[
                    <Link key="open" to={`/inspections/runs/${r.id}`} data-testid="workbench-run">
                      {t('homes.workbench.open')}
                    </Link>,
                  ]}
                >
                  <List.Item.Meta
                    title={<span data-user-content>{r.routeName}</span>}
                    description={`${dayjs(r.submittedAt).format('HH:mm')} · ${t('homes.workbench.passedOf', { passed: r.itemCount - r.findingCount, total: r.itemCount })}`}
                  />
                </List.Item>
              )}
            />
          );
        }}
      </QueryBoundary>
      <Typography.Title level={5}>{t('homes.workbench.findings')}</Typography.Title>
      <QueryBoundary query={findings} isCard={false}>
        {(page) =>
          page.items.length ? (
            <List
              size="small"
              dataSource={page.items}
              renderItem={(f) => (
                <List.Item
                  actions={[
                    <Link key="open" to={`/inspections/runs/${f.runId}`}>
                      {t('homes.workbench.open')}
                    </Link>,
                  ]}
                >
                  <List.Item.Meta
                    title={<span data-user-content>{f.itemLabel}</span>}
                    description={
                      <>
                        <span data-user-content>{[f.districtName, f.checkpointName].join(' · ')}</span> {f.severity && <SeverityTag severity={f.severity} />}
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('homes.workbench.noFindings')} />
          )
        }
      </QueryBoundary>
    </Card>
  );
}
