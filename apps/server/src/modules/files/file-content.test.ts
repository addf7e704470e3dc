import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildImage } from '../../testing/files';
import { cleanFileName, contentDisposition, detectMimeType, makeThumbnail, stripImageMetadata } from './file-content';

let samples: Record<string, Buffer>;
beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('s').addRow([1]);
  samples = {
    png: await buildImage('png'),
    jpeg: await buildImage('jpeg'),
    webp: await buildImage('webp'),
    pdf: Buffer.from('%PDF-1.7\n%%EOF\n'),
    xlsx: Buffer.from(await wb.xlsx.writeBuffer()),
    exe: Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0)]),
    gif: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
    text: Buffer.from('just some text'),
    html: Buffer.from('<html><script>alert(1)</script></html>'),
  };
});

describe('detectMimeType (by content, never by name)', () => {
  test.each([
    ['png', 'image/png'],
    ['jpeg', 'image/jpeg'],
    ['webp', 'image/webp'],
    ['pdf', 'application/pdf'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['exe', 'application/x-msdownload'],
    ['gif', 'image/gif'],
    ['text', null],
    ['html', null],
  ])('%s → %s', async (sample, mime) => {
    expect(await detectMimeType(samples[sample])).toBe(mime);
  });
});

describe('makeThumbnail', () => {
  test('fits a landscape image into 320 px as WebP, and refuses bytes that do not decode', async () => {
    const sharp = (await import('sharp')).default;
    const meta = await sharp(await makeThumbnail(await buildImage('jpeg', { width: 2000, height: 1000 }))).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 160]);
    const small = await sharp(await makeThumbnail(await buildImage('png', { width: 100, height: 50 }))).metadata();
    expect([small.width, small.height]).toEqual([100, 50]);
    await expect(makeThumbnail(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]))).rejects.toThrow();
  });
});

describe('stripImageMetadata', () => {
  test.each([
    ['image/png', 'png'],
    ['image/webp', 'webp'],
  ] as const)('%s keeps its format, size, transparency and ICC profile, and loses its EXIF and XMP', async (mime, format) => {
    const sharp = (await import('sharp')).default;
    const base = sharp({ create: { width: 60, height: 30, channels: 4, background: { r: 10, g: 200, b: 90, alpha: 0.5 } } })
      .withExif({ IFD0: { Make: 'ParkPhone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 2/1' } })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
      .withIccProfile('p3');
    const tagged = await (format === 'png' ? base.png() : base.webp()).toBuffer();
    const before = await sharp(tagged).metadata();
    expect([Boolean(before.exif), Boolean(before.xmp), Boolean(before.icc)]).toEqual([true, true, true]);
    const meta = await sharp(await stripImageMetadata(tagged, mime)).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha, meta.exif, meta.xmp]).toEqual([format, 60, 30, true, undefined, undefined]);
    expect(meta.icc?.equals(before.icc!)).toBe(true);
  });

  test('refuses bytes that do not decode', async () => {
    await expect(stripImageMetadata(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(64, 2)]), 'image/jpeg')).rejects.toThrow();
  });
});

describe('contentDisposition and cleanFileName', () => {
  test.each([
    ['report.pdf', `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`],
    ['租赁合同（2026）.pdf', `attachment; filename="_____2026_.pdf"; filename*=UTF-8''${encodeURIComponent('租赁合同（2026）.pdf')}`],
    [`it's "x" (1).pdf`, `attachment; filename="it's _x_ (1).pdf"; filename*=UTF-8''it%27s%20%22x%22%20%281%29.pdf`],
  ])('%s', (name, header) => {
    expect(contentDisposition('attachment', name)).toBe(header);
  });

  test.each([
    ['C:\\Users\\张三\\简历.docx', '简历.docx'],
    ['../../etc/passwd', 'passwd'],
    ['a\u0000b\r\n.png', 'ab.png'],
    ['', 'file'],
    ['x'.repeat(300), 'x'.repeat(255)],
  ])('cleanFileName(%j) = %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });
});
