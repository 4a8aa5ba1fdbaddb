import { describe, expect, it } from 'vitest';
import { csvField } from './csv-export';

describe('csvField formula defusing', () => {
  it('defuses the ASCII formula starts', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvField(`${start}1+1`).replace(/^"/, '')).toMatch(/^'/);
  });

  it('defuses fullwidth look-alikes that NFKC folds to a formula start', () => {
    expect(csvField('＝HYPERLINK("http://x")')).toBe(`"'＝HYPERLINK(""http://x"")"`);
    expect(csvField('＋1')).toBe("'＋1");
    expect(csvField('－1')).toBe("'－1");
    expect(csvField('＠SUM(A1)')).toBe("'＠SUM(A1)");
  });

  it('drops invisible characters before the check, so they cannot hide a formula', () => {
    expect(csvField('\u200B=cmd|calc')).toBe("'=cmd|calc"); // zero-width space
    expect(csvField('\uFEFF=1')).toBe("'=1"); // BOM
    expect(csvField('\u200D\u2060+1')).toBe("'+1"); // zero-width joiner, word joiner
    expect(csvField('\u0000=1')).toBe("'=1"); // NUL
    expect(csvField('\u0001\u001F-1')).toBe("'-1"); // other control characters
  });

  it('leaves ordinary answers alone', () => {
    expect(csvField('Tacos')).toBe('Tacos');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField('東京')).toBe('東京');
    expect(csvField(42)).toBe('42');
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
  });
});
