/** The plan as GPX 1.1: one route (rte) per group and day, from the base through the stops and back. */
import type { Point } from '../../core/model.js';

export interface GpxRoute {
  name: string;
  desc: string;
  stops: { location: Point; name: string; desc: string }[];
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function renderGpx(base: Point & { name: string }, routes: readonly GpxRoute[]): string {
  const pt = (p: Point, name: string, desc?: string) =>
    `    <rtept lat="${p.lat.toFixed(6)}" lon="${p.lon.toFixed(6)}"><name>${xml(name)}</name>${desc ? `<desc>${xml(desc)}</desc>` : ''}</rtept>`;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', '<gpx version="1.1" creator="haze" xmlns="http://www.topografix.com/GPX/1/1">'];
  for (const r of routes) {
    out.push('  <rte>', `    <name>${xml(r.name)}</name>`, `    <desc>${xml(r.desc)}</desc>`);
    out.push(pt(base, base.name));
    for (const s of r.stops) out.push(pt(s.location, s.name, s.desc));
    out.push(pt(base, base.name), '  </rte>');
  }
  out.push('</gpx>');
  return `${out.join('\n')}\n`;
}
