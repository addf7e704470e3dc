import { Form, Input, InputNumber, Select } from 'antd';
import { UNIT_STATUSES, type UnitStatus } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import type { Floor, Unit } from '../api/parks.api';
import { useStructureMutations } from '../hooks/useStructureMutations';
import { numberRule } from '../../../ui/number-rule';

interface UnitValues {
  floorId: string;
  code: string;
  area: number;
  status: UnitStatus;
}

interface UnitFormModalProps {
  floors: Floor[];
  floorId: string | null;
  onClose: () => void;
  /** The unit to edit (code, area, status); without it the modal adds a unit to `floorId`. */
  unit?: Unit | null;
}

/** Adds a unit to a floor of a building, or edits one (the same form, prefilled; the floor stays). */
export function UnitFormModal({ floors, floorId, onClose, unit }: UnitFormModalProps) {
  const { t } = useTranslation();
  const { createUnit, updateUnit } = useStructureMutations();
  const handleSubmit = (v: UnitValues) => {
    if (unit) return updateUnit.mutateAsync({ id: unit.id, code: v.code.trim(), area: v.area, status: v.status });
    return createUnit.mutateAsync({ ...v, code: v.code.trim() });
  };
  return (
    <FormModal<UnitValues>
      open={floorId !== null || !!unit}
      title={unit ? t('structure.editUnit') : t('structure.newUnit')}
      onClose={onClose}
      initialValues={unit ? { floorId: unit.floorId, code: unit.code, area: unit.area, status: unit.status } : { floorId: floorId ?? undefined, status: 'vacant' }}
      successMessage={unit ? t('common.saved') : t('common.created')}
      testId={unit ? 'edit-unit-form' : 'new-unit-form'}
      onSubmit={handleSubmit}
    >
      <Form.Item name="floorId" label={t('structure.floor')} rules={[{ required: true }]}>
        <Select options={floors.map((f) => ({ value: f.id, label: f.name }))} disabled={!!unit} />
      </Form.Item>
      <Form.Item name="code" label={t('structure.code')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('structure.code') }) }, { max: 32 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="area" label={t('structure.area')} rules={[{ required: true, message: t('common.required', { field: t('structure.area') }) }, numberRule(t, t('structure.area'), { positive: true, max: 1_000_000 })]}>
        <InputNumber style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="status" label={t('structure.status')}>
        <Select options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`unitStatus.${s}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
