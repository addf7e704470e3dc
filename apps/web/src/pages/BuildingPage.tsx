import { useState } from 'react';
import { Button, Card, Col, Descriptions, Empty, Flex, Row, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { UNIT_STATUSES } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { formatInteger } from '../lib/format';
import { useSession } from '../modules/auth/hooks/useSession';
import type { Floor, Unit } from '../modules/parks/api/parks.api';
import { FloorFormModal } from '../modules/parks/components/FloorFormModal';
import { StructureDeleteButton } from '../modules/parks/components/StructureDeleteButton';
import { StructureFormModal } from '../modules/parks/components/StructureFormModal';
import { UnitFormModal } from '../modules/parks/components/UnitFormModal';
import { UnitTile } from '../modules/parks/components/UnitTile';
import { useBuilding } from '../modules/parks/hooks/useBuilding';
import { useStructureMutations } from '../modules/parks/hooks/useStructureMutations';
import { UNIT_STATUS_COLORS } from '../modules/parks/utils/unit-colors';
import { PageHeader } from '../ui/PageHeader';
import { IconEditButton } from '../ui/IconEditButton';
import { QueryBoundary } from '../ui/QueryBoundary';

/** A building: floors from top to bottom, each with its units coloured by status; operators add, edit and delete them. */
export function BuildingPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id } = useParams<{ id: string }>();
  const { permissions } = useSession();
  const building = useBuilding(id);
  const m = useStructureMutations();
  const [isAddingFloor, setIsAddingFloor] = useState(false);
  const [isEditingBuilding, setIsEditingBuilding] = useState(false);
  const [editingFloor, setEditingFloor] = useState<Floor | null>(null);
  const [editingUnit, setEditingUnit] = useState<Unit | null>(null);
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
                    <Button icon={<EditOutlined />} onClick={() => setIsEditingBuilding(true)} data-testid="building-edit">
                      {t('common.edit')}
                    </Button>
                    <StructureDeleteButton
                      level="building"
                      name={b.name}
                      size="middle"
                      hasLabel
                      testId="building-delete"
                      onDelete={() => m.deleteBuilding.mutateAsync(b.id)}
                      onDeleted={() => void navigate('/structure', { replace: true })}
                    />
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
                  <Descriptions size="small" column={{ xs: 1, sm: 2, md: 5 }}>
                    <Descriptions.Item label={t('structure.floorsAboveGround')}>{b.floorsAboveGround ?? '—'}</Descriptions.Item>
                    {/* The label already names the unit (m²). */}
                    <Descriptions.Item label={t('structure.grossArea')}>{formatInteger(b.grossArea)}</Descriptions.Item>
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
                        <div className="floor" key={f.id} data-testid="floor-row">
                          <div className="floor__label">
                            <Typography.Text strong data-testid="floor-name">{f.name}</Typography.Text>
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {t('structure.unitCount', { count: f.units.length })}
                            </Typography.Text>
                            {canEdit && (
                              <Flex gap={4} wrap align="center">
                                <Button size="small" type="link" icon={<PlusOutlined />} onClick={() => setUnitFloorId(f.id)} style={{ padding: 0 }}>
                                  {t('structure.unit')}
                                </Button>
                                <IconEditButton label={t('structure.editFloor')} onClick={() => setEditingFloor(f)} testId="floor-edit" />
                                <StructureDeleteButton level="floor" name={f.name} testId="floor-delete" onDelete={() => m.deleteFloor.mutateAsync(f.id)} />
                              </Flex>
                            )}
                          </div>
                          <div className="floor__units">
                            {f.units.length === 0 ? (
                              <Typography.Text type="secondary">{t('structure.noUnits')}</Typography.Text>
                            ) : (
                              [...f.units].sort((x, y) => x.code.localeCompare(y.code)).map((u) => <UnitTile key={u.id} unit={u} canEdit={canEdit} onEdit={setEditingUnit} />)
                            )}
                          </div>
                        </div>
                      ))}
                    </div>
                  )}
                </Card>
              </Col>
            </Row>
            <FloorFormModal buildingId={b.id} open={isAddingFloor} onClose={() => setIsAddingFloor(false)} nextLevel={nextLevel} />
            <UnitFormModal floors={floors} floorId={unitFloorId} onClose={() => setUnitFloorId(null)} />
            {/* Edit forms are keyed by the item so that each starts from that item's values. */}
            {isEditingBuilding && <StructureFormModal key={b.id} kind="building" item={b} onClose={() => setIsEditingBuilding(false)} />}
            {editingFloor && (
              <FloorFormModal key={editingFloor.id} buildingId={b.id} open floor={editingFloor} nextLevel={nextLevel} onClose={() => setEditingFloor(null)} />
            )}
            {editingUnit && <UnitFormModal key={editingUnit.id} floors={floors} floorId={null} unit={editingUnit} onClose={() => setEditingUnit(null)} />}
          </>
        );
      }}
    </QueryBoundary>
  );
}
