import { Form, Input, List } from 'antd';
import { CarOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EditableListCard } from '../../../ui/EditableListCard';
import type { Vehicle } from '../api/enterprises.api';
import { useEnterpriseMutations } from '../hooks/useEnterprise';

/** The enterprise's registered vehicles, with add and remove. */
export function VehiclesCard({ enterpriseId, vehicles, canEdit }: { enterpriseId: string; vehicles: Vehicle[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const m = useEnterpriseMutations(enterpriseId);
  return (
    <EditableListCard<Vehicle, { plate: string; ownerName?: string }>
      title={t('enterprises.vehicles')}
      items={vehicles}
      canEdit={canEdit}
      addLabel={t('enterprises.addVehicle')}
      testId="vehicle"
      removeConfirm={t('enterprises.removeConfirm')}
      renderMeta={(v) => <List.Item.Meta avatar={<CarOutlined />} title={<span className="plate">{v.plate}</span>} description={v.ownerName ?? undefined} />}
      onAdd={(v) => m.addVehicle.mutateAsync({ plate: v.plate.trim().toUpperCase(), ownerName: v.ownerName?.trim() || null })}
      onRemove={(id) => m.removeVehicle.mutateAsync(id)}
      formFields={
        <>
          <Form.Item name="plate" label={t('enterprises.plate')} rules={[{ required: true, min: 7, max: 12, message: t('enterprises.plateInvalid') }]}>
            <Input placeholder={t('enterprises.platePlaceholder')} />
          </Form.Item>
          <Form.Item name="ownerName" label={t('enterprises.ownerName')} rules={[{ max: 100 }]}>
            <Input />
          </Form.Item>
        </>
      }
    />
  );
}
