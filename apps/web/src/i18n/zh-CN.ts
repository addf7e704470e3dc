import { homesZh } from './sections/homes';
import { trainingZh } from './sections/training';
import { servicesZh } from './sections/services';
import { policiesZh } from './sections/policies';
import { bookingsZh } from './sections/bookings';
import { iocWallZh } from './sections/iocWall';
import { inspectionsZh } from './sections/inspections';
import { patrolsZh } from './sections/patrols';
import { reliefZh } from './sections/relief';
import { operatorZh } from './sections/operator';
import { spotChecksZh } from './sections/spotChecks';
import { evaluationZh } from './sections/evaluation';
import { evaluationOutcomesZh } from './sections/evaluationOutcomes';
import { returnToWorkZh } from './sections/returnToWork';
import { notificationsZh } from './sections/notifications';
import { surveysZh } from './sections/surveys';
import { auditLogZh } from './sections/auditLog';
import { memberAppZh } from './sections/memberApp';
import { peopleZh } from './sections/people';
import { codesZh } from './sections/codes';

/** Chinese (default) UI text. en.ts has the same shape. */
export const zhCN = {
  app: { name: 'ParkOS', tagline: '智慧园区运营平台', footer: 'ParkOS · 开源园区运营平台' },
  common: {
    save: '保存', cancel: '取消', create: '新建', edit: '编辑', delete: '删除', remove: '移除', confirm: '确定', retry: '重试',
    search: '搜索', reset: '重置', all: '全部', actions: '操作', loading: '加载中…', yes: '是', no: '否', none: '无', back: '返回',
    saved: '已保存', created: '已创建', deleted: '已删除', updated: '已更新', close: '关闭', details: '详情', total: '共 {{count}} 条',
    required: '请填写{{field}}', notNegative: '{{field}}不能为负数', positive: '{{field}}必须大于 0', atLeast: '{{field}}不能小于 {{min}}', atMost: '{{field}}不能大于 {{max}}', areYouSure: '确定要执行此操作吗？', copy: '复制', copied: '已复制', readOnly: '只读',
    loadFailed: '加载失败', loadFailedHint: '数据加载失败，请检查网络后重试。', empty: '暂无数据', noPermission: '无权访问', notFound: '未找到', notFoundHint: '该记录不存在，或您无权查看。', noPermissionHint: '您的角色无权查看此内容。',
  },
  lang: { label: '语言', switch: '语言：{{lang}}', 'zh-CN': '简体中文', en: 'English', short: { 'zh-CN': '中', en: 'EN' } },
  nav: {
    home: '工作台', structure: '园区结构', enterprises: '企业管理', myEnterprise: '我的企业', property: '物业公司', leads: '招商管理',
    users: '用户与角色', audit: '审计日志', account: '我的账户', welcome: '欢迎', building: '楼宇详情', enterprise: '企业档案', ledger: '防篡改账本', menu: '菜单', main: '主导航', skipToContent: '跳到主要内容', devices: '设备',
    groups: { park: '园区与企业', services: '企业服务', ioc: '智慧运营中心', workorders: '工单与派单', community: '微园区', evaluation: '考核评价', admin: '系统与审计' },
  },
  auth: {
    title: '登录 ParkOS', subtitle: '园区运营 · 企业服务 · 智慧运营中心', username: '用户名', password: '密码', submit: '登录',
    usernameRequired: '请输入用户名', passwordRequired: '请输入密码', failed: '登录失败', logout: '退出登录',
    demoHint: '演示账号', demoHintText: '管理员 admin、园区运营 operator、物业 property、企业管理员 ent.admin，密码均为 Demo2026park',
    heroTitle: '让园区运营更简单', heroText: '一园多点的园区结构、企业全景档案、物业合同与招商管线，在一个平台上统一管理。',
    heroPoint1: '一园多点 · 楼宇单元实时出租状态', heroPoint2: '企业 360° 档案 · 租约 · 车辆 · 车位', heroPoint3: '招商漏斗与转化分析', sessionExpired: '登录已过期，请重新登录',
  },
  roles: {
    operator: '园区运营', property: '物业', enterprise_admin: '企业管理员', member: '企业职工', vendor: '云服务商', inspector: '安全检查机构', alliance: '园区联盟', talent: '人才', finance_contact: '财务联系人',
  },
  scopes: { all: '全部园区', park: '园区', site: '分园', property_company: '物业公司', enterprise: '企业', vendor: '服务商', none: '无范围' },
  industries: { software: '软件', ai: '人工智能', games: '游戏', finance: '金融科技', ecommerce: '电子商务', iot: '物联网', biotech: '生物科技', services: '企业服务', other: '其他' },
  sizes: { micro: '微型', small: '小型', medium: '中型', large: '大型' },
  unitStatus: { vacant: '空置', leased: '已租', reserved: '预留' },
  enterpriseStatus: { active: '在园', moved_out: '已迁出' },
  leaseStatus: { draft: '草稿', active: '生效中', ended: '已结束', expired: '已到期' },
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
    editSite: '编辑分园', editDistrict: '编辑片区', editBuilding: '编辑楼宇', editFloor: '编辑楼层', editUnit: '编辑单元', levelFixed: '楼层号不能修改，如需调整请新建楼层',
    deleteConfirm: '删除“{{name}}”？', deleteConfirmHint: '只能删除空的对象。',
    deleteBlocked: {
      site: '无法删除“{{name}}”：其下仍有片区或楼宇，或有活动、资讯、通行证等记录引用它。请先移除这些内容。',
      district: '无法删除“{{name}}”：其下仍有楼宇或物业合同。请先移除这些内容。',
      building: '无法删除“{{name}}”：楼宇内仍有楼层或单元，或有资讯引用它。请先删除其楼层和单元。',
      floor: '无法删除“{{name}}”：该楼层仍有单元。请先删除其单元。',
      unit: '无法删除“{{name}}”：该单元有租约记录（当前或历史），为保留租约历史不能删除。',
    },
  },
  enterprises: {
    title: '企业管理', new: '新建企业', searchPlaceholder: '搜索企业名称或信用代码', legalName: '企业名称', creditCode: '统一社会信用代码', industry: '行业', size: '规模',
    site: '所在分园', park: '所属园区', employeeCount: '员工人数', businessScope: '经营范围', contactName: '联系人', contactPhone: '联系电话', contactEmail: '联系邮箱',
    status: '状态', movedInAt: '入驻日期', basics: '基本信息', contacts: '联系方式', leases: '租约', vehicles: '车辆', parkingSpaces: '车位', members: '成员',
    memberCount: '职工人数', adminCount: '管理员人数', addVehicle: '添加车辆', plate: '车牌号', ownerName: '车主', addSpace: '分配车位', lotName: '停车场', spaceCode: '车位号',
    unit: '单元', period: '租期', monthlyRent: '月租金 (元)', editProfile: '编辑档案', filterIndustry: '行业', filterSize: '规模', filterSite: '分园',
    uscc: { length: '应为 18 位', char: '含有不允许的字符“{{ch}}”（允许 0-9 及除 I、O、S、V、Z 外的大写字母）', check: '校验码应为 {{expected}}，而不是 {{actual}}', generic: '统一社会信用代码无效：{{reason}}' },
    notFound: '未找到该企业', emptyList: '没有符合条件的企业', noEnterprise: '你的账号尚未关联企业', created: '企业已创建', removeConfirm: '确定移除？',
    plateInvalid: '车牌号应为 7-12 个字符', platePlaceholder: '如 川A12345', emailInvalid: '邮箱格式不正确', leaseEndConfirm: '确定结束该租约？', newLease: '签订租约', endLease: '结束租约',
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
    grantsRequired: '至少添加一个角色授权', scopeIdRequired: '请选择范围', unlocked: '已解锁', editTitle: '编辑 {{name}}',
  },
  account: {
    title: '我的账户', profile: '个人信息', changePassword: '修改密码', currentPassword: '当前密码', newPassword: '新密码', confirmPassword: '确认新密码',
    passwordMismatch: '两次输入的密码不一致', passwordChanged: '密码已修改', tokens: 'API 令牌', tokensHint: '用于系统集成，令牌仅在创建时显示一次。', newToken: '创建令牌',
    tokenName: '名称', access: '权限', read: '只读', write: '读写', expiresInDays: '有效天数', prefix: '前缀', expiresAt: '到期时间', lastUsedAt: '最近使用',
    revoke: '吊销', revoked: '已吊销', revokeConfirm: '吊销后使用该令牌的集成将失效，确定？', tokenCreated: '令牌已创建', tokenOnce: '请立即复制保存，关闭后将无法再次查看。',
    never: '从不', noTokens: '还没有 API 令牌', roles: '角色', passwordTooShort: '密码至少 10 位',
  },
  jobs: {
    names: {
      alarms: { escalation: '告警升级', 'silent-devices': '静默设备检查' },
      commands: { retry: '指令重发' },
      events: { reminders: '活动提醒' },
      files: { cleanup: '清理未关联上传' },
      history: { reconcile: '迟到数据补算', retention: '遥测数据保留', rollup: '遥测汇总' },
      ledger: { 'sign-head': '账本树头签名' },
      live: { 'device-status': '离线设备推送' },
      workorders: { escalation: '超时工单升级', retrain: '派单模型重训' },
    },
    title: '后台任务', job: '任务', period: '周期', status: '状态', lastRun: '上次运行', duration: '耗时', nextRun: '下次运行', runs: '运行次数',
    running: '运行中', ok: '正常', notRun: '尚未运行', failed: '失败（连续 {{count}} 次）', runCounts: '{{runs}}（失败 {{failures}}）',
    seconds: '{{count}} 秒', minutes: '{{count}} 分钟', hours: '{{count}} 小时', ms: '{{count}} 毫秒',
  },
  audit: {
    title: '审计日志', at: '时间', actor: '操作人', action: '操作', entityType: '对象类型', entityId: '对象 ID', requestId: '请求 ID', before: '变更前', after: '变更后',
    diff: '变更内容', field: '字段', from: '开始', to: '结束', range: '时间范围', verify: '账本验证', noChanges: '无字段变化', empty: '暂无审计记录',
  },
  ledger: {
    title: '防篡改账本', subtitle: '每条审计记录都写入 RFC 9162 默克尔日志，树头由园区 Ed25519 密钥签名，任何人都可独立验证',
    latestHead: '最新签名树头', treeSize: '树大小（条目数）', root: '根哈希', signedAt: '签名时间', signature: '签名', browserCheck: '浏览器验签',
    signatureValid: '签名有效', signatureInvalid: '签名无效', publicKey: '园区公钥', publishedAt: '公布地址', algorithm: '算法', keyId: '密钥 ID',
    keyHint: '公钥公开发布于上述地址；核对密钥 ID 后，可用它离线验证任何证明包。', signNow: '立即签名树头', signed: '已签名大小为 {{size}} 的树头',
    verifyEntry: '验证审计记录', auditId: '审计记录 ID', verify: '验证', verifyTitle: '验证审计记录 #{{id}}', recentHeads: '最近的签名树头',
    verified: '验证通过', notVerified: '验证失败', verifiedText: '该记录是日志第 {{index}} 号叶子，已包含在大小为 {{size}}、由园区密钥签名的树中；所有计算均在本浏览器内完成。',
    notVerifiedText: '该记录与签名日志不一致：可能在写入后被改动。请查看下方未通过的检查项。',
    leafIndex: '叶子序号', proofLength: '证明长度', entry: '规范化条目（parkos-audit-v1）', downloadBundle: '下载证明包',
    bundleHint: '离线验证：parkos ledger verify-bundle {{file}}', checkBundle: '验证证明包文件', bundleUnreadable: '无法读取证明包',
    bundleValid: '证明包有效，签名密钥 {{keyId}}',
    steps: { leafHash: '叶子哈希 = SHA-256(0x00 ‖ 条目)', inclusion: '包含证明可推导出签名树头的根哈希', keyId: '树头的密钥 ID 与园区公布的公钥一致', signature: '树头的 Ed25519 签名有效' },
  },
  history: {
    title: '变更记录', hint: '本企业及其车辆、车位、租约的审计记录，每条均可在浏览器中验证', at: '时间', actor: '操作人', action: '操作', object: '对象', empty: '暂无变更记录', verify: '验证',
    entities: { enterprise: '企业档案', enterprise_vehicle: '车辆', parking_space_assignment: '车位', lease: '租约', device: '设备' },
  },
  auditActions: {
    enterprise: { created: '创建企业', updated: '修改企业档案' },
    enterprise_vehicle: { created: '登记车辆', deleted: '移除车辆' },
    parking_space: { assigned: '分配车位', released: '释放车位' },
    lease: { created: '签订租约', ended: '结束租约' },
    device: { created: '登记设备', updated: '修改设备', deleted: '删除设备', credentials_rotated: '轮换设备密钥', credentials_revoked: '吊销设备密钥' },
  },
  devices: {
    title: '设备管理', subtitle: 'IOC 设备台账：状态、最新读数、接入凭证', new: '新建设备', edit: '编辑设备', import: '批量导入', searchPlaceholder: '搜索编码或名称',
    code: '设备编码', name: '设备名称', type: '类型', status: '状态', park: '所属园区', building: '楼宇', floor: '楼层', location: '位置', x: 'X 坐标', y: 'Y 坐标', lat: '纬度', lon: '经度',
    tags: '标签', tagsHint: '输入后回车', lastSeen: '最后在线', never: '从未上线', credentials: '接入凭证', createdAt: '创建时间', filterType: '类型', filterStatus: '状态', filterBuilding: '楼宇',
    codeHint: '2–64 位字母、数字、点、横线或下划线；即 MQTT 用户名', codeInvalid: '编码只能包含字母、数字、点、横线或下划线（2–64 位）', created: '设备已创建', deleteConfirm: '删除设备及其全部遥测数据？',
    latest: '最新读数', metric: '指标', value: '数值', readAt: '时间', noReadings: '尚无读数', ingestErrors: '接入错误', reason: '原因', count: '次数', lastError: '最近错误', lastAt: '最近发生', noErrors: '没有被拒绝的数据', range: '合理范围',
    rollupFailures: '部分历史数据无法汇总', rollupFailure: '{{metric}}，{{from}} – {{to}}：缺少 {{tier}} 汇总（已失败 {{count}} 次）。{{error}}',
    credentialState: { none: '未生成', active: '有效', revoked: '已吊销' },
    rotate: '生成/轮换密钥', rotateConfirm: '轮换后旧密钥立即失效，设备需要使用新密钥重新连接。继续？', revoke: '吊销', revokeConfirm: '吊销后设备将无法连接。继续？', revoked: '密钥已吊销',
    rotatedAt: '密钥轮换时间', secretTitle: '设备密钥（仅显示一次）', secretOnce: '请立即复制保存：关闭后将无法再次查看。', secret: '密钥', username: '用户名',
    mqttHint: 'MQTT 连接参数', host: '主机', port: '端口', portHint: '内置 broker 默认端口，以部署配置 MQTT_PORT 为准', topic: '遥测主题', commandsTopic: '指令主题', payloadExample: '消息示例',
    importTitle: '从 CSV 导入设备', importHint: '表头：code,name,type[,building,floor,x,y,lat,lon,tags]；building 可填名称或 ID，tags 用 ; 分隔。', importPaste: '或粘贴 CSV 内容',
    importUpload: '选择 CSV 文件', importMode: '导入方式', allOrNothing: '全部正确才导入', validRowsOnly: '只导入正确的行', importRun: '导入', importResult: '共 {{rows}} 行，已导入 {{created}} 个设备',
    importSample: 'code,name,type,building,floor,x,y,lat,lon,tags\nENV-101,环境传感器 101,environment_sensor,,,,,,,lobby;air', importErrors: '错误报告', row: '行号', field: '字段', message: '问题', importEmpty: '请上传或粘贴 CSV 内容', emptyList: '没有符合条件的设备',
  },
  deviceTypes: {
    camera: '摄像机', environment_sensor: '环境传感器', energy_meter: '电表', water_meter: '水表', parking_sensor: '车位检测器', gate_camera: '道闸摄像机',
    fire_panel: '消防主机', thermal_camera: '测温摄像机', drone: '无人机', generic: '通用设备',
    irrigation_valve: '灌溉阀', lighting: '照明', air_conditioner: '空调', barrier_gate: '道闸',
  },
  deviceStatus: { online: '在线', offline: '离线' },
  ingestReasons: {
    malformed_json: 'JSON 格式错误', invalid_payload: '消息结构无效', unknown_metric: '未知指标', invalid_value: '数值无效', out_of_range: '超出合理范围', invalid_timestamp: '时间戳无效',
    ts_future: '时间超前', ts_too_old: '时间过旧', wrong_topic: '主题不允许', oversized: '消息过大', rate_limited: '超出速率限制', overloaded: '系统繁忙',
    nul_character: '含有空字符（U+0000）',
  },
  metrics: {
    temperature: '温度', humidity: '湿度', co2: '二氧化碳', pm25: 'PM2.5', power_kw: '功率', energy_kwh: '电量', water_m3: '用水量', occupied: '占用', smoke: '烟感', body_temp: '体温', soil_moisture: '土壤湿度',
  },
  welcome: {
    title: '欢迎使用 ParkOS', text: '你的账号角色为「{{roles}}」。更多功能（云超市、人才服务、联盟指标等）即将上线。', account: '管理我的账户',
  },
  errors: {
    notFound: '页面不存在', notFoundText: '你访问的页面不存在或已被移除。', forbidden: '无权访问此页面', backHome: '返回首页', generic: '出错了',
  },
  fieldErrors: {
    nul_character: '不能包含空字符（U+0000）', date_out_of_range: '日期须在公元 1 年至 9999 年之间',
  },
  news: {
    nav: '园区资讯', navAdmin: '资讯管理', feedTitle: '园区资讯', adminTitle: '资讯管理', article: '资讯详情', new: '发布资讯', edit: '编辑资讯',
    allCategories: '全部', emptyFeed: '暂无资讯', readers: '{{count}} 人已读', pinned: '置顶', saved: '资讯已保存',
    categories: { notice: '通知公告', policy: '政策资讯', event: '园区活动', service: '服务动态', industry: '产业资讯' },
    targets: { all: '全部园区', park: '整个园区', site: '指定分园', building: '指定楼栋', industry: '指定行业企业' },
    status: { draft: '草稿', published: '已发布', unpublished: '已撤回', live: '已上线', scheduled: '定时发布' },
    modes: { draft: '存为草稿', now: '立即发布', schedule: '定时发布' },
    fields: {
      title: '标题', summary: '摘要', category: '分类', target: '发布范围', park: '园区', site: '分园', building: '楼栋', industry: '行业', cover: '封面图', body: '正文',
      when: '发布方式', publishAt: '发布时间', pinned: '置顶', status: '状态', readCount: '阅读人数',
    },
    editor: { bold: '加粗', italic: '斜体', underline: '下划线', heading: '小标题', paragraph: '正文段落', bullets: '项目符号', numbers: '编号', link: '插入链接', linkPrompt: '链接地址（http:// 或 https://）' },
    coverUpload: '上传封面', coverReplace: '更换封面', coverRemove: '移除封面', coverHint: 'JPEG、PNG 或 WebP，不超过 2 MB', coverType: '封面只支持 JPEG、PNG 或 WebP 图片', coverSize: '封面图片不能超过 2 MB',
    bodyRequired: '请填写正文', bodyPlaceholder: '在这里撰写正文…', searchPlaceholder: '搜索标题', filterStatus: '状态',
    publish: '发布', publishedNow: '已发布', unpublish: '撤回', unpublished: '已撤回', unpublishConfirm: '撤回后职工将看不到这篇资讯，确定撤回？',
    schedule: '定时', scheduleTitle: '定时发布「{{title}}」', scheduled: '已设置定时发布', pin: '置顶', unpin: '取消置顶', pinnedDone: '已置顶', unpinnedDone: '已取消置顶',
  },
  payments: {
    nav: { bills: '账单缴费', parking: '智慧停车', reconciliation: '支付对账' },
    kinds: { rent: '租金', property: '物业费', utilities: '水电费', parking: '停车费', service: '服务费', booking: '资源预约', other: '其他' },
    billStatus: { open: '待缴', paid: '已缴', refunded: '已退款', void: '已作废' },
    paymentStatus: { pending: '待支付', succeeded: '支付成功', failed: '支付失败', closed: '已关闭', partially_refunded: '部分退款', refunded: '已全额退款', unexpected: '关闭后到账' },
    refundStatus: { pending: '退款中', succeeded: '退款成功', failed: '退款失败' },
    bills: {
      title: '账单缴费', statement: '对账单', subtitle: '勾选多笔账单，一次统一支付', due: '{{date}} 到期', paidAt: '{{date}} 已缴', tabOpen: '待缴账单', tabPaid: '已缴账单',
      noneOpen: '没有待缴账单', nonePaid: '还没有已缴账单', selected: '已选 {{count}} 笔，合计', pay: '去支付', back: '返回账单', item: '项目', kind: '类型', amount: '金额',
      status: '状态', period: '账期', dueDate: '到期日', generate: '生成月度账单', issue: '开具账单', voidConfirm: '作废这张账单？', void: '作废', sum: '合计',
      issued: '账单已开具', enterprise: '企业', amountYuan: '金额（元）', amountInvalid: '请输入金额，最多两位小数', generated: '已生成 {{created}} 张账单（{{leases}} 份租约）',
      park: '园区', propertyRate: '物业费单价', propertyRateHint: '按租赁单元面积计费；留空则只生成租金', fenPerM2: '分/㎡·月',
    },
    pay: {
      title: '支付结果', waiting: '正在确认支付结果…', waitingHint: '金额 ¥{{amount}}，支付渠道的异步通知到达后自动刷新', continue: '继续支付', cancel: '取消支付',
      paid: '已支付 ¥{{amount}}', notPaidHint: '账单未扣款，可返回重新支付', listTitle: '支付记录', refunded: '已退款', refund: '退款', refundRequested: '退款已提交',
      refundable: '可退 ¥{{amount}}', reason: '退款原因',
      alreadyPaid: '该笔支付已在支付渠道完成，无法取消',
      unexpectedHint: '这笔款项在支付关闭或账单已缴清后才到账，系统将自动原路退回',
    },
    receipt: {
      title: '收据', no: '单号', view: '查看收据', heading: '{{park}} 缴费收据', print: '打印', payer: '付款人', enterprise: '企业', paidAt: '支付时间', channel: '支付渠道',
      txn: '渠道交易号', status: '状态', total: '合计', refunds: '退款记录', providers: { sandbox: '沙箱（演示）' },
    },
    recon: {
      title: '支付对账', subtitle: '本方支付、退款记录与支付渠道异步通知逐笔核对', matched: '已匹配', missing: '缺少通知', mismatch: '金额不符', unknown: '未知通知', unexpected: '异常到账',
      autoRefunded: '已自动退款', autoRefunding: '自动退款处理中', notRefunded: '尚未退款，请核实后手动退款',
      collected: '实收', refunded: '退款', net: '净额', status: '对账结果', kind: '类型', ours: '本方金额', notified: '通知金额', at: '时间',
      statuses: { matched: '已匹配', missing_notification: '缺少通知', amount_mismatch: '金额不符', unknown_notification: '未知通知', pending: '待支付', unexpected_payment: '异常到账' },
      kinds: { payment: '支付', refund: '退款', notification: '通知' },
    },
    parking: {
      title: '智慧停车', occupancy: '车场实时余位', occupiedOfCapacity: '在场/车位', noLots: '暂无停车场', free: '余 {{count}} 位', lotOccupancy: '{{name}}：已占用 {{occupied}}/{{capacity}} 位', current: '当前停车', notParked: '您的车辆当前不在场内',
      since: '{{at}} 入场，已停 {{duration}} 分钟', feeSoFar: '当前应缴', recent: '最近停车', myPlates: '我的车牌', platePlaceholder: '如 川A12345 或 川AD12345',
      addPlate: '添加', reserved: '车位已预约', reserve: '预约车位', lot: '停车场', space: '车位', plate: '车牌', addPlateFirst: '请先添加车牌', window: '预约时段',
      cancelConfirm: '取消这个预约？', editRule: '收费规则', newLot: '新建停车场', lotName: '停车场名称', capacity: '车位数', freeMinutes: '免费时长（分钟）',
      hourly: '每小时', dailyCap: '每日封顶', nightWindow: '夜间时段', nightHourly: '夜间每小时', monthlyPass: '月卡价格', lots: '停车场', sessions: '停车记录',
      entry: '入场', exit: '出场', fee: '费用', payer: '付费方', manualRead: '人工登记', direction: '方向', record: '登记',
      sessionStatus: { open: '在场', closed: '已出场', exit_without_entry: '无入场记录', missed_exit: '漏记出场' },
      payers: { member: '职工', enterprise: '企业', pass: '月卡', visitor: '访客' },
      readResults: { session_opened: '已入场', session_closed: '已出场', duplicate: '重复识别，已忽略', exit_without_entry: '无入场记录，已登记待核查', entry_while_open: '上次未出场，已重新入场' },
    },
  },
  ioc: {
    nav: { screen: '运营大屏', alarms: '告警' },
    screenTitle: '园区智慧运营中心', alarmsTitle: '告警', floorPlanTitle: '楼层平面图', mapTitle: '园区地图', wallMode: '大屏模式', fullScreen: '全屏', refresh: '刷新', loading: '加载中…',
    live: '实时', connecting: '连接中…', onlineRate: '设备在线率', onlineOf: '在线 {{online}} / 共 {{total}}', alarmsBySeverity: '告警级别分布', openActive: '未关闭 {{open}} · 未确认 {{active}}',
    alarmsByBuilding: '各楼宇告警', noBuilding: '未指定楼宇', noOpenAlarms: '暂无未关闭告警', parking: '车位占用', parkingOf: '已占用 {{occupied}} / 共 {{total}}', occupied: '已占用', free: '空闲',
    latestAlarms: '待处理告警', consumption: '近 24 小时能耗', consumptionTotal: '电 {{kwh}} kWh · 水 {{m3}} m³', energy: '用电 (kWh)', water: '用水 (m³)', environment: '环境监测（各楼宇均值）',
    temperature: '温度 (°C)', humidity: '湿度 (%)', noData: '暂无数据',
    severity: { critical: '紧急', major: '重要', minor: '次要', info: '提示' },
    state: { active: '未确认', acknowledged: '已确认', cleared: '已恢复', closed: '已关闭' },
    event: { raised: '触发', repeated: '重复', reactivated: '再次触发', acknowledged: '确认', assigned: '指派', commented: '备注', cleared: '恢复', closed: '关闭' },
    markerState: { online: '在线', offline: '离线', alarm: '告警' },
    severityLabel: '级别', stateLabel: '状态', message: '告警内容', device: '设备', building: '楼宇', floor: '楼层', count: '次数', lastAt: '最近发生', firstAt: '首次发生', rule: '规则',
    lastValue: '最近数值', assignee: '处理人', unassigned: '未指派', acknowledgedAt: '确认时间', clearedAt: '恢复时间', closedAt: '关闭时间', closeReason: '关闭原因', details: '告警信息', history: '处置记录',
    filterState: '状态', filterSeverity: '级别', filterBuilding: '楼宇', openAlarms: '未关闭', noAlarms: '没有符合条件的告警',
    acknowledge: '确认', assign: '指派', comment: '备注', close: '关闭', confirm: '提交', done: '已提交', commentOptional: '备注（可选）', commentText: '备注内容', reasonOptional: '关闭原因（可选）',
    reasonRequired: '告警尚未恢复，请填写关闭原因', engine: '规则引擎', assignedTo: '指派给 {{id}}', valueWas: '数值 {{value}}（累计 {{count}} 次）',
    devicesOnFloor: '本层 {{count}} 个设备', devicesOnMap: '共 {{count}} 个有坐标的设备', noFloor: '请选择楼宇和楼层', zoomIn: '放大', zoomOut: '缩小', resetZoom: '全图', clusterTitle: '{{count}} 个设备，点击放大',
    plotLabel: '设备分布图', devicesShown: '共 {{total}} 个设备',
  },
  workorders: {
    nav: { list: '工单', triage: '派单待确认', model: '智能派单模型', new: '我要报修' },
    title: '工单', subtitle: '告警、巡查、报修自动成为工单，智能派单到班组', myQueue: '我的工单', myQueueHint: '派给我所在班组的工单', myRequests: '我的报修', newRequest: '我要报修',
    filterStatus: '状态', filterCategory: '类别', filterPriority: '优先级', filterSla: 'SLA', open: '未完成', search: '搜索标题或描述', empty: '暂无工单', escalated: '已升级',
    status: { new: '待分派', dispatched: '已派单', accepted: '已接单', in_progress: '处理中', resolved: '已解决', verified: '已确认', closed: '已关闭' },
    category: { elevator: '电梯', hvac: '空调', lighting: '照明', plumbing: '给排水', fire: '消防', security: '安防', cleaning: '保洁', network: '网络', parking: '停车', electrical: '供电', other: '其他' },
    priority: { urgent: '紧急', high: '高', normal: '普通', low: '低' },
    source: { alarm: '告警', patrol: '巡查', inspection: '检查', member_request: '职工报修', enterprise_request: '企业报修', operator: '运营录入' },
    sla: { ok: '正常', at_risk: '即将超时', overdue: '已超时', met: '按时完成', breached: '超时完成' },
    fields: {
      number: '工单号', title: '标题', description: '描述', category: '类别', priority: '优先级', location: '位置', building: '楼宇', locationText: '具体位置', team: '处理班组', requester: '报修人',
      createdAt: '创建时间', responseDue: '响应截止', resolutionDue: '解决截止', confidence: '置信度', photos: '照片', rating: '评价', status: '状态', source: '来源', sla: 'SLA',
    },
    actions: { dispatch: '派单', accept: '接单', start: '开始处理', resolve: '完成', verify: '确认解决', close: '关闭', reopen: '重新打开', rate: '评价', comment: '评论', addPhoto: '添加照片', cancel: '取消报修', urge: '催单' },
    events: {
      created: '创建', classified: '智能分类', triaged: '人工确认', dispatched: '派单', accepted: '接单', started: '开始处理', resolved: '完成', verified: '确认解决', closed: '关闭', reopened: '重新打开',
      commented: '评论', photo_added: '添加照片', rated: '评价', escalated: '超时升级', cancelled: '报修人已取消', urged: '报修人催单',
    },
    escalation: { team_lead: '已通知班组长', operator: '已通知运营人员' },
    timeline: '处理进度', comments: '评论', commentPlaceholder: '写下评论…', send: '发送', resolveComment: '处理说明（可选）', closeReason: '关闭原因',
    decision: {
      title: '派单依据', automatic: '自动派单', triage: '进入人工确认', confidence: '综合置信度 {{value}}（阈值 {{threshold}}）', categoryBy: '类别：{{category}}',
      categorySource: { given: '由报修人指定', rule: '由告警规则指定', model: '模型预测（置信度 {{value}}）', default: '无法判断' },
      teamBy: '班组：{{team}}', teamSource: { model: '模型预测（置信度 {{value}}）', location: '位置规则', none: '未确定' },
      terms: '关键特征', locationRule: '{{district}} 由 {{company}} 签约服务，按位置规则派给其班组', modelVersion: '模型版本：类别 v{{category}} · 班组 v{{team}}',
      state: { automatic: '{{at}} 自动派给 {{team}}', manual: '{{at}} 由 {{by}} 人工派给 {{team}}', triage: '等待运营人员确认派单', pending: '尚未派单' },
      modelSuggested: '模型的判断（人工派单前）', words: '起决定作用的词', device: '设备类型：{{device}}',
    },
    triage: {
      title: '派单待确认', subtitle: '置信度低于阈值的工单：确认或更正类别与班组，更正会成为训练数据', predicted: '预测', confirm: '确认派单', empty: '没有待确认的工单', dispatched: '已派单',
    },
    model: {
      title: '智能派单模型', subtitle: '模型只用本园区已关闭的工单训练，不下载任何权重', target: { category: '类别模型', team: '班组模型' }, accuracy: '留出集准确率', version: '版本', trainedAt: '训练时间',
      examples: '训练样本', heldOut: '留出 {{count}} 条（20%）', labels: '{{count}} 个标签', retrain: '立即重新训练', retrained: '模型已重新训练', corrections: '上次训练后的人工更正', correctionsHint: '达到 {{count}} 条自动重新训练',
      threshold: '自动派单阈值', automaticShare: '自动派单比例', triageCount: '待确认', history: '训练历史', trigger: '触发方式', triggers: { seed: '演示数据', manual: '手动重新训练', schedule: '定时', corrections: '{{count}} 条人工更正' }, trainingMs: '耗时', none: '尚无模型（需要至少 10 条已关闭工单）',
    },
    form: { title: '我要报修', subtitle: '描述问题，可附最多 9 张照片；系统会自动派给负责的班组', titlePlaceholder: '例如：3楼会议室空调不制冷', categoryOptional: '类别（可不选，系统自动判断）', submit: '提交', submitted: '已提交，工单号 {{number}}' },
    photo: { add: '添加照片', hint: 'JPEG/PNG/WebP，每张不超过 10 MB，最多 9 张', typeError: '只支持 JPEG、PNG、WebP 图片', sizeError: '图片不能超过 10 MB', tooMany: '最多 9 张照片', uploaded: '照片已上传' },
    rating: { title: '评价处理结果', comment: '评价内容（可选）', submit: '提交评价', thanks: '感谢评价' },
  },
  telemetryHistory: {
    title: '历史曲线', metric: '指标', settings: '保留设置', average: '平均值', min: '最小值', max: '最大值', noMetrics: '尚无读数，无法绘制曲线', noData: '所选时间范围内没有数据', pickRange: '请选择起止时间',
    metricNames: { illuminance: '照度', pm10: 'PM10', noise: '噪声', voltage: '电压', current: '电流', flow_m3h: '流量', people_count: '人数', vehicle_count: '车辆数', battery: '电量百分比', signal_dbm: '信号强度', online: '心跳', fault: '故障', fire_alarm: '火警', altitude_m: '高度' },
    points: '{{count}} 个点', tiers: { raw: '原始数据', '1m': '1 分钟汇总', '1h': '1 小时汇总' },
    ranges: { '1h': '1 小时', '24h': '24 小时', '7d': '7 天', '30d': '30 天', custom: '自定义' },
    settingsTitle: '遥测历史保留设置', deviceType: '设备类型', rawDays: '原始数据', minuteDays: '1 分钟汇总', hourDays: '1 小时汇总', days: '天',
    default: '默认', custom: '已自定义', reset: '恢复默认', resetConfirm: '恢复该设备类型的默认保留天数？', saved: '保留设置已保存',
    rollupStatus: '汇总进度：已汇总至 {{watermark}}', retentionHint: '后台任务按设备类型删除超过保留期限的数据，每次只删除一小批，不影响数据接入。',
    orderRule: '保留天数须满足：原始数据 ≤ 1 分钟汇总 ≤ 1 小时汇总。保留设置对所有园区生效，仅公司级运营人员可修改。',
  },
  rules: {
    nav: '告警规则', title: '告警规则', subtitle: '阈值、变化率、静默等规则，按设备类型、位置或标签限定范围', new: '新建规则', edit: '编辑规则', created: '规则已创建',
    name: '名称', kind: '类型', severity: '级别', enabled: '启用', enabledOn: '规则已启用', enabledOff: '规则已停用', enabledOnly: '仅启用', disabledOnly: '仅停用',
    metricHint: '单位 {{unit}}；超出 {{min}} … {{max}} 的读数会被拒收', metric: '指标', operator: '比较', value: '阈值', hysteresis: '回差', hysteresisHint: '越限后须回到阈值∓回差以内才恢复，避免抖动',
    delta: '变化量', windowSeconds: '时间窗（秒）', direction: '方向', silentSeconds: '静默时长（秒）', condition: '条件',
    scope: '范围', park: '园区', deviceType: '设备类型', building: '楼栋', floor: '楼层', tag: '标签', description: '说明', wholePark: '全园区',
    emptyList: '暂无规则', deleteConfirm: '删除该规则？已产生告警的规则只能停用。',
    rateText: '{{metric}} {{seconds}} 秒内变化 ≥ {{delta}}（{{direction}}）', silentText: '{{seconds}} 秒无数据',
    conditions: '条件（全部满足）', attributeConditions: '属性条件', addCondition: '添加条件', groupBy: '按位置', groupByOptions: { floor: '同一楼层', building: '同一楼栋' },
    combinationHint: '同一位置上不同设备的读数在时间窗内满足全部条件时，对该位置产生一条告警', attributeHint: '事件数值属性须全部满足，例如 temperature >= 37.3',
    combinationText: '{{groupBy}} {{seconds}} 秒内：{{conditions}}', eventType: '事件类型', eventTypeHint: '如 fever（发热）、intrusion（入侵）',
    dryRun: '试运行（最近一天）', dryRunHint: '按当前填写的条件回放最近 24 小时的数据，不保存', dryRunSummary: '将触发 {{episodes}} 次（{{devices}} 台设备，{{readings}} 条读数，{{events}} 个事件）',
    dryRunTruncated: '历史数据过多，仅回放了前 20 万条', dryRunNone: '最近一天不会触发', subject: '设备/位置', firedAt: '触发', clearedAt: '恢复', stillFiring: '仍在告警', count: '次数', message: '说明',
    traceTitle: '规则追踪', traceNow: '现在', traceEmpty: '本园区暂无规则', verdict: '结果', why: '原因', time: '时间', stateBefore: '之前', stateAfter: '之后', op: '动作',
    verdicts: { firing: '触发', quiet: '未触发', no_data: '无数据', out_of_scope: '不在范围' }, ops: { raise: '产生告警', repeat: '重复', clear: '恢复' },
    action: '触发时下发指令', actionHint: '例如土壤湿度过低时开阀 600 秒', actionTarget: '目标设备', actionCommand: '指令', actionParams: '参数（JSON）', actionParamsInvalid: '须为 JSON 对象',
    shelves: {
      nav: '告警屏蔽', title: '告警屏蔽', subtitle: '检修期间屏蔽设备或区域（楼层、楼栋）的告警：期间告警仅记录、不升级', new: '新建屏蔽', created: '已屏蔽', scope: '范围', device: '设备',
      window: '维护时段', reason: '原因', state: '状态', active: '生效中', scheduled: '待生效', by: '操作人', end: '提前结束', endConfirm: '结束该屏蔽？之后的告警将正常产生。',
      empty: '当前没有屏蔽', until: '至', badge: '告警已屏蔽至 {{until}}', scopes: { device: '设备', floor: '楼层', building: '楼栋' },
    },
    notifications: { title: '通知', empty: '暂无通知', readAll: '全部已读' },
    kinds: { threshold: '阈值', rate_of_change: '变化率', silent: '设备静默', combination: '组合（按位置）', event: '设备事件' },
    severities: { critical: '紧急', major: '重要', minor: '次要', info: '提示' },
    directions: { rise: '上升', fall: '下降', any: '任意' },
  },
  deviceOps: {
    broker: {
      title: '接入地址', mode: '接入方式', modes: { embedded: '内置 MQTT broker', external: '外部 MQTT broker' }, mqtt: 'MQTT 地址', websocket: 'MQTT over WebSocket', off: '未启用',
      protocol: 'MQTT 版本',
      protocolEmbedded: 'MQTT 3.1.1（或 3.1）。内置 broker 拒绝 MQTT 5 客户端（报错码 132，不支持的协议版本），请将设备设为 3.1.1。',
      protocolExternal: '以外部 broker 支持的版本为准（MQTT 3.1.1 或 5）。',
      username: '用户名', publish: '可发布主题', subscribe: '可订阅主题', limits: '限制', limitsText: '每台设备 {{rate}} 条/秒（突发 {{burst}} 条），单条消息不超过 {{kb}} KB',
    },
    commands: {
      title: '下发指令', command: '指令', params: '参数', send: '发送', sent: '指令已下发', empty: '尚无指令', status: '状态', issuedAt: '下发时间', issuedBy: '发起方', attempts: '发送次数',
      finishedAt: '完成时间', detail: '设备回执', byRule: '规则', byUser: '用户', notActuator: '此类设备不接受指令', duration: '时长（分钟）', level: '亮度（%）', setpoint: '温度（°C）', mode: '模式',
      statuses: { pending: '待发送', sent: '已发送', acknowledged: '已确认', failed: '失败', timed_out: '超时' },
      names: {
        open_valve: '打开阀门', close_valve: '关闭阀门', lights_on: '开灯', lights_off: '关灯', set_brightness: '调节亮度', ac_on: '开空调', ac_off: '关空调', set_temperature: '设定温度',
        open_gate: '抬杆', close_gate: '落杆',
      },
    },
    import: { xlsxUpload: '选择 Excel 文件（.xlsx）', xlsxHint: 'Excel 文件取第一个工作表，第一行为表头，列与 CSV 相同。', xlsxRead: '已读取 {{name}}', sheetEmpty: '工作表为空' },
  },
  passesEvents: {
    nav: { myPass: '我的通行码', passes: '通行管理', events: '园区活动' },
    pass: {
      title: '我的通行码', qrAlt: '二维码', subtitle: '在闸机处出示二维码通行', refresh: '刷新二维码', validUntil: '二维码有效至 {{time}}', expiresIn: '{{seconds}} 秒后自动刷新',
      holder: '持有人', enterprise: '企业', passValid: '通行证有效期', noPass: '只有园区企业的职工才有通行码', offlineHint: '二维码已签名，闸机离线也可核验。',
      invite: '邀请访客', inviteTitle: '邀请访客', visitorName: '访客姓名', purpose: '来访事由', window: '来访时间', gates: '限定闸机（可选）',
      invited: '邀请已创建：请把链接发给访客', link: '访客链接', copyLink: '复制链接', myInvitations: '我发出的邀请', noInvitations: '暂无邀请',
      status: { active: '有效', upcoming: '未开始', expired: '已过期', revoked: '已作废' },
      kind: { member: '职工', visitor: '访客' },
      revoke: '作废', revokeTitle: '作废通行码', revokeReason: '作废原因', revoked: '已作废', cancelInvite: '取消邀请',
      visitorTitle: '访客通行码', visitorHello: '{{name}}，欢迎来访', visitorPark: '园区', visitorHost: '受访企业', visitorInvalid: '此通行码已失效', visitorNotFound: '链接无效或已被撤销',
    },
    admin: {
      title: '通行管理', subtitle: '通行码、访客邀请与闸机核验记录', passes: '通行码', scans: '核验记录', charts: '闸机通行统计（近 24 小时）',
      perHour: '每小时通行次数', byReason: '拒绝原因', accepted: '通过', rejected: '拒绝', gate: '闸机', time: '时间', result: '结果', reason: '原因',
      holder: '持有人', kind: '类型', via: '上报方式', validity: '有效期', status: '状态', filterKind: '类型', filterStatus: '状态', noScans: '暂无核验记录',
    },
    reasons: {
      ok: '通过', bad_format: '格式错误', unknown_key: '未知密钥', bad_signature: '签名无效', not_yet_valid: '未到有效期', expired: '已过期', wrong_park: '非本园区',
      wrong_site: '非本园点', wrong_gate: '非指定闸机', revoked: '已作废', replay: '重复通行', duplicate_nonce: '重复上报',
    },
    events: {
      title: '园区活动', subtitle: '报名、候补、签到与日历订阅', create: '发布活动', empty: '暂无活动', upcoming: '即将开始', all: '全部活动',
      fields: {
        title: '活动名称', description: '活动介绍', location: '地点', time: '活动时间', capacity: '名额', registration: '报名时间', requiresApproval: '需要审核', reminderMinutes: '提前提醒（分钟）',
      },
      seats: '已报名 {{confirmed}}/{{capacity}}', waitlist: '候补 {{count}} 人', pending: '待审核 {{count}} 人', checkedIn: '已签到 {{count}} 人',
      register: '报名', cancel: '取消报名', registered: '报名成功', waitlisted: '名额已满，已加入候补', cancelled: '已取消报名', cancelConfirm: '确定取消报名？名额将让给候补者。',
      regStatus: { pending: '待审核', confirmed: '已报名', waitlisted: '候补中', cancelled: '已取消', rejected: '未通过' },
      waitlistPosition: '候补第 {{position}} 位', checkInQr: '签到二维码', checkInHint: '到场后向工作人员出示此二维码', checkedInAt: '已于 {{time}} 签到',
      addToCalendar: '加入日历', subscribe: '订阅我的活动日历', subscribeHint: '在日历应用中添加此订阅地址，报名的活动会自动同步。', rotate: '重新生成地址',
      notOpen: '报名未开始', closed: '报名已结束', eventCancelled: '活动已取消', capacityBar: '已报名 {{count}}/{{capacity}} 人', cancelEvent: '取消活动', cancelEventConfirm: '确定取消此活动？',
      registrations: '报名名单', attendee: '报名人', enterprise: '企业', status: '状态', approve: '通过', reject: '拒绝', checkIn: '签到', checkInPlaceholder: '扫码或输入签到码', checkInOk: '{{name}} 签到成功',
      reminders: '活动提醒',
    },
  },
  memberHome: {
    nav: '首页', greeting: '{{name}}，您好', subtitle: '通行码、账单、停车、园区资讯与报修，一屏掌握', more: '全部', loadFailed: '加载失败',
    pass: { title: '我的通行码', open: '全屏出示', empty: '暂无通行码' },
    news: { title: '园区资讯', empty: '暂无资讯' },
    events: { title: '我的活动', empty: '还没有报名的活动，去看看' },
    bills: { title: '待缴账单', empty: '没有待缴账单', count: '待缴 {{count}} 笔', nextDue: '最近到期：{{date}}', overdue: '已逾期：{{date}} 到期', pay: '去缴费' },
    parking: { title: '停车', since: '{{at}} 入场 · 已停 {{minutes}} 分钟', feeSoFar: '当前费用', notParked: '您的车辆不在场内，各车场余位：', noLots: '暂无停车场', free: '余 {{count}} 位' },
    workOrders: { title: '我的报修', empty: '没有处理中的报修', openCount: '处理中 {{count}} 条', new: '我要报修' },
  },
  workorderSettings: {
    nav: '工单设置',
    title: '工单设置',
    subtitle: '维修班组、各类别与优先级的 SLA 时限，以及哪些告警自动生成工单',
    noPark: '还没有园区',
    edit: '编辑',
    saved: '已保存',
    openButton: '工单设置',
    tabs: { teams: '班组', sla: 'SLA 时限', rules: '告警派单规则' },
    teams: {
      new: '新建班组', edit: '编辑班组', name: '名称', kind: '类型', company: '物业公司', lead: '组长', categories: '负责类别', members: '成员数', memberList: '成员',
      kinds: { property: '物业班组', operator: '运营部门' },
    },
    sla: {
      hint: '每格为 响应 / 解决 时限（d 天、h 小时、m 分钟）。点击单元格修改；标“已调整”的格子不同于系统默认值。',
      category: '类别', editCell: '点击修改', overridden: '已调整', editTitle: '{{category}} · {{priority}} 的 SLA',
      responseMinutes: '响应时限（分钟）', resolutionMinutes: '解决时限（分钟）', resolutionBeforeResponse: '解决时限不能短于响应时限',
    },
    rules: {
      new: '新建派单规则', edit: '编辑派单规则', name: '名称', minSeverity: '最低告警级别', atLeast: '{{severity}}及以上', deviceType: '设备类型', alarmRule: '告警规则',
      category: '工单类别', priority: '优先级', enabled: '启用', on: '启用', off: '停用', any: '不限', auto: '自动判断',
    },
    severity: { critical: '紧急', major: '重要', minor: '次要', info: '提示' },
  },
  approvals: {
    nav: { inbox: '审批', flows: '审批流程' },
    modes: { all: '会签', any: '或签' },
    conditionFields: { amountFen: '金额', reliefFen: '减免金额', feeFen: '费用' },
    ops: { eq: '等于', ne: '不等于', gt: '大于', gte: '大于等于', lt: '小于', lte: '小于等于', in: '属于' },
    status: { in_progress: '审批中', approved: '已通过', rejected: '已驳回', returned: '待修改', withdrawn: '已撤回' },
    taskStatus: { pending: '待处理', approved: '已同意', rejected: '已驳回', returned: '已退回', transferred: '已转交', escalated: '已升级', cancelled: '无需处理' },
    actionTypes: { submit: '提交申请', approve: '同意', reject: '驳回', return: '退回修改', resubmit: '重新提交', withdraw: '撤回', transfer: '转交', add_approver: '加签', comment: '评论', remind: '催办', escalate: '超时升级' },
    flows: {
      title: '审批流程', subtitle: '按步骤配置审批人、会签或签、条件与时限；已被使用的流程修改后生成新版本', create: '新建流程', edit: '编辑流程', empty: '还没有审批流程',
      park: '园区', key: '流程标识', keyHint: '业务模块按此标识选用流程，如 services.general（小写字母、数字、_ . -）', name: '名称', nameZh: '中文名称', nameEn: '英文名称',
      steps: '步骤', step: '第 {{n}} 步', version: '版本', updatedAt: '更新时间', addStep: '添加步骤', removeStep: '删除此步骤',
      stepNameZh: '步骤名称（中文）', stepNameEn: '步骤名称（英文）', mode: '审批方式', approvers: '审批人', approversRequired: '至少需要一位审批人', addApprover: '添加审批人', removeApprover: '删除审批人', approverKind: '审批人类型',
      kinds: { user: '指定成员', park_operators: '本园区运营人员', enterprise_admin: '申请企业的管理员', role: '其他角色（保持不变）' },
      user: '成员', hasCondition: '仅在条件满足时需要此步骤', conditionField: '表单字段', conditionOp: '比较', conditionValue: '值', conditionHint: '"属于"可填多个值，用逗号分隔',
      dueHours: '处理时限（小时）', noDue: '不限', escalation: '超时后', escalations: { none: '不处理', notify: '通知园区运营', reassign: '通知并转交园区运营' },
    },
    inbox: {
      title: '审批', subtitle: '我的待办、我发起的申请与园区的审批单', tabs: { tasks: '我的待办', mine: '我发起的', park: '园区审批单' },
      empty: '没有待办的审批', noCases: '暂无审批单', step: '当前步骤', due: '截止时间', noDue: '不限',
    },
    case: {
      title: '事项', flow: '流程', applicant: '申请人', status: '状态', createdAt: '提交时间', steps: '审批步骤', history: '审批记录', system: '系统',
      toApplicant: '申请人', onlyWhen: '仅当 {{field}} {{op}} {{value}} 时', due: '截止 {{at}}',
    },
    actions: {
      approve: '同意', reject: '驳回', return: '退回修改', transfer: '转交', add_approver: '加签', comment: '评论', withdraw: '撤回', resubmit: '重新提交', remind: '催办',
      reason: '原因', commentText: '评论内容', optionalComment: '意见（选填）', textRequired: '请填写内容', user: '成员', returnTo: '退回到', done: '已提交', reminded: '已催办审批人',
      },
    },
  forms: {
    nav: '表单设计', title: '表单设计器', subtitle: '设计服务与申报表单：字段、类型、标签、必填与选项，实时预览并由服务器按同一规则校验',
    designer: {
      title: '字段', empty: '还没有字段，点击"添加字段"开始设计', fieldN: '字段 {{n}}', type: '类型', labelZh: '中文标签', labelEn: '英文标签', key: '字段标识',
      required: '必填', min: '最小值', max: '最大值', minFen: '最小金额（分）', maxFen: '最大金额（分）', maxLength: '最大长度', options: '选项', optionValue: '选项值',
      addOption: '添加选项', addField: '添加字段', moveUp: '上移', moveDown: '下移', invalidProp: '{{prop}}有误，请检查', invalidField: '此字段有误，请检查', needsField: '表单至少需要一个字段',
      props: { key: '字段标识', type: '类型', label: '标签', options: '选项', min: '最小值', max: '最大值', maxLength: '最大长度' },
    },
    types: {
      text: '单行文本', textarea: '多行文本', number: '数字', integer: '整数', money: '金额', date: '日期', select: '单选', multiselect: '多选',
      checkbox: '勾选确认', phone: '电话', email: '邮箱', file: '附件',
    },
    preview: {
      title: '预览', empty: '添加字段后在此预览表单', submit: '提交', choose: '请选择', upload: '上传文件', browserValidation: '浏览器校验',
      accepted: '服务器校验通过', refused: '服务器拒绝了提交：{{count}} 处错误', schema: '生成的 JSON Schema',
    },
    issues: {
      required: '必填', type: '类型不正确', minimum: '不能小于 {{limit}}', maximum: '不能大于 {{limit}}', maxLength: '最多 {{limit}} 个字符', format: '格式不正确',
      enum: '请选择列出的选项', uniqueItems: '选项不能重复', unknownField: '表单中没有此字段', nul: '包含不允许的字符', tooLarge: '提交内容过大', invalid: '输入无效',
    },
  },
  // The services section lives in sections/services.ts, so features edit their own file.
  services: servicesZh,
  // The policies section lives in sections/policies.ts, so features edit their own file.
  policies: policiesZh,
  // The bookings section lives in sections/bookings.ts, so features edit their own file.
  bookings: bookingsZh,
  // The IOC wall (park view, floor plans, carousel) lives in sections/iocWall.ts.
  iocWall: iocWallZh,
  // The relief section lives in sections/relief.ts, so features edit their own file.
  relief: reliefZh,
  // Role homes and the lead move-in live in sections/homes.ts.
  homes: homesZh,
  // The training section lives in sections/training.ts.
  training: trainingZh,
  // Third-party spot checks (sections/spotChecks.ts).
  spotChecks: spotChecksZh,
  // The on-site inspections section lives in sections/inspections.ts.
  inspections: inspectionsZh,
  // Drone patrols and fever screening (sections/patrols.ts).
  patrols: patrolsZh,
  // Property evaluation (园区+物业考核) lives in sections/evaluation.ts.
  evaluation: evaluationZh,
  // Evaluation outcomes (appeals, warnings, awards, reports, league table) live in sections/evaluationOutcomes.ts.
  evaluationOutcomes: evaluationOutcomesZh,
  // The returnToWork section lives in sections/returnToWork.ts, so features edit their own file.
  returnToWork: returnToWorkZh,
  // The notifications section lives in sections/notifications.ts: one sentence per notification kind.
  notifications: notificationsZh,
  // The surveys section lives in sections/surveys.ts, so features edit their own file.
  surveys: surveysZh,
  // Audit action and entity wording lives in sections/auditLog.ts.
  auditLog: auditLogZh,
  // Operator tools (roles, workbench, payer columns, exports) live in sections/operator.ts.
  operator: operatorZh,
  // The member app on a phone (tab bar, services, messages, me, full-screen pass, visitor sharing) lives in sections/memberApp.ts.
  memberApp: memberAppZh,
  // The enterprise people section lives in sections/people.ts.
  people: peopleZh,
  // What the server sends as codes and values (field errors, alarms, rule traces, metrics), worded here.
  codes: codesZh,
};
