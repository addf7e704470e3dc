import { useState, type ReactNode } from 'react';
import { App, Form, Modal, type ButtonProps, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, errorMessage } from '../lib/form-errors';

interface FormModalProps<T> {
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  /** Sends the values; a thrown 400 puts its field errors on the form. */
  onSubmit: (values: T) => Promise<unknown>;
  children: ReactNode;
  initialValues?: Partial<T>;
  okText?: ReactNode;
  successMessage?: string;
  testId?: string;
  form?: FormInstance<T>;
  width?: number;
  /** Asked after validation and before sending; false keeps the form open unsent (e.g. a warning the user declined). */
  confirm?: (values: T) => Promise<boolean>;
}

/** A modal with a vertical form: validates, submits, shows server field errors on the fields. */
export function FormModal<T extends object>({ open, title, onClose, onSubmit, children, initialValues, okText, successMessage, testId, form: givenForm, width, confirm }: FormModalProps<T>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [ownForm] = Form.useForm<T>();
  const form = givenForm ?? ownForm;
  const [isSaving, setIsSaving] = useState(false);

  const handleOk = async () => {
    let values: T;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (confirm && !(await confirm(values))) return;
    setIsSaving(true);
    try {
      await onSubmit(values);
      if (successMessage) void message.success(successMessage);
      form.resetFields();
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) void message.error(errorMessage(error));
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => void handleOk()}
      okText={okText ?? t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={isSaving}
      destroyOnHidden
      width={width}
      okButtonProps={testId ? ({ 'data-testid': `${testId}-submit` } as ButtonProps) : undefined}
    >
      <Form form={form} layout="vertical" initialValues={initialValues} data-testid={testId} onFinish={() => void handleOk()}>
        {children}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
