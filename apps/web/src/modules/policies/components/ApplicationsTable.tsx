import { useState } from 'react';
import { Select, Space } from 'antd';
import { ResponsiveTable } from '../../../ui/ResponsiveTable';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime, formatFen } from '../../../lib/format';

/** An amount in yuan with its ¥ sign (— when there is none), as the relief pages show money. */
const formatCny = (fen: number | null | undefined) => (fen === null || fen === undefined ? '—' : `¥${formatFen(fen)}`);
import type { ApplicationStatus, ApplicationSummary } from '../api/policies.api';
import { useApplications } from '../hooks/usePolicies';
import { ApplicationStatusTag } from './PolicyTags';

const STATUSES: ApplicationStatus[] = ['enquiry', 'submitted', 'returned', 'approved', 'rejected', 'withdrawn'];

/** Applications the viewer may see (operators: their parks'), filterable by status; of one policy when given. */
export function ApplicationsTable({ policyId }: { policyId?: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ApplicationStatus | undefined>(undefined);
  const [page, setPage] = useState(1);
  const apps = useApplications({ policyId, status, page, pageSize: 20 });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Select allowClear placeholder={t('policies.application.status')} style={{ width: 200 }} value={status} onChange={(v) => (setStatus(v), setPage(1))} options={STATUSES.map((s) => ({ value: s, label: t(`policies.appStatus.${s}`) }))} />
      <ResponsiveTable<ApplicationSummary>
        rowKey="id"
        size="small"
        scroll={{ x: 720 }}
        loading={apps.isLoading}
        dataSource={apps.data?.items ?? []}
        locale={{ emptyText: t('policies.application.empty') }}
        pagination={{ current: page, pageSize: 20, total: apps.data?.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('policies.application.policy'), dataIndex: 'policyTitle', render: (v: string, r) => <Link to={`/policies/applications/${r.id}`}>{v}</Link> },
          { title: t('policies.application.enterprise'), dataIndex: 'enterpriseName' },
          { title: t('policies.application.status'), dataIndex: 'status', render: (s: ApplicationStatus) => <ApplicationStatusTag status={s} /> },
          { title: t('policies.application.advisor'), render: (_: unknown, r) => r.advisor?.displayName ?? '—' },
          { title: t('policies.application.requested'), dataIndex: 'requestedAmountFen', align: 'right', render: (v: number | null) => formatCny(v) },
          { title: t('policies.application.granted'), dataIndex: 'grantedAmountFen', align: 'right', render: (v: number | null) => formatCny(v) },
          { title: t('policies.application.submittedAt'), dataIndex: 'submittedAt', render: (v: string | null) => formatDateTime(v) },
        ]}
      />
    </Space>
  );
}
