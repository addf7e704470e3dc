import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, List, Popconfirm } from 'antd';
import { CarOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { FormModal } from '../../../ui/FormModal';
import type { Vehicle } from '../api/enterprises.api';
import { useEnterpriseMutations } from '../hooks/useEnterprise';

/** The enterprise's registered vehicles, with add and remove. */
export function VehiclesCard({ enterpriseId, vehicles, canEdit }: { enterpriseId: string; vehicles: Vehicle[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useEnterpriseMutations(enterpriseId);
  const [isAdding, setIsAdding] = useState(false);
  return (
    <Card
      title={`${t('enterprises.vehicles')} (${vehicles.length})`}
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid="vehicle-add">
            {t('enterprises.addVehicle')}
          </Button>
        )
      }
    >
      {vehicles.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={vehicles}
          renderItem={(v) => (
            <List.Item
              actions={
                canEdit
                  ? [
                      <Popconfirm
                        key="rm"
                        title={t('enterprises.removeConfirm')}
                        onConfirm={() => m.removeVehicle.mutateAsync(v.id).catch((e: unknown) => void message.error(errorMessage(e)))}
                      >
                        <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.remove')} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta avatar={<CarOutlined />} title={<span className="plate">{v.plate}</span>} description={v.ownerName ?? undefined} />
            </List.Item>
          )}
        />
      )}
      <FormModal<{ plate: string; ownerName?: string }>
        open={isAdding}
        title={t('enterprises.addVehicle')}
        onClose={() => setIsAdding(false)}
        successMessage={t('common.created')}
        testId="vehicle-form"
        onSubmit={(v) => m.addVehicle.mutateAsync({ plate: v.plate.trim().toUpperCase(), ownerName: v.ownerName?.trim() || null })}
      >
        <Form.Item name="plate" label={t('enterprises.plate')} rules={[{ required: true, min: 7, max: 12, message: t('enterprises.plateInvalid') }]}>
          <Input placeholder={t('enterprises.platePlaceholder')} />
        </Form.Item>
        <Form.Item name="ownerName" label={t('enterprises.ownerName')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
