import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useTranslation } from 'react-i18next';

/** A QR symbol (ISO/IEC 18004, byte mode) drawn as an image; large quiet zone for phone cameras. */
export function PassQrCode({ text, size = 260, testId = 'pass-qr' }: { text: string; size?: number; testId?: string }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let isCurrent = true;
    QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: size * 2 })
      .then((url) => isCurrent && setSrc(url))
      .catch(() => isCurrent && setSrc(null));
    return () => {
      isCurrent = false;
    };
  }, [text, size]);
  return src ? <img src={src} width={size} height={size} alt={t('passesEvents.pass.qrAlt')} data-testid={testId} data-qr-text={text} style={{ maxWidth: '100%', height: 'auto', imageRendering: 'pixelated' }} /> : <div style={{ width: size, height: size }} />;
}
