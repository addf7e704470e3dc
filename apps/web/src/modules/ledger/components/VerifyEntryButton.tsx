import { useState } from 'react';
import { Button, Modal } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { EntryVerification } from './EntryVerification';

/** "Verify" on any audited record: opens the in-browser ledger check of its audit entry. */
export function VerifyEntryButton({ auditId, size = 'small' }: { auditId: number; size?: 'small' | 'middle' }) {
  const { t } = useTranslation();
  const [isOpen, setIsOpen] = useState(false);
  return (
    <>
      <Button size={size} icon={<SafetyCertificateOutlined />} onClick={() => setIsOpen(true)} data-testid={`ledger-verify-${auditId}`}>
        {t('ledger.verify')}
      </Button>
      <Modal open={isOpen} onCancel={() => setIsOpen(false)} footer={null} width={720} title={t('ledger.verifyTitle', { id: auditId })} destroyOnHidden>
        {isOpen && <EntryVerification auditId={auditId} />}
      </Modal>
    </>
  );
}
