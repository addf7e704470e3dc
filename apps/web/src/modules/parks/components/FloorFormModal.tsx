import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import type { Floor } from '../api/parks.api';
import { useStructureMutations } from '../hooks/useStructureMutations';

interface FloorValues {
  level: number;
  name?: string;
}

interface FloorFormModalProps {
  buildingId: string;
  open: boolean;
  onClose: () => void;
  nextLevel: number;
  /** The floor to rename; without it the modal adds a floor. */
  floor?: Floor | null;
}

/** Adds a floor to a building, or renames one (its level stays: units and plans hang on it). */
export function FloorFormModal({ buildingId, open, onClose, nextLevel, floor }: FloorFormModalProps) {
  const { t } = useTranslation();
  const { createFloor, updateFloor } = useStructureMutations();
  const handleSubmit = (v: FloorValues) => {
    if (floor) return updateFloor.mutateAsync({ id: floor.id, name: v.name?.trim() || floor.name });
    return createFloor.mutateAsync({ buildingId, level: v.level, name: v.name?.trim() || undefined });
  };
  return (
    <FormModal<FloorValues>
      open={open}
      title={floor ? t('structure.editFloor') : t('structure.newFloor')}
      onClose={onClose}
      initialValues={floor ? { level: floor.level, name: floor.name } : { level: nextLevel }}
      successMessage={floor ? t('common.saved') : t('common.created')}
      testId={floor ? 'edit-floor-form' : 'new-floor-form'}
      onSubmit={handleSubmit}
    >
      <Form.Item
        name="level"
        label={t('structure.level')}
        extra={floor ? t('structure.levelFixed') : undefined}
        rules={[{ required: true, message: t('common.required', { field: t('structure.level') }) }]}
      >
        <InputNumber style={{ width: '100%' }} precision={0} min={-10} max={200} disabled={!!floor} />
      </Form.Item>
      <Form.Item name="name" label={t('structure.name')} rules={[{ max: 50 }, ...(floor ? [{ required: true, whitespace: true, message: t('common.required', { field: t('structure.name') }) }] : [])]}>
        <Input placeholder={`${floor?.level ?? nextLevel}F`} />
      </Form.Item>
    </FormModal>
  );
}
