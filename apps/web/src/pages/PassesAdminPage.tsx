import { useState } from 'react';
import { Card, Segmented, Select, Space, Table, Tag } from 'antd';
import { useSearchParams } from 'react-router';
import { ExportButton } from '../ui/ExportButton';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';
import type { Pass, PassKind, Scan } from '../modules/passes/api/passes.api';
import { PassStatusTag } from '../modules/passes/components/PassStatusTag';
import { RevokePassButton } from '../modules/passes/components/RevokePassButton';
import { ScanCharts } from '../modules/passes/components/ScanCharts';
import { usePasses, useScans, useScanStats } from '../modules/passes/hooks/usePasses';

/** Operators: every pass of their parks (revoke), the scan log and charts per gate and hour. */
export function PassesAdminPage() {
  const { t } = useTranslation();
  // The workbench links here filtered: ?kind=visitor&validOn=… (visitors today), ?tab=scans&from=… (scans today).
  const [params] = useSearchParams();
  const [tab, setTab] = useState<'passes' | 'scans'>(params.get('tab') === 'scans' ? 'scans' : 'passes');
  const [kind, setKind] = useState<PassKind | undefined>((params.get('kind') as PassKind | null) ?? undefined);
  const [status, setStatus] = useState<'active' | 'revoked' | undefined>();
  const [validOn, setValidOn] = useState(params.get('validOn') ?? undefined);
  const [scansFrom, setScansFrom] = useState(params.get('from') ?? undefined);
  const [page, setPage] = useState(1);
  const [scanPage, setScanPage] = useState(1);
  const passes = usePasses({ page, pageSize: 20, kind, status, validOn });
  const scans = useScans(scanPage, scansFrom);
  const stats = useScanStats();
  return (
    <div>
      <PageHeader title={t('passesEvents.admin.title')} subtitle={t('passesEvents.admin.subtitle')} />
      <Card title={t('passesEvents.admin.charts')} size="small" style={{ marginBottom: 16 }}>
        <QueryBoundary query={stats} isCard={false}>
          {(s) => <ScanCharts stats={s} />}
        </QueryBoundary>
      </Card>
      <Segmented
        value={tab}
        onChange={(v) => setTab(v as 'passes' | 'scans')}
        options={[
          { value: 'passes', label: t('passesEvents.admin.passes') },
          { value: 'scans', label: <span data-testid="tab-scans">{t('passesEvents.admin.scans')}</span> },
        ]}
        style={{ marginBottom: 12 }}
      />
      {tab === 'passes' ? (
        <Card size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            <Select aria-label={t('passesEvents.admin.filterKind')} allowClear placeholder={t('passesEvents.admin.filterKind')} style={{ width: 140 }} value={kind} onChange={setKind} options={(['member', 'visitor'] as const).map((k) => ({ value: k, label: t(`passesEvents.pass.kind.${k}`) }))} />
            <Select aria-label={t('passesEvents.admin.filterStatus')} allowClear placeholder={t('passesEvents.admin.filterStatus')} style={{ width: 140 }} value={status} onChange={setStatus} options={(['active', 'revoked'] as const).map((k) => ({ value: k, label: t(`passesEvents.pass.status.${k}`) }))} />
            {validOn && (
              <Tag closable onClose={() => setValidOn(undefined)} data-testid="passes-valid-on">
                {t('passesEvents.admin.validity')} ∋ {formatDateTime(validOn)}
              </Tag>
            )}
            <ExportButton path="/passes/export.xlsx" params={{ kind, status, validOn }} testId="passes-export" />
          </Space>
          <Table<Pass>
            rowKey="id"
            size="small"
            scroll={{ x: 720 }}
            loading={passes.isFetching}
            dataSource={passes.data?.items}
            pagination={{ current: page, pageSize: 20, total: passes.data?.total, onChange: setPage, showSizeChanger: false }}
            data-testid="passes-table"
            columns={[
              { title: t('passesEvents.admin.holder'), render: (_, p) => p.holderName ?? p.visitorName },
              { title: t('passesEvents.admin.kind'), render: (_, p) => <Tag>{t(`passesEvents.pass.kind.${p.kind}`)}</Tag> },
              { title: t('passesEvents.pass.enterprise'), dataIndex: 'enterpriseName', ellipsis: true },
              { title: t('passesEvents.admin.validity'), render: (_, p) => `${formatDateTime(p.validFrom)} – ${formatDateTime(p.validTo)}` },
              { title: t('passesEvents.admin.status'), render: (_, p) => <PassStatusTag status={p.status} /> },
              { title: t('common.actions'), render: (_, p) => (p.status === 'revoked' || p.status === 'expired' ? null : <RevokePassButton passId={p.id} />) },
            ]}
          />
        </Card>
      ) : (
        <Card size="small">
          <Space wrap style={{ marginBottom: 12 }}>
            {scansFrom && (
              <Tag closable onClose={() => setScansFrom(undefined)} data-testid="scans-from">
                {t('passesEvents.admin.time')} ≥ {formatDateTime(scansFrom)}
              </Tag>
            )}
            <ExportButton path="/passes/scans/export.xlsx" params={{ from: scansFrom }} testId="scans-export" />
          </Space>
          <Table<Scan>
            rowKey="id"
            size="small"
            scroll={{ x: 640 }}
            loading={scans.isFetching}
            dataSource={scans.data?.items}
            pagination={{ current: scanPage, pageSize: 20, total: scans.data?.total, onChange: setScanPage, showSizeChanger: false }}
            data-testid="scans-table"
            columns={[
              { title: t('passesEvents.admin.time'), render: (_, s) => formatDateTime(s.scannedAt) },
              { title: t('passesEvents.admin.gate'), render: (_, s) => s.gateName ?? s.gateCode ?? s.gateId },
              { title: t('operator.passes.holder'), render: (_, s) => s.holderName ?? '—' },
              { title: t('passesEvents.admin.kind'), render: (_, s) => (s.holderKind ? t(`passesEvents.pass.kind.${s.holderKind}`, { defaultValue: s.holderKind }) : '—') },
              { title: t('passesEvents.admin.result'), render: (_, s) => <Tag color={s.result === 'accepted' ? 'green' : 'red'}>{t(`passesEvents.admin.${s.result}`)}</Tag> },
              { title: t('passesEvents.admin.reason'), render: (_, s) => t(`passesEvents.reasons.${s.reason}`, { defaultValue: s.reason }) },
              { title: t('passesEvents.admin.via'), render: (_, s) => s.via.toUpperCase() },
            ]}
          />
        </Card>
      )}
    </div>
  );
}
