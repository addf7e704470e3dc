import type { EnterpriseSize, Industry } from '@parkos/contracts';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import type { ApprovalsService } from '../approvals';
import type { FilesService } from '../files';
import { roleGrants, users } from '../identity/identity.table';
import { enterprises } from '../parks/parks.table';
import type { PoliciesService } from './policies.service';

const DAY = 86_400_000;

/** A one-page PDF standing in for a scanned document. */
function demoPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, '');
  return Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4 0 R>>endobj\n4 0 obj<</Length ${text.length + 30}>>stream\nBT /F1 12 Tf 72 770 Td (${text}) Tj ET\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
}

/** A demo user's request context, by username (null when the user is not in the demo). */
async function contextOf(db: Db, username: string): Promise<RequestContext | null> {
  const [u] = await db.select().from(users).where(sql`lower(${users.username}) = ${username}`);
  if (!u) return null;
  const grants = await db.select().from(roleGrants).where(inArray(roleGrants.userId, [u.id]));
  return { actor: { userId: u.id, username: u.username, displayName: u.displayName, grants: grants.map((g) => ({ role: g.role, scopeType: g.scopeType, scopeId: g.scopeId })) as never, via: 'session', access: 'write' } };
}

/**
 * The demo park's policy library (政策库) and applications in every state the pages show: an
 * approved, a rejected, a returned and a submitted application, an enquiry with an advisor and a
 * thread, a closed policy and a draft. The review flow is created with `approvals.createFlow`.
 */
