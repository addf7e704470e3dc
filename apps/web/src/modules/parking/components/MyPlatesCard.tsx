import { useState } from 'react';
import { App, Button, Card, Flex, Input, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import type { MyParking } from '../api/parking.api';
import { useParkingMutations } from '../hooks/useParking';

/** The member's registered plates (GA 36-2018, checked by the server). */
export function MyPlatesCard({ data }: { data: MyParking }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [plate, setPlate] = useState('');
  const m = useParkingMutations();
  const handleAdd = () =>
    m.addPlate.mutate(plate, {
      onSuccess: () => setPlate(''),
      onError: (e) => void message.error(errorMessage(e)),
    });
  return (
    <Card size="small" title={t('payments.parking.myPlates')} data-testid="my-plates">
      <Flex gap={6} wrap style={{ marginBottom: 8 }}>
        {data.plates.map((p) => (
          <Tag key={p.id} closable color="blue" onClose={(e) => (e.preventDefault(), m.removePlate.mutate(p.id))} style={{ fontSize: 14, padding: '2px 8px' }}>
            {p.plate}
          </Tag>
        ))}
      </Flex>
      <Flex gap={8}>
        <Input placeholder={t('payments.parking.platePlaceholder')} value={plate} onChange={(e) => setPlate(e.target.value)} maxLength={12} onPressEnter={handleAdd} />
        <Button onClick={handleAdd} loading={m.addPlate.isPending} disabled={plate.trim().length < 7}>
          {t('payments.parking.addPlate')}
        </Button>
      </Flex>
    </Card>
  );
}
