import { EVAL_PERIOD_KINDS, findTreeIssues, type EvalIndicator, type EvalPeriodKind } from '@parkos/contracts';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/form-errors';
import { useParks } from '../../parks/hooks/useParks';
import type { Scheme } from '../api/evaluation.api';
import { useCreateScheme, useUpdateScheme } from '../hooks/useEvaluation';
import { IndicatorTreeEditor } from './IndicatorTreeEditor';

/** The name of the indicator a path points into (`indicators[1].children` → the second first-level indicator). */
function nameAt(indicators: EvalIndicator[], path: string): string | null {
  const idx = [...path.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
  let list = indicators;
  let name: string | null = null;
  for (const i of idx) {
    const node = list[i];
    if (!node) return name;
    name = node.name;
    list = node.children ?? [];
  }
  return name;
}

interface Problem {
  field: string;
  text: string;
}

/** Create or edit a scheme: park, period kind and the nested indicator tree (each level must sum to 100). */
export function SchemeFormModal({ open, scheme, onClose }: { open: boolean; scheme?: Scheme; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const parks = useParks();
  const create = useCreateScheme();
  const update = useUpdateScheme();
  const [name, setName] = useState(scheme?.name ?? '');
  const [parkId, setParkId] = useState<string | undefined>(scheme?.parkId);
  const [periodKind, setPeriodKind] = useState<EvalPeriodKind>(scheme?.periodKind ?? 'month');
  const [indicators, setIndicators] = useState<EvalIndicator[]>(scheme?.indicators ?? []);
  const [problems, setProblems] = useState<Problem[]>([]);
  const effectivePark = parkId ?? (parks.data?.length === 1 ? parks.data[0].id : undefined);

  const describe = (field: string, code: string) => {
    const path = field.replace(/^body\./, '');
    const at = nameAt(indicators, path);
    const known = ['weights_not_100', 'source_required', 'source_on_parent', 'duplicate_key', 'empty'].includes(code);
    return { field: path, text: `${path}${at ? `（${at}）` : ''}: ${known ? t(`evaluation.treeIssues.${code}`) : code}` };
  };

  async function submit() {
    const local = findTreeIssues(indicators).map((i) => describe(i.path, i.code));
    if (!name.trim() || !effectivePark) {
      setProblems([{ field: 'name', text: t('common.required', { field: t(!name.trim() ? 'evaluation.schemes.name' : 'evaluation.schemes.park') }) }]);
      return;
    }
    if (local.length) {
      setProblems(local);
      return;
    }
    setProblems([]);
    try {
      if (scheme) await update.mutateAsync({ id: scheme.id, input: { name, periodKind, indicators } });
      else await create.mutateAsync({ parkId: effectivePark, name, periodKind, indicators });
      void message.success(t('evaluation.schemes.saved'));
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.fields.length) setProblems(e.fields.map((f) => describe(f.field, f.message)));
      else void message.error(errorMessage(e));
    }
  }

  return (
    <Modal
      open={open}
      title={t(scheme ? 'evaluation.schemes.edit' : 'evaluation.schemes.new')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      width={880}
      okButtonProps={{ 'data-testid': 'eval-scheme-save' } as never}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('evaluation.schemes.name')} required>
          <Input value={name} onChange={(e) => setName(e.target.value)} data-testid="eval-scheme-name" />
        </Form.Item>
        {!scheme && (parks.data?.length ?? 0) > 1 && (
          <Form.Item label={t('evaluation.schemes.park')} required>
            <Select value={parkId} onChange={setParkId} options={(parks.data ?? []).map((p) => ({ value: p.id, label: p.name }))} data-testid="eval-scheme-park" />
          </Form.Item>
        )}
        <Form.Item label={t('evaluation.schemes.periodKind')} required>
          <Select value={periodKind} onChange={setPeriodKind} options={EVAL_PERIOD_KINDS.map((k) => ({ value: k, label: t(`evaluation.periodKinds.${k}`) }))} data-testid="eval-scheme-kind" />
        </Form.Item>
        <Form.Item label={t('evaluation.schemes.indicators')} required>
          <IndicatorTreeEditor value={indicators} onChange={setIndicators} />
        </Form.Item>
      </Form>
      {problems.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="eval-scheme-problems"
          message={
            <ul style={{ margin: 0, paddingLeft: 16 }}>
              {problems.map((p) => (
                <li key={p.field + p.text} data-field={p.field}>
                  {p.text}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Modal>
  );
}
