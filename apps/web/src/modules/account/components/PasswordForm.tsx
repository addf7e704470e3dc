import { useState } from 'react';
import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../../../lib/form-errors';
import { changePassword } from '../../auth/api/auth.api';

interface PasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Changes the signed-in user's password. */
export function PasswordForm() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [isSaving, setIsSaving] = useState(false);

  const handleFinish = async (v: PasswordValues) => {
    setIsSaving(true);
    try {
      await changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword });
      void message.success(t('account.passwordChanged'));
      form.resetFields();
    } catch (error) {
      if (!applyFieldErrors(form, error)) void message.error(errorMessage(error));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Card title={t('account.changePassword')}>
      <Form form={form} layout="vertical" onFinish={(v) => void handleFinish(v)} style={{ maxWidth: 420 }} data-testid="password-form">
        <Form.Item name="currentPassword" label={t('account.currentPassword')} rules={[{ required: true, message: t('common.required', { field: t('account.currentPassword') }) }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('account.newPassword')} rules={[{ required: true, min: 10, message: t('account.passwordTooShort') }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('account.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required', { field: t('account.confirmPassword') }) },
            ({ getFieldValue }) => ({
              validator: async (_, value: string) => {
                if (value && value !== getFieldValue('newPassword')) throw new Error(t('account.passwordMismatch'));
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={isSaving}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
