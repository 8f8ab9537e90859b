/** The printed checklist and plan pages as HTML: structure, names, escaping, self-containment, determinism. */
import { checkItems } from '../../../src/core/checklist.js';
import { planPatrols } from '../../../src/core/routing/planPatrols.js';
import { addDays } from '../../../src/core/time.js';
import type { ChecklistPage } from '../../../src/io/write/checklistText.js';
import { renderChecklistHtml } from '../../../src/io/write/html/checklistHtml.js';
import { escapeHtml } from '../../../src/io/write/html/escapeHtml.js';
import { planSheet, renderPlanHtml } from '../../../src/io/write/html/planHtml.js';
import { sampleTown } from '../../helpers/sampleTown.js';
import { clueChart } from '../../../src/core/evidence/clueChart.js';
import { at, checked, clue, input, measure, point, series, span } from '../../helpers/evidenceByHand.js';

const town = sampleTown();
const measures = town.measuresAt('orange');
const wd = town.setup.workingDay;
const since = { date: '2019-12-08', minutes: 14 * 60 };
const plan = planPatrols({
  level: 'orange',
  enterprises: town.list.enterprises,
  measures,
  setup: town.setup,
  seed: 1,
  days: [0, 1].map((i) => ({ date: addDays('2019-12-08', i), window: { start: i === 0 ? since.minutes : wd.start, end: wd.end, lunch: wd.lunch } })),
});
const byCode = new Map(town.list.enterprises.map((e) => [e.creditCode, e]));

function pagesFor(date: string, groupIds = town.setup.groups.map((g) => g.id)): ChecklistPage[] {
  return groupIds.map((id) => ({
    date,
    level: 'orange' as const,
    group: town.setup.groups.find((g) => g.id === id)!,
    visits: (plan.routes.find((r) => r.date === date && r.groupId === id)?.visits ?? []).map((v) => {
      const e = byCode.get(v.creditCode)!;
      const m = measures.get(v.creditCode)!;
      return { v, e, m, items: checkItems(e, m) };
    }),
  }));
}

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
const opts = { setup: town.setup, since, routes: plan.routes };

