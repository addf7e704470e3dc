import { useState } from 'react';
import { App, Button, Flex, Popover, Select, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { UNIT_STATUSES, type UnitStatus } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatArea, formatDate } from '../../../lib/format';
import { errorMessage } from '../../../lib/form-errors';
import type { Unit } from '../api/parks.api';
import { useStructureMutations } from '../hooks/useStructureMutations';
import { UNIT_STATUS_COLORS } from '../utils/unit-colors';
import { StructureDeleteButton } from './StructureDeleteButton';

interface UnitTileProps {
  unit: Unit;
  canEdit: boolean;
  /** Opens the edit form of the unit (operators). */
  onEdit?: (unit: Unit) => void;
}

/** One unit, coloured by status; a popover shows the tenant and lets operators change the status, edit or delete it. */
export function UnitTile({ unit, canEdit, onEdit }: UnitTileProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { updateUnitStatus, deleteUnit } = useStructureMutations();
  const color = UNIT_STATUS_COLORS[unit.status];
  const [isOpen, setIsOpen] = useState(false);

  const content = (
    <div style={{ minWidth: 200 }}>
      <div>
        {t('structure.area')}: {formatArea(unit.area)}
      </div>
      <div>
        {t('structure.status')}: {t(`unitStatus.${unit.status}`)}
      </div>
      {unit.tenant && (
        <>
          <div>
            {t('structure.tenant')}: <Link to={`/enterprises/${unit.tenant.enterpriseId}`}>{unit.tenant.legalName}</Link>
          </div>
          <div>
            {t('structure.leaseEnd')}: {formatDate(unit.tenant.leaseEnd)}
          </div>
        </>
      )}
      {canEdit && (
        <div style={{ marginTop: 8 }}>
          <Typography.Text type="secondary">{t('structure.changeStatus')}</Typography.Text>
          <Select<UnitStatus>
            size="small"
            style={{ width: '100%' }}
            value={unit.status}
            loading={updateUnitStatus.isPending}
            options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`unitStatus.${s}`) }))}
            onChange={(status) =>
              updateUnitStatus.mutate(
                { id: unit.id, status },
                { onSuccess: () => void message.success(t('common.updated')), onError: (e) => void message.error(errorMessage(e)) },
              )
            }
          />
          <Flex gap={8} justify="flex-end" style={{ marginTop: 8 }}>
            {onEdit && (
              <Button size="small" icon={<EditOutlined />} onClick={() => { setIsOpen(false); onEdit(unit); }} data-testid="unit-edit">
                {t('common.edit')}
              </Button>
            )}
            <StructureDeleteButton level="unit" name={unit.code} onDelete={() => deleteUnit.mutateAsync(unit.id)} testId="unit-delete" hasLabel />
          </Flex>
        </div>
      )}
    </div>
  );

  return (
    <Popover title={unit.code} content={content} trigger="click" open={isOpen} onOpenChange={setIsOpen}>
      <button type="button" className={`unit-tile unit-tile--${unit.status}`} style={{ borderColor: color, background: `${color}1f` }} data-testid="unit-tile">
        <span className="unit-tile__code">{unit.code}</span>
        <span className="unit-tile__meta">{Math.round(unit.area)} m²</span>
        {unit.tenant && <span className="unit-tile__tenant">{unit.tenant.legalName}</span>}
      </button>
    </Popover>
  );
}
