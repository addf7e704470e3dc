import { Button, Card, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../modules/auth/hooks/useSession';
import type { Appeal } from '../modules/evaluation/api/outcomes.api';
import { AppealFormModal } from '../modules/evaluation/components/AppealFormModal';
import { useAppeals } from '../modules/evaluation/hooks/useOutcomes';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

const STATUS_COLOR: Record<Appeal['status'], string> = { in_review: 'processing', returned: 'warning', approved: 'success', rejected: 'error', withdrawn: 'default' };

/** Appeals against closed periods' scores: property staff file theirs; operators follow them (decided in approvals). */
export function EvaluationAppealsPage() {
  const { t, i18n } = useTranslation();
  const { permissions } = useSession();
  const appeals = useAppeals();
  const [open, setOpen] = useState(false);
  return (
    <div>
      <PageHeader
        title={t('evaluationOutcomes.appeals.title')}
        subtitle={t('evaluationOutcomes.appeals.subtitle')}
        extra={permissions.isProperty ? <Button type="primary" data-testid="eo-appeal-new" onClick={() => setOpen(true)}>{t('evaluationOutcomes.appeals.file')}</Button> : null}
      />
      <Card styles={{ body: { padding: 0 } }}>
        <QueryBoundary query={appeals}>
          {(rows) => (
            <Table<Appeal>
              rowKey="id"
              size="small"
              dataSource={rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('evaluationOutcomes.appeals.empty') }}
              onRow={(r) => ({ 'data-testid': `eo-appeal-${r.id}` }) as never}
              columns={[
                { title: t('evaluationOutcomes.appeals.period'), dataIndex: 'periodLabel' },
                { title: t('evaluationOutcomes.appeals.item'), render: (_, r) => `${t(`evaluationOutcomes.appeals.itemKinds.${r.itemKind}`)} · ${r.itemLabel}` },
                { title: t('evaluationOutcomes.appeals.reason'), dataIndex: 'reason', ellipsis: true, width: 280 },
                { title: t('evaluationOutcomes.appeals.points'), dataIndex: 'companyPoints', align: 'right', render: (v: number) => `+${(Math.round(v * 100) / 100).toFixed(2)}` },
                { title: t('evaluationOutcomes.appeals.status'), dataIndex: 'status', render: (v: Appeal['status']) => <Tag color={STATUS_COLOR[v]}>{t(`evaluationOutcomes.status.${v}`)}</Tag> },
                { title: t('evaluationOutcomes.appeals.applied'), render: (_, r) => (r.status !== 'approved' ? '—' : (r.appliedPeriodLabel ?? t('evaluationOutcomes.appeals.pendingApply'))) },
                { title: t('evaluationOutcomes.appeals.case'), render: (_, r) => (r.caseId ? <Link to={`/approvals/cases/${r.caseId}`}>{r.caseId.slice(0, 8)}</Link> : '—') },
                { title: t('evaluationOutcomes.appeals.created'), dataIndex: 'createdAt', render: (v: string) => new Date(v).toLocaleDateString(i18n.language) },
              ]}
            />
          )}
        </QueryBoundary>
      </Card>
      <AppealFormModal open={open} onClose={() => setOpen(false)} />
    </div>
  );
}
