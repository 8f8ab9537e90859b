/**
 * The district as the store of record, on the command line: before a command that uses the store, the town's
 * replica is brought up to date from the district; after it, what it wrote is pushed (workflow/replica.ts).
 * main.ts calls these from commander's preAction and postAction hooks, so no action changes: each runs on the
 * replica with the ordinary SQLite engine. Commands that only read inputs (validate, demo, init, help), the
 * district's own commands (db push, pull, conflicts: they connect themselves) and the --district views never
 * connect here.
 */
import type { Command } from 'commander';
import type { Text } from '../errors.js';

/** The commands that read or write the store, by their path ("alert", "db info"): a top-level name means all its subcommands. */
const STORE_COMMANDS = new Set(['alert', 'checklist', 'record', 'report', 'findings', 'evidence', 'plan', 'measures', 'notify', 'db backup', 'db info']);

function usesStore(c: Command): boolean {
  // The district's views (report --district, alert status --district) read the district database itself.
  if ((c.opts() as { district?: unknown }).district) return false;
  const path: string[] = [];
  for (let at: Command | null = c; at?.parent; at = at.parent) path.unshift(at.name());
  return STORE_COMMANDS.has(path[0] ?? '') || STORE_COMMANDS.has(path.join(' '));
}

/**
 * The command's globals and workspace, read as the action reads them but quietly: a flag or a haze.yaml in
 * error is the action's to report (once, in its own words), so here it only means "no replica to sync".
 */
async function storeOf(c: Command) {
  const [{ readGlobals }, { checkWorkspace }] = await Promise.all([import('./globals.js'), import('../io/read/workspace.js')]);
  try {
    const g = readGlobals(c);
    const { ws, refusal } = checkWorkspace(g);
    return refusal ? null : { g, ws };
  } catch {
    return null;
  }
}

type Before = Awaited<ReturnType<typeof import('../workflow/replica.js').replicaBefore>>;
let pending: { before: Before; startedAt: string } | null = null;

const wallText = async (iso: string): Promise<string> => {
  const { fromInstant, formatWallTime } = await import('../core/time.js');
  return formatWallTime(fromInstant(Date.parse(iso)));
};

export async function beforeCommand(c: Command): Promise<void> {
  pending = null;
  if (!usesStore(c)) return;
  const found = await storeOf(c);
  if (!found) return;
  const { g, ws } = found;
  if (!ws.dbUrl || ws.noStore) return;
  const [{ townIdentity }, { replicaBefore }, { cliVoice }] = await Promise.all([
    import('../workflow/districtUrl.js'),
    import('../workflow/replica.js'),
    import('./voice.js'),
  ]);
  const identity = townIdentity(ws);
  const startedAt = new Date().toISOString();
  const before = await replicaBefore(ws, identity, ws.dbUrl, startedAt);
  if (!before.online) {
    const when = before.copyOf ? await wallText(before.copyOf) : null;
    const copy: Text = when ? { zh: `${when} 的副本`, en: `the copy of ${when}` } : { zh: '本机副本（还没有同步过）', en: 'the copy here (never synced yet)' };
    cliVoice(g).warn({
      zh: `连不上区级数据库 ${before.shownUrl}，在${copy.zh}上离线工作；写下的内容在下一条命令或 haze db push 时报送`,
      en: `cannot reach ${before.shownUrl}: working offline on ${copy.en}; what is written is sent at the next command or haze db push`,
    });
  }
  pending = { before, startedAt };
}

export async function afterCommand(c: Command): Promise<void> {
  const held = pending;
  pending = null;
  if (!held) return;
  const [found, { townIdentity }, replica] = await Promise.all([storeOf(c), import('../workflow/districtUrl.js'), import('../workflow/replica.js')]);
  if (!found?.ws.dbUrl) return;
  const { g, ws } = found;
  const identity = townIdentity(ws);
  if (!ws.dbUrl || !replica.replicaToSend(ws, identity, held.before)) return;
  const [{ openTownWithEvidence }, { cliVoice }, { now }, { pushWords }] = await Promise.all([
    import('./town.js'),
    import('./voice.js'),
    import('./clock.js'),
    import('./actions/dbSync.js'),
  ]);
  const voice = cliVoice(g);
  // The town again, quietly: what loading it had to say, the command said already.
  const quiet = { ...voice, say: () => undefined, warn: () => undefined, problems: () => undefined };
  const town = await openTownWithEvidence(g, quiet, null);
  const done = await replica.replicaAfter(town, identity, ws.dbUrl, now(), held.startedAt);
  if ('offline' in done) {
    voice.warn({
      zh: `连不上区级数据库 ${held.before.shownUrl}：这次写下的内容在下一条命令或 haze db push 时报送`,
      en: `cannot reach ${held.before.shownUrl}: what this command wrote is sent at the next command or haze db push`,
    });
    return;
  }
  const o = done.sent;
  const quietPush = Object.values(o.tables).every((t) => t.new === 0 && t.moved === 0 && t.conflicts === 0) && o.list === 'same';
  if (!quietPush) for (const line of pushWords(o, done.sent.shownUrl, g.lang)) voice.say(line);
}
