import { useState } from 'react';
import { App, Button, Card, Empty, Form, Input, List, Popconfirm } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { FormModal } from '../../../ui/FormModal';
import type { ParkingSpace } from '../api/enterprises.api';
import { useEnterpriseMutations } from '../hooks/useEnterprise';

/** Parking spaces assigned to the enterprise. */
export function ParkingSpacesCard({ enterpriseId, spaces, canEdit }: { enterpriseId: string; spaces: ParkingSpace[]; canEdit: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const m = useEnterpriseMutations(enterpriseId);
  const [isAdding, setIsAdding] = useState(false);
  return (
    <Card
      title={`${t('enterprises.parkingSpaces')} (${spaces.length})`}
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid="space-add">
            {t('enterprises.addSpace')}
          </Button>
        )
      }
    >
      {spaces.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={spaces}
          renderItem={(s) => (
            <List.Item
              actions={
                canEdit
                  ? [
                      <Popconfirm
                        key="rm"
                        title={t('enterprises.removeConfirm')}
                        onConfirm={() => m.removeParkingSpace.mutateAsync(s.id).catch((e: unknown) => void message.error(errorMessage(e)))}
                      >
                        <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.remove')} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              <List.Item.Meta avatar={<span className="parking-badge">P</span>} title={s.spaceCode} description={s.lotName} />
            </List.Item>
          )}
        />
      )}
      <FormModal<{ lotName: string; spaceCode: string }>
        open={isAdding}
        title={t('enterprises.addSpace')}
        onClose={() => setIsAdding(false)}
        successMessage={t('common.created')}
        testId="space-form"
        onSubmit={(v) => m.addParkingSpace.mutateAsync({ lotName: v.lotName.trim(), spaceCode: v.spaceCode.trim() })}
      >
        <Form.Item name="lotName" label={t('enterprises.lotName')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('enterprises.lotName') }) }, { max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="spaceCode" label={t('enterprises.spaceCode')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('enterprises.spaceCode') }) }, { max: 32 }]}>
          <Input />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
