import crypto from 'node:crypto';
import type { RoleGrant } from '@parkos/contracts';
import type { RequestContext } from '../../lib/context';
import { buildUser } from '../../testing/builders';
import type { Services } from '../../services';
import type { CaseOutcome } from './approval-machine';
import type { ApprovalCase } from './approvals.service';

/** The neutral subject type the approvals tests register; production code registers none like it. */
export const TEST_SUBJECT = 'test_subject';

/** Registers the test subject type; its outcomes are recorded, and a subject id in `refuse` makes the hook throw. */
export function registerTestSubject(services: Services) {
  const outcomes: { caseId: string; subjectId: string; outcome: CaseOutcome }[] = [];
  const refuse = new Set<string>();
  services.approvals.registerSubjectType(TEST_SUBJECT, {
    async onOutcome(_tx, { approvalCase, outcome }: { approvalCase: ApprovalCase; outcome: CaseOutcome }) {
      if (refuse.has(approvalCase.subjectId)) throw new Error('refused by the feature');
      outcomes.push({ caseId: approvalCase.id, subjectId: approvalCase.subjectId, outcome });
    },
  });
  return { outcomes, refuse };
}

/** A user with grants and a service context acting as them. */
export async function buildActor(services: Services, username: string, grants: RoleGrant[]): Promise<{ id: string; ctx: RequestContext }> {
  const u = await buildUser(services, username, grants);
  return { id: u.id, ctx: { actor: { userId: u.id, username, displayName: username, grants, via: 'session', access: 'write' } } };
}

export const newSubjectId = (): string => crypto.randomUUID();
