import { existsSync } from 'node:fs';
import type { EvalScoreNode } from '@parkos/contracts';
import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { Db } from '../../db/client';
import type { RequestContext } from '../../lib/context';
import { notFound } from '../../lib/errors';
import { operatorCovers } from '../identity/actor';
import { rankByTotal } from './evaluation.engine';
import { evalWarnings } from './evaluation.outcomes.table';
import type { EvaluationService } from './evaluation.service';
import { evalPeriods, evalScores } from './evaluation.table';

/** Debian's fonts-noto-cjk; the PDF report needs it for Chinese text (503 `report_font_missing` without it). */
export const DEFAULT_CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

type Lang = 'zh' | 'en';
const L = {
  zh: { title: '物业考核报告', company: '物业公司', period: '考核周期', total: '总分', rank: '排名', tree: '指标得分', indicator: '指标', weight: '权重(%)', score: '得分', findings: '扣分项', district: '片区', source: '来源', severity: '等级', points: '扣分', item: '事项', at: '时间', figures: '调查与培训', trend: '近期趋势', status: '状态', open: '进行中', closed: '已关闭', inspection: '巡检', spot_check: '抽查', minor: '一般', major: '较重', critical: '严重', correction: '申诉更正', appeal: '申诉', none: '无', noData: '无数据', survey: '满意度调查', training: '培训', n: '评分数', responses: '答卷数', mean: '平均', invited: '应训', attended: '实到', examined: '参考', passed: '通过', hours: '学时', sessions: '场次' },
  en: { title: 'Property evaluation report', company: 'Property company', period: 'Period', total: 'Total', rank: 'Rank', tree: 'Indicator scores', indicator: 'Indicator', weight: 'Weight (%)', score: 'Score', findings: 'Deductions', district: 'District', source: 'Source', severity: 'Severity', points: 'Points', item: 'Item', at: 'Date', figures: 'Surveys and training', trend: 'Recent trend', status: 'Status', open: 'open', closed: 'closed', inspection: 'Inspection', spot_check: 'Spot check', minor: 'Minor', major: 'Major', critical: 'Critical', correction: 'Appeal corrections', appeal: 'Appeal', none: 'None', noData: 'no data', survey: 'Satisfaction survey', training: 'Training', n: 'ratings', responses: 'responses', mean: 'mean', invited: 'invited', attended: 'attended', examined: 'examined', passed: 'passed', hours: 'hours', sessions: 'sessions' },
} as const;

const r2 = (n: number) => Math.round(n * 100) / 100;

/** Flattens a score tree into rows with depth (for tables). */
function flat(tree: readonly EvalScoreNode[], depth = 0): { node: EvalScoreNode; depth: number }[] {
  return tree.flatMap((n) => [{ node: n, depth }, ...(n.children ? flat(n.children, depth + 1) : [])]);
}

export class ReportFontMissing extends Error {}

/**
 * Review-meeting reports of a company's score in a period (PDF and Excel): the score tree with weights, the deductions,
 * survey and training figures its explanation holds, and the trend over the last periods. Access is the evaluation's
 * own (`scoreTree`, `trend`): property staff only their own company, operators of the park any.
 * Also the big-screen league table of a park.
 */
