import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * UI text lives in zh-CN.ts and en.ts only. This guard scans every web source
 * file (outside i18n/ and tests) for Chinese characters in code — comments are
 * stripped first, so JSDoc may still name the Chinese term.
 */
const SRC = path.resolve(import.meta.dirname, '..');
const CJK = /[\u4e00-\u9fff]/;

/** Lines that may keep Chinese, each with the reason; keyed `relative/path.tsx: exact trimmed snippet`. */
const ALLOWED: Record<string, string> = {};

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'i18n' || e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.(test|spec)\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/**
 * Blanks out `//` and `/* *\/` comments, keeping line breaks so line numbers stay right.
 * Strings, template literals and regex-free code are walked so a `//` inside a string is not a comment.
 */
function stripComments(code: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < code.length) {
    const c = code[i];
    const next = code[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i += 1;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < code.length && code[i] !== '\n') i += 1;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const stop = end === -1 ? code.length : end + 2;
      out += code.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') quote = c;
    out += c;
    i += 1;
  }
  return out;
}

/** `file:line: text` for every line of code (not comment) with a Chinese character. */
function findHardcodedChinese(files: string[], root: string): string[] {
  const hits: string[] = [];
  for (const file of files) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    stripComments(fs.readFileSync(file, 'utf8'))
      .split('\n')
      .forEach((line, index) => {
        if (!CJK.test(line)) return;
        const text = line.trim();
        if (ALLOWED[`${rel}: ${text}`]) return;
        hits.push(`${rel}:${index + 1}: ${text}`);
      });
  }
  return hits;
}

describe('UI text only through i18n', () => {
  test('comments are stripped but strings are kept', () => {
    const code = "/** 园区 */\nconst a = '// 不是注释';\n// 注释\nconst b = 1; /* 多行\n注释 */ const c = `模板`;";
    const stripped = stripComments(code).split('\n');
    expect(stripped).toHaveLength(5);
    expect(CJK.test(stripped[0])).toBe(false);
    expect(stripped[1]).toContain('不是注释');
    expect(CJK.test(stripped[2])).toBe(false);
    expect(CJK.test(stripped[3])).toBe(false);
    expect(stripped[4]).toContain('模板');
    expect(stripped[4]).not.toContain('注释');
  });

  test('the scanner names file and line of Chinese text in code', () => {
    const dir = fs.mkdtempSync(path.join(import.meta.dirname, '.scan-'));
    try {
      const file = path.join(dir, 'Sample.tsx');
      fs.writeFileSync(file, "/** 示例 */\nexport const A = () => <span>{'ok'}</span>;\nexport const B = () => <span>保存</span>;\n");
      expect(findHardcodedChinese([file], dir)).toEqual(['Sample.tsx:3: export const B = () => <span>保存</span>;']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('English text uses straight quotes, which a CJK-first font stack does not draw full-width', () => {
    const lines = stripComments(fs.readFileSync(path.join(import.meta.dirname, 'en.ts'), 'utf8')).split('\n');
    const curly = lines.flatMap((line, i) => (/[\u2018\u2019\u201c\u201d]/.test(line) ? [`en.ts:${i + 1}: ${line.trim()}`] : []));
    expect(curly).toEqual([]);
  });

  test('no web source file outside i18n/ has Chinese characters in code', () => {
    const files = sourceFiles(SRC);
    // The scan must actually see the app, or it would pass by finding nothing.
    expect(files.length).toBeGreaterThan(100);
    const hits = findHardcodedChinese(files, SRC);
    expect(hits, `Move these texts to apps/web/src/i18n/zh-CN.ts and en.ts:\n${hits.join('\n')}`).toEqual([]);
  });
});
