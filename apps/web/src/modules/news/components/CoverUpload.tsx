import { useState } from 'react';
import { App, Button, Flex, Image, Upload } from 'antd';
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../lib/form-errors';
import { uploadImage } from '../api/news.api';
import { COVER_MAX_BYTES, COVER_TYPES, readAsBase64 } from '../utils/image-file';

interface CoverUploadProps {
  /** The uploaded image's id. */
  value?: string | null;
  onChange?: (id: string | null) => void;
}

/** Picks a cover image (JPEG, PNG or WebP up to 2 MiB), uploads it and previews it. */
export function CoverUpload({ value, onChange }: CoverUploadProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isUploading, setIsUploading] = useState(false);

  const handleFile = async (file: File) => {
    if (!COVER_TYPES.includes(file.type)) {
      void message.error(t('news.coverType'));
      return;
    }
    if (file.size > COVER_MAX_BYTES) {
      void message.error(t('news.coverSize'));
      return;
    }
    setIsUploading(true);
    try {
      const img = await uploadImage({ contentType: file.type, dataBase64: await readAsBase64(file) });
      onChange?.(img.id);
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setIsUploading(false);
    }
  };

  return (
    <Flex gap={12} align="center" wrap>
      {value && <Image src={`/api/news/images/${value}`} width={120} height={68} style={{ objectFit: 'cover', borderRadius: 6 }} alt="" data-testid="news-cover-preview" />}
      <Upload
        accept={COVER_TYPES.join(',')}
        showUploadList={false}
        beforeUpload={(file) => {
          void handleFile(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={isUploading} data-testid="news-cover-upload">
          {value ? t('news.coverReplace') : t('news.coverUpload')}
        </Button>
      </Upload>
      {value && <Button type="text" danger icon={<DeleteOutlined />} onClick={() => onChange?.(null)} aria-label={t('news.coverRemove')} />}
    </Flex>
  );
}
