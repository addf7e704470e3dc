import { App, Button, Popconfirm, type ButtonProps } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { deleteErrorMessage, type StructureLevel } from '../utils/delete-error';

interface StructureDeleteButtonProps {
  level: StructureLevel;
  name: string;
  /** Sends the delete; a refusal (409) is shown as a translated message and the item stays. */
  onDelete: () => Promise<unknown>;
  onDeleted?: () => void;
  testId?: string;
  size?: ButtonProps['size'];
  /** Show the word next to the icon (page headers); list rows show the icon only. */
  hasLabel?: boolean;
}

/** A delete button with a confirmation; explains in the user's language why the server refused. */
export function StructureDeleteButton({ level, name, onDelete, onDeleted, testId, size = 'small', hasLabel = false }: StructureDeleteButtonProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const handleConfirm = async () => {
    try {
      await onDelete();
      void message.success(t('common.deleted'));
      onDeleted?.();
    } catch (error) {
      void message.error({ content: <span data-testid="delete-refused">{deleteErrorMessage(t, level, name, error)}</span>, duration: 8 });
    }
  };

  return (
    <Popconfirm
      title={t('structure.deleteConfirm', { name })}
      description={t('structure.deleteConfirmHint')}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, 'data-testid': 'delete-confirm' } as ButtonProps}
      onConfirm={handleConfirm}
      onPopupClick={(e) => e.stopPropagation()}
    >
      <Button
        type="text"
        size={size}
        danger
        icon={<DeleteOutlined />}
        aria-label={t('common.delete')}
        title={t('common.delete')}
        data-testid={testId}
        onClick={(e) => e.stopPropagation()}
      >
        {hasLabel ? t('common.delete') : null}
      </Button>
    </Popconfirm>
  );
}
