/** The north arrow. The projection keeps north straight up, so the arrow always points to the top of the page. */
import { num, text } from './svg.js';

/** An arrow about 9 mm tall whose tip is at (x, y), with 北 (N) beneath it. */
export function renderNorthArrow(x: number, y: number, lang: 'zh' | 'en' = 'zh'): string {
  const w = 2.4;
  const h = 6.5;
  // Left half filled, right half white: reads as an arrow in colour and in black-and-white alike.
  return [
    '<g class="north-arrow">',
    `<path d="M${num(x)} ${num(y)} L${num(x - w)} ${num(y + h)} L${num(x)} ${num(y + h - 1.6)} Z" fill="#000"/>`,
    `<path d="M${num(x)} ${num(y)} L${num(x + w)} ${num(y + h)} L${num(x)} ${num(y + h - 1.6)} Z" fill="#fff" stroke="#000" stroke-width="0.25"/>`,
    text(x, y + h + 3, lang === 'en' ? 'N' : '北', { size: 2.8, anchor: 'middle' }),
    '</g>',
  ].join('');
}
