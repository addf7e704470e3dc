import type { zhCN } from './zh-CN';

export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every language file has (zh-CN is the reference). */
export type Messages = Widen<typeof zhCN>;
