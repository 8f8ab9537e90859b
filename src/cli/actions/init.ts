/** haze init: a workspace to fill in — haze.yaml, an empty list with the canonical headers, a groups template. */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { CODE, HazeError } from '../../errors.js';
import { faultWords } from '../../io/faultWords.js';
import { LIST_COLUMNS } from '../../io/read/listColumns.js';
import { writeFileAtomic } from '../../io/write/output.js';
import { GROUPS_YAML_TEMPLATE, HAZE_YAML_TEMPLATE } from '../../io/workspaceTemplate.js';
import { readGlobals } from '../globals.js';
import { cliVoice } from '../voice.js';

export interface InitOpts {
  force?: boolean;
}

/** The action of `haze init` (its options and help: ../commands/init.ts). */
export function initAction(dir: string | undefined, opts: InitOpts, cmd: Command): void {
  const voice = cliVoice(readGlobals(cmd));
  const root = resolve(dir ?? '.');
  const files: [string, string][] = [
    ['haze.yaml', HAZE_YAML_TEMPLATE],
    // A BOM so that Excel opens the template with the Chinese headers intact.
    ['enterprises.csv', `\uFEFF${LIST_COLUMNS.map((c) => c.header).join(',')}\r\n`],
    ['groups.yaml', GROUPS_YAML_TEMPLATE],
  ];
  const existing = files.map(([name]) => join(root, name)).filter((f) => existsSync(f));
  if (existing.length > 0 && !opts.force) {
    throw new HazeError(CODE.HAZE_INIT_EXISTS, {
      where: { file: existing[0]! },
      message: { zh: `已有文件，未覆盖：${existing.join('、')}`, en: `files exist and were left alone: ${existing.join(', ')}` },
    });
  }
  try {
    mkdirSync(root, { recursive: true });
  } catch (err) {
    throw new HazeError(CODE.HAZE_OUTPUT_CREATE, {
      where: { file: root },
      message: {
        zh: `无法创建目录 ${root}：${faultWords(err, root, 'write').zh}`,
        en: `cannot create the folder ${root}: ${faultWords(err, root, 'write').en}`,
      },
    });
  }
  for (const [name, text] of files) writeFileAtomic(join(root, name), text);
  voice.say({
    zh: `已创建工作区 ${root}：haze.yaml、enterprises.csv（空白清单）、groups.yaml。填好清单和巡查组后运行 haze validate。`,
    en: `workspace written in ${root}: haze.yaml, enterprises.csv (empty list), groups.yaml. Fill in the list and groups, then run haze validate.`,
  });
}
