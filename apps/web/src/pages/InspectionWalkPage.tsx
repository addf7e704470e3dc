import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Checkbox, Flex, Input, InputNumber, Progress, Radio, Space, Typography } from 'antd';
import { CameraOutlined, CloudUploadOutlined, DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { CheckItem } from '@parkos/contracts';
import type { RouteDetail } from '../modules/inspections/api/inspections.api';
import { SeverityTag } from '../modules/inspections/components/Tags';
import { useRoute } from '../modules/inspections/hooks/useInspections';
import { useOutbox } from '../modules/inspections/hooks/useOutbox';
import { dropDraft, loadDraft, saveDraft, type Draft, type DraftMark } from '../modules/inspections/utils/outbox';
import { newClientId } from '../modules/inspections/utils/uuid';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

const markKey = (cp: string, item: string) => `${cp}/${item}`;

/** A photo kept on the phone, shown from its blob. */
function PhotoThumb({ blob, onRemove }: { blob: Blob; onRemove: () => void }) {
  const url = useMemo(() => URL.createObjectURL(blob), [blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <span style={{ position: 'relative', display: 'inline-block' }}>
      <img src={url} alt="" width={64} height={64} style={{ objectFit: 'cover', borderRadius: 4 }} />
      <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove} style={{ position: 'absolute', top: 0, right: 0 }} />
    </span>
  );
}

function ItemMark({ cpKey, item, mark, onChange }: { cpKey: string; item: CheckItem; mark: DraftMark | undefined; onChange: (m: DraftMark) => void }) {
  const { t } = useTranslation();
  const base: DraftMark = mark ?? { checkpointKey: cpKey, itemKey: item.key, photos: [], openWorkOrder: true, note: null };
  const failed = item.kind === 'score' ? base.score !== undefined && base.score < (item.passScore ?? 0) : base.passed === false;
  const id = `${cpKey}-${item.key}`;
  return (
    <div style={{ padding: '12px 0', borderTop: '1px solid #f0f0f0' }} data-testid={`item-${id}`}>
      <Flex justify="space-between" gap={8} wrap>
        <Typography.Text strong>{item.label}</Typography.Text>
        <SeverityTag severity={item.severity} />
      </Flex>
      <div style={{ marginTop: 8 }}>
        {item.kind === 'pass_fail' ? (
          // A radio group starts with nothing chosen (a segmented control would show its first option as chosen).
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            style={{ display: 'flex' }}
            value={base.passed === undefined ? undefined : base.passed ? 'pass' : 'fail'}
            onChange={(e) => onChange({ ...base, passed: e.target.value === 'pass', openWorkOrder: e.target.value === 'fail' })}
          >
            <Radio.Button value="pass" style={{ flex: 1, textAlign: 'center' }}>
              <span data-testid={`mark-${id}-pass`}>{t('inspections.walk.pass')}</span>
            </Radio.Button>
            <Radio.Button value="fail" style={{ flex: 1, textAlign: 'center' }}>
              <span data-testid={`mark-${id}-fail`}>{t('inspections.walk.fail')}</span>
            </Radio.Button>
          </Radio.Group>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('inspections.walk.score', { max: item.maxScore, pass: item.passScore })}</Typography.Text>
            <InputNumber data-testid={`mark-${id}-score`} min={0} max={item.maxScore ?? 100} value={base.score} onChange={(v) => onChange({ ...base, score: v ?? undefined })} style={{ width: '100%' }} inputMode="numeric" />
          </Space>
        )}
      </div>
      {failed && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <Input.TextArea data-testid={`note-${id}`} rows={2} placeholder={t('inspections.walk.note')} value={base.note ?? ''} onChange={(e) => onChange({ ...base, note: e.target.value })} />
          <Flex gap={8} wrap align="center">
            {base.photos.map((p, i) => p.blob && <PhotoThumb key={i} blob={p.blob} onRemove={() => onChange({ ...base, photos: base.photos.filter((_, j) => j !== i) })} />)}
            <label className="ant-btn ant-btn-default" style={{ display: 'inline-flex', alignItems: 'center', gap: 6, padding: '4px 12px', border: '1px solid #d9d9d9', borderRadius: 6, cursor: 'pointer' }}>
              <CameraOutlined />
              {t('inspections.walk.takePhoto')}
              <input
                data-testid={`photo-${id}`}
                type="file"
                accept="image/*"
                capture="environment"
                style={{ display: 'none' }}
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) onChange({ ...base, photos: [...base.photos, { name: f.name, blob: f }] });
                  e.target.value = '';
                }}
              />
            </label>
          </Flex>
          {item.photoRequiredOnFail && !base.photos.length && <Typography.Text type="danger">{t('inspections.walk.photoRequired')}</Typography.Text>}
          <Checkbox data-testid={`order-${id}`} checked={base.openWorkOrder} onChange={(e) => onChange({ ...base, openWorkOrder: e.target.checked })}>
            {t('inspections.walk.openWorkOrder')}
          </Checkbox>
        </Space>
      )}
    </div>
  );
}

