import { useEffect, useState } from 'react';
import { Button, Card, Descriptions, Empty, Flex, List, Result, Typography } from 'antd';
import { ExpandOutlined, ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api-client';
import { formatDateTime } from '../lib/format';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';
import { InviteVisitorModal } from '../modules/passes/components/InviteVisitorModal';
import { PassFullScreen } from '../modules/passes/components/PassFullScreen';
import { InvitationItem } from '../modules/passes/components/InvitationItem';
import { PassQrCode } from '../modules/passes/components/PassQrCode';
import { PassStatusTag } from '../modules/passes/components/PassStatusTag';
import { useCountdown } from '../modules/passes/hooks/useCountdown';
import { useMyPass, usePasses } from '../modules/passes/hooks/usePasses';

/** A member's pass (通行码): the signed QR, refreshed before it expires; visitor invitations. */
export function MyPassPage() {
  const { t } = useTranslation();
  const myPass = useMyPass();
  const invitations = usePasses({ page: 1, pageSize: 20, kind: 'visitor' });
  const [params, setParams] = useSearchParams();
  // The services tab links here with ?invite=1 to open the invitation form at once.
  const [isInviting, setIsInviting] = useState(() => params.get('invite') === '1');
  const [isFullScreen, setIsFullScreen] = useState(() => params.get('show') === 'full');
  const closeInvite = () => {
    setIsInviting(false);
    if (params.has('invite')) setParams({}, { replace: true });
  };
  const secondsLeft = useCountdown(myPass.data?.qr?.validTo);
  const { refetch, data } = myPass;
  // Fetch a fresh code a minute before the current one expires.
  useEffect(() => {
    if (data?.qr && secondsLeft > 0 && secondsLeft <= 60) void refetch();
  }, [secondsLeft, data, refetch]);

  if (myPass.error instanceof ApiError && myPass.error.status === 403) return <Result status="info" title={t('passesEvents.pass.noPass')} />;

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <PageHeader title={t('passesEvents.pass.title')} subtitle={t('passesEvents.pass.subtitle')} />
      <QueryBoundary query={myPass}>
        {({ pass, qr }) => (
          <Card data-testid="my-pass" styles={{ body: { padding: 16 } }}>
            <Flex vertical align="center" gap={12}>
              {qr ? <PassQrCode text={qr.text} /> : <Empty />}
              <PassStatusTag status={pass.status} />
              {qr && (
                <Typography.Text strong data-testid="qr-valid-until">
                  {t('passesEvents.pass.validUntil', { time: formatDateTime(qr.validTo) })}
                </Typography.Text>
              )}
              {qr && <Typography.Text type="secondary">{t('passesEvents.pass.expiresIn', { seconds: Math.max(0, secondsLeft - 60) })}</Typography.Text>}
              {qr && (
                <Button type="primary" size="large" icon={<ExpandOutlined />} onClick={() => setIsFullScreen(true)} data-testid="pass-fullscreen-open" block>
                  {t('memberApp.pass.fullScreen')}
                </Button>
              )}
              {qr && isFullScreen && <PassFullScreen qr={qr} holderName={pass.holderName} onClose={() => setIsFullScreen(false)} />}
              <Button icon={<ReloadOutlined />} onClick={() => void myPass.refetch()} loading={myPass.isFetching} data-testid="pass-refresh" block>
                {t('passesEvents.pass.refresh')}
              </Button>
              <Descriptions column={1} size="small" style={{ width: '100%' }}>
                <Descriptions.Item label={t('passesEvents.pass.holder')}>{pass.holderName}</Descriptions.Item>
                <Descriptions.Item label={t('passesEvents.pass.enterprise')}>{pass.enterpriseName}</Descriptions.Item>
                <Descriptions.Item label={t('passesEvents.pass.passValid')}>
                  {formatDateTime(pass.validFrom)} – {formatDateTime(pass.validTo)}
                </Descriptions.Item>
              </Descriptions>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('passesEvents.pass.offlineHint')}
              </Typography.Text>
            </Flex>
          </Card>
        )}
      </QueryBoundary>
      <Card
        title={t('passesEvents.pass.myInvitations')}
        style={{ marginTop: 16 }}
        extra={
          <Button type="primary" icon={<UserAddOutlined />} onClick={() => setIsInviting(true)} data-testid="invite-open">
            {t('passesEvents.pass.invite')}
          </Button>
        }
      >
        <List
          dataSource={invitations.data?.items.filter((p) => p.invitedById !== null) ?? []}
          loading={invitations.isPending}
          locale={{ emptyText: t('passesEvents.pass.noInvitations') }}
          renderItem={(p) => <InvitationItem pass={p} />}
        />
      </Card>
      <InviteVisitorModal open={isInviting} onClose={closeInvite} />
    </div>
  );
}
