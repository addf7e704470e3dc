import type { Widen } from '../messages';

/** The returnToWork section of the UI text: zh-CN is the reference, en has the same shape. */
export const returnToWorkZh = {};

export const returnToWorkEn: Widen<typeof returnToWorkZh> = {};