export async function seedPoliciesDemo(db: Db, deps: { approvals: ApprovalsService; policies: PoliciesService; files: FilesService }, ctx: RequestContext, place: { parkId: string; enterpriseIds: [string, string] }): Promise<void> {
  const { approvals, policies, files } = deps;
  const admin0 = await contextOf(db, 'ent.admin');
  const admin1 = await contextOf(db, 'ent2.admin');
  const operator = await contextOf(db, 'operator');
  if (!admin0 || !admin1 || !operator) return;
  const [leader] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = 'admin'`);
  const parkOperators = { kind: 'role', role: 'operator', scopeType: 'park', scopeId: null } as const;
  await approvals.createFlow(ctx, {
    parkId: place.parkId,
    key: 'policy.review',
    nameZh: '政策申报审核',
    nameEn: 'Policy application review',
    steps: [
      { nameZh: '企业服务中心初审', nameEn: 'Enterprise service centre check', mode: 'any', approvers: [parkOperators], condition: null, dueHours: 72, escalation: null },
      ...(leader ? [{ nameZh: '园区领导审批', nameEn: 'Park leadership approval', mode: 'any' as const, approvers: [{ kind: 'user' as const, userId: leader.id }], condition: { field: 'amountFen', op: 'gt' as const, value: 30_000_000 }, dueHours: 72, escalation: null }] : []),
    ],
  });

  // Criteria that the two demo enterprises with logins meet, whatever the generator gave them.
  const ents = await db.select().from(enterprises).where(inArray(enterprises.id, place.enterpriseIds));
  const theirIndustries = ents.map((e) => e.industry as Industry);
  const theirSizes = ents.map((e) => e.size as EnterpriseSize);
  const now = Date.now();
  const at = (days: number) => new Date(now + days * DAY);
  const create = async (input: Parameters<PoliciesService['createPolicy']>[1], status: 'draft' | 'published' | 'closed' = 'published') => {
    const p = await policies.createPolicy(ctx, input);
    if (status !== 'draft') await policies.updatePolicy(ctx, p.id, { status });
    return p;
  };
  const hiTech = await create({
    parkId: place.parkId,
    title: '高新技术企业认定奖励',
    issuer: '成都高新区科技创新局',
    documentNo: '成高科发〔2026〕15号',
    summary: '首次通过国家高新技术企业认定的园区企业，给予一次性奖励 20 万元。',
    description: '一、支持对象：注册在园区、首次通过国家高新技术企业认定的企业。\n二、支持标准：一次性奖励 20 万元。\n三、申报方式：企业管理员在线提交材料，园区企业服务中心初审后报区科技创新局。',
    deadline: at(20),
    industries: [...new Set<Industry>(['software', 'ai', 'iot', 'biotech', ...theirIndustries])],
    amountKind: 'fixed',
    amountFen: 20_000_000,
    materials: ['高新技术企业证书', '营业执照副本', '上年度财务审计报告'],
    flowKey: 'policy.review',
  });
  const rnd = await create({
    parkId: place.parkId,
    title: '软件企业研发费用补贴',
    issuer: '成都高新区经济运行局',
    documentNo: '成高经发〔2026〕8号',
    summary: '按上年度研发费用的 10% 给予补贴，单个企业最高 50 万元。',
    description: '面向园区内软件和信息技术服务企业，按经专项审计的上年度研发费用给予补贴。',
    deadline: at(6),
    industries: [...new Set<Industry>(['software', 'ai', 'games', ...theirIndustries])],
    sizes: [...new Set<EnterpriseSize>(['micro', 'small', 'medium', ...theirSizes])],
    amountKind: 'up_to',
    amountFen: 50_000_000,
    materials: ['研发费用专项审计报告', '研发项目立项文件'],
    flowKey: 'policy.review',
  });
  const talent = await create({
    parkId: place.parkId,
    title: '人才引进补贴',
    issuer: '成都市人才工作领导小组办公室',
    documentNo: '成人才办〔2026〕3号',
    summary: '企业新引进的硕士及以上人才，按每人 2 万元给予补贴，单个企业最高 30 万元。',
    deadline: at(45),
    amountKind: 'up_to',
    amountFen: 30_000_000,
    materials: ['引进人才名单', '劳动合同', '社保缴纳证明'],
    flowKey: 'policy.review',
  });
  await create(
    { parkId: place.parkId, title: '新入园企业房租补贴', issuer: '锦城软件园管委会', summary: '入园一年内的企业，首年房租补贴 30%。', deadline: at(-10), maxAgeYears: 1, amountKind: 'up_to', amountFen: 10_000_000, materials: ['租赁合同', '房租缴纳凭证'], flowKey: 'policy.review' },
    'closed',
  );
  await create({ parkId: place.parkId, title: '专精特新企业培育奖励', issuer: '成都市经济和信息化局', summary: '认定为省级专精特新中小企业的，奖励 30 万元。', deadline: at(60), sizes: ['small', 'medium'], amountKind: 'fixed', amountFen: 30_000_000, materials: ['专精特新认定文件'], flowKey: 'policy.review' }, 'draft');

  const materialsFor = async (who: RequestContext, names: string[]) =>
    Promise.all(names.map(async (name) => ({ name, fileId: (await files.upload(who, { purpose: 'document', fileName: `${name}.pdf`, data: demoPdf(name), field: 'file' })).id })));
  const caseOf = async (who: RequestContext, policyId: string, names: string[], extra: { notes?: string; requestedAmountFen?: number } = {}) => {
    const a = await policies.apply(who, policyId, { materials: await materialsFor(who, names), ...extra });
    return a;
  };

  if (ents.some((e) => e.status !== 'active')) return;
  // The first enterprise: approved for the high-tech award; an enquiry about the talent subsidy with its advisor.
  const approved = await caseOf(admin0, hiTech.id, hiTech.materials, { notes: '已于今年 10 月取得高新技术企业证书。' });
  await approvals.act(operator, approved.caseId!, { type: 'approve', comment: '材料齐全，符合认定奖励条件。' });
  const enquiry = await policies.enquire(admin0, talent.id, { text: '我们今年引进了 3 名硕士，入职不满一年，可以申报吗？' });
  await policies.assignAdvisor(operator, enquiry.id, operator.actor.userId);
  await policies.addComment(operator, enquiry.id, '可以申报。请准备三人的劳动合同和最近 3 个月的社保缴纳证明，学历证书复印件附在引进人才名单后。');
  await policies.addComment(admin0, enquiry.id, '好的，我们本周内准备好后提交。');

  // The second enterprise: rejected, returned for changes, and in review.
  const rejected = await caseOf(admin1, hiTech.id, hiTech.materials);
  await approvals.act(operator, rejected.caseId!, { type: 'reject', reason: '高新技术企业证书为 2023 年取得，不属于首次认定当年。' });
  const returned = await caseOf(admin1, rnd.id, rnd.materials, { requestedAmountFen: 18_600_000, notes: '上年度研发费用 186 万元。' });
  await approvals.act(operator, returned.caseId!, { type: 'return', reason: '专项审计报告缺少会计师事务所盖章页，请补充后重新提交。', toStep: null });
  await caseOf(admin1, talent.id, talent.materials, { requestedAmountFen: 6_000_000, notes: '引进硕士 3 名。' });
}
