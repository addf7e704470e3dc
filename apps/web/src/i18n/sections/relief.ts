import type { Widen } from '../messages';

/** The relief section of the UI text: zh-CN is the reference, en has the same shape. */
export const reliefZh = {};

export const reliefEn: Widen<typeof reliefZh> = {};
