import type { EvalScoreNode } from '@parkos/contracts';
import { App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/form-errors';
import { usePeriods, useRanking, useScoreTree } from '../hooks/useEvaluation';
import { useFileAppeal } from '../hooks/useOutcomes';

const leavesOf = (tree: EvalScoreNode[]): EvalScoreNode[] => tree.flatMap((n) => (n.children?.length ? leavesOf(n.children) : n.key === 'appeal_corrections' ? [] : [n]));

/** Property staff file an appeal: a closed period, one of their districts, a deduction or an indicator, reasons. */
export function AppealFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const periods = usePeriods();
  const closed = (periods.data ?? []).filter((p) => p.status === 'closed');
  const [periodId, setPeriodId] = useState<string>();
  const [districtId, setDistrictId] = useState<string>();
  const [itemKind, setItemKind] = useState<'finding' | 'indicator'>('finding');
  const [form] = Form.useForm();
  const ranking = useRanking(periodId ?? '');
  const districts = (ranking.data?.districts ?? []).filter((d) => d.canExplain && d.companyId);
  const tree = useScoreTree(periodId ?? '', 'district', districtId ?? '');
  const leaves = useMemo(() => (tree.data ? leavesOf(tree.data.tree) : []), [tree.data]);
  const findings = leaves.flatMap((l) => (l.explanation?.items ?? []).filter((i) => i.type === 'finding').map((i) => ({ value: `${i.source}|${i.id}`, label: `${l.name} · ${i.label} (−${i.points ?? 0})` })));
  const file = useFileAppeal();

  async function submit() {
    const v = await form.validateFields();
    if (!periodId || !districtId) return;
    try {
      if (itemKind === 'finding') {
        const [source, findingId] = String(v.finding).split('|');
        await file.mutateAsync({ periodId, districtId, itemKind, findingId, source: source as 'inspection' | 'spot_check', reason: v.reason });
      } else await file.mutateAsync({ periodId, districtId, itemKind, indicatorKey: v.indicator, claimedScore: v.claimedScore, reason: v.reason });
      void message.success(t('evaluationOutcomes.appeals.filed'));
      form.resetFields();
      onClose();
    } catch (e) {
      void message.error(e instanceof ApiError && e.status === 409 ? t('evaluationOutcomes.appeals.conflict') : errorMessage(e));
    }
  }

  return (
    <Modal open={open} title={t('evaluationOutcomes.appeals.file')} onCancel={onClose} onOk={() => void submit()} confirmLoading={file.isPending} okButtonProps={{ 'data-testid': 'eo-appeal-submit' } as never} destroyOnHidden>
      <Form form={form} layout="vertical">
        <Form.Item label={t('evaluationOutcomes.appeals.period')} required>
          <Select data-testid="eo-appeal-period" value={periodId} onChange={(v) => { setPeriodId(v); setDistrictId(undefined); }} options={closed.map((p) => ({ value: p.id, label: `${p.label} · ${p.schemeName}` }))} notFoundContent={t('evaluationOutcomes.appeals.noClosed')} />
        </Form.Item>
        <Form.Item label={t('evaluationOutcomes.appeals.district')} required>
          <Select data-testid="eo-appeal-district" value={districtId} onChange={setDistrictId} options={districts.map((d) => ({ value: d.subjectId, label: d.name }))} disabled={!periodId} />
        </Form.Item>
        <Form.Item label={t('evaluationOutcomes.appeals.itemKind')}>
          <Radio.Group value={itemKind} onChange={(e) => setItemKind(e.target.value)} options={(['finding', 'indicator'] as const).map((k) => ({ value: k, label: t(`evaluationOutcomes.appeals.itemKinds.${k}`) }))} />
        </Form.Item>
        {itemKind === 'finding' ? (
          <Form.Item name="finding" label={t('evaluationOutcomes.appeals.finding')} rules={[{ required: true }]}>
            <Select data-testid="eo-appeal-finding" options={findings} disabled={!districtId} notFoundContent={t('evaluationOutcomes.appeals.noItems')} />
          </Form.Item>
        ) : (
          <>
            <Form.Item name="indicator" label={t('evaluationOutcomes.appeals.indicator')} rules={[{ required: true }]}>
              <Select data-testid="eo-appeal-indicator" options={leaves.map((l) => ({ value: l.key, label: `${l.name} (${(Math.round(l.score * 100) / 100).toFixed(2)})` }))} disabled={!districtId} />
            </Form.Item>
            <Form.Item name="claimedScore" label={t('evaluationOutcomes.appeals.claimedScore')} rules={[{ required: true }]}>
              <InputNumber data-testid="eo-appeal-claimed" min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
          </>
        )}
        <Form.Item name="reason" label={t('evaluationOutcomes.appeals.reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea data-testid="eo-appeal-reason" rows={4} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
