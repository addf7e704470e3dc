import { Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../../ui/FormModal';
import type { Campaign } from '../api/returnToWork.api';
import { useUpdateCampaign } from '../hooks/useReturnToWork';

interface EditForm {
  name: string;
  endDate: string;
}

/** Renames an open campaign or moves its end date (the server refuses an end date before a reported period, on the field). */
export function EditCampaignModal({ campaign, open, onClose }: { campaign: Campaign; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<EditForm>();
  const update = useUpdateCampaign();
  const required = (field: string) => [{ required: true, message: t('common.required', { field }) }];
  return (
    <FormModal<EditForm>
      open={open}
      form={form}
      title={t('returnToWork.manage.editTitle')}
      onClose={onClose}
      onSubmit={(v) => update.mutateAsync({ id: campaign.id, name: v.name, endDate: v.endDate })}
      initialValues={{ name: campaign.name, endDate: campaign.endDate }}
      successMessage={t('common.saved')}
      testId="rtw-edit"
    >
      <Typography.Paragraph type="secondary">{t('returnToWork.manage.editHint')}</Typography.Paragraph>
      <Form.Item name="name" label={t('returnToWork.create.name')} rules={required(t('returnToWork.create.name'))}>
        <Input maxLength={100} data-testid="rtw-edit-name" />
      </Form.Item>
      <Form.Item name="endDate" label={t('returnToWork.create.endDate')} rules={required(t('returnToWork.create.endDate'))}>
        <Input type="date" min={campaign.startDate} data-testid="rtw-edit-end" />
      </Form.Item>
    </FormModal>
  );
}
