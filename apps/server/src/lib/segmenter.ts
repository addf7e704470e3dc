import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | undefined;

/**
 * The process's one Chinese word segmenter (jieba, 分词) with its default dictionary: loading the dictionary takes a
 * few hundred milliseconds and some tens of MB, so the work-order classifier and the survey comments share it.
 */
export function chineseSegmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}
