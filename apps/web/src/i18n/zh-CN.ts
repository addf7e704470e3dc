/** Chinese (default) UI text. en.ts has the same shape. */
export const zhCN = {
  app: { name: 'ParkOS', tagline: '智慧园区运营平台', footer: 'ParkOS · 开源园区运营平台' },
  common: {
    save: '保存', cancel: '取消', create: '新建', edit: '编辑', delete: '删除', remove: '移除', confirm: '确定', retry: '重试',
    search: '搜索', reset: '重置', all: '全部', actions: '操作', loading: '加载中…', yes: '是', no: '否', none: '无', back: '返回',
    saved: '已保存', created: '已创建', deleted: '已删除', updated: '已更新', close: '关闭', details: '详情', total: '共 {{count}} 条',
    required: '请填写{{field}}', areYouSure: '确定要执行此操作吗？', copy: '复制', copied: '已复制', readOnly: '只读',
    loadFailed: '加载失败', loadFailedHint: '数据加载失败，请检查网络后重试。', empty: '暂无数据', noPermission: '无权访问', notFound: '未找到', notFoundHint: '该记录不存在，或您无权查看。', noPermissionHint: '您的角色无权查看此内容。',
  },
  lang: { label: '语言', 'zh-CN': '简体中文', en: 'English' },
  nav: {
    home: '工作台', structure: '园区结构', enterprises: '企业管理', myEnterprise: '我的企业', property: '物业公司', leads: '招商管理',
    users: '用户与角色', audit: '审计日志', account: '我的账户', welcome: '欢迎', building: '楼宇详情', enterprise: '企业档案', menu: '菜单',
  },
  auth: {
    title: '登录 ParkOS', subtitle: '园区运营 · 企业服务 · 智慧运营中心', username: '用户名', password: '密码', submit: '登录',
    usernameRequired: '请输入用户名', passwordRequired: '请输入密码', failed: '登录失败', logout: '退出登录',
    demoHint: '演示账号', demoHintText: '管理员 admin、园区运营 operator、物业 property、企业管理员 ent.admin，密码均为 Demo2026park',
    heroTitle: '让园区运营更简单', heroText: '一园多点的园区结构、企业全景档案、物业合同与招商管线，在一个平台上统一管理。',
    heroPoint1: '一园多点 · 楼宇单元实时出租状态', heroPoint2: '企业 360° 档案 · 租约 · 车辆 · 车位', heroPoint3: '招商漏斗与转化分析', sessionExpired: '登录已过期，请重新登录',
  },
  roles: {
    operator: '园区运营', property: '物业', enterprise_admin: '企业管理员', member: '企业职工', vendor: '云服务商', inspector: '安全检查机构', alliance: '园区联盟', talent: '人才',
  },
  scopes: { all: '全部园区', park: '园区', site: '分园', property_company: '物业公司', enterprise: '企业', vendor: '服务商', none: '无范围' },
  industries: { software: '软件', ai: '人工智能', games: '游戏', finance: '金融科技', ecommerce: '电子商务', iot: '物联网', biotech: '生物科技', services: '企业服务', other: '其他' },
  sizes: { micro: '微型', small: '小型', medium: '中型', large: '大型' },
  unitStatus: { vacant: '空置', leased: '已租', reserved: '预留' },
  enterpriseStatus: { active: '在园', moved_out: '已迁出' },
  leaseStatus: { active: '生效中', ended: '已结束', expired: '已到期' },
  stages: { lead: '线索', visit: '考察', negotiation: '洽谈', signed: '签约', moved_in: '入驻', lost: '流失' },
  dashboard: {
    title: '园区工作台', greeting: '你好，{{name}}', enterprises: '在园企业', unitsLeased: '已租单元', unitsVacant: '空置单元', unitsReserved: '预留单元',
    occupancy: '出租率', occupancyBySite: '各分园出租率', occupancyHint: '按面积计算', funnel: '招商漏斗', funnelHint: '累计进入各阶段的线索数',
    overallConversion: '整体转化率', leadsTotal: '线索总数', buildings: '楼宇', area: '总面积', leasedArea: '已租面积', byCount: '按单元数', byArea: '按面积',
  },
  structure: {
    title: '园区结构', park: '园区', site: '分园', district: '片区', building: '楼宇', floor: '楼层', unit: '单元', sites: '分园', districts: '片区', buildings: '楼宇',
    floors: '楼层', units: '单元', newSite: '新建分园', newDistrict: '新建片区', newBuilding: '新建楼宇', newFloor: '新建楼层', newUnit: '新建单元', name: '名称', address: '地址',
    lat: '纬度', lon: '经度', parentSite: '所属分园', parentDistrict: '所属片区', floorsAboveGround: '地上层数', grossArea: '建筑面积 (m²)', level: '楼层号', code: '单元编号',
    area: '面积 (m²)', status: '状态', tenant: '租户', leaseEnd: '租约到期', occupancy: '出租率', noBuildings: '该片区暂无楼宇', noSites: '该园区还没有分园',
    viewBuilding: '查看楼宇', legend: '图例', changeStatus: '修改状态', empty: '暂无园区数据', selectPark: '选择园区', noFloors: '该楼宇还没有楼层',
    noUnits: '该层暂无单元', unitCount: '{{count}} 个单元', floorCount: '{{count}} 层', buildingCount: '{{count}} 栋楼宇',
  },
  enterprises: {
    title: '企业管理', new: '新建企业', searchPlaceholder: '搜索企业名称或信用代码', legalName: '企业名称', creditCode: '统一社会信用代码', industry: '行业', size: '规模',
    site: '所在分园', park: '所属园区', employeeCount: '员工人数', businessScope: '经营范围', contactName: '联系人', contactPhone: '联系电话', contactEmail: '联系邮箱',
    status: '状态', movedInAt: '入驻日期', basics: '基本信息', contacts: '联系方式', leases: '租约', vehicles: '车辆', parkingSpaces: '车位', members: '成员',
    memberCount: '职工人数', adminCount: '管理员人数', addVehicle: '添加车辆', plate: '车牌号', ownerName: '车主', addSpace: '分配车位', lotName: '停车场', spaceCode: '车位号',
    unit: '单元', period: '租期', monthlyRent: '月租金 (元)', editProfile: '编辑档案', filterIndustry: '行业', filterSize: '规模', filterSite: '分园',
    uscc: { length: '应为 18 位', char: '含有不允许的字符“{{ch}}”（允许 0-9 及除 I、O、S、V、Z 外的大写字母）', check: '校验码应为 {{expected}}，而不是 {{actual}}', generic: '统一社会信用代码无效：{{reason}}' },
    notFound: '未找到该企业', emptyList: '没有符合条件的企业', noEnterprise: '你的账号尚未关联企业', created: '企业已创建', removeConfirm: '确定移除？',
    plateInvalid: '车牌号应为 7-12 个字符', emailInvalid: '邮箱格式不正确', leaseEndConfirm: '确定结束该租约？', endLease: '结束租约',
  },
  property: {
    title: '物业公司', new: '新建物业公司', name: '公司名称', creditCode: '统一社会信用代码', contactName: '联系人', contactPhone: '联系电话', contracts: '服务合同',
    newContract: '新建合同', district: '服务片区', period: '合同期限', startDate: '开始日期', endDate: '结束日期', annualFee: '年服务费 (元)', company: '物业公司',
    noContracts: '暂无合同', empty: '暂无物业公司', deleteContractConfirm: '确定删除该合同？', districtCount: '服务 {{count}} 个片区',
  },
  leads: {
    title: '招商管理', new: '新建线索', companyName: '企业名称', industry: '行业', contactName: '联系人', contactPhone: '联系电话', expectedArea: '意向面积 (m²)', notes: '备注',
    stage: '阶段', moveTo: '移至', board: '看板', funnel: '转化漏斗', total: '线索总数', overallConversion: '整体转化率', fromPrevious: '较上阶段 {{rate}}',
    emptyColumn: '拖拽卡片到此处', searchPlaceholder: '搜索企业名称', moved: '已移至「{{stage}}」', park: '园区', deleteConfirm: '确定删除该线索？', dragHint: '拖动卡片或使用下拉框切换阶段',
  },
  users: {
    title: '用户与角色', new: '新建用户', username: '用户名', displayName: '姓名', password: '初始密码', email: '邮箱', phone: '手机号', locale: '语言', grants: '角色授权',
    role: '角色', scopeType: '范围类型', scopeId: '范围', addGrant: '添加授权', status: '状态', active: '正常', disabled: '已停用', locked: '已锁定', disable: '停用',
    enable: '启用', unlock: '解锁', createdAt: '创建时间', searchPlaceholder: '搜索用户名或姓名', filterRole: '角色', disableConfirm: '停用后该用户将无法登录，确定？',
    grantsRequired: '至少添加一个角色授权', scopeIdRequired: '请选择范围', unlocked: '已解锁',
  },
  account: {
    title: '我的账户', profile: '个人信息', changePassword: '修改密码', currentPassword: '当前密码', newPassword: '新密码', confirmPassword: '确认新密码',
    passwordMismatch: '两次输入的密码不一致', passwordChanged: '密码已修改', tokens: 'API 令牌', tokensHint: '用于系统集成，令牌仅在创建时显示一次。', newToken: '创建令牌',
    tokenName: '名称', access: '权限', read: '只读', write: '读写', expiresInDays: '有效天数', prefix: '前缀', expiresAt: '到期时间', lastUsedAt: '最近使用',
    revoke: '吊销', revoked: '已吊销', revokeConfirm: '吊销后使用该令牌的集成将失效，确定？', tokenCreated: '令牌已创建', tokenOnce: '请立即复制保存，关闭后将无法再次查看。',
    never: '从不', noTokens: '还没有 API 令牌', roles: '角色', passwordTooShort: '密码至少 10 位',
  },
  audit: {
    title: '审计日志', at: '时间', actor: '操作人', action: '操作', entityType: '对象类型', entityId: '对象 ID', requestId: '请求 ID', before: '变更前', after: '变更后',
    diff: '变更内容', field: '字段', from: '开始', to: '结束', range: '时间范围', noChanges: '无字段变化', empty: '暂无审计记录',
  },
  welcome: {
    title: '欢迎使用 ParkOS', text: '你的账号角色为「{{roles}}」。更多功能（云超市、人才服务、联盟指标等）即将上线。', account: '管理我的账户',
  },
  errors: {
    notFound: '页面不存在', notFoundText: '你访问的页面不存在或已被移除。', forbidden: '无权访问此页面', backHome: '返回首页', generic: '出错了',
  },
};
