/**
 * Small SVG writing helpers for the map: numbers with at most two decimals (the same plan gives the same
 * bytes, and 0.01 mm is finer than any printer), escaped text.
 */
import { escapeHtml } from '../html/escapeHtml.js';

export function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

export interface TextStyle {
  size: number;
  anchor?: 'start' | 'middle' | 'end';
  fill?: string;
  cls?: string;
  /** Centre the text vertically on y rather than sitting on it. */
  central?: boolean;
  /** A white outline under the letters, for a label drawn across lines (a chart's curves). */
  halo?: boolean;
}

export function text(x: number, y: number, content: string, style: TextStyle): string {
  const cls = style.cls ? ` class="${style.cls}"` : '';
  const fill = style.fill ? ` fill="${style.fill}"` : '';
  const baseline = style.central ? ' dominant-baseline="central"' : '';
  const halo = style.halo ? ' stroke="#fff" stroke-width="0.7" stroke-linejoin="round" paint-order="stroke"' : '';
  return `<text${cls} x="${num(x)}" y="${num(y)}" font-size="${num(style.size)}" text-anchor="${style.anchor ?? 'start'}"${baseline}${fill}${halo}>${escapeHtml(content)}</text>`;
}
