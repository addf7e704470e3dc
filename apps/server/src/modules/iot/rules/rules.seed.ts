import type { RequestContext } from '../../../lib/context';
import type { RulesService } from './rules.service';
import type { CreateRuleInput } from './rules.schema';

/** Demo alarm rules for the demo park: one of each kind, so the rules page, dry run and trace have content. */
export async function seedDemoRules(rules: RulesService, ctx: RequestContext, parkId: string): Promise<number> {
  const defs: CreateRuleInput[] = [
    { parkId, name: '机房过热', description: '服务器机房温度过高', kind: 'threshold', severity: 'critical', enabled: true, metric: 'temperature', operator: '>', value: 30, hysteresis: 2, tag: 'server-room' },
    { parkId, name: 'CO₂ 超标', kind: 'threshold', severity: 'minor', enabled: true, metric: 'co2', operator: '>', value: 1200, hysteresis: 100, deviceType: 'environment_sensor' },
    { parkId, name: '温度骤升', kind: 'rate_of_change', severity: 'major', enabled: true, metric: 'temperature', delta: 8, windowSeconds: 300, direction: 'rise' },
    {
      parkId,
      name: '疑似火情（同层烟感+高温）',
      kind: 'combination',
      severity: 'critical',
      enabled: true,
      conditions: [
        { field: 'smoke', operator: '=', value: 1 },
        { field: 'temperature', operator: '>', value: 60 },
      ],
      windowSeconds: 120,
      groupBy: 'floor',
    },
    { parkId, name: '发热筛查', kind: 'event', severity: 'major', enabled: true, eventType: 'fever', conditions: [{ field: 'temperature', operator: '>=', value: 37.3 }], deviceType: 'thermal_camera' },
    { parkId, name: '周界入侵', kind: 'event', severity: 'critical', enabled: true, eventType: 'intrusion', conditions: [] },
    { parkId, name: '设备离线 10 分钟', kind: 'silent', severity: 'minor', enabled: false, silentSeconds: 600 },
  ];
  for (const d of defs) await rules.createRule(ctx, d);
  return defs.length;
}
