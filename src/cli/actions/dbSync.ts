/**
 * The actions of `haze db push`, `haze db pull` and `haze db conflicts` (their help: ../commands/db.ts): the
 * town's work offline sent to the district, the district's findings and alert decisions brought down, and
 * what two places recorded differently listed for a person to settle. Messages on stderr, the URL masked.
 */
import type { Command } from 'commander';
import { formatWallTime, fromInstant } from '../../core/time.js';
import type { Text } from '../../errors.js';
import type { Column } from '../../io/write/columns.js';
import { renderJson } from '../../io/write/json.js';
import type { ConflictListed } from '../../io/store/district/conflicts.js';
import { PUSH_TABLES, type PushOutcome, type PushTable } from '../../io/store/district/push.js';
import { pullTown, pushTown, townConflicts } from '../../workflow/districtSync.js';
import { districtUrl, townIdentity } from '../../workflow/districtUrl.js';
import { resolveWorkspace } from '../../io/read/workspace.js';
import { openWorkspace } from '../../workflow/town.js';
import { now } from '../clock.js';
import { readGlobals, type Globals } from '../globals.js';
import { openOutput, renderRows } from '../output.js';
import { openTown, openTownWithEvidence } from '../town.js';
import { cliVoice, type CliVoice } from '../voice.js';

/** The tables in people's words. */
const TABLE_WORDS: Record<PushTable, Text> = {
  imports: { zh: '导入', en: 'imports' },
  alert_events: { zh: '预警记录', en: 'alert events' },
  inspections: { zh: '检查', en: 'inspections' },
  inspection_versions: { zh: '检查更正', en: 'inspection corrections' },
  results: { zh: '检查结果', en: 'results' },
  findings: { zh: '暗查问题', en: 'findings' },
  plans: { zh: '方案', en: 'plans' },
  planned_visits: { zh: '计划检查', en: 'planned visits' },
  planned_routes: { zh: '计划路线', en: 'planned routes' },
  plan_of_record: { zh: '执行方案', en: 'plans of record' },
  clues: { zh: '线索', en: 'clues' },
};

/** "检查结果 120、线索 8" — the tables with a count, in the order they are sent. */
function perTable(out: PushOutcome, count: (t: PushTable) => number, lang: 'zh' | 'en'): string {
  return PUSH_TABLES.filter((t) => count(t) > 0)
    .map((t) => `${TABLE_WORDS[t][lang]} ${count(t)}`)
    .join(lang === 'zh' ? '、' : ', ');
}

export function pushWords(o: PushOutcome, shownUrl: string, lang: 'zh' | 'en'): Text[] {
  const sent = perTable(o, (t) => o.tables[t].new, lang);
  const moved = perTable(o, (t) => o.tables[t].moved, lang);
  const conflicts = PUSH_TABLES.reduce((n, t) => n + o.tables[t].conflicts, 0);
  const lines: Text[] = [];
  const last = o.lastPushAt === null ? null : formatWallTime(fromInstant(o.lastPushAt));
  if (!sent && !moved && o.list === 'same') {
    lines.push({
      zh: `${shownUrl}：没有新内容，区级数据库已有本乡镇的全部记录${last ? `（上次报送 ${last}）` : ''}`,
      en: `${shownUrl}: nothing new; the district already holds everything of this town${last ? ` (last push ${last})` : ''}`,
    });
  } else {
    const list = {
      new: { zh: '；清单已报送', en: '; the list sent' },
      replaced: { zh: '；清单有变，已更新', en: '; the list changed and was sent again' },
      same: { zh: '', en: '' },
    }[o.list];
    lines.push({
      zh: `已报送到 ${shownUrl}：${sent ? `新增 ${sent}` : '没有新记录'}${moved ? `；更新 ${moved}` : ''}${list.zh}`,
      en: `pushed to ${shownUrl}: ${sent ? `new ${sent}` : 'no new rows'}${moved ? `; moved forward ${moved}` : ''}${list.en}`,
    });
  }
  if (conflicts > 0) {
    const fresh = o.conflictsRecorded;
    lines.push({
      zh: `${conflicts} 处与区级数据库记录不同（${fresh > 0 ? `新发现 ${fresh} 处` : '都已列出'}），两边的版本都保留，没有覆盖：用 haze db conflicts 查看`,
      en: `${conflicts} ${conflicts === 1 ? 'row differs' : 'rows differ'} from the district's (${fresh > 0 ? `${fresh} newly found` : 'all listed already'}); both versions are kept, nothing was overwritten: see haze db conflicts`,
    });
  }
  return lines;
}

