import { Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../api/audit.api';
import { auditEntityText } from '../utils/audit-text';

/**
 * The record an entry is about: its kind in the reader's language and its name (user data), the
 * full id on hover and copyable, instead of a cut-off id.
 */
export function AuditRecord({ entry }: { entry: Pick<AuditEntry, 'entityType' | 'entityId' | 'entityName'> }) {
  const { t, i18n } = useTranslation();
  return (
    <Tooltip title={t('auditLog.idHint', { id: entry.entityId })}>
      <span data-testid="audit-record" style={{ wordBreak: 'keep-all', overflowWrap: 'anywhere' }}>
        <Typography.Text type="secondary">{auditEntityText(i18n, entry.entityType)}</Typography.Text>
        {entry.entityName ? (
          <>
            {' '}
            <Typography.Text data-user-content copyable={{ text: entry.entityId }}>
              {entry.entityName}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text copyable={{ text: entry.entityId }} />
        )}
      </span>
    </Tooltip>
  );
}
