/** A mainland China mobile number (11 digits, 13x–19x), as visitors give it; spaces and dashes are dropped first. */
export const MAINLAND_MOBILE_RE = /^1[3-9]\d{9}$/;

/** Drops the separators people type into phone numbers (spaces, dashes) and a leading +86. */
export function normaliseMobile(raw: string): string {
  return raw.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
}

/** How often a requester may urge (催单) the same work order. */
export const URGE_INTERVAL_MINUTES = 60;

/** A Chinese vehicle plate (GA 36-2018), upper case without separators: the server's rule, for instant checks in forms. */
export const VEHICLE_PLATE_RE = /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]$/;

/** Upper case without spaces or separators, as plates are compared. */
export function normaliseVehiclePlate(plate: string): string {
  return plate.toUpperCase().replace(/[\s\-·.]/g, '');
}