async function push(g: Globals, voice: CliVoice, given: string | undefined): Promise<void> {
  // The town and the database first, before the list and the evidence are read (loading the town says the rest).
  const ws = resolveWorkspace(g);
  const identity = townIdentity(ws);
  const url = districtUrl(ws, given, g.districtDb);
  const startedAt = new Date().toISOString();
  const town = await openTownWithEvidence(g, voice, null);
  const done = await pushTown(town, identity, url, now(), startedAt);
  for (const line of pushWords(done, done.shownUrl, g.lang)) voice.say(line);
}

async function pull(g: Globals, voice: CliVoice, given: string | undefined): Promise<void> {
  const ws = resolveWorkspace(g);
  const identity = townIdentity(ws);
  const url = districtUrl(ws, given, g.districtDb);
  const town = await openTown(g, voice, null);
  const done = await pullTown(town, identity, url, new Date().toISOString());
  if (done.findings === 0 && done.alertEvents === 0) {
    voice.say({ zh: `${done.shownUrl}：没有新内容`, en: `${done.shownUrl}: nothing new` });
    return;
  }
  voice.say({
    zh: `已从 ${done.shownUrl} 取回：暗查问题 ${done.findings}、预警记录 ${done.alertEvents}（${ws.dbFile}）`,
    en: `pulled from ${done.shownUrl}: findings ${done.findings}, alert events ${done.alertEvents} (${ws.dbFile})`,
  });
}

const conflictColumns: Column<ConflictListed>[] = [
  { key: 'id', zh: '编号', en: 'id', value: (c) => c.id },
  { key: 'table', zh: '表', en: 'table', value: (c) => c.tbl },
  { key: 'subject', zh: '内容', en: 'subject', value: (c) => c.subject, wrap: true },
  { key: 'district_version', zh: '区级的版本', en: 'district version', value: (c) => JSON.stringify(c.districtVersion), wrap: true },
  { key: 'town_version', zh: '本乡镇的版本', en: 'town version', value: (c) => JSON.stringify(c.townVersion), wrap: true },
  { key: 'found_at', zh: '发现时间', en: 'found at', value: (c) => c.foundAt, drop: 1 },
  { key: 'uid', zh: 'uid', en: 'uid', value: (c) => c.uid, dataOnly: true },
];

async function conflicts(g: Globals, voice: CliVoice, given: string | undefined): Promise<void> {
  const out = openOutput(g, voice, ['table', 'csv', 'json'] as const, 'table');
  const ws = openWorkspace(g, voice);
  const identity = townIdentity(ws);
  const url = districtUrl(ws, given, g.districtDb);
  const listed = await townConflicts(identity, url);
  if (out.format === 'json') {
    // The versions as JSON objects, not as text in a cell.
    out.emit(
      renderJson(
        listed.conflicts.map((c) => ({
          id: c.id,
          table: c.tbl,
          uid: c.uid,
          subject: c.subject,
          district_version: c.districtVersion,
          town_version: c.townVersion,
          found_at: c.foundAt,
        })),
      ),
    );
  } else out.emit(renderRows(out, out.format, listed.conflicts, conflictColumns));
  const n = listed.conflicts.length;
  voice.say(
    n === 0
      ? { zh: `${listed.shownUrl}：${identity.name}没有未处理的冲突`, en: `${listed.shownUrl}: no conflicts to settle for ${identity.name}` }
      : {
          zh: `${listed.shownUrl}：${identity.name}有 ${n} 处冲突待处理`,
          en: `${listed.shownUrl}: ${n} ${n === 1 ? 'conflict' : 'conflicts'} to settle for ${identity.name}`,
        },
  );
}

export async function pushAction(url: string | undefined, _opts: unknown, c: Command): Promise<void> {
  const g = readGlobals(c);
  return push(g, cliVoice(g), url);
}

export async function pullAction(url: string | undefined, _opts: unknown, c: Command): Promise<void> {
  const g = readGlobals(c);
  return pull(g, cliVoice(g), url);
}

export async function conflictsAction(url: string | undefined, _opts: unknown, c: Command): Promise<void> {
  const g = readGlobals(c);
  return conflicts(g, cliVoice(g), url);
}
