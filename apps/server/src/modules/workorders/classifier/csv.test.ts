import { describe, expect, test } from 'vitest';
import { formatCsv, parseCsv, parseCsvRecords } from './csv';

describe('parseCsvRecords', () => {
  test.each([
    ['plain fields', 'a,b,c\n1,2,3\n', [['a', 'b', 'c'], ['1', '2', '3']]],
    ['CRLF line ends and no final newline', 'a,b\r\n1,2', [['a', 'b'], ['1', '2']]],
    ['quoted commas, doubled quotes and embedded newlines', 'x,y\n"1,5","say ""hi""\nthere"\n', [['x', 'y'], ['1,5', 'say "hi"\nthere']]],
    ['a leading byte-order mark', '\ufeffname\nv\n', [['name'], ['v']]],
    ['empty fields, including a trailing one', 'a,,c,\n', [['a', '', 'c', '']]],
    ['blank lines, which are skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['an empty quoted field', '"",x\n', [['', 'x']]],
    ['CJK text', '主题,内容\n路灯不亮,"请尽快维修，谢谢"\n', [['主题', '内容'], ['路灯不亮', '请尽快维修，谢谢']]],
  ])('reads %s', (_name, text, expected) => {
    expect(parseCsvRecords(text)).toEqual(expected);
  });

  test('rejects text that ends inside a quoted field', () => {
    expect(() => parseCsvRecords('a,"open\n')).toThrow(/quoted field/);
  });
});

describe('parseCsv', () => {
  test('keys rows by header, padding short rows and dropping extra fields', () => {
    expect(parseCsv('id,text,label\n1,hello\n2,hi,x,extra\n')).toEqual({
      header: ['id', 'text', 'label'],
      rows: [
        { id: '1', text: 'hello', label: '' },
        { id: '2', text: 'hi', label: 'x' },
      ],
    });
  });

  test('round-trips what formatCsv writes', () => {
    const records = [['a', 'b'], ['1,2', 'line\nbreak "quoted"']];
    expect(parseCsvRecords(formatCsv(records))).toEqual(records);
  });
});
