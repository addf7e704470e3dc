import { EditOutlined } from '@ant-design/icons';
import { Button } from 'antd';

/** A small icon-only edit button; `label` is its accessible name and tooltip. */
export function IconEditButton({ label, onClick, testId }: { label: string; onClick: () => void; testId?: string }) {
  return <Button type="text" size="small" icon={<EditOutlined />} aria-label={label} title={label} onClick={onClick} data-testid={testId} />;
}
