/**
 * `haze serve --set-password [--user NAME]`: the office's password for the office view. On a terminal it is
 * asked twice without echo; piped, it is the first line of stdin (a script, a password manager). Nothing on
 * stdout; the store keeps only a scrypt hash (io/store/serveUsers.ts).
 */
import { CODE, HazeError } from '../../errors.js';
import { OFFICE_USER, setPassword } from '../../io/store/serveUsers.js';
import { writeStore } from '../../workflow/storeDoor.js';
import type { Workspace } from '../../io/read/workspace.js';
import type { CliVoice } from '../voice.js';

export const MIN_PASSWORD = 8;

/** One line typed without echo (raw mode: each key read, nothing written back but the prompt). */
function askHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const input = process.stdin;
    process.stderr.write(prompt);
    input.setRawMode(true);
    input.resume();
    input.setEncoding('utf8');
    let typed = '';
    const done = (err?: Error) => {
      input.setRawMode(false);
      input.pause();
      input.off('data', onData);
      process.stderr.write('\n');
      if (err) reject(err);
      else resolve(typed);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003')
          return done(new HazeError(CODE.HAZE_SERVE_PASSWORD_SHORT, { message: { zh: '已取消，未设置密码', en: 'cancelled; no password set' } }));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}

/** The first line of stdin (without its line ending). */
async function firstLineOfStdin(): Promise<string> {
  let all = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) {
    all += chunk as string;
    if (all.includes('\n')) break;
  }
  return all.split(/\r?\n/)[0] ?? '';
}

export async function setPasswordAction(ws: Workspace, user: string, voice: CliVoice): Promise<void> {
  const name = user.trim() || OFFICE_USER;
  let password: string;
  if (process.stdin.isTTY) {
    password = await askHidden(voice.t({ zh: `${name} 的新密码：`, en: `new password for ${name}: ` }));
    if ([...password].length >= MIN_PASSWORD) {
      const again = await askHidden(voice.t({ zh: '再输入一次：', en: 'again: ' }));
      if (again !== password)
        throw new HazeError(CODE.HAZE_SERVE_PASSWORD_SHORT, { message: { zh: '两次输入的密码不同，未设置', en: 'the two passwords differ; nothing set' } });
    }
  } else {
    password = await firstLineOfStdin();
  }
  if ([...password].length < MIN_PASSWORD)
    throw new HazeError(CODE.HAZE_SERVE_PASSWORD_SHORT, {
      message: {
        zh: `密码只有 ${[...password].length} 个字符，至少要 ${MIN_PASSWORD} 个；未设置`,
        en: `the password has ${[...password].length} characters, at least ${MIN_PASSWORD} are needed; nothing set`,
      },
    });
  writeStore(ws, (db) => setPassword(db, name, password, new Date().toISOString()));
  voice.say({
    zh: `已设置 ${name} 的密码（${ws.dbFile}）：办公室页面 /office 用它登录`,
    en: `the password of ${name} is set (${ws.dbFile}): the office view (/office) signs in with it`,
  });
}
