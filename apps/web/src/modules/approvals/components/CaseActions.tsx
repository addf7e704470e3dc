import { useState } from 'react';
import { App, Button, Form, Input, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { FormModal } from '../../../ui/FormModal';
import type { ActBody, CaseDetail } from '../api/approvals.api';
import { useAct, useCaseCandidates } from '../hooks/useApprovals';
import { localName } from '../utils/names';

type FormAction = 'approve' | 'reject' | 'return' | 'transfer' | 'add_approver' | 'comment' | 'withdraw' | 'resubmit';

interface ActionForm {
  text?: string;
  userId?: string;
  toStep?: number | 'applicant';
}

const NEEDS_TEXT: FormAction[] = ['reject', 'return', 'comment'];

/** The buttons for what the viewer may do on a case now, each with a short form (reason, person, step). */
export function CaseActions({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const act = useAct();
  const [open, setOpen] = useState<FormAction | null>(null);
  const candidates = useCaseCandidates(detail.id, open === 'transfer' || open === 'add_approver');
  const earlierSteps = detail.currentStep === null ? [] : detail.steps.slice(0, detail.currentStep).map((s, i) => ({ value: i, label: localName(s, i18n.language) }));

  const bodyOf = (action: FormAction, v: ActionForm): ActBody => {
    const text = v.text?.trim() || undefined;
    switch (action) {
      case 'approve':
        return { type: 'approve', comment: text };
      case 'reject':
        return { type: 'reject', reason: text ?? '' };
      case 'return':
        return { type: 'return', reason: text ?? '', toStep: v.toStep === undefined || v.toStep === 'applicant' ? null : v.toStep };
      case 'transfer':
        return { type: 'transfer', toUserId: v.userId ?? '', comment: text };
      case 'add_approver':
        return { type: 'add_approver', userId: v.userId ?? '', comment: text };
      case 'comment':
        return { type: 'comment', comment: text ?? '' };
      case 'withdraw':
        return { type: 'withdraw', reason: text };
      case 'resubmit':
        return { type: 'resubmit', comment: text };
    }
  };

  const remind = async () => {
    try {
      await act.mutateAsync({ id: detail.id, body: { type: 'remind' } });
      void message.success(t('approvals.actions.reminded'));
    } catch (error) {
      void message.error(errorMessage(error));
    }
  };

  const button = (action: FormAction, props: { danger?: boolean; primary?: boolean } = {}) => (
    <Button key={action} type={props.primary ? 'primary' : 'default'} danger={props.danger} onClick={() => setOpen(action)} data-testid={`case-act-${action}`}>
      {t(`approvals.actions.${action}`)}
    </Button>
  );

  return (
    <>
      <Space wrap>
        {detail.can.approve && [button('approve', { primary: true }), button('reject', { danger: true }), button('return'), button('transfer'), button('add_approver')]}
        {detail.can.resubmit && button('resubmit', { primary: true })}
        {detail.can.withdraw && button('withdraw', { danger: true })}
        {detail.can.remind && (
          <Button onClick={() => void remind()} loading={act.isPending && open === null} data-testid="case-act-remind">
            {t('approvals.actions.remind')}
          </Button>
        )}
        {button('comment')}
      </Space>
      <FormModal<ActionForm>
        open={open !== null}
        key={open ?? 'closed'}
        title={open ? t(`approvals.actions.${open}`) : ''}
        onClose={() => setOpen(null)}
        onSubmit={(v) => act.mutateAsync({ id: detail.id, body: bodyOf(open!, v) })}
        successMessage={t('approvals.actions.done')}
        initialValues={{ toStep: 'applicant' }}
        testId="case-action-form"
      >
        {(open === 'transfer' || open === 'add_approver') && (
          <Form.Item name="userId" label={t('approvals.actions.user')} rules={[{ required: true, message: t('common.required', { field: t('approvals.actions.user') }) }]}>
            <Select
              showSearch
              optionFilterProp="label"
              loading={candidates.isLoading}
              data-testid="case-action-user"
              options={(candidates.data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }))}
            />
          </Form.Item>
        )}
        {open === 'return' && (
          <Form.Item name="toStep" label={t('approvals.actions.returnTo')}>
            <Select data-testid="case-action-to-step" options={[{ value: 'applicant' as const, label: t('approvals.case.toApplicant') }, ...earlierSteps]} />
          </Form.Item>
        )}
        <Form.Item
          name="text"
          label={open && NEEDS_TEXT.includes(open) ? t(open === 'comment' ? 'approvals.actions.commentText' : 'approvals.actions.reason') : t('approvals.actions.optionalComment')}
          rules={open && NEEDS_TEXT.includes(open) ? [{ required: true, whitespace: true, message: t('approvals.actions.textRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="case-action-text" />
        </Form.Item>
      </FormModal>
    </>
  );
}
