import { useState } from 'react';
import { App, Button, List, Space, Typography, Upload } from 'antd';
import { CheckCircleTwoTone, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { uploadFile, type StoredFile } from '../../files/api/files.api';
import type { MaterialInput } from '../api/policies.api';

/** A document or an image, by its browser-reported type (the server decides by content). */
const purposeOf = (file: File) => (file.type.startsWith('image/') ? 'image' : 'document');

/**
 * The materials checklist: one upload per required document. `onChange` gets the uploaded ones
 * (name → file id) as they arrive.
 */
export function MaterialUploads({ names, onChange }: { names: string[]; onChange: (materials: MaterialInput[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [uploaded, setUploaded] = useState<Record<string, StoredFile>>({});
  const [busy, setBusy] = useState<string | null>(null);

  const handleUpload = async (name: string, file: File) => {
    setBusy(name);
    try {
      const stored = await uploadFile(file, purposeOf(file));
      const next = { ...uploaded, [name]: stored };
      setUploaded(next);
      onChange(Object.entries(next).map(([n, f]) => ({ name: n, fileId: f.id })));
    } catch (e) {
      void message.error(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <List
      size="small"
      bordered
      dataSource={names}
      renderItem={(name, i) => (
        <List.Item data-testid={`material-${i}`}>
          <Space direction="vertical" size={0} style={{ minWidth: 0, flex: 1 }}>
            <Typography.Text>
              {uploaded[name] ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : null} {name}
            </Typography.Text>
            {uploaded[name] && (
              <Typography.Text type="secondary" ellipsis>
                {t('policies.apply.uploaded', { name: uploaded[name].name })}
              </Typography.Text>
            )}
          </Space>
          <Upload showUploadList={false} accept="image/*,.pdf,.doc,.docx,.xls,.xlsx" beforeUpload={(file) => (void handleUpload(name, file), false)}>
            <Button size="small" icon={<UploadOutlined />} loading={busy === name}>
              {t('policies.apply.upload')}
            </Button>
          </Upload>
        </List.Item>
      )}
    />
  );
}
