import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { UNIT_STATUSES } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { formatArea } from '../lib/format';
import { useSession } from '../modules/auth/hooks/useSession';
import { FloorCreateModal } from '../modules/parks/components/FloorCreateModal';
import { UnitCreateModal } from '../modules/parks/components/UnitCreateModal';
import { UnitTile } from '../modules/parks/components/UnitTile';
import { useBuilding } from '../modules/parks/hooks/useBuilding';
import { UNIT_STATUS_COLORS } from '../modules/parks/utils/unit-colors';
import { PageHeader } from '../ui/PageHeader';
import { QueryBoundary } from '../ui/QueryBoundary';

/** A building: floors from top to bottom, each with its units coloured by status. */
export function BuildingPage() {
  const { t } = useTranslation();
  const { id } = useParams<{ id: string }>();
  const { permissions } = useSession();
  const building = useBuilding(id);
  const [isAddingFloor, setIsAddingFloor] = useState(false);
  const [unitFloorId, setUnitFloorId] = useState<string | null>(null);
  const canEdit = permissions.canEditStructure;

  return (
    <QueryBoundary query={building} skeletonRows={10}>
      {(b) => {
        const floors = [...b.floors].sort((x, y) => y.level - x.level);
        const units = b.floors.flatMap((f) => f.units);
        const counts = Object.fromEntries(UNIT_STATUSES.map((s) => [s, units.filter((u) => u.status === s).length])) as Record<(typeof UNIT_STATUSES)[number], number>;
        const nextLevel = b.floors.length ? Math.max(...b.floors.map((f) => f.level)) + 1 : 1;
        return (
          <>
            <PageHeader
              title={b.name}
              crumbs={[{ title: t('nav.structure'), to: '/structure' }, { title: b.name }]}
              extra={
                canEdit && (
                  <>
                    <Button icon={<PlusOutlined />} onClick={() => setIsAddingFloor(true)} data-testid="floor-new">
                      {t('structure.newFloor')}
                    </Button>
                    <Button type="primary" icon={<PlusOutlined />} disabled={floors.length === 0} onClick={() => setUnitFloorId(floors[0]?.id ?? null)} data-testid="unit-new">
                      {t('structure.newUnit')}
                    </Button>
                  </>
                )
              }
            />
            <Row gutter={[16, 16]}>
              <Col xs={24}>
                <Card>
                  <Descriptions size="small" column={{ xs: 2, md: 5 }}>
                    <Descriptions.Item label={t('structure.floorsAboveGround')}>{b.floorsAboveGround ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label={t('structure.grossArea')}>{formatArea(b.grossArea)}</Descriptions.Item>
                    {UNIT_STATUSES.map((s) => (
                      <Descriptions.Item key={s} label={<><span className="dot" style={{ background: UNIT_STATUS_COLORS[s] }} />{t(`unitStatus.${s}`)}</>}>
                        {counts[s]}
                      </Descriptions.Item>
                    ))}
                  </Descriptions>
                </Card>
              </Col>
              <Col xs={24}>
                <Card
                  title={t('structure.floors')}
                  extra={
                    <Flex gap={12} wrap className="legend">
                      {UNIT_STATUSES.map((s) => (
                        <span key={s}>
                          <span className="swatch" style={{ borderColor: UNIT_STATUS_COLORS[s], background: `${UNIT_STATUS_COLORS[s]}1f` }} />
                          {t(`unitStatus.${s}`)}
                        </span>
                      ))}
                    </Flex>
                  }
                >
                  {floors.length === 0 ? (
                    <Empty description={t('structure.noFloors')} />
                  ) : (
                    <div className="floors" data-testid="building-floors">
                      {floors.map((f) => (
                        <div className="floor" key={f.id}>
                          <div className="floor__label">
                            <Typography.Text strong>{f.name}</Typography.Text>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t('structure.unitCount', { count: f.units.length })}
                            </Typography.Text>
                            {canEdit && (
                              <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setUnitFloorId(f.id)} style={{ padding: 0 }}>
                                {t('structure.unit')}
                              </Button>
                            )}
                          </div>
                          <div className="floor__units">
                            {f.units.length === 0 ? (
                              <Typography.Text type="secondary">{t('structure.noUnits')}</Typography.Text>
                            ) : (
                              [...f.units].sort((x, y) => x.code.localeCompare(y.code)).map((u) => <UnitTile key={u.id} unit={u} canEdit={canEdit} />)
                            )}
                          </div>
                        </div>
                      ))}
                    </div>
                  )}
                </Card>
              </Col>
            </Row>
            <FloorCreateModal buildingId={b.id} open={isAddingFloor} onClose={() => setIsAddingFloor(false)} nextLevel={nextLevel} />
            <UnitCreateModal floors={floors} floorId={unitFloorId} onClose={() => setUnitFloorId(null)} />
          </>
        );
      }}
    </QueryBoundary>
  );
}
