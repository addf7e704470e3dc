import { Flex, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { Pass } from '../api/passes.api';
import { PassStatusTag } from './PassStatusTag';
import { RevokePassButton } from './RevokePassButton';

/** One of my visitor invitations: who, when, their phone and plate, and cancel while it can still be used. */
export function InvitationItem({ pass: p }: { pass: Pass }) {
  const { t } = useTranslation();
  const contact = [p.visitorPhone && t('memberApp.invite.phoneShort', { phone: p.visitorPhone }), p.visitorPlate && `${t('memberApp.visitor.plate')} ${p.visitorPlate}`].filter(Boolean).join(' · ');
  return (
    <List.Item actions={p.status === 'active' || p.status === 'upcoming' ? [<RevokePassButton key="r" passId={p.id} label={t('passesEvents.pass.cancelInvite')} />] : []} data-testid="invitation-row">
      <List.Item.Meta
        title={
          <Flex gap={8} align="center" wrap>
            <span data-user-content>{p.visitorName}</span> <PassStatusTag status={p.status} />
          </Flex>
        }
        description={
          <>
            <div>
              {formatDateTime(p.validFrom)} – {formatDateTime(p.validTo)}
              {p.purpose && <span data-user-content> · {p.purpose}</span>}
            </div>
            {contact && <Typography.Text type="secondary">{contact}</Typography.Text>}
          </>
        }
      />
    </List.Item>
  );
}
