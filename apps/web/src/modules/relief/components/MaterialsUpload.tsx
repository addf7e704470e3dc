import { useState } from 'react';
import { App, Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { uploadFile } from '../../files/api/files.api';

/** Uploads materials (images or PDFs) through the files module; reports the ids of those stored. */
export function MaterialsUpload({ onChange }: { onChange: (fileIds: string[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [files, setFiles] = useState<(UploadFile & { fileId?: string })[]>([]);
  const report = (list: (UploadFile & { fileId?: string })[]) => {
    setFiles(list);
    onChange(list.flatMap((f) => (f.fileId ? [f.fileId] : [])));
  };
  return (
    <Upload
      multiple
      fileList={files}
      accept="image/*,application/pdf"
      data-testid="relief-upload"
      customRequest={({ file, onSuccess, onError }) => {
        const f = file as File;
        uploadFile(f, f.type.startsWith('image/') ? 'image' : 'document')
          .then((stored) => onSuccess?.(stored))
          .catch((e: unknown) => {
            void message.error(errorMessage(e));
            onError?.(e as Error);
          });
      }}
      onChange={({ file, fileList }) => {
        const stored = file.status === 'done' ? (file.response as { id: string }).id : undefined;
        report(fileList.map((x) => (x.uid === file.uid && stored ? { ...x, fileId: stored } : (x as UploadFile & { fileId?: string }))).filter((x) => x.status !== 'error'));
      }}
    >
      <Button icon={<UploadOutlined />}>{t('relief.mine.upload')}</Button>
    </Upload>
  );
}
