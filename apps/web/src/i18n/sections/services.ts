import type { Widen } from '../messages';

/** The services section of the UI text: zh-CN is the reference, en has the same shape. */
export const servicesZh = {};

export const servicesEn: Widen<typeof servicesZh> = {};
