import { useEffect, useRef } from 'react';
import { Button, Flex, Typography } from 'antd';
import { BulbOutlined, CloseOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { createPortal } from 'react-dom';
import type { PassQr } from '../api/passes.api';
import { useCountdown } from '../hooks/useCountdown';
import { PassQrCode } from './PassQrCode';

/** The page fetches a new code this many seconds before the shown one expires (see MyPassPage). */
export const REFRESH_LEAD_SECONDS = 60;

/** m:ss of a number of seconds. */
export function clockOf(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/**
 * The pass shown at the gate: the whole screen (Fullscreen API; where the browser refuses, the
 * fixed overlay covers the page all the same), a big QR, a hint to turn the brightness up, and a
 * live countdown to the code's refresh. Keeps the screen awake where the Wake Lock API exists.
 */
export function PassFullScreen({ qr, holderName, onClose }: { qr: PassQr; holderName: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const secondsLeft = useCountdown(qr.validTo);
  const refreshIn = secondsLeft - REFRESH_LEAD_SECONDS;
  // The parent re-renders every second (its own countdown): keep the latest onClose without re-running the effect.
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  useEffect(() => {
    const el = ref.current;
    let lock: { release: () => Promise<void> } | null = null;
    if (el?.requestFullscreen) el.requestFullscreen().catch(() => undefined);
    const wake = (navigator as Navigator & { wakeLock?: { request: (type: 'screen') => Promise<{ release: () => Promise<void> }> } }).wakeLock;
    wake
      ?.request('screen')
      .then((l) => (lock = l))
      .catch(() => undefined);
    // Leaving full screen with the system gesture (Esc, back) closes the view too.
    const handleChange = () => {
      if (!document.fullscreenElement) onCloseRef.current();
    };
    document.addEventListener('fullscreenchange', handleChange);
    return () => {
      document.removeEventListener('fullscreenchange', handleChange);
      void lock?.release().catch(() => undefined);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  return createPortal(
    <div ref={ref} className="pass-fullscreen" role="dialog" aria-modal="true" aria-label={t('memberApp.pass.fullScreen')} data-testid="pass-fullscreen">
      <Button type="text" size="large" icon={<CloseOutlined />} onClick={onClose} aria-label={t('memberApp.pass.close')} style={{ position: 'absolute', top: 12, right: 12 }} data-testid="pass-fullscreen-close" />
      {holderName && (
        <Typography.Title level={3} style={{ margin: 0 }} data-user-content>
          {holderName}
        </Typography.Title>
      )}
      <PassQrCode text={qr.text} size={Math.min(340, Math.floor(window.innerWidth * 0.82))} testId="pass-fullscreen-qr" />
      <Typography.Text strong style={{ fontSize: 20, fontVariantNumeric: 'tabular-nums' }} data-testid="pass-countdown" data-seconds={Math.max(0, refreshIn)}>
        {refreshIn > 0 ? t('memberApp.pass.refreshIn', { time: clockOf(refreshIn) }) : t('memberApp.pass.refreshing')}
      </Typography.Text>
      <Flex gap={8} align="center" style={{ maxWidth: 340, textAlign: 'center' }}>
        <BulbOutlined style={{ color: '#faad14', fontSize: 18 }} />
        <Typography.Text type="secondary" data-testid="pass-brightness-hint">
          {t('memberApp.pass.brightness')}
        </Typography.Text>
      </Flex>
    </div>,
    document.body,
  );
}
