/**
 * What `haze init`'s groups.yaml template left in (io/workspaceTemplate.ts): values a plan would print as if
 * they were the town's. Two kinds, by what printing them does:
 * - errors, where the printed plan would mislead: the template's base point (every route would start and end
 *   at a place that is not the town's) and its phone numbers (printed on each checklist as the number to call);
 * - warnings, where the placeholder shows itself for what it is: 某某镇, 组长姓名, 组员甲, 甲村 …
 * Other commands go on and say each as a warning; validate lists them with these severities.
 */
import { newProblem, type Problem, type Severity } from '../../core/problem.js';
import { CODE, type Text, type Where } from '../../errors.js';
import { TEMPLATE } from '../workspaceTemplate.js';
import { GROUPS_KIND } from './configFields.js';
import { keyPath } from './configWords.js';

interface GroupsValue {
  town: string;
  county: string;
  city: string;
  base: { name: string; lon: number; lat: number };
  groups: { leader: string; phone: string; members: string[]; villages: string[] }[];
}

export function templateLeftovers(g: GroupsValue, at: (path: (string | number)[]) => Where): Problem[] {
  const out: Problem[] = [];
  const left = (severity: Severity, path: (string | number)[], value: string, what: Text, hint: Text) => {
    const named = keyPath(path, GROUPS_KIND, g);
    out.push(
      newProblem({
        severity,
        code: CODE.HAZE_CONFIG_TEMPLATE_LEFTOVER,
        where: at(path),
        value,
        message: {
          zh: `${named.zh}：还是 haze init 模板里的"${value}"，${what.zh}`,
          en: `${named.en}: still the haze init template's "${value}"; ${what.en}`,
        },
        hint,
      }),
    );
  };
  const printed: Text = { zh: '会印在计划和检查清单上', en: 'it would be printed on the plans and checklists' };
  if (g.town === TEMPLATE.town)
    left('warning', ['town'], g.town, printed, { zh: '改成本镇名称，如 town: 薛埠镇', en: "write the town's name, e.g. town: 薛埠镇" });
  if (g.county === TEMPLATE.county)
    left('warning', ['county'], g.county, printed, { zh: '改成本区县名称，如 county: 金坛区', en: 'write the county, e.g. county: 金坛区' });
  if (g.city === TEMPLATE.city) left('warning', ['city'], g.city, printed, { zh: '改成本市名称，如 city: 常州市', en: 'write the city, e.g. city: 常州市' });
  if (g.base.name === TEMPLATE.baseName)
    left('warning', ['base', 'name'], g.base.name, printed, { zh: '改成出发地点的名称，如镇政府', en: 'write the name of where each day starts' });
  if (g.base.lon === TEMPLATE.base.lon && g.base.lat === TEMPLATE.base.lat) {
    left(
      'error',
      ['base', 'lon'],
      `${g.base.lon}, ${g.base.lat}`,
      { zh: '每条路线都会从这个不是本镇的地点出发和返回', en: 'every route would start and end at this point, which is not the town' },
      {
        zh: '在地图上取出发地点（镇政府）的经纬度填入 base 的 lon 和 lat；高德地图取的点把 coord_system 设为 gcj02',
        en: "take the base's (the town government's) coordinates from a map into base's lon and lat; for a point from Amap set coord_system: gcj02",
      },
    );
  }
  g.groups.forEach((grp, i) => {
    const p = (k: string) => ['groups', i, k];
    // One line a group for its names and one for its villages: the template has several of each.
    const names = [...new Set([grp.leader, ...grp.members].filter((m) => (TEMPLATE.members as readonly string[]).includes(m)))];
    if (names.length > 0)
      left('warning', grp.leader === TEMPLATE.leader ? p('leader') : p('members'), names.join('、'), printed, {
        zh: '改成组长和组员的姓名',
        en: "write the leader's and the members' names",
      });
    if ((TEMPLATE.phones as readonly string[]).includes(grp.phone))
      left(
        'error',
        p('phone'),
        grp.phone,
        { zh: '会作为组长电话印在每张检查清单上', en: "it would be printed on every checklist as the leader's phone" },
        { zh: '改成组长的电话（加引号），不知道就删去这一行', en: "write the leader's phone (in quotes), or remove the line" },
      );
    const villages = grp.villages.filter((v) => (TEMPLATE.villages as readonly string[]).includes(v));
    if (villages.length > 0)
      left(
        'warning',
        p('villages'),
        villages.join('、'),
        { zh: '这是模板的示例村名，这一组会分不到企业', en: 'example names, so the group would get no enterprise there' },
        { zh: '写清单"村社区"列里本组负责的村名', en: "write the villages of the list's 村社区 column this group covers" },
      );
  });
  return out;
}
