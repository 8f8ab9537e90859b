/**
 * A required measure in the plain words an inspector reads aloud at the gate: what must be stopped or
 * limited, and whether heavy diesel trucks may come in. The measure's own text is printed beside it.
 */
import type { RequiredMeasure } from '../../../core/model.js';
import { quoted } from '../../../core/ownWords.js';

export function measureInWords(m: RequiredMeasure, lang: 'zh' | 'en' = 'zh'): string {
  if (lang === 'en') return measureInEnglish(m);
  const pct = m.limitPct !== null ? `${m.limitPct}%` : null;
  let main: string;
  switch (m.action) {
    case 'stop':
      main = '全厂停产：全部生产设施停止运行';
      break;
    case 'stop_part':
      main =
        m.processes.length > 0
          ? `部分停产：停止${m.processes.join('、')}${pct ? `（压减约 ${pct}）` : ''}`
          : `部分停产：按措施停止相应生产线${pct ? `（压减约 ${pct}）` : ''}`;
      break;
    case 'limit':
      main = pct ? `限产：产量或负荷压减 ${pct}` : '限产：按措施压减产量或负荷';
      break;
    case 'self':
      main = '自主减排：企业自行采取减排措施';
      break;
    case 'exempt':
      main = '保障类企业：按保障任务生产，不得要求停产';
      break;
    case 'none':
      main = '本级别无生产管控措施';
      break;
  }
  return m.truckBan ? `${main}；禁止国四及以下重型柴油货车进出` : main;
}

/** The same words in English; the processes named in the enterprise's text are quoted as it writes them. */
function measureInEnglish(m: RequiredMeasure): string {
  const pct = m.limitPct !== null ? `${m.limitPct}%` : null;
  let main: string;
  switch (m.action) {
    case 'stop':
      main = 'Whole plant stopped: all production stops';
      break;
    case 'stop_part':
      main =
        m.processes.length > 0
          ? `Partial stop: stop ${m.processes.map(quoted).join(', ')}${pct ? ` (about ${pct} less)` : ''}`
          : `Partial stop: stop the lines the measure names${pct ? ` (about ${pct} less)` : ''}`;
      break;
    case 'limit':
      main = pct ? `Limit: output or load down by ${pct}` : 'Limit: output or load down as the measure says';
      break;
    case 'self':
      main = 'Self-managed: the enterprise takes its own reduction measures';
      break;
    case 'exempt':
      main = 'Essential enterprise: produces for its essential task; must not be ordered to stop';
      break;
    case 'none':
      main = 'No production measure at this level';
      break;
  }
  return m.truckBan ? `${main}; no heavy diesel trucks of China IV or below in or out` : main;
}
