import { chineseSegmenter } from '../../lib/segmenter';

const DAY_MS = 86_400_000;
/** Asia/Shanghai has no daylight saving: UTC+8 all year. */
const LOCAL_OFFSET_MS = 8 * 3_600_000;

/** `YYYY-MM-DD` plus days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Asia/Shanghai calendar day of an instant. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant an Asia/Shanghai calendar day begins. */
export function localInstant(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - LOCAL_OFFSET_MS);
}

/** How many days before the close (the last day) the reminder goes out. */
export const REMINDER_DAYS_BEFORE_CLOSE = 2;

/**
 * Words that say nothing about the service in a comment (虚词, pronouns, degree words, generic verbs).
 * Single characters are dropped anyway; these are the common longer ones.
 */
export const STOP_WORDS = new Set(
  (
    '我们 你们 他们 她们 它们 我的 大家 自己 这个 那个 这些 那些 这里 那里 这样 那样 这么 那么 什么 怎么 为什么 ' +
    '可以 可能 应该 需要 希望 建议 觉得 感觉 认为 还是 就是 但是 而且 并且 所以 因为 如果 虽然 然后 或者 以及 还有 ' +
    '有点 有些 一些 一点 一下 一直 一般 已经 比较 非常 特别 十分 很多 太多 不少 总是 经常 有时 有时候 时候 目前 现在 ' +
    '之前 以后 以前 最近 每次 每天 没有 不是 不会 不能 不够 不太 不要 能够 能否 是否 出现 进行 存在 情况 问题 方面 ' +
    '整体 总体 基本 基本上 其他 其中 另外 同时 及时 园区 物业 公司 企业 我司 贵司 谢谢 感谢 满意 一个 两个 几个 ' +
    '的话 下午 上午 晚上 几次 好几次 多次 一次 之后 下来 起来 过来 出来 上去 以上 以下 这边 那边 一样 较为 更加 尤其 还有 也是 都是 就是 只是'
  ).split(/\s+/),
);

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const WORD = /^[\p{L}\p{N}]+$/u;

/**
 * The most frequent terms of free-text comments: segmented with jieba (the project's segmenter), punctuation,
 * numbers, single characters and stop words removed; a term counts once per comment (how many comments name it).
 * Ties are broken by the term, so the list is stable.
 */
export function topTerms(comments: readonly string[], limit = 30): { term: string; count: number }[] {
  const counts = new Map<string, number>();
  const jieba = chineseSegmenter();
  for (const c of comments) {
    const seen = new Set<string>();
    for (const raw of jieba.cut(c.normalize('NFKC'), false)) {
      const w = raw.trim().toLowerCase();
      if (!WORD.test(w) || /^\d+$/.test(w)) continue;
      if ([...w].length < 2) continue;
      if (!CJK.test(w) && w.length < 3) continue;
      if (STOP_WORDS.has(w)) continue;
      seen.add(w);
    }
    for (const w of seen) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, limit)
    .map(([term, count]) => ({ term, count }));
}
