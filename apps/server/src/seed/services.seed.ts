import type { FormDefinition, FormField, RoleGrant, ServiceSystem } from '@parkos/contracts';
import { inArray } from 'drizzle-orm';
import type { Db } from '../db/client';
import type { RequestContext } from '../lib/context';
import type { StepDefinition } from '../modules/approvals';
import { users } from '../modules/identity/identity.table';
import type { Services } from '../services';

const text = (key: string, zh: string, en: string, required = true): FormField => ({ key, type: 'text', label: { zh, en }, required });
const area = (key: string, zh: string, en: string, required = true): FormField => ({ key, type: 'textarea', label: { zh, en }, required });
const phone: FormField = { key: 'contactPhone', type: 'phone', label: { zh: '联系电话', en: 'Contact phone' }, required: true };
const form = (...fields: FormField[]): FormDefinition => ({ fields });

interface DemoService {
  system: ServiceSystem;
  kind?: 'request' | 'booking' | 'policy';
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  handler: { type: 'department' | 'vendor'; name: string } | { type: 'property_company' };
  applicants?: 'admins' | 'members';
  form: FormDefinition;
  slaHours: number;
  feeFen?: number;
}

const SERVICES: DemoService[] = [
  {
    system: 'policy',
    nameZh: '高新技术企业认定辅导',
    nameEn: 'High-tech enterprise certification coaching',
    descriptionZh: '政策专员一对一梳理研发费用、知识产权与人员结构，辅导准备高企认定材料。',
    descriptionEn: 'A policy adviser reviews R&D spending, IP and staffing with you and prepares the certification file.',
    handler: { type: 'department', name: '企业服务部' },
    form: form(text('projectName', '拟申报年度', 'Application year'), { key: 'rdRatio', type: 'number', label: { zh: '研发费用占比（%）', en: 'R&D spending (%)' }, required: true, min: 0, max: 100 }, phone),
    slaHours: 72,
  },
  {
    system: 'policy',
    kind: 'policy',
    nameZh: '政策库与政策申报',
    nameEn: 'Policy library and applications',
    descriptionZh: '查看各级扶持政策、申报条件与截止时间，在线申报。',
    descriptionEn: 'Support policies, eligibility and deadlines, with online applications.',
    handler: { type: 'department', name: '企业服务部' },
    form: form(),
    slaHours: 72,
  },
  {
    system: 'networking',
    nameZh: '产业对接沙龙报名',
    nameEn: 'Industry matchmaking salon',
    descriptionZh: '每月一期，园区企业与上下游伙伴、投资机构面对面交流。',
    descriptionEn: 'A monthly salon where park enterprises meet partners and investors.',
    handler: { type: 'department', name: '产业促进部' },
    applicants: 'members',
    form: form(text('attendee', '参会人姓名', 'Attendee'), { key: 'topic', type: 'select', label: { zh: '关注方向', en: 'Interest' }, required: true, options: [{ value: 'partner', label: { zh: '寻找合作伙伴', en: 'Partners' } }, { value: 'investor', label: { zh: '对接投资', en: 'Investors' } }, { value: 'customer', label: { zh: '拓展客户', en: 'Customers' } }] }),
    slaHours: 48,
  },
  {
    system: 'hr',
    nameZh: '招聘信息发布',
    nameEn: 'Job posting',
    descriptionZh: '在园区人才资讯平台与校园招聘地图发布岗位信息。',
    descriptionEn: 'Post openings on the park’s talent news and campus recruitment map.',
    handler: { type: 'department', name: '人才服务中心' },
    applicants: 'members',
    form: form(text('position', '岗位名称', 'Position'), { key: 'headcount', type: 'integer', label: { zh: '招聘人数', en: 'Headcount' }, required: true, min: 1, max: 500 }, area('requirements', '任职要求', 'Requirements')),
    slaHours: 24,
  },
  {
    system: 'incubation',
    nameZh: '创业导师辅导',
    nameEn: 'Start-up mentoring',
    descriptionZh: '孵化器导师团队提供商业模式、融资路演与团队建设辅导。',
    descriptionEn: 'Incubator mentors on business model, pitching and team building.',
    handler: { type: 'department', name: '创业孵化中心' },
    form: form(area('challenge', '当前面临的问题', 'Current challenge'), { key: 'stage', type: 'select', label: { zh: '发展阶段', en: 'Stage' }, required: true, options: [{ value: 'seed', label: { zh: '种子期', en: 'Seed' } }, { value: 'angel', label: { zh: '天使轮', en: 'Angel' } }, { value: 'a', label: { zh: 'A 轮', en: 'Series A' } }] }),
    slaHours: 120,
  },
  {
    system: 'brand',
    nameZh: '园区公众号品牌推广',
    nameEn: 'Brand promotion on the park’s channels',
    descriptionZh: '在园区公众号、大屏与活动中推介企业产品与品牌，一期两周。',
    descriptionEn: 'Two weeks of promotion on the park’s WeChat account, screens and events.',
    handler: { type: 'department', name: '品牌宣传部' },
    form: form(text('product', '推广产品', 'Product'), area('summary', '推广内容简介', 'Summary'), { key: 'startDate', type: 'date', label: { zh: '期望开始日期', en: 'Preferred start' }, required: true }),
    slaHours: 72,
    feeFen: 200_000,
  },
  {
    system: 'tech_support',
    nameZh: '软件测试公共技术平台服务',
    nameEn: 'Software testing platform service',
    descriptionZh: '园区公共技术平台提供性能、兼容性与安全测试，出具测试报告。',
    descriptionEn: 'Performance, compatibility and security testing with a report, on the park’s shared platform.',
    handler: { type: 'vendor', name: '天府软件测评中心' },
    form: form(text('system', '被测系统名称', 'System under test'), { key: 'testTypes', type: 'multiselect', label: { zh: '测试类型', en: 'Test types' }, required: true, options: [{ value: 'performance', label: { zh: '性能', en: 'Performance' } }, { value: 'compat', label: { zh: '兼容性', en: 'Compatibility' } }, { value: 'security', label: { zh: '安全', en: 'Security' } }] }, phone),
    slaHours: 96,
    feeFen: 800_000,
  },
  {
    system: 'tech_support',
    kind: 'booking',
    nameZh: '会议室与公共技术平台预约',
    nameEn: 'Meeting rooms and shared platforms booking',
    descriptionZh: '预约会议室、路演厅、展示空间与公共技术平台机时。',
    descriptionEn: 'Book meeting rooms, the pitch hall, exhibition space and platform time.',
    handler: { type: 'property_company' },
    form: form(),
    slaHours: 24,
  },
  {
    system: 'finance',
    nameZh: '科技金融融资对接',
    nameEn: 'Tech finance matchmaking',
    descriptionZh: '对接合作银行“科创贷”、担保机构与投资机构。',
    descriptionEn: 'Introductions to partner banks’ tech loans, guarantors and investors.',
    handler: { type: 'department', name: '金融服务部' },
    form: form({ key: 'amount', type: 'money', label: { zh: '融资需求金额', en: 'Amount sought' }, required: true, min: 100_000, max: 10_000_000_000 }, { key: 'purpose', type: 'select', label: { zh: '资金用途', en: 'Use of funds' }, required: true, options: [{ value: 'rd', label: { zh: '研发投入', en: 'R&D' } }, { value: 'working', label: { zh: '流动资金', en: 'Working capital' } }, { value: 'expansion', label: { zh: '扩大生产', en: 'Expansion' } }] }),
    slaHours: 72,
  },
  {
    system: 'legal_ip',
    nameZh: '软件著作权登记代办',
    nameEn: 'Software copyright registration',
    descriptionZh: '合作知识产权代理机构代办软件著作权登记，约 30 个工作日出证。',
    descriptionEn: 'A partner IP agency registers your software copyright (about 30 working days).',
    handler: { type: 'vendor', name: '蜀知知识产权代理有限公司' },
    form: form(text('softwareName', '软件全称', 'Software name'), text('version', '版本号', 'Version'), { key: 'finishedOn', type: 'date', label: { zh: '开发完成日期', en: 'Completed on' }, required: true }),
    slaHours: 240,
    feeFen: 300_000,
  },
  {
    system: 'legal_ip',
    nameZh: '法律咨询',
    nameEn: 'Legal consultation',
    descriptionZh: '驻园律师就合同、劳动用工与股权问题提供免费咨询。',
    descriptionEn: 'Free advice from the park’s resident lawyers on contracts, employment and equity.',
    handler: { type: 'department', name: '企业服务部' },
    applicants: 'members',
    form: form(area('question', '咨询问题', 'Question')),
    slaHours: 48,
  },
];

