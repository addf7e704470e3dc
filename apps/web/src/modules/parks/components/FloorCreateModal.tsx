import { Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import { useStructureMutations } from '../hooks/useStructureMutations';

interface FloorValues {
  level: number;
  name?: string;
}

/** Adds a floor to a building. */
export function FloorCreateModal({ buildingId, open, onClose, nextLevel }: { buildingId: string; open: boolean; onClose: () => void; nextLevel: number }) {
  const { t } = useTranslation();
  const { createFloor } = useStructureMutations();
  return (
    <FormModal<FloorValues>
      open={open}
      title={t('structure.newFloor')}
      onClose={onClose}
      initialValues={{ level: nextLevel }}
      successMessage={t('common.created')}
      testId="new-floor-form"
      onSubmit={(v) => createFloor.mutateAsync({ buildingId, level: v.level, name: v.name?.trim() || undefined })}
    >
      <Form.Item name="level" label={t('structure.level')} rules={[{ required: true, message: t('common.required', { field: t('structure.level') }) }]}>
        <InputNumber style={{ width: '100%' }} precision={0} min={-10} max={200} />
      </Form.Item>
      <Form.Item name="name" label={t('structure.name')} rules={[{ max: 50 }]}>
        <Input placeholder={`${nextLevel}F`} />
      </Form.Item>
    </FormModal>
  );
}