function Walk({ route, scheduleId }: { route: RouteDetail; scheduleId: string | null }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [waiting, setWaiting] = useState<string | null>(null);
  const outbox = useOutbox((run, clientId) => {
    if (clientId !== waiting) return;
    void message.success(t('inspections.walk.sent'));
    void navigate(`/inspections/runs/${run.id}`);
  });
  useEffect(() => {
    void loadDraft(route.id).then((d) => {
      if (d && d.scheduleId === scheduleId) {
        setDraft(d);
        void message.info(t('inspections.walk.draftRestored'));
      } else setDraft({ clientId: newClientId(), routeId: route.id, routeName: route.name, scheduleId, startedAt: new Date().toISOString(), note: null, marks: {} });
    });
    // Once per route and schedule.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [route.id, scheduleId]);
  const templates = new Map(route.templates.map((x) => [x.id, x]));
  const all = route.checkpoints.flatMap((cp) => (templates.get(cp.templateId)?.items ?? []).map((item) => ({ cp, item })));
  if (!draft) return null;
  const isMarked = (item: CheckItem, m: DraftMark | undefined) => !!m && (item.kind === 'score' ? m.score !== undefined : m.passed !== undefined);
  const done = all.filter(({ cp, item }) => isMarked(item, draft.marks[markKey(cp.key, item.key)])).length;
  const update = (m: DraftMark) => {
    const next = { ...draft, marks: { ...draft.marks, [markKey(m.checkpointKey, m.itemKey)]: m } };
    setDraft(next);
    void saveDraft(next);
  };
  const mine = outbox.queued.find((q) => q.clientId === (waiting ?? ''));
  const submit = async () => {
    if (done < all.length) return void message.warning(t('inspections.walk.incomplete', { count: all.length - done }));
    const missing = all.find(({ cp, item }) => {
      const m = draft.marks[markKey(cp.key, item.key)];
      const failed = item.kind === 'score' ? (m?.score ?? 0) < (item.passScore ?? 0) : m?.passed === false;
      return failed && item.photoRequiredOnFail && !m?.photos.length;
    });
    if (missing) return void message.warning(`${missing.cp.name} · ${missing.item.label} — ${t('inspections.walk.photoRequired')}`);
    // Only a failed item opens a work order.
    const marks: Record<string, DraftMark> = {};
    for (const { cp, item } of all) {
      const k = markKey(cp.key, item.key);
      const m = draft.marks[k];
      const failed = item.kind === 'score' ? (m.score ?? 0) < (item.passScore ?? 0) : m.passed === false;
      marks[k] = { ...m, openWorkOrder: failed && m.openWorkOrder };
    }
    setWaiting(draft.clientId);
    await dropDraft(route.id);
    await outbox.enqueue({ ...draft, marks });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {!outbox.isOnline && <Alert type="warning" showIcon message={t('inspections.walk.offlineBanner')} data-testid="walk-offline-banner" />}
      {mine && !mine.error && <Alert type="info" showIcon icon={<CloudUploadOutlined />} message={t('inspections.walk.offline')} data-testid="walk-queued" />}
      {mine?.error && (
        <Alert
          type="error"
          showIcon
          message={t('inspections.walk.refused', { field: mine.error })}
          action={
            <Button size="small" danger onClick={() => void outbox.discard(mine.clientId)}>
              {t('inspections.walk.discard')}
            </Button>
          }
        />
      )}
      <Card size="small">
        <Typography.Text>{t('inspections.walk.progress', { done, total: all.length })}</Typography.Text>
        <Progress percent={all.length ? Math.round((done / all.length) * 100) : 0} showInfo={false} />
      </Card>
      {route.checkpoints.map((cp, i) => (
        <Card key={cp.key} size="small" title={`${i + 1}. ${cp.name}`} extra={<Typography.Text type="secondary">{cp.buildingName ?? cp.locationText ?? cp.districtName}</Typography.Text>} data-testid={`checkpoint-${cp.key}`}>
          {(templates.get(cp.templateId)?.items ?? []).map((item) => (
            <ItemMark key={item.key} cpKey={cp.key} item={item} mark={draft.marks[markKey(cp.key, item.key)]} onChange={update} />
          ))}
        </Card>
      ))}
      <Button type="primary" block size="large" onClick={() => void submit()} disabled={!!mine} data-testid="walk-submit">
        {t('inspections.walk.submit')}
      </Button>
    </Space>
  );
}

/** An inspection walked on a phone: every checkpoint's items marked, photos taken, kept on the device until sent. */
export function InspectionWalkPage() {
  const { t } = useTranslation();
  const { routeId = '' } = useParams();
  const [params] = useSearchParams();
  const route = useRoute(routeId);
  return (
    <div style={{ maxWidth: 720 }}>
      <PageHeader title={t('inspections.walk.title', { route: route.data?.name ?? '' })} crumbs={[{ title: t('inspections.home.title'), to: '/inspections' }, { title: route.data?.name ?? '' }]} />
      <QueryBoundary query={route}>{(r) => <Walk route={r} scheduleId={params.get('schedule')} />}</QueryBoundary>
    </div>
  );
}
