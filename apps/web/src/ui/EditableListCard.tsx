import { useState, type ReactNode } from 'react';
import { App, Button, Card, Empty, List, Popconfirm } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/form-errors';
import { FormModal } from './FormModal';

interface EditableListCardProps<T extends { id: string }, V extends object> {
  /** The card title; the number of items is appended. */
  title: string;
  items: T[];
  /** Shows the add button and each item's remove button. */
  canEdit: boolean;
  /** The add button's text and the add form's title. */
  addLabel: string;
  /** The add button is `${testId}-add`, the add form `${testId}-form`. */
  testId: string;
  /** The question asked before removing an item. */
  removeConfirm: string;
  /** One item's line: a List.Item.Meta. */
  renderMeta: (item: T) => ReactNode;
  /** The add form's fields. */
  formFields: ReactNode;
  /** Sends the add form; a thrown 400 puts its field errors on the form. */
  onAdd: (values: V) => Promise<unknown>;
  /** Removes an item; a failure is shown as a message. */
  onRemove: (id: string) => Promise<unknown>;
}

/** A card listing small records, with an add form in a modal and a confirmed remove per item. */
export function EditableListCard<T extends { id: string }, V extends object>({ title, items, canEdit, addLabel, testId, removeConfirm, renderMeta, formFields, onAdd, onRemove }: EditableListCardProps<T, V>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [isAdding, setIsAdding] = useState(false);
  return (
    <Card
      title={`${title} (${items.length})`}
      extra={
        canEdit && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setIsAdding(true)} data-testid={`${testId}-add`}>
            {addLabel}
          </Button>
        )
      }
    >
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={items}
          renderItem={(item) => (
            <List.Item
              actions={
                canEdit
                  ? [
                      <Popconfirm key="rm" title={removeConfirm} onConfirm={() => onRemove(item.id).catch((e: unknown) => void message.error(errorMessage(e)))}>
                        <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.remove')} />
                      </Popconfirm>,
                    ]
                  : []
              }
            >
              {renderMeta(item)}
            </List.Item>
          )}
        />
      )}
      <FormModal<V> open={isAdding} title={addLabel} onClose={() => setIsAdding(false)} successMessage={t('common.created')} testId={`${testId}-form`} onSubmit={onAdd}>
        {formFields}
      </FormModal>
    </Card>
  );
}
