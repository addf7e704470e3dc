/**
 * Third-party spot checks (第三方安全机构不定期抽查): the words server and web share.
 * The server sends these codes; the web app words them in zh-CN and English.
 */

/**
 * Where a finding is: `open` (the company must fix it), `responded` (the company says it is fixed; waiting for
 * verification), `closed` (the fix was accepted), `overturned` (an operator voided it, e.g. inspector error).
 * A rejected fix goes back to `open` with the note.
 */
export const FINDING_STATUSES = ['open', 'responded', 'closed', 'overturned'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