/**
 * The demo park's service catalog: services under all eight systems (two with fees, a booking and a
 * policy link), their two-step review flow (会签 in step two), and requests of the first demo
 * enterprise in review, returned, approved and in progress, completed and rated, and rejected.
 */
export async function seedServices(db: Db, services: Services, ctx: RequestContext, place: { parkId: string; propertyCompanyId: string; enterpriseId: string }): Promise<void> {
  const people = await db.select({ id: users.id, username: users.username, displayName: users.displayName }).from(users).where(inArray(users.username, ['operator', 'property', 'ent.admin']));
  const byName = new Map(people.map((p) => [p.username, p]));
  const operator = byName.get('operator');
  const property = byName.get('property');
  const entAdmin = byName.get('ent.admin');
  if (!operator || !property || !entAdmin) return;
  const steps: StepDefinition[] = [
    { nameZh: '服务受理', nameEn: 'Intake', mode: 'any', approvers: [{ kind: 'user', userId: operator.id }], condition: null, dueHours: 24, escalation: null },
    { nameZh: '运营与物业会签', nameEn: 'Operator and property countersign', mode: 'all', approvers: [{ kind: 'user', userId: operator.id }, { kind: 'user', userId: property.id }], condition: null, dueHours: 48, escalation: null },
  ];
  await services.approvals.createFlow(ctx, { parkId: place.parkId, key: 'service.review', nameZh: '企业服务审批', nameEn: 'Service review', steps });

  const ids: string[] = [];
  for (const s of SERVICES) {
    const kind = s.kind ?? 'request';
    const created = await services.serviceCatalog.createService(ctx, {
      parkId: place.parkId,
      system: s.system,
      kind,
      nameZh: s.nameZh,
      nameEn: s.nameEn,
      descriptionZh: s.descriptionZh,
      descriptionEn: s.descriptionEn,
      handlerType: s.handler.type,
      handlerName: s.handler.type === 'property_company' ? '' : s.handler.name,
      propertyCompanyId: s.handler.type === 'property_company' ? place.propertyCompanyId : null,
      handlerUserIds: s.handler.type === 'property_company' ? [property.id] : [operator.id],
      applicants: s.applicants ?? 'admins',
      form: s.form,
      flowKey: kind === 'request' ? 'service.review' : null,
      slaHours: s.slaHours,
      feeFen: s.feeFen ?? null,
      status: 'published',
    });
    ids.push(created.id);
  }

  const actorOf = (u: { id: string; username: string; displayName: string }, grants: RoleGrant[]): RequestContext => ({ actor: { userId: u.id, username: u.username, displayName: u.displayName, grants, via: 'session', access: 'write' } });
  const applicant = actorOf(entAdmin, [{ role: 'enterprise_admin', scopeType: 'enterprise', scopeId: place.enterpriseId }]);
  const op = actorOf(operator, [{ role: 'operator', scopeType: 'park', scopeId: place.parkId }]);
  const pr = actorOf(property, [{ role: 'property', scopeType: 'property_company', scopeId: place.propertyCompanyId }]);
  const catalog = services.serviceCatalog;
  const at = (i: number) => ids[i];
  const approveAll = async (caseId: string) => {
    await services.approvals.act(op, caseId, { type: 'approve', comment: '材料齐全，同意受理' });
    await services.approvals.act(op, caseId, { type: 'approve', comment: '同意' });
    await services.approvals.act(pr, caseId, { type: 'approve', comment: '物业配合' });
  };

  // In review: high-tech certification coaching.
  await catalog.apply(applicant, { serviceId: at(0), values: { projectName: '2027 年度', rdRatio: 8.5, contactPhone: '13908001234' } });
  // Returned for changes: job posting.
  const returned = await catalog.apply(applicant, { serviceId: at(3), values: { position: '高级前端工程师', headcount: 3, requirements: '三年以上 React 经验' } });
  await services.approvals.act(op, returned.caseId!, { type: 'return', reason: '请补充薪资范围与工作地点', toStep: null });
  // Approved and in progress (with a fee bill): brand promotion.
  const inProgress = await catalog.apply(applicant, { serviceId: at(5), values: { product: '智慧园区 SaaS', summary: '面向园区运营方的一体化管理平台', startDate: '2027-01-04' } });
  await approveAll(inProgress.caseId!);
  await catalog.accept(op, inProgress.id);
  // Completed and rated: software copyright registration.
  const completed = await catalog.apply(applicant, { serviceId: at(9), values: { softwareName: '天府智慧园区运营管理平台', version: 'V2.0', finishedOn: '2026-10-30' } });
  await approveAll(completed.caseId!);
  await catalog.accept(op, completed.id);
  await catalog.complete(op, completed.id, '已提交中国版权保护中心，登记号 2026SR0123456，证书已寄出。');
  await catalog.rate(applicant, completed.id, { rating: 5, comment: '办理很快，全程可查进度。' });
  // Rejected: tech finance matchmaking.
  const rejected = await catalog.apply(applicant, { serviceId: at(8), values: { amount: 50_000_000, purpose: 'expansion' } });
  await services.approvals.act(op, rejected.caseId!, { type: 'reject', reason: '企业暂未满足合作银行科创贷的纳税年限要求' });
}
