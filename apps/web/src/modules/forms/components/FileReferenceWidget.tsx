import { useState } from 'react';
import { Button, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import type { WidgetProps } from '@rjsf/utils';
import { useTranslation } from 'react-i18next';
import { uploadFile } from '../../files/api/files.api';
import { errorMessage } from '../../../lib/form-errors';

/** A file field: uploads to the files module and keeps the file's id as the value (the feature attaches it on save). */
export function FileReferenceWidget({ id, value, onChange, disabled, readonly }: WidgetProps) {
  const { t } = useTranslation();
  const [name, setName] = useState<string>();
  const [isUploading, setIsUploading] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function handleFile(file: File) {
    setIsUploading(true);
    setFailure(undefined);
    try {
      const stored = await uploadFile(file, 'document');
      setName(stored.name);
      onChange(stored.id);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setIsUploading(false);
    }
  }

  return (
    <Space orientation="vertical" size={4} id={id}>
      <Upload
        showUploadList={false}
        disabled={disabled || readonly}
        beforeUpload={(file) => {
          void handleFile(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={isUploading}>
          {t('forms.preview.upload')}
        </Button>
      </Upload>
      {typeof value === 'string' && value && (
        <Typography.Text type="secondary">
          <PaperClipOutlined /> {name ?? value}
        </Typography.Text>
      )}
      {failure && <Typography.Text type="danger">{failure}</Typography.Text>}
    </Space>
  );
}
