/**
 * The eight service systems (八大服务体系) a park's enterprise service platform (企业服务平台) offers services under.
 * Codes only; the names in both languages live in the web app's i18n (`services.systems.<code>`).
 * policy 政策申报 · networking 产业社交 · hr 人力资源资讯交流 · incubation 创业孵化 · brand 品牌宣传推广 ·
 * tech_support 全方位技术支撑 · finance 金融服务 · legal_ip 法律与知识产权.
 */
export const SERVICE_SYSTEMS = ['policy', 'networking', 'hr', 'incubation', 'brand', 'tech_support', 'finance', 'legal_ip'] as const;
export type ServiceSystem = (typeof SERVICE_SYSTEMS)[number];

/** A catalog entry is a service to request, or a link to the bookings or policies pages. */
export const SERVICE_KINDS = ['request', 'booking', 'policy'] as const;
export type ServiceKind = (typeof SERVICE_KINDS)[number];

/** Where a `booking` or `policy` catalog entry leads. */
export const SERVICE_KIND_LINKS: Record<Exclude<ServiceKind, 'request'>, string> = { booking: '/bookings', policy: '/policies' };

export const SERVICE_STATUSES = ['draft', 'published', 'retired'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];

/** Who handles a service: an operator department, a property company, or a vendor. */
export const SERVICE_HANDLER_TYPES = ['department', 'property_company', 'vendor'] as const;
export type ServiceHandlerType = (typeof SERVICE_HANDLER_TYPES)[number];

/** Who may apply: enterprise admins only, or their members too. */
export const SERVICE_APPLICANTS = ['admins', 'members'] as const;
export type ServiceApplicants = (typeof SERVICE_APPLICANTS)[number];

/**
 * A request's life: in review (the approval case runs) ⇄ returned for changes; then rejected, withdrawn,
 * or approved → in progress (the handler accepted it) → completed (with a result note, then rated).
 */
export const SERVICE_REQUEST_STATUSES = ['in_review', 'returned', 'rejected', 'withdrawn', 'approved', 'in_progress', 'completed'] as const;
export type ServiceRequestStatus = (typeof SERVICE_REQUEST_STATUSES)[number];
