/**
 * A required measure in the plain words an inspector reads aloud at the gate: what must be stopped or
 * limited, and whether heavy diesel trucks may come in. The measure's own text is printed beside it.
 */
import type { RequiredMeasure } from '../../../core/model.js';

export function measureInWords(m: RequiredMeasure): string {
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
