import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Image, Input, Modal, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '../lib/format';
import { errorMessage } from '../lib/form-errors';
import { useSession } from '../modules/auth/hooks/useSession';
import { fileUrl, thumbnailUrl } from '../modules/files/api/files.api';
import type { Result, RunDetail } from '../modules/inspections/api/inspections.api';
import { ResultStatusTag, SeverityTag } from '../modules/inspections/components/Tags';
import { useOpenWorkOrder, useRun, useVoidFinding } from '../modules/inspections/hooks/useInspections';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** One marked item; a finding shows its company, points, photos, work order, and (operators) void / open an order. */
export function ResultRow({ r, canManage }: { r: Result; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const voidFinding = useVoidFinding();
  const openOrder = useOpenWorkOrder();
  return (
    <div style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }} data-testid={`result-${r.checkpointKey}-${r.itemKey}`}>
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text>{r.itemLabel}</Typography.Text>
        <Space size={4} wrap>
          {r.kind === 'score' && r.score !== null && <Tag>{t('inspections.run.scoreOf', { score: r.score, max: r.maxScore })}</Tag>}
          {r.severity && <SeverityTag severity={r.severity} />}
          <ResultStatusTag status={r.status} />
        </Space>
      </Flex>
      {!r.passed && (
        <Space direction="vertical" size={4} style={{ width: '100%', marginTop: 6 }}>
          {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
          <Typography.Text type="secondary">
            {r.propertyCompanyName ?? '—'} · {t('inspections.run.pointsOf', { points: r.points })}
          </Typography.Text>
          {r.photoIds.length > 0 && (
            <Image.PreviewGroup>
              <Flex gap={6} wrap>
                {r.photoIds.map((id) => (
                  <Image key={id} width={72} height={72} style={{ objectFit: 'cover' }} src={thumbnailUrl(id)} preview={{ src: fileUrl(id) }} alt={r.itemLabel} />
                ))}
              </Flex>
            </Image.PreviewGroup>
          )}
          {r.status === 'voided' && <Typography.Text type="secondary">{t('inspections.run.voidedBecause', { reason: r.voidReason })}</Typography.Text>}
          <Space wrap>
            {r.workOrderId && (
              <Link to={`/work-orders/${r.workOrderId}`} data-testid={`workorder-link-${r.checkpointKey}-${r.itemKey}`}>
                {t('inspections.run.workOrderLink', { number: r.workOrderNumber })}
              </Link>
            )}
            {canManage && r.status === 'open' && !r.workOrderId && (
              <Button size="small" loading={openOrder.isPending} onClick={() => openOrder.mutate(r.id, { onSuccess: () => void message.success(t('inspections.run.opened')), onError: (e) => void message.error(errorMessage(e)) })}>
                {t('inspections.run.openWorkOrder')}
              </Button>
            )}
            {canManage && r.status === 'open' && (
              <Button size="small" danger onClick={() => setVoiding(true)}>
                {t('inspections.run.void')}
              </Button>
            )}
          </Space>
        </Space>
      )}
      <Modal
        open={voiding}
        title={t('inspections.run.voidTitle')}
        onCancel={() => setVoiding(false)}
        okButtonProps={{ disabled: !reason.trim(), loading: voidFinding.isPending, danger: true }}
        onOk={() =>
          voidFinding.mutate(
            { id: r.id, reason },
            {
              onSuccess: () => {
                setVoiding(false);
                void message.success(t('inspections.run.voided'));
              },
              onError: (e) => void message.error(errorMessage(e)),
            },
          )
        }
      >
        <Input.TextArea rows={3} placeholder={t('inspections.run.voidReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </div>
  );
}

function RunView({ run }: { run: RunDetail }) {
  const { t } = useTranslation();
  const { permissions } = useSession();
  const groups = new Map<string, Result[]>();
  for (const r of run.results) groups.set(r.checkpointKey, [...(groups.get(r.checkpointKey) ?? []), r]);
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small">
        <Typography.Text>{t('inspections.run.summary', { route: run.routeName, inspector: run.inspectorName, time: formatDateTime(run.startedAt) })}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{t('inspections.home.items', { items: run.itemCount, findings: run.findingCount })}</Typography.Text>
      </Card>
      {groups.size === 0 && <Empty />}
      {[...groups.values()].map((rs) => (
        <Card key={rs[0].checkpointKey} size="small" title={rs[0].checkpointName} extra={<Typography.Text type="secondary">{rs[0].districtName}</Typography.Text>}>
          {rs.map((r) => (
            <ResultRow key={r.id} r={r} canManage={permissions.isOperator} />
          ))}
        </Card>
      ))}
    </Space>
  );
}

/** A submitted inspection, checkpoint by checkpoint; property staff see their own districts' items. */
export function InspectionRunPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const run = useRun(id);
  return (
    <div style={{ maxWidth: 900 }}>
      <PageHeader title={t('inspections.run.title')} crumbs={[{ title: t('inspections.home.title'), to: '/inspections' }, { title: run.data?.routeName ?? '' }]} />
      <QueryBoundary query={run}>{(r) => <RunView run={r} />}</QueryBoundary>
    </div>
  );
}
