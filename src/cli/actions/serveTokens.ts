/**
 * The actions of `haze serve tokens` (list, make, revoke): the groups' links, each a token for one group and a
 * span of dates. A link is printed once, when it is made (only the token's hash is kept); the QR code of it goes
 * to the terminal, never into a pipe.
 */
import type { Command } from 'commander';
import { countOf } from '../../core/plural.js';
import { CODE, HazeError } from '../../errors.js';
import { listTokens, revokeToken, type ServeToken } from '../../io/store/serveTokens.js';
import type { Column } from '../../io/write/columns.js';
import { makeGroupLinks } from '../../workflow/groupLinks.js';
import { readStore, writeStore } from '../../workflow/storeDoor.js';
import { openWorkspace } from '../../workflow/town.js';
import { now } from '../clock.js';
import { parseDateFlag, parseGroupFlag } from '../flags.js';
import { readGlobals, usage } from '../globals.js';
import { openOutput, renderRows } from '../output.js';
import { openTown } from '../town.js';
import { cliVoice } from '../voice.js';

/** A QR code drawn with block characters, for a terminal. */
export async function terminalQr(url: string): Promise<string> {
  const QRCode = (await import('qrcode')).default;
  return QRCode.toString(url, { type: 'terminal', small: true });
}

/** The base of the links: --url, else haze.yaml serve.url, else an error saying to give --url. */
export function linkBaseOf(given: string | undefined, configured: string | null | undefined, flag = '--url'): string {
  const url = given ?? configured ?? null;
  if (url === null)
    throw new HazeError(CODE.HAZE_SERVE_NO_URL, { message: { zh: `请用 ${flag} 给出手机打开的地址`, en: `give the address phones open with ${flag}` } });
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(url.trim()))
    throw usage(
      { zh: `${flag} 的值"${url}"不是 http:// 或 https:// 地址`, en: `${flag}: "${url}" is not an http:// or https:// address` },
      { zh: '例如 http://192.168.1.20:8080', en: 'e.g. http://192.168.1.20:8080' },
    );
  return url.trim();
}

const TOKEN_COLUMNS: Column<ServeToken>[] = [
  { key: 'id', zh: '编号', en: 'id', value: (t) => t.id },
  { key: 'group', zh: '组', en: 'group', value: (t) => t.groupId },
  { key: 'from', zh: '起', en: 'from', value: (t) => t.fromDate },
  { key: 'to', zh: '止', en: 'to', value: (t) => t.toDate },
  { key: 'label', zh: '说明', en: 'label', value: (t) => t.label },
  { key: 'created', zh: '生成时间', en: 'created', value: (t) => t.createdAt },
  { key: 'revoked', zh: '作废时间', en: 'revoked', value: (t) => t.revokedAt },
];

export async function listAction(_opts: unknown, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const out = openOutput(g, voice, ['table', 'csv', 'json'] as const, 'table');
  const ws = openWorkspace(g, voice);
  const rows = readStore(ws, listTokens, []);
  out.emit(renderRows(out, out.format, rows, TOKEN_COLUMNS));
}

export interface MakeOpts {
  group?: string;
  date?: string;
  from?: string;
  to?: string;
  label?: string;
  url?: string;
}

export async function makeAction(opts: MakeOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  if (!opts.group)
    throw usage(
      { zh: '请用 --group 指定巡查组', en: 'give the group with --group' },
      { zh: '例如 --group 1，或 --group all', en: 'e.g. --group 1, or --group all' },
    );
  if (opts.date && (opts.from || opts.to)) throw usage({ zh: '--date 与 --from/--to 只给一种', en: 'give --date or --from/--to, not both' });
  const today = now().date;
  const fromDate = opts.date ? parseDateFlag(opts.date) : opts.from ? parseDateFlag(opts.from, '--from') : today;
  const toDate = opts.date ? fromDate : opts.to ? parseDateFlag(opts.to, '--to') : fromDate;
  if (toDate < fromDate) throw usage({ zh: `--to ${toDate} 早于 --from ${fromDate}`, en: `--to ${toDate} is before --from ${fromDate}` });
  const town = await openTown(g, voice, null);
  if (town.ws.noStore || town.ws.fromSample.all)
    throw new HazeError(CODE.HAZE_SERVE_NO_WORKSPACE, {
      message: { zh: '这里没有工作区（haze.yaml），没有保存链接的数据库', en: 'there is no workspace here (haze.yaml): no store to keep the links in' },
    });
  const base = linkBaseOf(opts.url, town.ws.serveUrl);
  const picked = parseGroupFlag(opts.group, town.setup.groups, { all: true });
  const groups = picked === 'all' ? town.setup.groups : town.setup.groups.filter((x) => x.id === picked);
  const links = makeGroupLinks(town.ws, groups, { fromDate, toDate, label: opts.label ?? '', createdAt: new Date().toISOString(), base });
  const tty = process.stderr.isTTY === true;
  for (const l of links) {
    process.stdout.write(`${l.url}\n`);
    if (tty) process.stderr.write(`${l.group.name}（${l.row.id}）\n${await terminalQr(l.url)}\n`);
  }
  const span = fromDate === toDate ? fromDate : `${fromDate} – ${toDate}`;
  voice.say({
    zh: `已生成 ${links.length} 个链接（${span}，${links.map((l) => `${l.group.name} ${l.row.id}`).join('、')}）；作废：haze serve tokens revoke 编号`,
    en: `made ${countOf(links.length, 'link')} (${span}, ${links.map((l) => `${l.group.name} ${l.row.id}`).join(', ')}); revoke with haze serve tokens revoke ID`,
  });
}

export async function revokeAction(ids: string[], _opts: unknown, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const ws = openWorkspace(g, voice);
  const at = new Date().toISOString();
  const wanted = [...new Set(ids.map((x) => x.trim().toLowerCase()))];
  // All or nothing: an unknown id revokes none of them.
  const unknown = readStore(
    ws,
    (db) => {
      const known = new Set(listTokens(db).map((t) => t.id));
      return wanted.filter((id) => !known.has(id));
    },
    wanted,
  );
  if (unknown.length > 0)
    throw new HazeError(CODE.HAZE_SERVE_TOKEN_UNKNOWN, {
      where: { file: ws.dbFile },
      message: {
        zh: `没有编号为 ${unknown.join('、')} 的链接，未作废任何链接`,
        en: `no link with id ${unknown.join(', ')}; nothing was revoked`,
      },
    });
  writeStore(ws, (db) => db.transaction(() => wanted.forEach((id) => revokeToken(db, id, at)))());
  voice.say({
    zh: `已作废 ${wanted.join('、')}：用它打开的手机不能再录入`,
    en: `revoked ${wanted.join(', ')}: phones with ${wanted.length === 1 ? 'that link' : 'those links'} can no longer enter results`,
  });
}
