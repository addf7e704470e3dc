import { useRef, useState, type DragEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DevicePosition } from '../api/ioc.api';
import { STATE_COLORS } from '../utils/echarts-setup';
import { planFrame, svgImageUrl } from '../utils/plan-frame';

interface FloorPlanDrawingProps {
  planSvg: string | null;
  footprint: [number, number][] | null | undefined;
  devices: DevicePosition[];
  /** When given, devices can be dropped (from a list, dataTransfer `text/device-id`) or dragged on the drawing; called with the new x/y in metres. */
  onPlace?: (deviceId: string, x: number, y: number) => void;
  onOpen?: (deviceId: string) => void;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A floor's drawing (the uploaded SVG, stretched to the building outline's
 * frame) with its devices at their stored x/y, coloured by state.
 */
export function FloorPlanDrawing({ planSvg, footprint, devices, onPlace, onOpen }: FloorPlanDrawingProps) {
  const { t } = useTranslation();
  const frame = planFrame(footprint);
  const box = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<{ id: string; x: number; y: number } | null>(null);
  const toMetres = (clientX: number, clientY: number) => {
    const r = box.current!.getBoundingClientRect();
    const x = frame.x + ((clientX - r.left) / r.width) * frame.width;
    const y = frame.y + ((clientY - r.top) / r.height) * frame.height;
    return { x: round1(Math.max(0, Math.min(frame.width - 2, x))), y: round1(Math.max(0, Math.min(frame.height - 2, y))) };
  };
  const handleDrop = (e: DragEvent) => {
    const id = e.dataTransfer.getData('text/device-id');
    if (!id || !onPlace) return;
    e.preventDefault();
    const p = toMetres(e.clientX, e.clientY);
    onPlace(id, p.x, p.y);
  };
  const handleMove = (e: PointerEvent) => dragging && setDragging({ id: dragging.id, ...toMetres(e.clientX, e.clientY) });
  const handleUp = () => {
    if (dragging && onPlace) onPlace(dragging.id, dragging.x, dragging.y);
    setDragging(null);
  };
  const r = Math.max(frame.width, frame.height) / 70;

  return (
    <div className="ioc-plan-wrap">
    <div
      ref={box}
      className={`ioc-plan${onPlace ? ' is-editing' : ''}`}
      // As large as fits the wrapper at the frame's proportions.
      style={{ aspectRatio: `${frame.width} / ${frame.height}`, width: `min(100cqw, calc(100cqh * ${frame.width / frame.height}))` }}
      data-testid="plan-drawing"
      data-has-drawing={!!planSvg}
      onDragOver={(e) => onPlace && e.preventDefault()}
      onDrop={handleDrop}
      onPointerMove={handleMove}
      onPointerUp={handleUp}
      onPointerLeave={() => setDragging(null)}
    >
      {planSvg ? <img src={svgImageUrl(planSvg)} alt={t('iocWall.drawing')} draggable={false} /> : <div className="ioc-empty ioc-plan-empty">{t('iocWall.noDrawing')}</div>}
      <svg viewBox={`${frame.x} ${frame.y} ${frame.width} ${frame.height}`} preserveAspectRatio="none">
        {devices.map((d) => {
          const at = dragging?.id === d.id ? dragging : { x: d.x ?? 0, y: d.y ?? 0 };
          const state = d.alarm ? 'alarm' : d.status;
          return (
            <g
              key={d.id}
              className={`ioc-plan-device is-${state}`}
              transform={`translate(${at.x} ${at.y})`}
              data-testid={`plan-device-${d.id}`}
              data-x={d.x ?? ''}
              data-y={d.y ?? ''}
              data-state={state}
              onPointerDown={(e) => {
                if (!onPlace) return;
                e.preventDefault();
                setDragging({ id: d.id, x: at.x, y: at.y });
              }}
              onClick={() => !onPlace && onOpen?.(d.id)}
            >
              <title>{`${d.name} (${d.code})`}</title>
              {state === 'alarm' && <circle r={r * 2.2} className="ioc-plan-pulse" fill={STATE_COLORS.alarm} />}
              <circle r={r} fill={STATE_COLORS[state]} stroke="#fff" strokeWidth={r * 0.25} vectorEffect="non-scaling-stroke" />
            </g>
          );
        })}
      </svg>
    </div>
    </div>
  );
}
