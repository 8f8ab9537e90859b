/**
 * `haze db roles` (the SQL of the district database's roles and grants: printed, or run with --apply) and
 * `haze db account` (what the district database says of the account a connection string logs in as: its
 * town, and how many rows of each table it sees). Help: ../commands/db.ts.
 */
import type { Command } from 'commander';
import { renderJson } from '../../io/write/json.js';
import { isRoleName, isTownCode, printedRolesSql, townRole, DISTRICT_GROUP, type RolesRequest } from '../../io/store/district/roles.js';
import { applyRoles, districtAccount } from '../../workflow/districtRoles.js';
import { districtUrl, townIdentity } from '../../workflow/districtUrl.js';
import { openWorkspace } from '../../workflow/town.js';
import { readGlobals, usage } from '../globals.js';
import { openOutput } from '../output.js';
import { cliVoice } from '../voice.js';

interface RolesOpts {
  town?: string[];
  districtRole?: string;
  apply?: boolean;
}

export async function rolesAction(url: string | undefined, opts: RolesOpts, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const ws = openWorkspace(g, voice);
  const towns = opts.town?.length ? opts.town : [townIdentity(ws).code];
  for (const code of towns) {
    if (!isTownCode(code))
      throw usage({ zh: `--town 要写乡镇代码（6 到 12 位数字），而不是"${code}"`, en: `--town takes a town's code (6 to 12 digits), not "${code}"` });
  }
  const districtRole = opts.districtRole ?? DISTRICT_GROUP;
  if (!isRoleName(districtRole)) {
    throw usage({
      zh: `--district-role 只能用小写字母、数字和下划线（以字母或下划线开头，最长 63 个），而不是"${districtRole}"`,
      en: `--district-role takes lower-case letters, digits and _ (starting with a letter or _, at most 63), not "${districtRole}"`,
    });
  }
  const req: RolesRequest = { towns, districtRole };
  if (!opts.apply) {
    const out = openOutput(g, voice, ['sql'] as const, 'sql');
    out.emit(printedRolesSql(req));
    return;
  }
  const done = await applyRoles(districtUrl(ws, url, g.districtDb), req);
  const logins = [...[...new Set(towns)].sort().map(townRole), districtRole].join(', ');
  voice.say({
    zh: `已在 ${done.shownUrl} 建好账号和授权：${logins}。还要给每个账号设密码（psql 中 \\password 账号名），再把密码交给各乡镇放进 PGPASSWORD 或 ~/.pgpass`,
    en: `roles and grants made in ${done.shownUrl}: ${logins}. Give each login a password (\\password <role> in psql) and hand it to the town for PGPASSWORD or ~/.pgpass`,
  });
}

export async function accountAction(url: string | undefined, _opts: unknown, c: Command): Promise<void> {
  const g = readGlobals(c);
  const voice = cliVoice(g);
  const ws = openWorkspace(g, voice);
  const out = openOutput(g, voice, ['text', 'json'] as const, 'text');
  const a = await districtAccount(districtUrl(ws, url, g.districtDb));
  if (out.format === 'json') {
    out.emit(renderJson({ database: a.shownUrl, role: a.role, town: a.town, district: a.district, schema_version: a.schemaVersion, rows: a.rows }));
    return;
  }
  const who = a.town
    ? voice.t({ zh: `乡镇 ${a.town}`, en: `town ${a.town}` })
    : a.district
      ? voice.t({ zh: '区级（读全部乡镇）', en: 'the district (reads every town)' })
      : voice.t({ zh: '不是任何乡镇或区级的账号：看不到任何乡镇的数据', en: "neither a town's nor the district's: sees no town's rows" });
  const lines = [
    `${voice.t({ zh: '数据库', en: 'database' })}: ${a.shownUrl}`,
    `${voice.t({ zh: '账号', en: 'role' })}: ${a.role} — ${who}`,
    `${voice.t({ zh: '结构版本', en: 'schema version' })}: ${a.schemaVersion}`,
    voice.t({ zh: '本账号看得到的行数：', en: 'rows this account sees:' }),
    ...Object.entries(a.rows).map(([t, n]) => `  ${t}: ${n}`),
  ];
  out.emit(`${lines.join('\n')}\n`);
}
