import { useRef } from 'react';
import { App, Button, Empty, Space, Tag, Typography } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { updateDevice } from '../../devices/api/devices.api';
import { useDevices } from '../../devices/hooks/useDevices';
import type { Floor } from '../../parks/api/parks.api';
import { useStructureMutations } from '../../parks/hooks/useStructureMutations';
import type { DevicePosition } from '../api/ioc.api';
import { FloorPlanDrawing } from './FloorPlanDrawing';

/** The server keeps drawings up to this many characters. */
const MAX_SVG = 500_000;

/**
 * Places a building's devices on a floor's drawing: drag one from the list
 * (or a placed one across the drawing) and its floor and x/y are saved; an
 * operator uploads the floor's drawing (SVG) here too.
 */
export function FloorPlanEditor({ buildingId, floor, footprint, placed }: { buildingId: string; floor: Floor; footprint: [number, number][] | null | undefined; placed: DevicePosition[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const m = useStructureMutations();
  const input = useRef<HTMLInputElement>(null);
  const devices = useDevices({ page: 1, pageSize: 200, buildingId });
  const onThisFloor = new Set(placed.map((d) => d.id));
  const unplaced = (devices.data?.items ?? []).filter((d) => !onThisFloor.has(d.id) && d.type !== 'parking_sensor');

  const handlePlace = async (deviceId: string, x: number, y: number) => {
    await updateDevice(deviceId, { floorId: floor.id, buildingId, x, y });
    await Promise.all([client.invalidateQueries({ queryKey: ['ioc', 'positions'] }), client.invalidateQueries({ queryKey: ['devices'] })]);
    void message.success(t('iocWall.positionSaved'));
  };
  const handleFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await file.text();
    if (!/<svg[\s>]/i.test(text) || text.length > MAX_SVG) {
      void message.error(t('iocWall.drawingInvalid'));
      return;
    }
    await m.updateFloor.mutateAsync({ id: floor.id, planSvg: text });
    await client.invalidateQueries({ queryKey: ['buildings', buildingId] });
    void message.success(t('iocWall.drawingSaved'));
  };

  return (
    <div style={{ display: 'flex', gap: 16, flexWrap: 'wrap' }}>
      <div style={{ flex: '3 1 480px', minWidth: 0 }}>
        <Space wrap style={{ marginBottom: 8 }}>
          <input ref={input} type="file" accept=".svg,image/svg+xml" hidden onChange={(e) => void handleFile(e.target.files?.[0])} data-testid="plan-upload-input" />
          <Button icon={<UploadOutlined />} onClick={() => input.current?.click()} data-testid="plan-upload">
            {t('iocWall.uploadDrawing')}
          </Button>
          <Typography.Text type="secondary">{t('iocWall.dragHint')}</Typography.Text>
        </Space>
        <div className="ioc-plan-frame" style={{ height: 520 }}>
          <FloorPlanDrawing planSvg={floor.planSvg} footprint={footprint} devices={placed} onPlace={(id, x, y) => void handlePlace(id, x, y)} />
        </div>
      </div>
      <div style={{ flex: '1 1 220px', minWidth: 0 }}>
        <Typography.Title level={5}>{t('iocWall.unplaced')}</Typography.Title>
        {unplaced.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('iocWall.allPlaced')} />
        ) : (
          <div style={{ display: 'flex', flexDirection: 'column', gap: 6, maxHeight: 520, overflow: 'auto' }}>
            {unplaced.map((d) => (
              <Tag
                key={d.id}
                draggable
                onDragStart={(e) => e.dataTransfer.setData('text/device-id', d.id)}
                style={{ cursor: 'grab', padding: '4px 8px', whiteSpace: 'normal' }}
                data-testid={`plan-unplaced-${d.id}`}
                data-user-content
              >
                {d.name} · {d.code}
              </Tag>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
