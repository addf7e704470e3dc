import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { auditActionText, splitAuditAction } from '../utils/audit-text';

const colorOf = (verb: string) =>
  /^(created|assigned|issued|approved|approve|paid|succeeded|published|uploaded)$/.test(verb) ? 'green' : /^(deleted|removed|released|ended|revoked|rejected|reject|voided|failed|cancelled)$/.test(verb) ? 'red' : verb === 'updated' ? 'blue' : 'default';

/** An audit action in the reader's language (工单已创建 / Work order created); the code on hover. Wraps between words, never inside one. */
export function AuditAction({ action }: { action: string }) {
  const { i18n } = useTranslation();
  return (
    <Tag color={colorOf(splitAuditAction(action)[1])} title={action} style={{ whiteSpace: 'normal', wordBreak: 'keep-all', overflowWrap: 'normal', marginInlineEnd: 0 }} data-testid="audit-action">
      {auditActionText(i18n, action)}
    </Tag>
  );
}