describe('checklist pages', () => {
  const pages = pagesFor('2019-12-08');
  const html = renderChecklistHtml(pages, opts);
  const visits = pages.reduce((n, p) => n + p.visits.length, 0);

  test('one cover per group and one sheet per visit', () => {
    expect(visits).toBeGreaterThan(10);
    expect(count(html, /<section class="page cover"/g)).toBe(pages.length);
    expect(count(html, /<section class="page visit"/g)).toBe(visits);
  });

  test('pages are numbered within each group: 第 N 页 / 共 M 页', () => {
    const numbers = [...html.matchAll(/第 (\d+) 页 \/ 共 (\d+) 页/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const expected = pages.flatMap((p) => Array.from({ length: p.visits.length + 1 }, (_, i) => [i + 1, p.visits.length + 1]));
    expect(numbers).toEqual(expected);
  });

  test("every enterprise of the day is named on its own sheet and in its group's route table, in visiting order", () => {
    for (const p of pages) {
      const cover = html.slice(html.indexOf(`<section class="page cover" data-group="${p.group.id}"`));
      const table = cover.slice(0, cover.indexOf('</table>', cover.indexOf('route-table')));
      const codes = [...table.matchAll(/<tr data-code="([^"]+)"/g)].map((m) => m[1]);
      expect(codes).toEqual(p.visits.map((cv) => cv.e.creditCode));
      for (const cv of p.visits) expect(html).toContain(`<h1 class="enterprise">${escapeHtml(cv.e.name)}</h1>`);
    }
  });

  test("the cover names the group, its leader's phone, the level and since when", () => {
    const g = town.setup.groups[0]!;
    expect(html).toContain(`${g.name} 现场检查清单`);
    expect(html).toContain(g.phone);
    for (const m of g.members.filter((x) => x !== g.leader)) expect(html).toContain(m);
    expect(html).toContain('橙色预警（Ⅱ级响应），自 2019-12-08 14:00 起执行');
    expect(html).toContain('2019年12月8日 星期日');
  });

  test('each visit sheet has its check items with three boxes each, signature lines and the check time', () => {
    const first = pages[0]!.visits[0]!;
    const sheet = html.slice(html.indexOf(`data-code="${first.e.creditCode}"`, html.indexOf('<section class="page visit"')));
    const one = sheet.slice(0, sheet.indexOf('</section>'));
    expect(count(one, /<tr data-item=/g)).toBe(first.items.length);
    expect(count(one, /<span class="box"><\/span>/g)).toBe(first.items.length * 3);
    for (const it of first.items) expect(one).toContain(escapeHtml(it.text));
    expect(one).toContain('检查人员（签字）');
    expect(one).toContain('企业现场负责人（签字）');
    expect(one).toContain('检查时间：2019年12月8日');
    expect(one).toContain(first.e.phone);
    expect(one).toContain(escapeHtml(first.m.text));
  });

  test('no records yet: 上次检查 无记录, 未整改问题 无; with records, they are shown', () => {
    expect(count(html, /<th>上次检查<\/th><td>无记录<\/td>/g)).toBe(visits);
    expect(count(html, /<th>未整改问题<\/th><td>无<\/td>/g)).toBe(visits);
    const withRecords = pagesFor('2019-12-08', ['1']);
    const first = withRecords[0]!.visits[0]!;
    first.lastInspection = { date: '2019-11-20', violations: [first.items[0]!, { id: 'note_1', text: '未按要求停产，已责令整改' }] };
    first.openFindings = [{ date: '2019-11-25', problem: '夜间生产 <偷排>', source: '省级暗查' }];
    const h = renderChecklistHtml(withRecords, opts);
    expect(h).toContain(`2019-11-20　不合格：${first.items[0]!.text}；未按要求停产，已责令整改`);
    expect(h).toContain('2019-11-25 夜间生产 &lt;偷排&gt;（省级暗查）');
    // In English an item of today's list is said in English; words recorded otherwise are quoted.
    const en = renderChecklistHtml(withRecords, { ...opts, lang: 'en' });
    expect(en).toContain(`2019-11-20　violation: ${escapeHtml(first.items[0]!.en)}; &quot;未按要求停产，已责令整改&quot;`);
    expect(en).toContain('2019-11-25 &quot;夜间生产 &lt;偷排&gt;&quot; (省级暗查)');
  });

  test('self-contained: no script, no stylesheet link, no image or font fetched, no outside address', () => {
    for (const bad of [/<script/i, /<link/i, /<img/i, /<iframe/i, /\bsrc=/i, /url\(/i, /@import/i, /@font-face/i, /https?:/i]) expect(html).not.toMatch(bad);
    expect(html).toMatch(/@page \{ size: A4;/);
    expect(html).toContain('"Microsoft YaHei"');
    expect(html).toContain('"Noto Sans CJK SC"');
  });

  test('text from the list is escaped', () => {
    const p = pagesFor('2019-12-08', ['1']);
    const cv = p[0]!.visits[0]!;
    p[0]!.visits[0] = { ...cv, e: { ...cv.e, name: '<script>alert("x")</script>&Co', address: 'a"b\'c' } };
    const h = renderChecklistHtml(p, opts);
    expect(h).not.toContain('<script>');
    expect(h).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;Co');
    expect(h).toContain('a&quot;b&#39;c');
  });

  test('the same pages give the same bytes', () => {
    expect(renderChecklistHtml(pagesFor('2019-12-08'), opts)).toBe(html);
  });

  test('a group with nothing to do that day gets one cover that says so', () => {
    const empty: ChecklistPage[] = [{ ...pagesFor('2019-12-08', ['1'])[0]!, visits: [] }];
    const h = renderChecklistHtml(empty, opts);
    expect(count(h, /<section class="page/g)).toBe(1);
    expect(h).toContain('当天无巡查任务');
    expect(h).toContain('第 1 页 / 共 1 页');
  });

  test('with the level given by hand there is no start time to print', () => {
    const h = renderChecklistHtml(pagesFor('2019-12-08', ['1']), { ...opts, since: null });
    expect(h).toContain('<td>橙色预警（Ⅱ级响应）</td>');
  });
});

describe('plan page', () => {
  const sheet = planSheet(plan, town.list.enterprises, town.setup, since);
  const html = renderPlanHtml(sheet);

  test("one sheet per planned day, every group's visits in its table in order", () => {
    const dates = [...new Set(plan.routes.map((r) => r.date))];
    expect(count(html, /<section class="page plan-day"/g)).toBe(dates.length);
    for (const date of dates) {
      const page = html.slice(html.indexOf(`data-date="${date}"`));
      const one = page.slice(0, page.indexOf('</section>'));
      for (const g of town.setup.groups) {
        const visits = plan.routes.find((r) => r.date === date && r.groupId === g.id)!.visits;
        const blocks = [
          ...one.matchAll(new RegExp(`<div class="plan-group" data-group="${g.id}">([\\s\\S]*?)</div>\\n?(?=<div class="plan-group"|</div>)`, 'g')),
        ]
          .map((m) => m[1]!)
          .join('');
        expect([...blocks.matchAll(/<tr data-code="([^"]+)">/g)].map((m) => m[1])).toEqual(visits.map((v) => v.creditCode));
        for (const v of visits) expect(one).toContain(escapeHtml(byCode.get(v.creditCode)!.name));
      }
      // Each group's area on the main map (a label drawn apart may add a small tongue of it; an inset draws it again).
      expect(new Set([...one.matchAll(/<polygon class="area" data-group="([^"]+)" data-panel="main"/g)].map((m) => m[1])).size).toBe(town.setup.groups.length);
      expect(count(one, /<polyline class="route"/g)).toBe(town.setup.groups.length);
    }
  });

  test('the legend names each group with its line pattern, for black-and-white copies', () => {
    expect(html).toContain('1 第一巡查组（实线）');
    expect(html).toContain('2 第二巡查组（虚线）');
    expect(html).toContain('3 第三巡查组（点划线）');
  });

  test('self-contained and deterministic', () => {
    for (const bad of [/<script/i, /<link/i, /\bsrc=/i, /url\(/i, /https?:/i]) expect(html).not.toMatch(bad);
    expect(renderPlanHtml(planSheet(plan, town.list.enterprises, town.setup, since))).toBe(html);
  });
});

describe('clues on the checklist pages', () => {
  const P = point('P1', 'production', '1#反应釜<炉>');
  const from = at('2019-12-08', '22:00');
  const to = at('2019-12-09', '05:30');
  const stop = measure('stop');
  const ev = input(
    [P],
    [series('P1', at('2019-12-07', '00:00'), at('2019-12-09', '08:00'), () => 60)],
    [span(at('2019-12-08', '14:00'), at('2019-12-09', '08:00'), stop)],
    at('2019-12-09', '08:00'),
  );
  const found = { ...clue('production_during_stop', ['P1'], from, to), says: { zh: '1#反应釜<炉> 夜间运行', en: 'reactor ran at night' } };
  const chart = clueChart(found, ev, checked({ P1: 60 }, [found]));

  test('a visit with clues gets a sheet of its own after its record sheet, with the chart, counted in the pages', () => {
    const pages = pagesFor('2019-12-08', ['1']);
    const plain = renderChecklistHtml(pages, opts);
    const visits = pages[0]!.visits.length;
    const withClue = renderChecklistHtml(
      [{ ...pages[0]!, visits: pages[0]!.visits.map((v, i) => (i === 0 ? { ...v, clues: [{ clue: found, chart }] } : v)) }],
      opts,
    );
    expect(count(plain, /class="page clues"/g)).toBe(0);
    expect(count(withClue, /class="page clues"/g)).toBe(1);
    expect(withClue).toContain('用电与门禁线索（数据提示，须现场核实）');
    expect(withClue).toContain(escapeHtml('1#反应釜<炉> 夜间运行'));
    expect(count(withClue, /<svg[^>]*class="use-chart"/g)).toBe(1);
    expect(withClue).toContain(`共 ${visits + 2} 页`);
    expect(plain).toContain(`共 ${visits + 1} 页`);
    // The clue sheet follows its visit's record sheet.
    const sheetOf = (i: number) => withClue.indexOf(`class="page visit" data-group="1" data-code="${pages[0]!.visits[i]!.e.creditCode}"`);
    const first = sheetOf(0);
    expect(first).toBeGreaterThan(0);
    expect(withClue.indexOf('class="page clues"')).toBeGreaterThan(first);
    expect(withClue.indexOf('class="page clues"')).toBeLessThan(sheetOf(1));
  });
});