export function createEvaluationReports(deps: { db: Db; evaluation: EvaluationService; fontPath?: string }) {
  const { db, evaluation } = deps;
  const fontPath = deps.fontPath ?? DEFAULT_CJK_FONT;

  async function gather(ctx: RequestContext, periodId: string, companyId: string) {
    const company = await evaluation.scoreTree(ctx, periodId, { kind: 'company', id: companyId });
    const ranking = await evaluation.ranking(ctx, periodId);
    const districtRows = ranking.districts.filter((d) => d.companyId === companyId);
    const districts = await Promise.all(districtRows.map((d) => evaluation.scoreTree(ctx, periodId, { kind: 'district', id: d.subjectId })));
    const trend = await evaluation.trend(ctx, { subjectKind: 'company', subjectId: companyId, schemeId: company.period.schemeId });
    const upTo = trend.points.findIndex((p) => p.periodId === periodId);
    const points = trend.points.slice(Math.max(0, upTo - 5), upTo + 1);
    const findings = districts.flatMap((d) => flat(d.tree).flatMap(({ node }) => (node.explanation?.items ?? []).filter((i) => i.type === 'finding').map((i) => ({ district: d.name, indicator: node.name, ...i }))));
    const figures = districts.flatMap((d) => flat(d.tree).filter(({ node }) => node.explanation && (node.explanation.kind === 'survey' || node.explanation.kind === 'training')).map(({ node }) => ({ district: d.name, indicator: node.name, kind: node.explanation!.kind, noData: node.explanation!.noData, figures: node.explanation!.figures })));
    return { company, districts, findings, figures, points };
  }

  const fileBase = (d: Awaited<ReturnType<typeof gather>>) => `evaluation-${d.company.period.label}-${d.company.subjectId.slice(0, 8)}`;

  return {
    fontAvailable: () => existsSync(fontPath),

    async excel(ctx: RequestContext, periodId: string, companyId: string, lang: Lang = 'zh'): Promise<{ fileName: string; data: Buffer }> {
      const d = await gather(ctx, periodId, companyId);
      const t = L[lang];
      const wb = new ExcelJS.Workbook();
      wb.creator = 'ParkOS';
      const sum = wb.addWorksheet(t.tree);
      sum.addRow([t.company, d.company.name]);
      sum.addRow([t.period, d.company.period.label]);
      sum.addRow([t.total, r2(d.company.total)]);
      sum.addRow([t.rank, `${d.company.rank} / ${d.company.of}`]);
      sum.addRow([]);
      sum.addRow([t.indicator, t.weight, t.score, ...d.districts.map((x) => x.name)]).font = { bold: true };
      const districtFlat = d.districts.map((x) => flat(x.tree));
      flat(d.company.tree).forEach(({ node, depth }, i) =>
        sum.addRow([`${'  '.repeat(depth)}${node.key === 'appeal_corrections' ? t.correction : node.name}`, node.weight, r2(node.score), ...districtFlat.map((f) => (f[i] ? r2(f[i].node.score) : null))]),
      );
      sum.getColumn(1).width = 36;
      const fs = wb.addWorksheet(t.findings);
      fs.addRow([t.district, t.indicator, t.source, t.severity, t.item, t.points, t.at]).font = { bold: true };
      for (const f of d.findings) fs.addRow([f.district, f.indicator, t[(f.source ?? 'inspection') as 'inspection'] ?? f.source, f.severity ? (t[f.severity as 'minor'] ?? f.severity) : '', f.label, f.points ?? 0, f.at?.slice(0, 10) ?? '']);
      fs.getColumn(5).width = 40;
      const fg = wb.addWorksheet(t.figures);
      fg.addRow([t.district, t.indicator, t.source, ...['n', 'responses', 'mean', 'invited', 'attended', 'examined', 'passed', 'hours', 'sessions'].map((k) => t[k as 'n'])]).font = { bold: true };
      for (const f of d.figures)
        fg.addRow([f.district, f.indicator, f.noData ? `${t[f.kind as 'survey']} (${t.noData})` : t[f.kind as 'survey'], ...['n', 'responses', 'mean', 'invited', 'attended', 'examined', 'passed', 'hours', 'sessions'].map((k) => (f.figures[k] === undefined ? null : r2(f.figures[k])))]);
      const tr = wb.addWorksheet(t.trend);
      tr.addRow([t.period, t.status, t.total, t.rank]).font = { bold: true };
      for (const p of d.points) tr.addRow([p.label, t[p.status], r2(p.total), p.rank]);
      return { fileName: `${fileBase(d)}.xlsx`, data: Buffer.from(await wb.xlsx.writeBuffer()) };
    },

    async pdf(ctx: RequestContext, periodId: string, companyId: string, lang: Lang = 'zh'): Promise<{ fileName: string; data: Buffer }> {
      const d = await gather(ctx, periodId, companyId);
      if (!existsSync(fontPath)) throw new ReportFontMissing(fontPath);
      const t = L[lang];
      const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `${t.title} ${d.company.name} ${d.company.period.label}`, Author: 'ParkOS' } });
      const chunks: Buffer[] = [];
      doc.on('data', (c: Buffer) => chunks.push(c));
      const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
      doc.registerFont('cjk', fontPath, 'NotoSansCJKsc-Regular');
      doc.font('cjk');
      doc.fontSize(18).text(t.title, { align: 'center' });
      doc.moveDown(0.5).fontSize(11);
      doc.text(`${t.company}: ${d.company.name}    ${t.period}: ${d.company.period.label}`);
      doc.text(`${t.total}: ${r2(d.company.total).toFixed(2)}    ${t.rank}: ${d.company.rank} / ${d.company.of}`);
      const row = (cells: string[], widths: number[], bold = false) => {
        const y = doc.y;
        let x = doc.page.margins.left;
        let h = 0;
        cells.forEach((c, i) => {
          doc.fontSize(bold ? 10 : 9).text(c, x, y, { width: widths[i] - 4 });
          h = Math.max(h, doc.y - y);
          x += widths[i];
        });
        doc.x = doc.page.margins.left;
        doc.y = y + h + 2;
        if (doc.y > doc.page.height - 72) doc.addPage();
      };
      const section = (title: string) => {
        doc.moveDown(0.8).fontSize(13).text(title, doc.page.margins.left);
        doc.moveDown(0.2);
      };
      section(t.tree);
      const dw = d.districts.length ? Math.min(80, 220 / d.districts.length) : 0;
      const widths = [200, 60, 60, ...d.districts.map(() => dw)];
      row([t.indicator, t.weight, t.score, ...d.districts.map((x) => x.name)], widths, true);
      const districtFlat = d.districts.map((x) => flat(x.tree));
      flat(d.company.tree).forEach(({ node, depth }, i) => row([`${'  '.repeat(depth)}${node.key === 'appeal_corrections' ? t.correction : node.name}`, String(node.weight), r2(node.score).toFixed(2), ...districtFlat.map((f) => (f[i] ? r2(f[i].node.score).toFixed(2) : ''))], widths));
      section(t.findings);
      if (!d.findings.length) row([t.none], [400]);
      else {
        const fw = [80, 70, 60, 200, 40];
        row([t.district, t.source, t.severity, t.item, t.points], fw, true);
        for (const f of d.findings) row([f.district, t[(f.source ?? 'inspection') as 'inspection'] ?? '', f.severity ? (t[f.severity as 'minor'] ?? f.severity) : '', f.label, String(f.points ?? 0)], fw);
      }
      section(t.figures);
      if (!d.figures.length) row([t.none], [400]);
      for (const f of d.figures) {
        const parts = Object.entries(f.figures).map(([k, v]) => `${t[k as 'n'] ?? k} ${r2(v)}`);
        row([f.district, f.indicator, f.noData ? t.noData : parts.join(' · ')], [80, 120, 300]);
      }
      section(t.trend);
      row([t.period, t.status, t.total, t.rank], [100, 80, 80, 80], true);
      for (const p of d.points) row([p.label, t[p.status], r2(p.total).toFixed(2), String(p.rank)], [100, 80, 80, 80]);
      doc.end();
      await done;
      return { fileName: `${fileBase(d)}.pdf`, data: Buffer.concat(chunks) };
    },

    /**
     * The big-screen league table of a park (operators): the given period or the last closed one, its companies and
     * districts with first-level scores, the previous closed period's rank for arrows, and warnings raised.
     */
    async league(ctx: RequestContext, query: { parkId: string; periodId?: string }) {
      if (!operatorCovers(ctx.actor, { parkId: query.parkId })) throw notFound('Park', query.parkId);
      const [p] = query.periodId
        ? await db.select().from(evalPeriods).where(and(eq(evalPeriods.id, query.periodId), eq(evalPeriods.parkId, query.parkId)))
        : await db.select().from(evalPeriods).where(and(eq(evalPeriods.parkId, query.parkId), eq(evalPeriods.status, 'closed'))).orderBy(desc(evalPeriods.startDate)).limit(1);
      if (!p) return { period: null, previousLabel: null, indicators: [], companies: [], districts: [] };
      const ranking = await evaluation.ranking(ctx, p.id);
      const [prev] = await db.select().from(evalPeriods).where(and(eq(evalPeriods.schemeId, p.schemeId), eq(evalPeriods.status, 'closed'), lt(evalPeriods.startDate, p.startDate))).orderBy(desc(evalPeriods.startDate)).limit(1);
      const prevScores = prev ? await db.select().from(evalScores).where(eq(evalScores.periodId, prev.id)) : [];
      const prevRank = new Map<string, { rank: number; total: number }>();
      for (const kind of ['district', 'company'] as const) for (const r of rankByTotal(prevScores.filter((s) => s.subjectKind === kind))) prevRank.set(`${kind}:${r.subjectId}`, { rank: r.rank, total: r.total });
      const warnings = await db.select({ propertyCompanyId: evalWarnings.propertyCompanyId, periodId: evalWarnings.periodId }).from(evalWarnings).where(inArray(evalWarnings.periodId, [p.id, ...(prev ? [prev.id] : [])]));
      const warned = new Set(warnings.filter((w) => w.periodId === p.id || !warnings.some((x) => x.periodId === p.id)).map((w) => w.propertyCompanyId));
      const rows = (kind: 'district' | 'company', list: typeof ranking.companies) =>
        list.map((r) => ({ ...r, previousRank: prevRank.get(`${kind}:${r.subjectId}`)?.rank ?? null, previousTotal: prevRank.get(`${kind}:${r.subjectId}`)?.total ?? null, warned: r.companyId ? warned.has(r.companyId) : false }));
      return { period: ranking.period, previousLabel: prev?.label ?? null, indicators: ranking.indicators, companies: rows('company', ranking.companies), districts: rows('district', ranking.districts) };
    },
  };
}

export type EvaluationReports = ReturnType<typeof createEvaluationReports>;
