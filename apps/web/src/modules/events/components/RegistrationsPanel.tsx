import { useState } from 'react';
import { App, Button, Card, Input, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { formatDateTime } from '../../../lib/format';
import type { Registration } from '../api/events.api';
import { useCheckIn, useDecide, useRegistrations } from '../hooks/useEvents';
import { RegistrationTag } from './RegistrationTag';

/** Operators: registrations in order (seats, pending, waitlist), approval, and check-in by scanned code. */
export function RegistrationsPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const regs = useRegistrations(eventId, true);
  const decide = useDecide();
  const checkIn = useCheckIn();
  const [code, setCode] = useState('');
  const handleCheckIn = () => {
    if (!code.trim()) return;
    checkIn.mutate(
      { id: eventId, code: code.trim() },
      {
        onSuccess: (r) => {
          const reg = r as Registration;
          void message.success(t('passesEvents.events.checkInOk', { name: reg.userName }));
          setCode('');
        },
        onError: (e) => void message.error(errorMessage(e)),
      },
    );
  };
  return (
    <Card title={t('passesEvents.events.registrations')} size="small" style={{ marginTop: 16 }}>
      <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
        <Input placeholder={t('passesEvents.events.checkInPlaceholder')} value={code} onChange={(e) => setCode(e.target.value)} onPressEnter={handleCheckIn} data-testid="checkin-code" />
        <Button type="primary" onClick={handleCheckIn} loading={checkIn.isPending} data-testid="checkin-submit">
          {t('passesEvents.events.checkIn')}
        </Button>
      </Space.Compact>
      <Table<Registration>
        rowKey="id"
        size="small"
        scroll={{ x: 560 }}
        loading={regs.isFetching}
        dataSource={regs.data}
        pagination={false}
        data-testid="registrations-table"
        columns={[
          { title: t('passesEvents.events.attendee'), dataIndex: 'userName' },
          { title: t('passesEvents.events.enterprise'), dataIndex: 'enterpriseName', ellipsis: true },
          { title: t('passesEvents.events.status'), render: (_, r) => <RegistrationTag status={r.status} position={r.waitlistPosition} /> },
          { title: t('passesEvents.events.checkIn'), render: (_, r) => (r.checkedInAt ? formatDateTime(r.checkedInAt) : '—') },
          {
            title: t('common.actions'),
            render: (_, r) =>
              r.status === 'pending' ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => decide.mutate({ id: eventId, registrationId: r.id, approve: true })}>
                    {t('passesEvents.events.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => decide.mutate({ id: eventId, registrationId: r.id, approve: false })}>
                    {t('passesEvents.events.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
    </Card>
  );
}
