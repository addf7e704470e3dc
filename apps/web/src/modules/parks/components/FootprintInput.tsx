import { Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { boxOf, parseFootprint, svgPoints } from '../utils/footprint';

/**
 * A building outline typed as corners, one "x, y" a line (metres from the
 * site origin), with a live preview of the shape. Used as a form control.
 */
export function FootprintInput({ value, onChange }: { value?: string; onChange?: (text: string) => void }) {
  const { t } = useTranslation();
  const ring = parseFootprint(value ?? '');
  const box = ring ? boxOf([ring]) : null;
  const pad = box ? Math.max(box.width, box.height) * 0.08 + 1 : 0;
  return (
    <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
      <Input.TextArea value={value} onChange={(e) => onChange?.(e.target.value)} rows={6} style={{ flex: '1 1 160px', fontFamily: 'monospace' }} placeholder={'0, 0\n60, 0\n60, 40\n0, 40'} data-testid="footprint-input" />
      <figure style={{ flex: '0 0 160px', height: 140, margin: 0, border: '1px solid #d9d9d9', borderRadius: 6, background: '#f5f8ff', display: 'flex', alignItems: 'center', justifyContent: 'center' }} aria-label={t('iocWall.footprintPreview')}>
        {ring && box ? (
          <svg viewBox={`${box.minX - pad} ${-box.maxY - pad} ${box.width + 2 * pad} ${box.height + 2 * pad}`} width="100%" height="100%" data-testid="footprint-preview" data-points={ring.length}>
            <polygon points={svgPoints(ring)} fill="#9dbbff" stroke="#1d4ed8" strokeWidth={Math.max(box.width, box.height) / 60} strokeLinejoin="round" />
          </svg>
        ) : (
          <span style={{ color: '#8c8c8c', fontSize: 12, padding: 8, textAlign: 'center' }}>{t('iocWall.footprintEmpty')}</span>
        )}
      </figure>
    </div>
  );
}
