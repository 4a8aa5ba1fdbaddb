// @vitest-environment node
// Reads tokens.css from disk; no DOM needed (and under jsdom import.meta.url is not a file URL).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const css = readFileSync(fileURLToPath(new URL('./tokens.css', import.meta.url)), 'utf8').replace(
  /\/\*[\s\S]*?\*\//g,
  '',
);

/** `--color-*: #rrggbb` declarations in a piece of CSS. */
const colours = (block: string): Record<string, string> =>
  Object.fromEntries(
    [...block.matchAll(/--color-([\w-]+):\s*(#[0-9a-f]{6})\s*;/gi)].map(([, name, hex]) => [name!, hex!.toLowerCase()]),
  );

/** The body of the block that opens at `start` (the index of its `{`), braces balanced. */
function blockAt(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    if (text[i] === '}' && --depth === 0) return text.slice(start + 1, i);
  }
  throw new Error('unbalanced braces in tokens.css');
}

const darkStart = css.indexOf('@media (prefers-color-scheme: dark)');
const dark = blockAt(css, css.indexOf('{', darkStart));
const light = colours(css.slice(0, darkStart));
const themes = { light, dark: { ...light, ...colours(dark) } };

/** WCAG 2.1 relative luminance of an sRGB hex colour. */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG contrast ratio, 1–21. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const PANELS = ['bg', 'surface', 'surface-raised'];
const on = (fg: string, bgs: string[]): [string, string][] => bgs.map((bg) => [fg, bg]);

/** Text drawn on a background: WCAG 1.4.3 asks 4.5:1. */
const TEXT_PAIRS: [string, string][] = [
  ...on('text', [...PANELS, 'accent-soft', 'ok-soft', 'warning-bg']),
  ...on('text-muted', [...PANELS, 'accent-soft']),
  ...on('link', [...PANELS, 'accent-soft']),
  ...on('danger', PANELS),
  ...on('ok', [...PANELS, 'ok-soft']),
  ...on('accent-text', ['accent', 'accent-hover']),
  ['warning-text', 'warning-bg'],
  ...on('gold', PANELS),
  ...on('silver', PANELS),
  ...on('bronze', PANELS),
];

/** Control boundaries, bars and focus rings: WCAG 1.4.11 asks 3:1 against what is next to them. */
const UI_PAIRS: [string, string][] = [
  ...on('border-strong', PANELS),
  ...on('accent', PANELS),
  ...on('focus', [...PANELS, 'accent-soft']),
  ...on('bar', [...PANELS, 'bar-track', 'accent-soft']),
  ...on('bar-strong', ['bg', 'bar-track']),
  ...on('ok', ['bar-track']),
  ...on('warning-border', ['bg', 'warning-bg']),
];

describe.each(Object.entries(themes))('the %s theme', (_name, theme) => {
  const ratio = (fg: string, bg: string) => {
    const [a, b] = [theme[fg], theme[bg]];
    if (!a || !b) throw new Error(`tokens.css lacks --color-${a ? bg : fg}`);
    return Number(contrast(a, b).toFixed(2));
  };

  it.each(TEXT_PAIRS)('text %s on %s reaches 4.5:1', (fg, bg) => {
    expect(ratio(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(UI_PAIRS)('graphic %s next to %s reaches 3:1', (fg, bg) => {
    expect(ratio(fg, bg)).toBeGreaterThanOrEqual(3);
  });
});

describe('the contrast check itself', () => {
  it('computes the published ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('finds both themes in tokens.css, the dark one overriding every colour', () => {
    expect(Object.keys(themes.light).length).toBeGreaterThan(20);
    expect(Object.keys(colours(dark)).sort()).toEqual(Object.keys(themes.light).sort());
  });
});
