import { useState } from 'react';
import { App, Button, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { useRevokePass } from '../hooks/usePasses';

/** Revoke with a reason (operators; inviters for their visitors). */
export function RevokePassButton({ passId, label }: { passId: string; label?: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const revoke = useRevokePass();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  return (
    <>
      <Button size="small" danger onClick={() => setOpen(true)} data-testid={`revoke-${passId}`}>
        {label ?? t('passesEvents.pass.revoke')}
      </Button>
      <Modal
        open={open}
        title={t('passesEvents.pass.revokeTitle')}
        onCancel={() => setOpen(false)}
        okButtonProps={{ danger: true, disabled: !reason.trim(), loading: revoke.isPending, ...({ 'data-testid': 'revoke-submit' } as object) }}
        onOk={() =>
          revoke.mutate(
            { id: passId, reason: reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('passesEvents.pass.revoked'));
                setOpen(false);
              },
              onError: (e) => void message.error(errorMessage(e)),
            },
          )
        }
      >
        <Input placeholder={t('passesEvents.pass.revokeReason')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} data-testid="revoke-reason" />
      </Modal>
    </>
  );
}
