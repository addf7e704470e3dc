import type { Widen } from '../messages';

/** The bookings section of the UI text: zh-CN is the reference, en has the same shape. */
export const bookingsZh = {};

export const bookingsEn: Widen<typeof bookingsZh> = {};
