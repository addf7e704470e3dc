import type { SurveyAnswerValue, SurveyQuestion } from '@parkos/contracts';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { createRandom } from '../../seed/random';
import type { AuditService } from '../identity/audit.service';
import { districts, propertyContracts } from '../parks/parks.table';
import { addDays, localDay, localInstant } from './surveys.rules';
import type { NotifyUsers } from '../notifications';
import { createSurveysService } from './surveys.service';
import { surveyInvitations, surveyResponses } from './surveys.table';

/** The quarterly questionnaire of the demo park. */
export const DEMO_SURVEY_QUESTIONS: SurveyQuestion[] = [
  { id: 'overall', kind: 'rating', title: '您对本季度园区物业服务的总体满意度', required: true, scaleMax: 5, lowLabel: '很不满意', highLabel: '非常满意' },
  { id: 'cleaning', kind: 'rating', title: '保洁与公共区域环境卫生', required: true, scaleMax: 5, lowLabel: '很不满意', highLabel: '非常满意' },
  { id: 'security', kind: 'rating', title: '安保巡逻与出入秩序', required: true, scaleMax: 5, lowLabel: '很不满意', highLabel: '非常满意' },
  { id: 'facilities', kind: 'rating', title: '电梯、空调等设施设备的运行与维护', required: true, scaleMax: 5, lowLabel: '很不满意', highLabel: '非常满意' },
  { id: 'repair', kind: 'rating', title: '报修响应与处理速度', required: true, scaleMax: 5, lowLabel: '很不满意', highLabel: '非常满意' },
  {
    id: 'improve',
    kind: 'single',
    title: '您认为最需要改进的方面',
    required: true,
    options: [
      { id: 'cleaning', label: '保洁卫生' },
      { id: 'security', label: '安保秩序' },
      { id: 'facilities', label: '电梯空调' },
      { id: 'repair', label: '报修响应' },
      { id: 'parking', label: '停车管理' },
    ],
  },
  {
    id: 'used',
    kind: 'multiple',
    title: '本季度您使用过的物业服务（可多选）',
    required: false,
    options: [
      { id: 'repair', label: '报修' },
      { id: 'meeting', label: '会议室预订' },
      { id: 'visitor', label: '访客通行' },
      { id: 'parking', label: '停车' },
      { id: 'delivery', label: '快递收发' },
    ],
  },
  { id: 'comment', kind: 'text', title: '其他意见和建议', required: false },
];

const GOOD_COMMENTS = [
  '保洁阿姨很负责，卫生间一直很干净',
  '保安师傅态度很好，晚上加班也有巡逻，很安心',
  '报修后半小时就有师傅上门，响应很及时',
  '空调维修很快，师傅专业',
  '前台服务热情，快递代收很方便',
  '绿化养护得不错，园区环境整洁',
  '电梯维保及时，基本没有等待太久',
  '会议室预订流程简单，物业配合到位',
  '停车场指引清楚，车位管理有序',
  '垃圾分类做得好，公共区域整洁',
];
const BAD_COMMENTS = [
  '电梯经常故障，早高峰等待时间太长',
  '空调制冷效果差，报修多次仍未解决',
  '报修响应慢，要打好几次电话才有人来',
  '卫生间保洁不及时，下午经常没有纸巾',
  '保安夜间巡逻不到位，外来人员随意进出',
  '地下车库照明不足，停车位被占用没人管',
  '电梯里有异味，保洁频次不够',
  '空调噪音大，反映后一直没有处理',
  '物业人员流动大，报修后没有回访',
  '垃圾清运不及时，楼道有异味',
  '门禁卡经常失灵，保安处理态度一般',
  '响应慢，维修师傅上门时间不固定',
];

/** A rating around `mean` (1..5). */
function rating(r: ReturnType<typeof createRandom>, mean: number): number {
  const v = Math.round(mean + (r.next() + r.next() + r.next() - 1.5) * 1.6);
  return Math.max(1, Math.min(5, v));
}

/**
 * Demo surveys: a quarterly satisfaction survey of every district of the demo park over the past year (four closed,
 * one open now), answered by 55–80 % of the invited enterprises. Districts served by the second property company
 * (pcs[1]) are rated about one point lower and their comments complain (电梯, 空调, 响应慢 …). The enterprises in
 * `keepOpenFor` have not answered the open survey, so the demo admins can.
 */
