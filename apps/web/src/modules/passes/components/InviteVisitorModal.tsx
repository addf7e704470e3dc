import { useState } from 'react';
import dayjs from 'dayjs';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import type { InvitationCreated } from '../api/passes.api';
import { useCreateInvitation } from '../hooks/usePasses';

interface Values {
  visitorName: string;
  purpose?: string;
  validFrom: string;
  validTo: string;
}

const LOCAL = 'YYYY-MM-DDTHH:mm';

/** Invite a visitor for a time window; then shows the link to send them (once). */
export function InviteVisitorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateInvitation();
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const link = created ? `${window.location.origin}${created.linkPath}` : '';
  return (
    <>
      <FormModal<Values>
        open={open}
        title={t('passesEvents.pass.inviteTitle')}
        onClose={onClose}
        testId="invite"
        initialValues={{ validFrom: dayjs().format(LOCAL), validTo: dayjs().add(4, 'hour').format(LOCAL) }}
        onSubmit={async (v) => {
          const result = await create.mutateAsync({ visitorName: v.visitorName, purpose: v.purpose || undefined, validFrom: new Date(v.validFrom).toISOString(), validTo: new Date(v.validTo).toISOString() });
          setCreated(result);
        }}
      >
        <Form.Item name="visitorName" label={t('passesEvents.pass.visitorName')} rules={[{ required: true, message: t('common.required', { field: t('passesEvents.pass.visitorName') }) }]}>
          <Input maxLength={60} data-testid="invite-name" />
        </Form.Item>
        <Form.Item name="purpose" label={t('passesEvents.pass.purpose')}>
          <Input maxLength={200} data-testid="invite-purpose" />
        </Form.Item>
        <Form.Item name="validFrom" label={`${t('passesEvents.pass.window')} ⟶`} rules={[{ required: true }]}>
          <Input type="datetime-local" data-testid="invite-from" />
        </Form.Item>
        <Form.Item name="validTo" label={`⟶ ${t('passesEvents.pass.window')}`} rules={[{ required: true }]}>
          <Input type="datetime-local" data-testid="invite-to" />
        </Form.Item>
      </FormModal>
      <Modal open={created !== null} title={t('passesEvents.pass.invited')} onCancel={() => setCreated(null)} onOk={() => setCreated(null)} cancelButtonProps={{ style: { display: 'none' } }}>
        <Typography.Text type="secondary">{t('passesEvents.pass.link')}</Typography.Text>
        <Typography.Paragraph copyable={{ text: link }} data-testid="invite-link" style={{ wordBreak: 'break-all' }}>
          {link}
        </Typography.Paragraph>
      </Modal>
    </>
  );
}
