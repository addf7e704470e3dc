import { useRef } from 'react';
import { App, Button, Flex, Typography } from 'antd';
import { CameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PHOTO_LIMITS, photoProblem } from '../utils/photos';

interface PhotoPickerProps {
  /** Photos already attached (or chosen). */
  count: number;
  onPick: (files: File[]) => void;
  isLoading?: boolean;
}

/** Chooses photos (camera on phones), refusing wrong types, oversize files and more than 9. */
export function PhotoPicker({ count, onPick, isLoading }: PhotoPickerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const handleChange = (list: FileList | null) => {
    const files = [...(list ?? [])];
    if (input.current) input.current.value = '';
    const ok: File[] = [];
    for (const f of files) {
      const problem = photoProblem(f);
      if (problem) {
        void message.error(t(problem === 'type' ? 'workorders.photo.typeError' : 'workorders.photo.sizeError'));
        continue;
      }
      ok.push(f);
    }
    if (count + ok.length > PHOTO_LIMITS.maxPerOrder) {
      void message.error(t('workorders.photo.tooMany'));
      ok.splice(PHOTO_LIMITS.maxPerOrder - count);
    }
    if (ok.length) onPick(ok);
  };
  return (
    <Flex vertical gap={4}>
      <input ref={input} type="file" accept={PHOTO_LIMITS.types.join(',')} multiple hidden style={{ display: 'none' }} onChange={(e) => handleChange(e.target.files)} data-testid="wo-photo-input" />
      <Button icon={<CameraOutlined />} onClick={() => input.current?.click()} loading={isLoading} disabled={count >= PHOTO_LIMITS.maxPerOrder} data-testid="wo-photo-add">
        {t('workorders.photo.add')} ({count}/{PHOTO_LIMITS.maxPerOrder})
      </Button>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('workorders.photo.hint')}
      </Typography.Text>
    </Flex>
  );
}
