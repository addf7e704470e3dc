import { Image } from 'antd';
import { photoUrl, type Attachment } from '../api/workorders.api';

/** A work order's photos, served scope-checked by the API. */
export function PhotoGrid({ orderId, photos }: { orderId: string; photos: Attachment[] }) {
  if (!photos.length) return null;
  return (
    <Image.PreviewGroup>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(88px, 1fr))', gap: 8 }} data-testid="wo-photos">
        {photos.map((p) => (
          <Image key={p.id} src={photoUrl(orderId, p.id)} alt={p.fileName} width="100%" height={88} style={{ objectFit: 'cover', borderRadius: 6 }} />
        ))}
      </div>
    </Image.PreviewGroup>
  );
}
