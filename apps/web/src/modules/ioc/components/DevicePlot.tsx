import { useMemo, useState } from 'react';
import { Button, Space } from 'antd';
import { ZoomInOutlined, ZoomOutOutlined, CompressOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { clusterPoints } from '../utils/cluster';
import { STATE_COLORS } from '../utils/echarts-setup';

/** A device on a plan: x grows right, y grows down (map callers flip latitude). */
export interface PlotPoint {
  id: string;
  x: number;
  y: number;
  state: 'online' | 'offline' | 'alarm';
  label: string;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Beyond this many markers in view, markers are clustered. */
const MAX_MARKERS = 300;

interface DevicePlotProps {
  points: PlotPoint[];
  /** The drawing's extent (a floor's plan); defaults to the points' bounds. */
  extent?: Box;
  onOpen: (id: string) => void;
  testId: string;
  /** Draw a floor outline and grid (floor plans) or just a frame (maps). */
  isFloor?: boolean;
}

function boundsOf(points: PlotPoint[]): Box {
  if (points.length === 0) return { x: 0, y: 0, w: 100, h: 60 };
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of points) {
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x);
    y1 = Math.max(y1, p.y);
  }
  const w = Math.max(x1 - x0, 1e-6);
  const h = Math.max(y1 - y0, 1e-6);
  return { x: x0 - w * 0.05, y: y0 - h * 0.05, w: w * 1.1, h: h * 1.1 };
}

/**
 * An SVG plan of device markers coloured by state (online / offline / in
 * alarm). With many markers in view they merge into clusters showing their
 * count; clicking a cluster zooms into it, clicking a marker opens the device.
 */
export function DevicePlot({ points, extent, onOpen, testId, isFloor = false }: DevicePlotProps) {
  const { t } = useTranslation();
  const full = useMemo(() => extent ?? boundsOf(points), [extent, points]);
  const [view, setView] = useState<Box | null>(null);
  const box = view ?? full;
  const inView = useMemo(() => points.filter((p) => p.x >= box.x && p.x <= box.x + box.w && p.y >= box.y && p.y <= box.y + box.h), [points, box]);
  const cell = box.w / 18;
  const clusters = useMemo(() => (inView.length > MAX_MARKERS ? clusterPoints(inView, cell) : null), [inView, cell]);
  const r = box.w / 110;
  const zoom = (factor: number, cx = box.x + box.w / 2, cy = box.y + box.h / 2) => {
    const w = Math.min(full.w, box.w * factor);
    const h = Math.min(full.h, box.h * factor);
    setView(w >= full.w ? null : { x: cx - w / 2, y: cy - h / 2, w, h });
  };
  const stroke = box.w / 600;

  return (
    <div data-testid={testId} data-markers={clusters ? 0 : inView.length} data-clusters={clusters?.length ?? 0}>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button size="small" icon={<ZoomInOutlined />} onClick={() => zoom(0.5)} aria-label={t('ioc.zoomIn')} />
        <Button size="small" icon={<ZoomOutOutlined />} onClick={() => zoom(2)} aria-label={t('ioc.zoomOut')} />
        <Button size="small" icon={<CompressOutlined />} onClick={() => setView(null)} data-testid={`${testId}-reset`}>
          {t('ioc.resetZoom')}
        </Button>
        {(['online', 'offline', 'alarm'] as const).map((s) => (
          <span key={s} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <svg width="10" height="10" aria-hidden>
              <circle cx="5" cy="5" r="5" fill={STATE_COLORS[s]} />
            </svg>
            {t(`ioc.markerState.${s}`)}
          </span>
        ))}
      </Space>
      <svg viewBox={`${box.x} ${box.y} ${box.w} ${box.h}`} preserveAspectRatio="xMidYMid meet" style={{ width: '100%', height: 'min(70vh, 640px)', background: isFloor ? '#f7f9fc' : '#eef3f9', border: '1px solid #d9e1ec', borderRadius: 6 }} role="img" aria-label={t('ioc.plotLabel')}>
        {isFloor && (
          <g stroke="#b8c4d6" strokeWidth={stroke} fill="none">
            <rect x={full.x} y={full.y} width={full.w} height={full.h} strokeWidth={stroke * 3} />
            {Array.from({ length: 9 }, (_, i) => (
              <line key={`v${i}`} x1={full.x + ((i + 1) * full.w) / 10} y1={full.y} x2={full.x + ((i + 1) * full.w) / 10} y2={full.y + full.h} strokeDasharray={`${stroke * 6} ${stroke * 6}`} />
            ))}
            {Array.from({ length: 5 }, (_, i) => (
              <line key={`h${i}`} x1={full.x} y1={full.y + ((i + 1) * full.h) / 6} x2={full.x + full.w} y2={full.y + ((i + 1) * full.h) / 6} strokeDasharray={`${stroke * 6} ${stroke * 6}`} />
            ))}
          </g>
        )}
        {clusters
          ? clusters.map((c, i) => {
              const worst = c.items.some((p) => p.state === 'alarm') ? 'alarm' : c.items.every((p) => p.state === 'offline') ? 'offline' : 'online';
              const cr = Math.min(cell * 0.4, r * (1.6 + Math.log10(c.items.length) * 1.4));
              return (
                <g
                  key={i}
                  className="plot-cluster"
                  data-testid="plot-cluster"
                  data-count={c.items.length}
                  style={{ cursor: 'pointer' }}
                  onClick={() => (c.items.length === 1 ? onOpen(c.items[0].id) : setView({ x: c.x - cell, y: c.y - cell * (box.h / box.w), w: cell * 2, h: cell * 2 * (box.h / box.w) }))}
                >
                  <title>{t('ioc.clusterTitle', { count: c.items.length })}</title>
                  <circle cx={c.x} cy={c.y} r={cr} fill={STATE_COLORS[worst]} fillOpacity={0.8} stroke="#fff" strokeWidth={stroke * 2} />
                  <text x={c.x} y={c.y} fontSize={cr * 0.8} textAnchor="middle" dominantBaseline="central" fill="#fff" style={{ pointerEvents: 'none', fontWeight: 600 }}>
                    {c.items.length}
                  </text>
                </g>
              );
            })
          : inView.map((p) => (
              <circle
                key={p.id}
                cx={p.x}
                cy={p.y}
                r={r}
                fill={STATE_COLORS[p.state]}
                stroke="#fff"
                strokeWidth={stroke * 2}
                style={{ cursor: 'pointer' }}
                onClick={() => onOpen(p.id)}
                data-testid={`plot-marker-${p.label}`}
                data-state={p.state}
              >
                <title>{p.label}</title>
              </circle>
            ))}
      </svg>
    </div>
  );
}
