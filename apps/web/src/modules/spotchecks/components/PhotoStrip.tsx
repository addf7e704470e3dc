import { Image, Space } from 'antd';
import { fileUrl, thumbnailUrl } from '../../files/api/files.api';
import type { FileRef } from '../api/spotchecks.api';

/** Thumbnails of a finding's photos; a tap shows the full image. */
export function PhotoStrip({ photos }: { photos: FileRef[] }) {
  if (!photos.length) return null;
  return (
    <Image.PreviewGroup>
      <Space wrap size={8}>
        {photos.map((p) => (
          <Image key={p.id} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 6 }} src={thumbnailUrl(p.id)} preview={{ src: fileUrl(p.id) }} alt={p.name} />
        ))}
      </Space>
    </Image.PreviewGroup>
  );
}
