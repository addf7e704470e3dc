import { Form, Input, InputNumber, Select } from 'antd';
import { UNIT_STATUSES, type UnitStatus } from '@parkos/contracts';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import type { Floor } from '../api/parks.api';
import { useStructureMutations } from '../hooks/useStructureMutations';

interface UnitValues {
  floorId: string;
  code: string;
  area: number;
  status: UnitStatus;
}

/** Adds a unit to a floor of a building. */
export function UnitCreateModal({ floors, floorId, onClose }: { floors: Floor[]; floorId: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { createUnit } = useStructureMutations();
  return (
    <FormModal<UnitValues>
      open={floorId !== null}
      title={t('structure.newUnit')}
      onClose={onClose}
      initialValues={{ floorId: floorId ?? undefined, status: 'vacant' }}
      successMessage={t('common.created')}
      testId="new-unit-form"
      onSubmit={(v) => createUnit.mutateAsync(v)}
    >
      <Form.Item name="floorId" label={t('structure.floor')} rules={[{ required: true }]}>
        <Select options={floors.map((f) => ({ value: f.id, label: f.name }))} />
      </Form.Item>
      <Form.Item name="code" label={t('structure.code')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('structure.code') }) }, { max: 32 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="area" label={t('structure.area')} rules={[{ required: true, message: t('common.required', { field: t('structure.area') }) }]}>
        <InputNumber style={{ width: '100%' }} min={1} />
      </Form.Item>
      <Form.Item name="status" label={t('structure.status')}>
        <Select options={UNIT_STATUSES.map((s) => ({ value: s, label: t(`unitStatus.${s}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
