/**
 * How a patrol group looks on a map: a colour for colour print and, because most town offices print in
 * black and white, a line pattern and a marker shape that tell the groups apart without colour.
 */
import { num } from './svg.js';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

export interface GroupStyle {
  color: string;
  /** stroke-dasharray in mm; null for a solid line. */
  dash: string | null;
  marker: MarkerShape;
  /** The legend's word for the line pattern, for people reading a grey copy. */
  lineZh: string;
  lineEn: string;
}

export const GROUP_STYLES: readonly GroupStyle[] = [
  { color: '#1f5fae', dash: null, marker: 'circle', lineZh: '实线', lineEn: 'solid' },
  { color: '#c2185b', dash: '2.6 1.2', marker: 'square', lineZh: '虚线', lineEn: 'dashed' },
  { color: '#2e7d32', dash: '3 1 0.6 1', marker: 'triangle', lineZh: '点划线', lineEn: 'dash-dot' },
  { color: '#6d4c41', dash: '0.8 0.8', marker: 'diamond', lineZh: '点线', lineEn: 'dotted' },
];

export function groupStyle(index: number): GroupStyle {
  return GROUP_STYLES[index % GROUP_STYLES.length]!;
}

/** A marker of about the same visual weight whatever its shape, centred on (x, y). */
export function markerSvg(shape: MarkerShape, x: number, y: number, r: number, fill: string, stroke = '#fff', strokeWidth = 0.3): string {
  const paint = `fill="${fill}" stroke="${stroke}" stroke-width="${num(strokeWidth)}"`;
  switch (shape) {
    case 'circle':
      return `<circle cx="${num(x)}" cy="${num(y)}" r="${num(r)}" ${paint}/>`;
    case 'square': {
      const s = r * 0.9;
      return `<rect x="${num(x - s)}" y="${num(y - s)}" width="${num(2 * s)}" height="${num(2 * s)}" ${paint}/>`;
    }
    case 'triangle': {
      const t = r * 1.25;
      return `<path d="M${num(x)} ${num(y - t)} L${num(x + t * 0.87)} ${num(y + t * 0.5)} L${num(x - t * 0.87)} ${num(y + t * 0.5)} Z" ${paint}/>`;
    }
    case 'diamond': {
      const d = r * 1.2;
      return `<path d="M${num(x)} ${num(y - d)} L${num(x + d)} ${num(y)} L${num(x)} ${num(y + d)} L${num(x - d)} ${num(y)} Z" ${paint}/>`;
    }
  }
}