export async function seedSurveysDemo(
  db: Db,
  deps: { audit: AuditService; notify: NotifyUsers },
  ctx: RequestContext,
  place: { parkId: string; weakerCompanyId: string; keepOpenFor: string[]; now?: Date },
): Promise<void> {
  const r = createRandom(20261207);
  const today = localDay(place.now ?? new Date());
  const all = await db.select({ id: districts.id }).from(districts).where(eq(districts.parkId, place.parkId));
  if (!all.length) return;
  const weaker = new Set((await db.select({ d: propertyContracts.districtId }).from(propertyContracts).where(and(eq(propertyContracts.parkId, place.parkId), eq(propertyContracts.propertyCompanyId, place.weakerCompanyId)))).map((x) => x.d));
  const rounds = [4, 3, 2, 1, 0].map((k) => {
    const opensOn = k ? addDays(today, -90 * k) : addDays(today, -7);
    const closesOn = k ? addDays(opensOn, 14) : addDays(today, 7);
    const [y, m] = opensOn.split('-').map(Number);
    return { k, opensOn, closesOn, title: `${y}年第${Math.ceil(m / 3)}季度企业客户满意度调查` };
  });
  for (const round of rounds) {
    // Each round lives at its own time: the service opens and closes it on its dates.
    const at = (day: string, hour = 10) => new Date(localInstant(day).getTime() + hour * 3_600_000);
    const svcAt = (day: string) => createSurveysService({ db, audit: deps.audit, notify: deps.notify, now: () => at(day) });
    const created = await svcAt(round.opensOn).createSurvey(ctx, {
      parkId: place.parkId,
      title: round.title,
      description: '为持续改进园区物业服务，请企业管理员根据本季度的实际感受填写，约需 3 分钟。',
      questions: DEMO_SURVEY_QUESTIONS,
      districtIds: all.map((d) => d.id),
      opensOn: round.opensOn,
      closesOn: round.closesOn,
    });
    await svcAt(round.opensOn).openSurvey(ctx, created.id);
    const invited = await db.select().from(surveyInvitations).where(eq(surveyInvitations.surveyId, created.id));
    const span = Math.max(1, (Date.parse(round.k ? round.closesOn : today) - Date.parse(round.opensOn)) / 86_400_000);
    const rows: (typeof surveyResponses.$inferInsert)[] = [];
    for (const inv of invited) {
      const isWeak = weaker.has(inv.districtId);
      const share = (isWeak ? 0.58 : 0.76) - (round.k === 0 ? 0.3 : 0);
      if (r.next() > share) continue;
      if (round.k === 0 && place.keepOpenFor.includes(inv.enterpriseId)) continue;
      // The weaker company improves a little over the year, the better one holds.
      const base = isWeak ? 3.1 + (4 - round.k) * 0.08 : 4.3;
      const answers: Record<string, SurveyAnswerValue> = {
        overall: rating(r, base),
        cleaning: rating(r, base + 0.1),
        security: rating(r, base + 0.2),
        facilities: rating(r, base - 0.3),
        repair: rating(r, base - 0.25),
        improve: isWeak ? r.weighted([['repair', 4], ['facilities', 4], ['cleaning', 2], ['security', 1], ['parking', 1]] as const) : r.weighted([['parking', 4], ['facilities', 2], ['repair', 2], ['cleaning', 1], ['security', 1]] as const),
      };
      const used = ['repair', 'meeting', 'visitor', 'parking', 'delivery'].filter(() => r.next() < 0.45);
      if (used.length) answers.used = used;
      if (r.next() < 0.5) answers.comment = isWeak ? (r.next() < 0.8 ? r.pick(BAD_COMMENTS) : r.pick(GOOD_COMMENTS)) : r.next() < 0.85 ? r.pick(GOOD_COMMENTS) : r.pick(BAD_COMMENTS);
      const day = addDays(round.opensOn, Math.min(Math.floor(r.next() * span), round.k ? 14 : Math.max(0, span - 1)));
      rows.push({ surveyId: created.id, parkId: place.parkId, enterpriseId: inv.enterpriseId, districtId: inv.districtId, answers, answeredAt: at(day, r.int(9, 17)) });
    }
    for (let i = 0; i < rows.length; i += 500) await db.insert(surveyResponses).values(rows.slice(i, i + 500));
    if (round.k) await svcAt(round.closesOn).closeSurvey(ctx, created.id);
  }
}
