import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import { usccRule } from '../../enterprises/utils/uscc-rule';
import { usePropertyMutations } from '../hooks/usePropertyCompanies';

interface CompanyValues {
  name: string;
  creditCode: string;
  contactName?: string;
  contactPhone?: string;
}

/** Registers a property company. */
export function CompanyFormModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { createCompany } = usePropertyMutations();
  return (
    <FormModal<CompanyValues>
      open={open}
      title={t('property.new')}
      onClose={onClose}
      successMessage={t('common.created')}
      testId="company-form"
      onSubmit={(v) =>
        createCompany.mutateAsync({ name: v.name.trim(), creditCode: v.creditCode.trim().toUpperCase(), contactName: v.contactName?.trim() || null, contactPhone: v.contactPhone?.trim() || null })
      }
    >
      <Form.Item name="name" label={t('property.name')} rules={[{ required: true, whitespace: true, message: t('common.required', { field: t('property.name') }) }, { max: 200 }]}>
        <Input />
      </Form.Item>
      <Form.Item
        name="creditCode"
        label={t('property.creditCode')}
        normalize={(v: string) => v.toUpperCase()}
        rules={[{ required: true, message: t('common.required', { field: t('property.creditCode') }) }, usccRule(t)]}
      >
        <Input maxLength={18} showCount style={{ fontFamily: 'monospace' }} />
      </Form.Item>
      <Form.Item name="contactName" label={t('property.contactName')} rules={[{ max: 100 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="contactPhone" label={t('property.contactPhone')}>
        <Input />
      </Form.Item>
    </FormModal>
  );
}
