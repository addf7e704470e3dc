import type { Widen } from '../messages';

/** Operator tools (issue 14): user roles, the workbench figures, payer columns and Excel exports. zh-CN is the reference. */
export const operatorZh = {
  users: {
    rolePlaceholder: '选择角色',
    roleRequired: '请选择角色',
    scopeTypeRequired: '请选择范围类型',
    allParksTitle: '授予“全部园区运营”？',
    allParksBody: '该用户将可以查看和修改所有园区的全部数据，包括用户与权限。仅授予运营公司的系统管理员。',
    allParksOk: '确认授予',
  },
  export: { excel: '导出 Excel', leases: '导出租约' },
  workbench: {
    today: '今日运营',
    alarms: '未关闭告警',
    workOrders: '进行中工单',
    overdue: '超时 {{count}}',
    breachedToday: '今日超时 {{count}}',
    collection: '本月收缴率',
    collectionOf: '已收 ¥{{collected}} / 应收 ¥{{billed}}',
    noBills: '本月暂无账单',
    payments: '今日收款',
    paymentsCount: '{{count}} 笔',
    visitors: '今日访客',
    scans: '今日闸机通行',
    rejected: '拒绝 {{count}}',
  },
  bills: { payer: '缴费方', enterprise: '企业', filterEnterprise: '按企业筛选' },
  passes: { holder: '持证人' },
};

export const operatorEn: Widen<typeof operatorZh> = {
  users: {
    rolePlaceholder: 'Choose a role',
    roleRequired: 'Choose a role',
    scopeTypeRequired: 'Choose a scope type',
    allParksTitle: 'Grant “operator of all parks”?',
    allParksBody: 'This user will see and change everything in every park, including users and their roles. Grant it only to the operating company’s administrators.',
    allParksOk: 'Grant',
  },
  export: { excel: 'Export to Excel', leases: 'Export leases' },
  workbench: {
    today: 'Today',
    alarms: 'Open alarms',
    workOrders: 'Open work orders',
    overdue: '{{count}} overdue',
    breachedToday: '{{count}} missed today',
    collection: 'Collection rate this month',
    collectionOf: '¥{{collected}} of ¥{{billed}} collected',
    noBills: 'No bills this month',
    payments: 'Payments today',
    paymentsCount: '{{count}} payments',
    visitors: 'Visitors today',
    scans: 'Gate passes today',
    rejected: '{{count}} refused',
  },
  bills: { payer: 'Payer', enterprise: 'Enterprise', filterEnterprise: 'Filter by enterprise' },
  passes: { holder: 'Holder' },
};
