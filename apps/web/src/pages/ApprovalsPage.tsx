import { useState } from 'react';
import { Table, Tabs, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseStatus, CaseSummary, InboxItem } from '../modules/approvals/api/approvals.api';
import { useCases, useInbox } from '../modules/approvals/hooks/useApprovals';
import { localName } from '../modules/approvals/utils/names';
import { useSession } from '../modules/auth/hooks/useSession';
import { formatDateTime } from '../lib/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

const STATUS_COLORS: Record<CaseStatus, string> = { in_progress: 'processing', approved: 'success', rejected: 'error', returned: 'warning', withdrawn: 'default' };

/** A case's status as a coloured tag. */
export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLORS[status]}>{t(`approvals.status.${status}`)}</Tag>;
}

function CaseList({ scope }: { scope: 'mine' | 'park' }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const cases = useCases({ scope, page });
  return (
    <QueryBoundary query={cases}>
      {(data) => (
        <Table<CaseSummary>
          rowKey="id"
          dataSource={data.items}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('approvals.inbox.noCases') }}
          pagination={{ current: page, pageSize: data.pageSize, total: data.total, onChange: setPage, hideOnSinglePage: true }}
          columns={[
            { title: t('approvals.case.title'), key: 'title', render: (_: unknown, c) => <Link to={`/approvals/cases/${c.id}`}>{c.title}</Link> },
            { title: t('approvals.case.flow'), key: 'flow', render: (_: unknown, c) => localName(c.flow, i18n.language) },
            { title: t('approvals.case.applicant'), key: 'applicant', render: (_: unknown, c) => c.applicant.displayName },
            { title: t('approvals.case.status'), dataIndex: 'status', render: (s: CaseStatus) => <CaseStatusTag status={s} /> },
            { title: t('approvals.case.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
          ]}
        />
      )}
    </QueryBoundary>
  );
}

/** Approvals (审批): my tasks (待办), the cases I applied for, and (operators) my parks' cases. */
export function ApprovalsPage() {
  const { t, i18n } = useTranslation();
  const { permissions } = useSession();
  const inbox = useInbox();
  const tasks = (
    <QueryBoundary query={inbox}>
      {(items) => (
        <Table<InboxItem>
          rowKey="taskId"
          dataSource={items}
          pagination={false}
          scroll={{ x: 640 }}
          locale={{ emptyText: t('approvals.inbox.empty') }}
          columns={[
            { title: t('approvals.case.title'), key: 'title', render: (_: unknown, i) => <Link to={`/approvals/cases/${i.case.id}`} data-testid={`inbox-${i.case.id}`}>{i.case.title}</Link> },
            { title: t('approvals.inbox.step'), key: 'step', render: (_: unknown, i) => `${localName({ nameZh: i.stepNameZh, nameEn: i.stepNameEn }, i18n.language)} · ${t(`approvals.modes.${i.mode}`)}` },
            { title: t('approvals.case.applicant'), key: 'applicant', render: (_: unknown, i) => i.case.applicant.displayName },
            {
              title: t('approvals.inbox.due'),
              dataIndex: 'dueAt',
              render: (v: string | null) => (v ? <span style={{ color: new Date(v) < new Date() ? '#cf1322' : undefined }}>{formatDateTime(v)}</span> : t('approvals.inbox.noDue')),
            },
          ]}
        />
      )}
    </QueryBoundary>
  );
  return (
    <div>
      <PageHeader title={t('approvals.inbox.title')} subtitle={t('approvals.inbox.subtitle')} />
      <Tabs
        items={[
          { key: 'tasks', label: `${t('approvals.inbox.tabs.tasks')}${inbox.data?.length ? ` (${inbox.data.length})` : ''}`, children: tasks },
          { key: 'mine', label: t('approvals.inbox.tabs.mine'), children: <CaseList scope="mine" /> },
          ...(permissions.isOperator ? [{ key: 'park', label: t('approvals.inbox.tabs.park'), children: <CaseList scope="park" /> }] : []),
        ]}
      />
    </div>
  );
}
