import { useState } from 'react';
import { App, Button, Card, Input, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/form-errors';
import type { MaterialInput, Policy } from '../api/policies.api';
import { useApply, useEnquire } from '../hooks/usePolicies';
import { MaterialUploads } from './MaterialUploads';

const REASONS = ['already_applied', 'deadline_passed', 'not_eligible'];

/** Applying: the materials checklist (one upload each), notes, the amount asked for an up-to policy; and asking for guidance. */
export function ApplyCard({ policy, canEnquire }: { policy: Policy; canEnquire: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const apply = useApply();
  const enquire = useEnquire();
  const [materials, setMaterials] = useState<MaterialInput[]>([]);
  const [notes, setNotes] = useState('');
  const [requestedYuan, setRequestedYuan] = useState<number | null>(null);
  const [question, setQuestion] = useState('');
  const isComplete = policy.materials.every((n) => materials.some((m) => m.name === n));

  const explain = (e: unknown) => {
    const reason = e instanceof ApiError ? String(e.details.reason ?? '') : '';
    void message.error(REASONS.includes(reason) ? t(`policies.apply.errors.${reason}`) : errorMessage(e));
  };
  const handleApply = () =>
    apply.mutate(
      { id: policy.id, body: { materials, notes: notes.trim() || undefined, requestedAmountFen: policy.amountKind === 'up_to' && requestedYuan !== null ? Math.round(requestedYuan * 100) : undefined } },
      { onSuccess: () => void message.success(t('policies.apply.submitted')), onError: explain },
    );
  const handleEnquire = () => enquire.mutate({ id: policy.id, text: question.trim() }, { onSuccess: () => (setQuestion(''), void message.success(t('policies.apply.enquirySent'))), onError: explain });

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('policies.apply.title')} data-testid="apply-card">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t('policies.apply.checklist')}</Typography.Text>
          <MaterialUploads names={policy.materials} onChange={setMaterials} />
          {/* The hint is a label above the field: as a placeholder it was cut off on a phone. */}
          {policy.amountKind === 'up_to' && (
            <label style={{ display: 'block' }}>
              <Typography.Text type="secondary">{t('policies.apply.requested')}</Typography.Text>
              <InputNumber min={0} max={policy.amountFen === null ? undefined : policy.amountFen / 100} precision={2} prefix="¥" style={{ width: '100%', maxWidth: 320, marginTop: 4 }} value={requestedYuan} onChange={(v) => setRequestedYuan(v)} />
            </label>
          )}
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('policies.apply.notes')} value={notes} onChange={(e) => setNotes(e.target.value)} />
          {!isComplete && <Typography.Text type="secondary">{t('policies.apply.missing')}</Typography.Text>}
          <Button type="primary" disabled={!isComplete} loading={apply.isPending} onClick={handleApply} data-testid="apply-submit">
            {t('policies.apply.submit')}
          </Button>
        </Space>
      </Card>
      {canEnquire && (
        <Card size="small" title={t('policies.apply.enquire')}>
          <Space.Compact style={{ width: '100%' }}>
            <Input value={question} onChange={(e) => setQuestion(e.target.value)} maxLength={2000} placeholder={t('policies.apply.enquiryPlaceholder')} />
            <Button onClick={handleEnquire} disabled={!question.trim()} loading={enquire.isPending}>
              {t('policies.thread.send')}
            </Button>
          </Space.Compact>
        </Card>
      )}
    </Space>
  );
}
