import { chineseTime, noticeText } from '../../src/core/notice.js';
import { sampleTown } from '../helpers/sampleTown.js';

describe('the notice to an enterprise', () => {
  const town = sampleTown();
  const measures = town.measuresAt('orange');
  const stop = town.list.enterprises.find((e) => measures.get(e.creditCode)!.action === 'stop')!;

  test('times as notices write them', () => {
    expect(chineseTime({ date: '2019-12-08', minutes: 840 })).toBe('2019年12月8日14时');
    expect(chineseTime({ date: '2019-12-08', minutes: 870 })).toBe('2019年12月8日14时30分');
  });

  test("level, start, the enterprise's measure, the board, the contact", () => {
    const text = noticeText(stop, measures.get(stop.creditCode)!, {
      town: '金坛区',
      level: 'orange',
      from: { date: '2019-12-08', minutes: 840 },
      doc: '金大气应急指办〔2019〕5号',
      contact: { name: '第一巡查组汤建华', phone: '13961427085' },
    });
    expect(text).toContain(`${stop.name}：根据金大气应急指办〔2019〕5号，自2019年12月8日14时起金坛区启动重污染天气橙色预警（Ⅱ级响应）`);
    expect(text).toContain(measures.get(stop.creditCode)!.text);
    expect(text).toContain('一厂一策公示牌');
    expect(text).toContain('13961427085');
  });

  test("in English: the same facts, the enterprise's own measure quoted as written", () => {
    const m = measures.get(stop.creditCode)!;
    const text = noticeText(
      stop,
      m,
      {
        town: '金坛区',
        level: 'orange',
        from: { date: '2019-12-08', minutes: 840 },
        doc: '金大气应急指办〔2019〕5号',
        contact: { name: '第一巡查组 汤建华', phone: '13961427085' },
      },
      'en',
    );
    expect(text).toContain(
      `${stop.name}: Under 金大气应急指办〔2019〕5号, from 2019-12-08 14:00, 金坛区 is under the heavy-pollution-weather orange alert (level II response).`,
    );
    expect(text).toContain(`Your enterprise must: "${m.text}"`);
    expect(text).toContain('no non-road mobile machinery of China II or below on site');
    expect(text).toContain('Contact: 第一巡查组 汤建华, phone 13961427085.');
    expect(text).not.toContain('一厂一策');
  });

  test('a 保障类 plant is told once that it is exempt, then what it must still do', () => {
    const exempt = town.list.enterprises.find((e) => measures.get(e.creditCode)!.action === 'exempt')!;
    const m = measures.get(exempt.creditCode)!;
    const ctx = { town: '金坛区', level: 'orange' as const, from: null, doc: null, contact: { name: '第一巡查组', phone: '1' } };
    const told = noticeText(exempt, { ...m, text: '保障类不停产；禁止开停车、检修放空', extra: [] }, ctx);
    expect(told).toContain('贵单位属保障类，不停产不限产，但须执行：禁止开停车、检修放空。');
    expect(told).not.toContain('保障类不停产；');
    const only = noticeText(exempt, { ...m, text: '保障类，不停产不限产', extra: [] }, ctx);
    expect(only).toContain('贵单位属保障类，不停产不限产。');
    expect(only).not.toContain('但须执行');
  });
});
