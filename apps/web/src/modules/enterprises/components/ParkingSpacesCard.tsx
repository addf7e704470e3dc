import { Form, Input, List } from 'antd';
import { useTranslation } from 'react-i18next';
import { EditableListCard } from '../../../ui/EditableListCard';
import type { ParkingSpace } from '../api/enterprises.api';
import { useEnterpriseMutations } from '../hooks/useEnterprise';

/** Parking spaces assigned to the enterprise. */
export function ParkingSpacesCard({ enterpriseId, spaces, canEdit }: { enterpriseId: string; spaces: ParkingSpace[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const m = useEnterpriseMutations(enterpriseId);
  return (
    <EditableListCard<ParkingSpace, { lotName: string; spaceCode: string }>
      title={t('enterprises.parkingSpaces')}
      items={spaces}
      canEdit={canEdit}
      addLabel={t('enterprises.addSpace')}
      testId="space"
      removeConfirm={t('enterprises.removeConfirm')}
      renderMeta={(s) => <List.Item.Meta avatar={<span className="parking-badge">P</span>} title={s.spaceCode} description={s.lotName} />}
      onAdd={(v) => m.addParkingSpace.mutateAsync({ lotName: v.lotName.trim(), spaceCode: v.spaceCode.trim() })}
      onRemove={(id) => m.removeParkingSpace.mutateAsync(id)}
      formFields={
        <>
          <Form.Item name="lotName" label={t('enterprises.lotName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('enterprises.lotName') }) }, { max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="spaceCode" label={t('enterprises.spaceCode')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('enterprises.spaceCode') }) }, { max: 32 }]}>
            <Input />
          </Form.Item>
        </>
      }
    />
  );
}
