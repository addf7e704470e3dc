import { useEffect, useState } from 'react';
import { Button, Flex, Typography } from 'antd';
import { ExpandOutlined, QrcodeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { PassFullScreen } from '../../passes/components/PassFullScreen';
import { PassQrCode } from '../../passes/components/PassQrCode';
import { PassStatusTag } from '../../passes/components/PassStatusTag';
import { useCountdown } from '../../passes/hooks/useCountdown';
import { useMyPass } from '../../passes/hooks/usePasses';
import { CardState, HomeCard } from './HomeCard';

/** My pass (通行码): a small live QR and a button to open it full screen at the gate. */
export function PassHomeCard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const query = useMyPass();
  const { data, refetch } = query;
  const secondsLeft = useCountdown(data?.qr?.validTo);
  const [isFullScreen, setIsFullScreen] = useState(false);
  // Same rule as the pass page: fetch a fresh code a minute before this one expires.
  useEffect(() => {
    if (data?.qr && secondsLeft > 0 && secondsLeft <= 60) void refetch();
  }, [secondsLeft, data, refetch]);
  // A user without a pass (403) sees the empty state, not an error.
  const hasNoPass = query.error instanceof ApiError && query.error.status === 403;
  const state = hasNoPass ? { ...query, isError: false, isPending: false, data: null } : query;
  return (
    <HomeCard title={t('memberHome.pass.title')} icon={<QrcodeOutlined />} to="/passes/me" testId="home-pass">
      <CardState query={state} isEmpty={(d) => d === null || d.qr === null} empty={t('memberHome.pass.empty')}>
        {(d) => (
          <Flex gap={12} align="center">
            <button type="button" onClick={() => void navigate('/passes/me')} aria-label={t('memberHome.pass.open')} style={{ border: 0, padding: 0, background: 'none', cursor: 'pointer', lineHeight: 0, flex: 'none' }}>
              <PassQrCode text={d!.qr!.text} size={112} testId="home-pass-qr" />
            </button>
            <Flex vertical gap={6} style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text strong ellipsis>
                {d!.pass.holderName}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                {d!.pass.enterpriseName}
              </Typography.Text>
              <div>
                <PassStatusTag status={d!.pass.status} />
              </div>
              {/* Opened from the tap itself, so the browser grants full screen (it refuses without a gesture). */}
              <Button type="primary" icon={<ExpandOutlined />} onClick={() => setIsFullScreen(true)} data-testid="home-pass-open">
                {t('memberHome.pass.open')}
              </Button>
            </Flex>
            {isFullScreen && <PassFullScreen qr={d!.qr!} holderName={d!.pass.holderName} onClose={() => setIsFullScreen(false)} />}
          </Flex>
        )}
      </CardState>
    </HomeCard>
  );
}
