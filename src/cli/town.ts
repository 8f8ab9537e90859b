/** The town as the command line asks for it: the global flags as a request, a progress line on a terminal. */
import type { LoadedList } from '../io/read/loadList.js';
import { progressLine } from '../io/read/loadProgress.js';
import { townEvidence } from '../workflow/evidence.js';
import { loadTown, type Town, type TownRequest } from '../workflow/town.js';
import type { Globals } from './globals.js';
import type { Output } from './output.js';
import type { CliVoice } from './voice.js';

export function townRequest(g: Globals): TownRequest {
  return {
    cwd: g.cwd,
    list: g.list,
    groups: g.groups,
    rules: g.rules,
    db: g.db,
    encoding: g.encoding,
    sheet: g.sheet,
    progress: process.stderr.isTTY ? (total: number | null) => progressLine(process.stderr, { total, lang: g.lang }) : undefined,
  };
}

/** Load the town, and say when --encoding gb18030 was not used to read the list (what it then applies to). */
export async function openTown(g: Globals, voice: CliVoice, out: Pick<Output<string>, 'encoding'> | null): Promise<Town> {
  const town = await loadTown(townRequest(g), voice);
  sayEncodingIgnored(town.list, g, voice, out);
  return town;
}

/** The town with its power and gate records: for the commands that rank, check or report by them. */
export async function openTownWithEvidence(g: Globals, voice: CliVoice, out: Pick<Output<string>, 'encoding'> | null): Promise<Town> {
  const town = await openTown(g, voice, out);
  return { ...town, evidence: await townEvidence(town) };
}

export function sayEncodingIgnored(list: LoadedList, g: Globals, voice: CliVoice, out: Pick<Output<string>, 'encoding'> | null): void {
  if (!list.encodingIgnored) return;
  const as =
    list.encoding === 'xlsx' ? { zh: '是 Excel 工作簿', en: 'is a workbook' } : { zh: '是 UTF-8 编码，按 UTF-8 读取', en: 'is UTF-8 and is read as such' };
  const csvOut = out?.encoding === 'gb18030' && !g.outputEncoding;
  voice.say({
    zh: `清单${as.zh}；--encoding gb18030 ${csvOut ? '只用于输出的 CSV' : '未使用'}`,
    en: `the list ${as.en}; --encoding gb18030 ${csvOut ? 'applies to the CSV written only' : 'is not used'}`,
  });
}
