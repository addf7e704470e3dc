import { useState } from 'react';
import dayjs from 'dayjs';
import { Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { ShareAltOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { MAINLAND_MOBILE_RE, normaliseMobile, normaliseVehiclePlate, VEHICLE_PLATE_RE } from '@parkos/contracts';
import { FormModal } from '../../../ui/FormModal';
import type { InvitationCreated } from '../api/passes.api';
import { useCreateInvitation } from '../hooks/usePasses';
import { PassQrCode } from './PassQrCode';

interface Values {
  visitorName: string;
  visitorPhone: string;
  visitorPlate?: string;
  purpose?: string;
  validFrom: string;
  validTo: string;
}

const LOCAL = 'YYYY-MM-DDTHH:mm';

/** Invite a visitor (name, mobile, optional car plate) for a time window; then share the link and its QR code (shown once). */
export function InviteVisitorModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateInvitation();
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const link = created ? `${window.location.origin}${created.linkPath}` : '';
  const canShare = typeof navigator !== 'undefined' && typeof navigator.share === 'function';
  return (
    <>
      <FormModal<Values>
        open={open}
        title={t('passesEvents.pass.inviteTitle')}
        onClose={onClose}
        testId="invite"
        initialValues={{ validFrom: dayjs().format(LOCAL), validTo: dayjs().add(4, 'hour').format(LOCAL) }}
        onSubmit={async (v) => {
          const result = await create.mutateAsync({
            visitorName: v.visitorName,
            visitorPhone: normaliseMobile(v.visitorPhone),
            visitorPlate: v.visitorPlate ? normaliseVehiclePlate(v.visitorPlate) : undefined,
            purpose: v.purpose || undefined,
            validFrom: new Date(v.validFrom).toISOString(),
            validTo: new Date(v.validTo).toISOString(),
          });
          setCreated(result);
        }}
      >
        <Form.Item name="visitorName" label={t('passesEvents.pass.visitorName')} rules={[{ required: true, message: t('common.required', { field: t('passesEvents.pass.visitorName') }) }]}>
          <Input maxLength={60} data-testid="invite-name" />
        </Form.Item>
        <Form.Item
          name="visitorPhone"
          label={t('memberApp.invite.phone')}
          rules={[
            { required: true, message: t('common.required', { field: t('memberApp.invite.phone') }) },
            { validator: async (_, v?: string) => (!v || MAINLAND_MOBILE_RE.test(normaliseMobile(v)) ? undefined : Promise.reject(new Error(t('memberApp.invite.phoneInvalid')))) },
          ]}
        >
          <Input type="tel" inputMode="tel" maxLength={20} autoComplete="off" data-testid="invite-phone" />
        </Form.Item>
        <Form.Item
          name="visitorPlate"
          label={t('memberApp.invite.plate')}
          extra={t('memberApp.invite.plateHint')}
          rules={[{ validator: async (_, v?: string) => (!v || VEHICLE_PLATE_RE.test(normaliseVehiclePlate(v)) ? undefined : Promise.reject(new Error(t('memberApp.invite.plateInvalid')))) }]}
        >
          <Input maxLength={12} autoComplete="off" data-testid="invite-plate" />
        </Form.Item>
        <Form.Item name="purpose" label={t('passesEvents.pass.purpose')}>
          <Input maxLength={200} data-testid="invite-purpose" />
        </Form.Item>
        <Form.Item name="validFrom" label={t('memberApp.invite.from')} rules={[{ required: true, message: t('common.required', { field: t('memberApp.invite.from') }) }]}>
          <Input type="datetime-local" data-testid="invite-from" />
        </Form.Item>
        <Form.Item
          name="validTo"
          label={t('memberApp.invite.to')}
          dependencies={['validFrom']}
          rules={[
            { required: true, message: t('common.required', { field: t('memberApp.invite.to') }) },
            ({ getFieldValue }) => ({ validator: async (_, v?: string) => (!v || !getFieldValue('validFrom') || new Date(v) > new Date(getFieldValue('validFrom') as string) ? undefined : Promise.reject(new Error(t('memberApp.invite.toBeforeFrom')))) }),
          ]}
        >
          <Input type="datetime-local" data-testid="invite-to" />
        </Form.Item>
      </FormModal>
      <Modal open={created !== null} title={t('memberApp.invite.share')} onCancel={() => setCreated(null)} onOk={() => setCreated(null)} cancelButtonProps={{ style: { display: 'none' } }} data-testid="invite-share">
        <Flex vertical align="center" gap={8}>
          <Typography.Text type="secondary">{t('memberApp.invite.shareHint')}</Typography.Text>
          {link && <PassQrCode text={link} size={200} testId="invite-link-qr" />}
          <Typography.Paragraph copyable={{ text: link }} data-testid="invite-link" style={{ wordBreak: 'break-all', margin: 0 }}>
            {link}
          </Typography.Paragraph>
          {created?.pass.visitorPlate && <Typography.Text data-testid="invite-plate-note">{t('memberApp.invite.plateAdmitted', { plate: created.pass.visitorPlate })}</Typography.Text>}
          {canShare && (
            <Button type="primary" icon={<ShareAltOutlined />} onClick={() => void navigator.share({ title: t('passesEvents.pass.visitorTitle'), url: link }).catch(() => undefined)} data-testid="invite-share-button">
              {t('memberApp.invite.shareButton')}
            </Button>
          )}
        </Flex>
      </Modal>
    </>
  );
}
