/** A record's name in the UI language (zh for zh-CN, en otherwise). */
export function localName(item: { nameZh: string; nameEn: string }, language: string): string {
  return language.startsWith('zh') ? item.nameZh : item.nameEn;
}
