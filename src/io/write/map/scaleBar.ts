/**
 * The scale bar: a round length (1, 2 or 5 times a power of ten kilometres) so that an inspector can
 * measure by eye, drawn as two alternating black and white halves, which survive black-and-white print.
 */
import { num, text } from './svg.js';

const STEPS = [1, 2, 5];

/** The longest round length (km) whose bar is at most `maxMm` long at this scale. */
export function roundScaleKm(mmPerKm: number, maxMm: number): number {
  const maxKm = maxMm / mmPerKm;
  let best = 0;
  for (let exp = -2; exp <= 4; exp++) {
    for (const s of STEPS) {
      const km = s * 10 ** exp;
      if (km <= maxKm + 1e-9) best = km;
    }
  }
  // Never nothing: even a very tight box gets the shortest bar.
  return best > 0 ? Number(best.toPrecision(3)) : 0.01;
}

/** Labels in the bar's unit: kilometres from 1 km up (0, 0.5, 1), metres below (0, 250, 500). */
function unitLabel(km: number, barKm: number): string {
  return barKm >= 1 ? String(Number(km.toPrecision(3))) : String(Math.round(km * 1000));
}

/** SVG for a bar whose left end is at (x, y), the baseline of its labels below it. */
export function renderScaleBar(mmPerKm: number, x: number, y: number, maxMm: number, lang: 'zh' | 'en' = 'zh'): string {
  const km = roundScaleKm(mmPerKm, maxMm);
  const len = km * mmPerKm;
  const unit = lang === 'en' ? (km >= 1 ? 'km' : 'm') : km >= 1 ? '公里' : '米';
  const h = 1.2;
  const half = len / 2;
  return [
    `<g class="scale-bar" data-km="${km}" data-mm="${num(len)}">`,
    `<rect x="${num(x)}" y="${num(y)}" width="${num(half)}" height="${h}" fill="#000" stroke="#000" stroke-width="0.2"/>`,
    `<rect x="${num(x + half)}" y="${num(y)}" width="${num(half)}" height="${h}" fill="#fff" stroke="#000" stroke-width="0.2"/>`,
    text(x, y + h + 2.6, '0', { size: 2.4, anchor: 'middle' }),
    text(x + half, y + h + 2.6, unitLabel(km / 2, km), { size: 2.4, anchor: 'middle' }),
    text(x + len, y + h + 2.6, unitLabel(km, km), { size: 2.4, anchor: 'middle' }),
    text(x + len + 2, y + h + 0.2, unit, { size: 2.4, anchor: 'start' }),
    '</g>',
  ].join('');
}
