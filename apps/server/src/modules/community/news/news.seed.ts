import { and, eq } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import type { RequestContext } from '../../../lib/context';
import { SYSTEM_ACTOR } from '../../identity/actor';
import { enterprises, leases, units } from '../../parks/parks.table';
import type { NewsService } from './news.service';

const HOUR = 3_600_000;

/**
 * Demo news (园区资讯) in Chinese: park-wide notices, one for the demo enterprise's site, its
 * building and its industry, a pinned one, and one scheduled for tomorrow (not yet in the feed).
 */
export async function seedDemoNews(db: Db, news: NewsService, place: { parkId: string; enterpriseId: string }): Promise<number> {
  const ctx: RequestContext = { actor: SYSTEM_ACTOR };
  const [ent] = await db.select({ siteId: enterprises.siteId, industry: enterprises.industry }).from(enterprises).where(eq(enterprises.id, place.enterpriseId));
  const [lease] = await db
    .select({ buildingId: units.buildingId })
    .from(leases)
    .innerJoin(units, eq(units.id, leases.unitId))
    .where(and(eq(leases.enterpriseId, place.enterpriseId), eq(leases.status, 'active')))
    .limit(1);
  const now = Date.now();
  const articles: Array<Parameters<NewsService['createArticle']>[1]> = [
    {
      title: '锦城软件园2026年度企业服务政策汇编发布',
      summary: '涵盖房租补贴、人才安居、研发费用加计扣除等 12 项政策，一站式申报。',
      bodyHtml: '<h3>政策要点</h3><ul><li>入园三年内的科技型中小企业可申请房租补贴，最高 50%。</li><li>认定人才可申请安居补贴，按购房价格的 30% 给予补助，最高 60 万元。</li><li>研发费用加计扣除比例提高至 100%。</li></ul><p>申报入口已在“企业服务”上线，园区服务中心提供一对一辅导。</p>',
      category: 'policy',
      target: { type: 'park', parkId: place.parkId },
      publishAt: new Date(now - 72 * HOUR),
      pinned: true,
    },
    {
      title: '关于园区供电线路检修的停电通知',
      summary: '本周六 08:00—12:00 核心园区部分楼栋临时停电，请提前做好数据备份。',
      bodyHtml: '<p>因供电线路年度检修，<strong>本周六 08:00—12:00</strong> 将临时停电。请各企业提前保存工作、备份数据，关闭非必要用电设备。</p><p>如有疑问请致电物业服务中心。</p>',
      category: 'notice',
      target: ent?.siteId ? { type: 'site', siteId: ent.siteId } : { type: 'park', parkId: place.parkId },
      publishAt: new Date(now - 30 * HOUR),
    },
    {
      title: '本栋电梯维保安排',
      summary: '下周一至周三每天 14:00—16:00 轮流维保，每次停运一部电梯。',
      bodyHtml: '<p>为保障乘梯安全，物业将于下周一至周三每天 14:00—16:00 对本栋电梯进行维护保养，每次仅停运一部，请大家错峰出行。</p>',
      category: 'service',
      target: lease ? { type: 'building', buildingId: lease.buildingId } : { type: 'park', parkId: place.parkId },
      publishAt: new Date(now - 20 * HOUR),
    },
    {
      title: '软件企业数据出境安全评估专题培训',
      summary: '邀请网信部门专家解读最新合规要求，限额 80 人，先到先得。',
      bodyHtml: '<p>面向软件与信息服务企业的合规培训，内容包括数据出境安全评估、个人信息保护认证与标准合同备案。</p><blockquote>时间：下周四 14:30，地点：园区会议中心 2 号厅。</blockquote>',
      category: 'industry',
      target: ent ? { type: 'industry', parkId: place.parkId, industry: ent.industry as 'software' } : { type: 'park', parkId: place.parkId },
      publishAt: new Date(now - 8 * HOUR),
    },
    {
      title: '园区职工篮球联赛报名开启',
      summary: '以企业为单位组队报名，冠军队伍将代表园区参加市级比赛。',
      bodyHtml: '<p>第五届园区职工篮球联赛开始报名啦！以企业为单位组队，每队 8—12 人，报名截止到本月底。</p><p>比赛在园区体育中心举行，欢迎各企业踊跃参加。</p>',
      category: 'event',
      target: { type: 'park', parkId: place.parkId },
      publishAt: new Date(now - 2 * HOUR),
    },
    {
      title: '园区食堂新菜单试运行（明日发布）',
      summary: '新增川味小面和轻食窗口。',
      bodyHtml: '<p>园区一号食堂将试运行新菜单，新增川味小面和轻食窗口，欢迎职工品尝并提出建议。</p>',
      category: 'service',
      target: { type: 'park', parkId: place.parkId },
      publishAt: new Date(now + 24 * HOUR),
    },
  ];
  for (const article of articles) await news.createArticle(ctx, article);
  return articles.length;
}
