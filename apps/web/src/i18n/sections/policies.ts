import type { Widen } from '../messages';

/** The policies section of the UI text: zh-CN is the reference, en has the same shape. */
export const policiesZh = {};

export const policiesEn: Widen<typeof policiesZh> = {};
