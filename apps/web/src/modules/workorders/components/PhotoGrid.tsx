import { Image } from 'antd';
import { fileUrl, thumbnailUrl } from '../../files/api/files.api';
import type { Attachment } from '../api/workorders.api';

/** A work order's photos as thumbnails, opening the full image; served scope-checked by the API. */
export function PhotoGrid({ photos }: { photos: Attachment[] }) {
  if (!photos.length) return null;
  return (
    <Image.PreviewGroup>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(88px, 1fr))', gap: 8 }} data-testid="wo-photos">
        {photos.map((p) => (
          <Image
            key={p.id}
            src={p.hasThumbnail ? thumbnailUrl(p.id) : fileUrl(p.id)}
            preview={{ src: fileUrl(p.id) }}
            alt={p.fileName}
            width="100%"
            height={88}
            style={{ objectFit: 'cover', borderRadius: 6 }}
          />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
