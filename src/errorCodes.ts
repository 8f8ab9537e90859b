/**
 * Every code haze reports, in one typed registry (GUIDE §3.6, §3.8): a thrown HazeError's code with the exit
 * code it maps to, or a problem row's code (validate, record, findings import), each with a one-line title
 * saying what it means and a default hint, both in Chinese and English. The spellings are stable: scripts read
 * them from stderr and from `validate --format json`.
 *
 * No code is both: a thrown error stops the command, a problem is one row among many in a report, and where
 * the two meet (a list with errors, a results file with errors) the thrown error has a code of its own
 * (HAZE_LIST_INVALID, HAZE_RECORD_INVALID, HAZE_FINDINGS_INVALID). A call site names a code through CODE
 * (`CODE.HAZE_LIST_INVALID`), never as a string; it gives a hint of its own only where it knows more than the
 * code's default (the sheets a workbook has, the columns a header lacks).
 *
 * EXIT lives here too, the one place exit numbers are written, so that the registry can name them without a
 * cycle (errors.ts builds on this file and re-exports EXIT).
 */
import type { Text } from './errors.js';

/** Exit codes (sysexits.h), the one place their numbers are written. */
export const EXIT = {
  ok: 0,
  checkFailed: 1,
  usage: 64,
  dataErr: 65,
  noInput: 66,
  unavailable: 69,
  software: 70,
  cantCreate: 73,
  ioErr: 74,
  noPerm: 77,
  config: 78,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** A thrown error (the command stops with `exit`) or a problem row (one of every problem found in an input). */
export type CodeSpec =
  | { readonly kind: 'error'; readonly exit: ExitCode; readonly title: Text; readonly hint: Text }
  | { readonly kind: 'problem'; readonly title: Text; readonly hint: Text };

/** Shared by the two ways a PDF can fail: there is always the web page to print by hand. */
const PRINT_THE_WEB_PAGE: Text = {
  zh: '改用 --format html 输出网页，在浏览器中打开后选择"打印"（纸张 A4，边距默认），或安装 Chromium（Debian/Ubuntu：apt-get install chromium），或用环境变量 HAZE_CHROMIUM 指定浏览器程序的路径',
  en: 'use --format html and print the page from a browser (A4, default margins), or install Chromium (Debian/Ubuntu: apt-get install chromium), or point HAZE_CHROMIUM at a Chromium, Chrome or Edge binary',
};

const WRITE_THE_DATE: Text = { zh: '写作 2019-12-08', en: 'write it as 2019-12-08' };
/** Excel's number for a credit code: the cause and the fix, said the same wherever a code comes in (list, results, findings). */
const CODE_AS_TEXT: Text = {
  zh: '在 Excel 中选中代码列，设置单元格格式为"文本"后重新输入完整的 18 位代码（转成数字后末几位已丢失，无法还原）',
  en: 'in Excel, format the code column as Text and type the full 18-character codes again (once a code is a number its last digits are lost)',
};

export const CODES = {
  // ── Thrown errors: the command stops, stderr says why, the exit code says what kind ──

  // The command line
  HAZE_USAGE: {
    kind: 'error',
    exit: EXIT.usage,
    title: { zh: '用法错误：选项或参数的值不对', en: 'usage error: a flag or argument has a wrong value' },
    hint: { zh: 'haze <命令> --help 列出可用选项', en: 'haze <command> --help lists the options' },
  },
  HAZE_OUTPUT_EXTENSION: {
    kind: 'error',
    exit: EXIT.usage,
    title: { zh: '-o 文件的扩展名是此命令不能写的格式', en: "the -o file's ending names a format this command does not write" },
    hint: { zh: '用此命令可写的扩展名（如 .csv），或不加 -o', en: 'use an ending the command writes (e.g. .csv), or leave out -o' },
  },
  HAZE_OUTPUT_FORMAT_MISMATCH: {
    kind: 'error',
    exit: EXIT.usage,
    title: { zh: '--format 与 -o 文件的扩展名不符', en: "--format and the -o file's ending disagree" },
    hint: { zh: '去掉 --format（按扩展名决定格式），或改文件名', en: 'drop --format (the ending decides), or rename the file' },
  },
  HAZE_BINARY_TO_TERMINAL: {
    kind: 'error',
    exit: EXIT.usage,
    title: { zh: 'PDF 不能直接输出到终端', en: 'a PDF is not written to a terminal' },
    hint: { zh: '用 -o 文件名.pdf，或用管道、重定向', en: 'use -o FILE.pdf, or a pipe or redirect' },
  },
  HAZE_SHEET_MISSING: {
    kind: 'error',
    exit: EXIT.usage,
    title: { zh: '--sheet 指定的工作表不存在', en: 'the workbook has no sheet of the name --sheet gives' },
    hint: { zh: '用 --sheet 写出工作簿中某个工作表的名称', en: 'give --sheet the name of a sheet in the workbook' },
  },

  // Input files
  HAZE_INPUT_MISSING: {
    kind: 'error',
    exit: EXIT.noInput,
    title: { zh: '找不到输入文件', en: 'the input file does not exist' },
    hint: { zh: '检查路径，或在工作区中运行 (haze init)', en: 'check the path, or run inside a workspace (haze init)' },
  },
  HAZE_INPUT_IS_DIR: {
    kind: 'error',
    exit: EXIT.noInput,
    title: { zh: '输入是文件夹，不是文件', en: 'the input is a folder, not a file' },
    hint: { zh: '给出文件的路径，而不是所在的文件夹', en: 'give the path of the file, not of its folder' },
  },
  HAZE_INPUT_READ: {
    kind: 'error',
    exit: EXIT.ioErr,
    title: { zh: '输入文件无法读取', en: 'the input file cannot be read' },
    hint: { zh: '检查文件是否有读取权限、是否被其他程序占用', en: 'check that the file may be read and that no other program holds it' },
  },
  HAZE_FILE_NOT_TEXT: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '文件不是文本（CSV）清单', en: 'the file is not a text (CSV) list' },
    hint: { zh: '请在 Excel 中另存为 .xlsx 或"CSV UTF-8（逗号分隔）"', en: 'save it from Excel as .xlsx or "CSV UTF-8"' },
  },
  HAZE_FILE_ENCODING: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '文件的文字编码无法识别或前后不一', en: 'the text encoding is unknown or changes inside the file' },
    hint: {
      zh: '在 Excel 中另存为"CSV UTF-8（逗号分隔）"，或用 --encoding 指定编码',
      en: 'save it from Excel as "CSV UTF-8", or name the encoding with --encoding',
    },
  },
  HAZE_CSV_QUOTE_NOT_CLOSED: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: 'CSV 中有没有闭合的引号', en: 'a quote in the CSV is never closed' },
    hint: { zh: '检查该行单元格中的双引号（单元格内的引号要写成两个 ""）', en: 'check the quotes in that row ("" inside a quoted cell)' },
  },
  HAZE_CSV_ROW_TOO_LONG: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: 'CSV 的一行长得不像清单', en: 'a CSV row runs longer than any list row' },
    hint: {
      zh: '检查该行单元格中的双引号（单元格内的引号要写成两个 ""）；在 Excel 中打开并另存为 CSV UTF-8',
      en: 'check the quotes in that row ("" inside a quoted cell); open it in Excel and save it again as CSV UTF-8',
    },
  },
  HAZE_CONTROL_CHARACTER: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: {
      zh: '单元格中有控制字符（如 NUL），表格软件不会写出这样的文字',
      en: 'a cell holds a control character (such as NUL) that no spreadsheet writes in text',
    },
    hint: {
      zh: '文件可能已损坏，或混入了其他程序的数据：在 Excel 中打开，删掉该单元格中看不见的字符，另存后再试',
      en: "the file may be damaged or hold another program's data: open it in Excel, delete the invisible character in that cell, and save it again",
    },
  },
  HAZE_XLSX_UNREADABLE: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '工作簿损坏或不完整', en: 'the workbook is damaged or incomplete' },
    hint: { zh: '在 Excel 中打开，另存为新的 .xlsx（或"CSV UTF-8"）后再试', en: 'open it in Excel and save it again as a new .xlsx (or "CSV UTF-8")' },
  },
  HAZE_XLSX_UNSAFE: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: {
      zh: '工作簿的结构不是表格软件会写出的（zip 炸弹、指向压缩包外的路径、DOCTYPE 等），拒绝读取',
      en: 'the workbook is built the way no spreadsheet program writes one (a zip bomb, a path out of the archive, a DOCTYPE): refused',
    },
    hint: {
      zh: '不要再打开这个文件；请发送者在 Excel 或 WPS 中另存为 .xlsx（或"CSV UTF-8"）后重新发送',
      en: 'do not open the file further; ask the sender to save it again from Excel or WPS as .xlsx (or "CSV UTF-8") and send that',
    },
  },
  HAZE_XLSX_ENCRYPTED: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '工作簿设有打开密码（已加密）', en: 'the workbook is encrypted (it has a password to open)' },
    hint: {
      zh: '在 Excel 中输入密码打开，"文件 → 信息 → 保护工作簿 → 用密码进行加密"，清空密码后保存，再试',
      en: 'open it in Excel with its password, clear the password (File → Info → Protect Workbook → Encrypt with Password), save, and try again',
    },
  },
  HAZE_XLSX_SYNC: {
    kind: 'error',
    exit: EXIT.software,
    title: { zh: '工作簿被交给了只读文本的读取器（haze 的缺陷）', en: 'a workbook was handed to the text-only reader (a bug in haze)' },
    hint: { zh: '这是 haze 的缺陷，请报告', en: 'this is a bug in haze, please report it' },
  },

  // The list
  HAZE_LIST_MARKUP: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '清单是网页或 XML 表格，不是 CSV 或 .xlsx', en: 'the list is a web page or an XML spreadsheet, not CSV or .xlsx' },
    hint: { zh: '在 Excel 中打开，另存为"Excel 工作簿 (.xlsx)"', en: 'open it in Excel and save it as "Excel Workbook (.xlsx)"' },
  },
  HAZE_LIST_XLS: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '清单是旧版 Excel 97-2003 (.xls) 文件', en: 'the list is a legacy Excel 97-2003 (.xls) file' },
    hint: {
      zh: '在 Excel 或 WPS 中打开，另存为"Excel 工作簿 (.xlsx)"或"CSV UTF-8"',
      en: 'open it in Excel or WPS and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8"',
    },
  },
  HAZE_LIST_EMPTY: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '清单是空的', en: 'the list is empty' },
    hint: { zh: 'haze init 可生成带表头的模板', en: 'haze init writes a template with the header' },
  },
  HAZE_LIST_INVALID: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '清单有错误，命令未执行', en: 'the list has errors, so the command did nothing' },
    hint: { zh: '用 haze validate 查看全部问题', en: 'haze validate lists every problem' },
  },

  // The town's set-up files (haze.yaml, groups.yaml, rule files)
  HAZE_CONFIG_YAML: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '配置文件不是有效的 YAML', en: 'a set-up file is not valid YAML' },
    hint: { zh: '检查缩进（用空格，不用 Tab）和冒号后的空格', en: 'check the indentation (spaces, not tabs) and the space after each colon' },
  },
  HAZE_CONFIG_INVALID: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '配置文件的内容有误', en: 'a set-up file says something haze cannot use' },
    hint: { zh: '按例子改写这一项；haze validate 一次列出全部问题', en: 'write the setting as the example shows; haze validate lists every problem at once' },
  },
  HAZE_GROUPS_NO_VILLAGE: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: 'groups.yaml 的村与清单的村没有一个相同', en: 'no village in groups.yaml is a village of the list' },
    hint: {
      zh: '在 groups.yaml 每组的 villages 中写清单"村社区"列里的村名；或加 --auto-areas，由 haze 自动划分片区',
      en: "list the villages of the list's 村社区 column under each group in groups.yaml, or add --auto-areas to let haze split the areas",
    },
  },

  // Imported tables (checklist results, findings)
  HAZE_IMPORT_NOT_TABLE: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '导入的文件不是 CSV 或 .xlsx 表格', en: 'the file to import is not a CSV or .xlsx table' },
    hint: { zh: '在 Excel 中另存为 .xlsx 或"CSV UTF-8"', en: 'save it from Excel as .xlsx or "CSV UTF-8"' },
  },
  HAZE_IMPORT_HEADER: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '导入的表格没有所需的表头', en: 'the table to import has no header with the columns needed' },
    hint: { zh: '用 haze checklist --format csv 导出的表格填写后再导入', en: 'fill in the table that haze checklist --format csv writes, and import that' },
  },
  HAZE_RECORD_INVALID: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '检查结果文件有错误，整个文件未导入', en: 'the results file has errors; none of it was imported' },
    hint: { zh: '改正上面列出的错误后重新导入整个文件', en: 'correct the errors listed above and import the whole file again' },
  },
  HAZE_RECORD_CONFLICT: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '检查结果与已记录的不同，整个文件未导入', en: 'results differ from those recorded; none of the file was imported' },
    hint: { zh: '确认要更正时加 --replace（旧结果保留在历史中）', en: 'to correct them, add --replace (the old results are kept in the history)' },
  },
  HAZE_FINDINGS_INVALID: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '省级暗查问题文件有错误，整个文件未导入', en: 'the findings file has errors; none of it was imported' },
    hint: { zh: '改正后重新导入整个文件', en: 'correct them and import the whole file again' },
  },

  // The workspace store (haze.db)
  HAZE_STORE_MISSING: {
    kind: 'error',
    exit: EXIT.noInput,
    title: { zh: '工作区还没有数据库', en: 'the workspace has no store yet' },
    hint: { zh: '在工作区目录中运行，或用 --db 指定数据库', en: 'run it in the workspace folder, or point --db at the store' },
  },
  HAZE_STORE_FOREIGN: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '数据库文件是其他程序的', en: "the store file is another program's database" },
    hint: { zh: '用 --db 或 haze.yaml 的 db: 指定另一个文件', en: 'point --db (or db: in haze.yaml) at another file' },
  },
  HAZE_STORE_NEWER: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '数据库由更新版本的 haze 创建', en: 'the store was made by a newer haze' },
    hint: { zh: '升级 haze', en: 'upgrade haze' },
  },
  HAZE_STORE_CORRUPT: {
    kind: 'error',
    exit: EXIT.ioErr,
    title: { zh: '数据库文件损坏，或不是 SQLite 数据库', en: 'the store file is damaged, or not a SQLite database' },
    hint: { zh: '从备份恢复（haze db backup），或用 --db 指定另一个文件', en: 'restore it from a backup (haze db backup), or point --db at another file' },
  },
  HAZE_STORE_IO: {
    kind: 'error',
    exit: EXIT.ioErr,
    title: { zh: '数据库无法打开', en: 'the store cannot be opened' },
    hint: { zh: '检查文件夹权限', en: 'check the folder permissions' },
  },
  HAZE_INPUT_TOO_LARGE: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '输入文件过大', en: 'the input file is too large' },
    hint: { zh: '核对文件名：它可能不是要导入的文件', en: 'check the file name: it may not be the file meant' },
  },
  HAZE_CONFIG_TOO_LARGE: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '配置文件过大', en: 'the config file is too large' },
    hint: { zh: '核对 --groups、--rules 或 haze.yaml 指向的文件', en: 'check the file --groups, --rules or haze.yaml points at' },
  },
  HAZE_CONFIG_ALIASES: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '配置文件的 YAML 别名过多', en: 'the config file has too many YAML aliases' },
    hint: { zh: '配置文件不需要 YAML 别名（*名称）；直接写出内容', en: 'config files need no YAML aliases (*name); write the values out' },
  },
  HAZE_CONFIG_UNKNOWN_KEY: {
    kind: 'problem',
    title: { zh: '配置文件中有不认识的设置', en: 'a config file has a setting haze does not know' },
    hint: { zh: '核对拼写：拼错的设置不起作用，使用的是默认值', en: 'check the spelling: a misspelt setting has no effect and the default is used' },
  },
  HAZE_CONFIG_SYNTAX: {
    kind: 'problem',
    title: { zh: '配置文件的一行 YAML 读不懂', en: 'a line of a config file that YAML cannot read' },
    hint: {
      zh: '冒号用半角并在后面加空格，用空格缩进（不用 Tab），引号和括号成对',
      en: 'an ASCII colon followed by a space, spaces (not tabs) to indent, quotes and brackets in pairs',
    },
  },
  HAZE_CONFIG_VALUE: {
    kind: 'problem',
    title: { zh: '配置文件中的一项设置缺少或写得不对', en: 'a setting of a config file is missing or not what haze can use' },
    hint: { zh: '按提示中的例子改写这一项', en: 'write the setting as the example shows' },
  },
  HAZE_CONFIG_UNREADABLE: {
    kind: 'problem',
    title: { zh: '配置文件无法读取，其中的设置都未检查', en: 'a config file could not be read, so nothing in it was checked' },
    hint: { zh: '检查文件名和路径（haze.yaml 中的设置或 --groups、--rules）', en: 'check the file name and path (in haze.yaml, or --groups, --rules)' },
  },
  HAZE_STORE_UNUSABLE: {
    kind: 'problem',
    title: { zh: '工作区的数据库无法使用，之后的命令会停止', en: "the workspace's store cannot be used, so later commands stop" },
    hint: { zh: '用 --db 或 haze.yaml 的 db: 指定另一个文件', en: 'point --db (or db: in haze.yaml) at another file' },
  },
  HAZE_CONFIG_TEMPLATE_LEFTOVER: {
    kind: 'problem',
    title: { zh: '配置中还留着 haze init 模板的示例值', en: "a setting still holds the haze init template's example" },
    hint: { zh: '改成本镇自己的值', en: "write the town's own value" },
  },
  HAZE_STORE_READONLY: {
    kind: 'error',
    exit: EXIT.cantCreate,
    title: { zh: '数据库或其文件夹只读，无法写入', en: 'the store or its folder is read-only' },
    hint: {
      zh: '检查数据库文件和所在文件夹的写权限（或换一个可写的 --db）',
      en: 'check the write permissions of the store and its folder (or point --db at a writable place)',
    },
  },
  HAZE_DISK_FULL: {
    kind: 'error',
    exit: EXIT.ioErr,
    title: { zh: '磁盘已满', en: 'the disk is full' },
    hint: { zh: '腾出磁盘空间后再运行一次；没有做任何改动', en: 'free some disk space and run it again; nothing was changed' },
  },
  HAZE_BACKUP_ONTO_STORE: {
    kind: 'error',
    exit: EXIT.cantCreate,
    title: { zh: '备份的目标是数据库自身', en: 'the backup would overwrite the store itself' },
    hint: { zh: '另选一个文件名，例如 haze-备份-20191208.db', en: 'choose another file, e.g. haze-backup-20191208.db' },
  },
  HAZE_BACKUP_CREATE: {
    kind: 'error',
    exit: EXIT.cantCreate,
    title: { zh: '备份文件无法写入', en: 'the backup cannot be written' },
    hint: { zh: '检查文件夹是否存在、是否有写权限、磁盘是否已满', en: 'check that the folder exists and is writable, and that the disk is not full' },
  },

  // What the store already holds
  HAZE_ALERT_SEQUENCE: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: {
      zh: '这次预警变动与已记录的不符（如解除一个没有发布的预警）',
      en: 'the alert change does not follow from those recorded (e.g. lifting an alert never issued)',
    },
    hint: { zh: 'haze alert history 列出已记录的预警变动', en: 'haze alert history lists the changes recorded' },
  },
  HAZE_FINDING_UNKNOWN: {
    kind: 'error',
    exit: EXIT.noInput,
    title: { zh: '没有这个编号的省级暗查问题', en: 'no provincial finding has this id' },
    hint: { zh: 'haze findings list --status all 列出全部编号', en: 'haze findings list --status all shows every id' },
  },
  HAZE_FINDING_CLOSED: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '省级暗查问题已经关闭', en: 'the provincial finding is closed already' },
    hint: { zh: 'haze findings list --status all 列出每条问题的状态', en: "haze findings list --status all shows each finding's status" },
  },
  HAZE_FINDING_CLOSE_EARLY: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '关闭时间早于问题的日期', en: "the closing time is before the finding's date" },
    hint: { zh: '核对 --at', en: 'check --at' },
  },

  // Output
  HAZE_INIT_EXISTS: {
    kind: 'error',
    exit: EXIT.cantCreate,
    title: { zh: '工作区文件已存在，未覆盖', en: 'the workspace files exist and were left alone' },
    hint: { zh: '换一个目录，或加 --force 覆盖', en: 'choose another folder, or add --force to overwrite' },
  },
  HAZE_OUTPUT_CREATE: {
    kind: 'error',
    exit: EXIT.cantCreate,
    title: { zh: '输出文件或目录无法创建', en: 'the output file or folder cannot be created' },
    hint: { zh: '检查文件夹是否存在、是否有写权限', en: 'check that the folder exists and is writable' },
  },
  HAZE_OUTPUT_IS_STORE: {
    kind: 'error',
    exit: EXIT.cantCreate,
    title: { zh: '输出文件就是工作区数据库', en: 'the output file is the workspace store' },
    hint: { zh: '用 -o 写到另一个文件；数据库的副本用 haze db backup', en: 'write to another file with -o; copy the store with haze db backup' },
  },
  HAZE_OUTPUT_IS_FOLDER: {
    kind: 'error',
    exit: EXIT.cantCreate,
    title: { zh: '输出位置是文件夹', en: 'the output is a folder' },
    hint: { zh: '在 -o 中写上文件名，如 -o 计划.csv', en: 'give a file name with -o, e.g. -o plan.csv' },
  },
  HAZE_OUTPUT_IS_SOCKET: {
    kind: 'error',
    exit: EXIT.cantCreate,
    title: { zh: '输出位置是套接字', en: 'the output is a socket' },
    hint: { zh: '在 -o 中写上普通文件的名字，如 -o 计划.csv', en: 'give the name of an ordinary file with -o, e.g. -o plan.csv' },
  },
  HAZE_NO_CHROMIUM: {
    kind: 'error',
    exit: EXIT.unavailable,
    title: { zh: '找不到用来生成 PDF 的浏览器', en: 'no browser to print the PDF with' },
    hint: PRINT_THE_WEB_PAGE,
  },
  HAZE_PDF_FAILED: {
    kind: 'error',
    exit: EXIT.unavailable,
    title: { zh: '浏览器未能生成 PDF', en: 'the browser made no PDF' },
    hint: PRINT_THE_WEB_PAGE,
  },

  // Benchmarks' inputs
  HAZE_TSPLIB_FORMAT: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: 'TSPLIB 文件格式有误', en: 'a TSPLIB file is malformed' },
    hint: { zh: '对照 TSPLIB95 的文件格式说明', en: 'compare with the TSPLIB95 file format' },
  },

  // ── Problems: one row each of a report of every problem found (validate, record import, findings import) ──

  // The list's header and rows
  HAZE_LIST_COLUMN_MISSING: {
    kind: 'problem',
    title: { zh: '清单缺少必填列', en: 'the list lacks a required column' },
    hint: { zh: '别名见 data/xuebu/README.md；可用 haze init 生成模板', en: 'aliases in data/xuebu/README.md; haze init writes a template' },
  },
  HAZE_HEADER_INVISIBLE: {
    kind: 'problem',
    title: { zh: '表头中有看不见的字符，已去掉后读取', en: 'a header holds invisible characters; read without them' },
    hint: {
      zh: '这些字符多半是从网页或聊天窗口复制带来的：在 Excel 中重新输入该表头',
      en: 'they usually come with text copied from a web page or a chat window: type the header again in Excel',
    },
  },
  HAZE_LIST_COLUMN_DUPLICATE: {
    kind: 'problem',
    title: { zh: '两列是同一个字段，只用前一列', en: 'two columns name the same field; the first is used' },
    hint: { zh: '删除或改名多余的列', en: 'remove or rename the extra column' },
  },
  HAZE_LIST_MEASURE_COLUMN_MISSING: {
    kind: 'problem',
    title: { zh: '清单没有某一预警级别的措施列', en: 'the list has no measure column for an alert level' },
    hint: { zh: '按一厂一策补上该列', en: "add the column with each enterprise's own measure (one plant, one policy)" },
  },
  HAZE_LIST_UNREADABLE: {
    kind: 'problem',
    title: { zh: '清单无法读取，其中的企业都未检查', en: 'the list could not be read, so no enterprise in it was checked' },
    hint: { zh: '检查清单的文件名、路径和格式（CSV 或 .xlsx）', en: "check the list's name, path and format (CSV or .xlsx)" },
  },
  HAZE_LIST_NO_ENTERPRISES: {
    kind: 'problem',
    title: { zh: '清单只有表头，没有企业', en: 'the list has a header and no enterprises' },
    hint: {
      zh: '在表头下每行填一家企业（统一社会信用代码、企业名称、村社区、绩效等级、经度、纬度必填）',
      en: 'fill in one enterprise a row under the header (credit code, name, village, grade, longitude and latitude are required)',
    },
  },
  HAZE_LIST_NO_VILLAGE_IN_GROUPS: {
    kind: 'problem',
    title: {
      zh: '清单的村与 groups.yaml 各组的村没有一个相同，plan 和 checklist 会停止',
      en: 'no village of the list is in groups.yaml, so plan and checklist stop',
    },
    hint: {
      zh: '在 groups.yaml 每组的 villages 中写清单"村社区"列里的村名；或加 --auto-areas，由 haze 自动划分片区',
      en: "list the villages of the list's 村社区 column under each group in groups.yaml, or add --auto-areas to let haze split the areas",
    },
  },
  HAZE_LIST_VILLAGE_NO_GROUP: {
    kind: 'problem',
    title: { zh: '村社区不属于任何巡查组', en: 'a village belongs to no patrol group' },
    hint: {
      zh: '在 groups.yaml 某组的 villages 中加入该村（或检查村名写法）',
      en: "add the village to a group's villages in groups.yaml (or check how it is spelt)",
    },
  },
  HAZE_CSV_FIELD_COUNT: {
    kind: 'problem',
    title: { zh: 'CSV 一行的字段数与表头不同', en: 'a CSV row has more or fewer fields than the header' },
    hint: { zh: '检查该行是否有多余的逗号或缺少引号', en: 'look for a stray comma or a missing quote in that row' },
  },
  HAZE_ROW_REQUIRED_EMPTY: {
    kind: 'problem',
    title: { zh: '必填单元格为空', en: 'a required cell is empty' },
    hint: {
      zh: '填写该单元格；若它与上一行合并了单元格，请取消合并并逐行填写',
      en: 'fill in the cell; if it is merged with the row above, unmerge it and fill every row',
    },
  },
  HAZE_ROW_GRADE_UNKNOWN: {
    kind: 'problem',
    title: { zh: '无法识别的绩效等级', en: 'an unknown performance grade' },
    hint: {
      zh: '可用：A、A+、引领性、B、B-、C、D、非分级（一厂一策）、保障类，可带标签如"民生豁免-B"',
      en: 'allowed: A, A+, 引领性, B, B-, C, D, 非分级 (一厂一策), 保障类, with tags such as 民生豁免-B',
    },
  },
  HAZE_ROW_EMISSION_INVALID: {
    kind: 'problem',
    title: { zh: '排放量不是非负数', en: 'an emission figure is not a non-negative number' },
    hint: { zh: '不填表示没有数据，0 表示不排放', en: 'leave it empty when unknown; 0 means none' },
  },
  HAZE_ROW_TRIPS_INVALID: {
    kind: 'problem',
    title: { zh: '货车车次不是非负数', en: 'the truck trips are not a non-negative number' },
    hint: { zh: '填写每天进出厂的货车车次，如 12；不知道则留空', en: 'the trucks in and out a day, e.g. 12; leave it empty when unknown' },
  },
  HAZE_ROW_CODE_INVALID: {
    kind: 'problem',
    title: { zh: '统一社会信用代码无效', en: 'an invalid credit code' },
    hint: { zh: '请对照营业执照核对代码', en: 'check the code against the business licence' },
  },
  HAZE_ROW_CODE_MANGLED: {
    kind: 'problem',
    title: { zh: '统一社会信用代码被 Excel 当成了数字', en: 'Excel stored the credit code as a number' },
    hint: CODE_AS_TEXT,
  },
  HAZE_ROW_CODE_DUPLICATE: {
    kind: 'problem',
    title: { zh: '统一社会信用代码在清单中重复', en: 'a credit code is on the list twice' },
    hint: { zh: '一家企业只占一行；多条生产线写在措施里', en: 'one row per enterprise; several lines go into the measure text' },
  },
  HAZE_ROW_NAME_DUPLICATE: {
    kind: 'problem',
    title: { zh: '企业名称相同，信用代码不同', en: 'the same name with a different credit code' },
    hint: { zh: '核对是否同一企业', en: 'check whether they are the same enterprise' },
  },
  HAZE_ROW_COORD_NOT_NUMBER: {
    kind: 'problem',
    title: { zh: '经度或纬度不是数字', en: 'a longitude or latitude is not a number' },
    hint: { zh: '使用十进制度数，如 119.3859', en: 'use decimal degrees, e.g. 119.3859' },
  },
  HAZE_ROW_COORD_SWAPPED: {
    kind: 'problem',
    title: { zh: '经纬度填反了', en: 'longitude and latitude are swapped' },
    hint: { zh: '中国境内经度约 73–136，纬度约 3–54；交换这两列的值', en: 'longitude is about 73–136 and latitude 3–54 in China: swap the two cells' },
  },
  HAZE_ROW_COORD_OUTSIDE_CHINA: {
    kind: 'problem',
    title: { zh: '坐标不在中国境内', en: 'the coordinates are outside China' },
    hint: { zh: '检查经纬度是否为十进制度数（WGS-84）', en: 'check the coordinates are decimal degrees (WGS-84)' },
  },
  HAZE_ROW_COORD_FAR: {
    kind: 'problem',
    title: { zh: '坐标远离本镇', en: 'the point is far from the town' },
    hint: { zh: '核对经纬度（是否少了或多了一位、是否用了别处的坐标）', en: 'check the coordinates (a digit missing or extra, a point from elsewhere)' },
  },

  // The list's measures, against the rules
  HAZE_ROW_MEASURE_MISSING: {
    kind: 'problem',
    title: { zh: '某一级别的措施为空，按规则执行', en: "a level's measure text is empty; the rule applies" },
    hint: { zh: '按一厂一策填写本企业的措施', en: "write the enterprise's own measure (one plant, one policy)" },
  },
  HAZE_MEASURE_UNREAD: {
    kind: 'problem',
    title: { zh: '措施文本（或其一部分）无法识别', en: 'the measure text, or a part of it, cannot be read' },
    hint: {
      zh: '用 haze 认得的写法，如"停产""限产30%""停止喷涂工序""停止使用国四及以下重型柴油货车运输"，多条用"；"隔开',
      en: 'write it in the Chinese words haze reads, e.g. "停产", "限产30%", "停止喷涂工序", "停止使用国四及以下重型柴油货车运输", separated by "；"',
    },
  },
  HAZE_MEASURE_LEVELS: {
    kind: 'problem',
    title: {
      zh: '一格措施按预警级别分写：按本级别的部分执行，没写本级别的按全文从严执行',
      en: 'one measure cell is written by alert level: the part for this level applies, or the whole text at its strictest when this level is not named',
    },
    hint: {
      zh: '各级别的措施分别填在黄色、橙色、红色措施列',
      en: "put each level's measure in its own column (the yellow, orange and red measure columns)",
    },
  },
  HAZE_MEASURE_DEFERS: {
    kind: 'problem',
    title: { zh: '措施文本只写按上级要求执行，按规则执行', en: "the measure text only defers to others' orders; the rule applies" },
    hint: {
      zh: '把本企业在该级别的具体措施写进一厂一策（停产、限产比例、停止的工序）',
      en: "write the enterprise's own measure for the level into its 一厂一策 (a stop, a share, the processes that stop)",
    },
  },
  HAZE_MEASURE_WEAKER: {
    kind: 'problem',
    title: { zh: '措施弱于技术指南的要求', en: 'the measure is weaker than the guidance' },
    hint: {
      zh: '按技术指南对该行业和绩效等级的要求修改一厂一策；确有依据的，写进本镇规则文件（--rules）',
      en: 'bring the measure up to the guidance for the industry and grade; where the town has grounds for it, put them in its rule file (--rules)',
    },
  },
  HAZE_MEASURE_NO_TRUCK_BAN: {
    kind: 'problem',
    title: { zh: '措施缺少指南要求的货车管控', en: 'the measure lacks the truck ban the guidance asks for' },
    hint: { zh: '在措施中加上"停止使用国四及以下重型柴油货车运输"', en: 'add 停止使用国四及以下重型柴油货车运输 to the measure' },
  },

  // A filled-in checklist's rows (haze record)
  HAZE_RECORD_DATE: {
    kind: 'problem',
    title: { zh: '检查日期无法识别', en: 'the date of a check cannot be read' },
    hint: WRITE_THE_DATE,
  },
  HAZE_RECORD_GROUP: {
    kind: 'problem',
    title: { zh: '没有这个巡查组', en: 'no such patrol group' },
    hint: { zh: '组号见 groups.yaml 的 id', en: 'the group ids are those in groups.yaml' },
  },
  HAZE_RECORD_ENTERPRISE: {
    kind: 'problem',
    title: { zh: '清单中没有这家企业', en: 'the enterprise is not on the list' },
    hint: { zh: '核对统一社会信用代码', en: 'check the credit code' },
  },
  HAZE_RECORD_RESULT: {
    kind: 'problem',
    title: { zh: '检查结果无法识别', en: 'the result of a check cannot be read' },
    hint: { zh: '填写 合格、不合格 或 不适用（ok、violation、na）', en: 'write ok, violation or na (合格, 不合格, 不适用)' },
  },
  HAZE_RECORD_ITEM: {
    kind: 'problem',
    title: { zh: '企业没有这个检查项', en: 'the enterprise has no such check item' },
    hint: { zh: '用 haze checklist 导出的表中的 item_id', en: 'use the item_id of the table haze checklist writes' },
  },
  HAZE_RECORD_INSPECTORS: {
    kind: 'problem',
    title: { zh: '没有写检查人', en: 'who inspected is missing' },
    hint: { zh: '填写 inspectors 列，或用 --inspectors "张三,李四"', en: 'fill the inspectors column, or give --inspectors "张三,李四"' },
  },
  HAZE_RECORD_TIME: {
    kind: 'problem',
    title: { zh: '检查时间无法识别，或不在检查日期这一天', en: 'the time of a check cannot be read, or is not on its date' },
    hint: {
      zh: '写成 2019-12-08 13:05 或 2019/12/8 13:05（日期与日期列相同），或只写钟点 13:05',
      en: 'write it as 2019-12-08 13:05 or 2019/12/8 13:05 (on the date in the date column), or just the time, 13:05',
    },
  },
  HAZE_RECORD_NO_TIME: {
    kind: 'problem',
    title: { zh: '没有填写检查时间', en: 'the time of a check is missing' },
    hint: {
      zh: '在检查时间列填写钟点（如 13:05），或用 --checked-at 给出没有填写的时间',
      en: 'fill in the time column (e.g. 13:05), or give the time of those left empty with --checked-at',
    },
  },
  HAZE_RECORD_CODE_MANGLED: {
    kind: 'problem',
    title: { zh: '统一社会信用代码被 Excel 当成了数字', en: 'Excel turned the credit code into a number' },
    hint: CODE_AS_TEXT,
  },
  HAZE_RECORD_OUTSIDE_ALERT: {
    kind: 'problem',
    title: { zh: '检查时间不在预警期间', en: 'the check is outside the alert' },
    hint: { zh: '核对检查时间；haze alert history 列出已记录的预警', en: 'check the time; haze alert history lists the alerts recorded' },
  },
  HAZE_RECORD_DUPLICATE: {
    kind: 'problem',
    title: { zh: '同一次检查的同一检查项出现了两次', en: 'the same visit and item are in the file twice' },
    hint: { zh: '删去重复的行', en: 'delete the repeated row' },
  },
  HAZE_RECORD_UNPLANNED: {
    kind: 'problem',
    title: { zh: '计划外检查：当天该组的计划里没有这家企业', en: "an unplanned check: the enterprise was not in the group's plan that day" },
    hint: {
      zh: '确为计划外检查则无需处理；否则核对日期、组号和信用代码',
      en: 'nothing to do if the check was unplanned; else check the date, group and credit code',
    },
  },

  // A findings file's rows (haze findings import)
  HAZE_FINDING_DATE: {
    kind: 'problem',
    title: { zh: '问题的日期无法识别或没有填写', en: "the finding's date cannot be read or is missing" },
    hint: WRITE_THE_DATE,
  },
  HAZE_FINDING_DATE_FUTURE: {
    kind: 'problem',
    title: { zh: '问题的日期晚于今天', en: "the finding's date is after today" },
    hint: { zh: '核对年份和月份', en: 'check the year and month' },
  },
  HAZE_FINDING_ENTERPRISE: {
    kind: 'problem',
    title: { zh: '没有填写信用代码，或清单中没有这家企业', en: 'the credit code is missing, or not on the list' },
    hint: { zh: '按通报核对企业的 18 位统一社会信用代码', en: "check the enterprise's 18-character credit code against the notice" },
  },
  HAZE_FINDING_CODE_MANGLED: {
    kind: 'problem',
    title: { zh: '统一社会信用代码被 Excel 当成了数字', en: 'Excel turned the credit code into a number' },
    hint: CODE_AS_TEXT,
  },
  HAZE_FINDING_NAME: {
    kind: 'problem',
    title: { zh: '企业名称与清单不同，按信用代码记录', en: "the name differs from the list's; recorded by the credit code" },
    hint: { zh: '核对信用代码是否填错', en: 'check that the credit code is right' },
  },
  HAZE_FINDING_PROBLEM: {
    kind: 'problem',
    title: { zh: '没有填写发现的问题', en: 'the problem found is missing' },
    hint: { zh: '照通报抄录问题描述', en: 'copy the problem as the notice states it' },
  },
  HAZE_FINDING_SOURCE: {
    kind: 'problem',
    title: { zh: '没有填写来源（通报文件）', en: 'the source (the notice) is missing' },
    hint: { zh: '填写通报的文号，如 苏大气办〔2019〕12号', en: "give the notice's number, e.g. 苏大气办〔2019〕12号" },
  },
  HAZE_FINDING_DUPLICATE: {
    kind: 'problem',
    title: { zh: '同一问题在文件中出现了两次', en: 'the same finding is in the file twice' },
    hint: { zh: '删去重复的行', en: 'delete the repeated row' },
  },
  // ── evidence: reading points, readings and gate files (src/io/read/evidence) ─────────────────────────────
  // Codes of the evidence readers go here, one after another.
  HAZE_EVIDENCE_INVALID: {
    kind: 'error',
    exit: 65,
    title: { zh: '证据文件有错误，未导入任何数据', en: 'the evidence file has errors; nothing was imported' },
    hint: { zh: '按上面列出的行和列修改文件后重新导入', en: 'fix the rows and columns listed above and import again' },
  },
  HAZE_EVIDENCE_HEADER: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '找不到证据文件的表头', en: 'no header found in the evidence file' },
    hint: {
      zh: '第一行（或标题行之下）应写列名，例如 点位编号、时间、正向有功电能(kWh)；见 README 的证据文件格式',
      en: 'the first row (or the one below a title) names the columns, e.g. 点位编号, 时间, 正向有功电能(kWh); see the evidence formats in README',
    },
  },
  HAZE_EVIDENCE_NOT_TABLE: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '证据文件不是 CSV 或 .xlsx 表格', en: 'the evidence file is not a CSV or .xlsx table' },
    hint: { zh: '从计量平台或门禁系统重新导出为 CSV 或 .xlsx', en: 'export it again from the metering platform or the gate system as CSV or .xlsx' },
  },
  HAZE_EVIDENCE_CELL_MISSING: {
    kind: 'problem',
    title: { zh: '必填的单元格是空的', en: 'a required cell is empty' },
    hint: {
      zh: '填写该列；每行都需要点位编号和时间（门禁台账需要车牌号码和进出厂时间）',
      en: 'fill it in: every row needs its point id and time (a gate row its plate and time)',
    },
  },
  HAZE_EVIDENCE_POINT_DUPLICATE: {
    kind: 'problem',
    title: { zh: '点位编号重复', en: 'the point id appears twice' },
    hint: { zh: '每个监测点位只写一行；同一编号的两行合并为一行', en: 'one row per monitoring point: merge the two rows of this id' },
  },
  HAZE_EVIDENCE_ENTERPRISE: {
    kind: 'problem',
    title: { zh: '清单中没有这家企业', en: 'no enterprise on the list matches' },
    hint: { zh: '写清单中的统一社会信用代码（18 位）或企业名称', en: 'give the 18-character credit code or the name as the list has it' },
  },
  HAZE_EVIDENCE_CODE_MANGLED: {
    kind: 'problem',
    title: { zh: '统一社会信用代码被 Excel 转成了数字', en: 'Excel turned the credit code into a number' },
    hint: {
      zh: '在 Excel 中把代码列设为"文本"后重新输入完整的 18 位代码',
      en: 'format the code column as Text in Excel and type the full 18-character codes again',
    },
  },
  HAZE_EVIDENCE_POINT_KIND: {
    kind: 'problem',
    title: { zh: '点位类型无法识别', en: 'the point kind is not recognised' },
    hint: {
      zh: '写 production（生产）、treatment（治污）或 main（总表），也可写 p / t / m',
      en: 'write production (生产), treatment (治污) or main (总表), or p / t / m',
    },
  },
  HAZE_EVIDENCE_TREATED_BY: {
    kind: 'problem',
    title: { zh: '对应的治污点位不是本文件中的治污点位', en: 'the treatment point named is not a treatment point of this file' },
    hint: { zh: '对应治污点位写本文件中点位类型为治污的点位编号，多个用分号隔开', en: 'name treatment points of this file, separated by semicolons' },
  },
  HAZE_EVIDENCE_NUMBER: {
    kind: 'problem',
    title: { zh: '不是有效的非负数', en: 'not a valid non-negative number' },
    hint: {
      zh: '写数字，如 45 或 12.5，不带单位（单位写在表头括号里）',
      en: 'write a number such as 45 or 12.5, without a unit (the unit goes in the header, in parentheses)',
    },
  },
  HAZE_EVIDENCE_TIME: {
    kind: 'problem',
    title: { zh: '时间无法识别', en: 'the time is not recognised' },
    hint: {
      zh: '写作 2019-12-08 14:15、2019/12/8 14:15、20191208 141500 或 ISO 时间',
      en: 'write it as 2019-12-08 14:15, 2019/12/8 14:15, 20191208 141500 or an ISO time',
    },
  },
  HAZE_EVIDENCE_UNIT: {
    kind: 'problem',
    title: { zh: '表头中的单位不适用于这一列', en: 'the unit in the header does not fit the column' },
    hint: { zh: '电能、电量写 (kWh)、(Wh) 或 (MWh)，功率写 (kW)、(W) 或 (MW)', en: 'energy in (kWh), (Wh) or (MWh); power in (kW), (W) or (MW)' },
  },
  HAZE_EVIDENCE_UNIT_ASSUMED: {
    kind: 'problem',
    title: { zh: '表头没有写单位，按 kWh / kW 读取', en: 'the header names no unit: read as kWh / kW' },
    hint: { zh: '在表头括号中写明单位，例如 正向有功电能(kWh)', en: 'name the unit in the header, e.g. 正向有功电能(kWh)' },
  },
  HAZE_EVIDENCE_READING_DUPLICATE: {
    kind: 'problem',
    title: { zh: '同一点位同一时间有两个不同的读数', en: 'two different readings for the same point and time' },
    hint: { zh: '删去错误的一行；相同的重复行会被忽略', en: 'delete the wrong row; identical repeated rows are ignored' },
  },
  HAZE_EVIDENCE_NEGATIVE: {
    kind: 'problem',
    title: { zh: '电量或功率为负数', en: 'negative interval energy or power' },
    hint: {
      zh: '时段电量和平均功率不能为负：检查电表接线或导出设置',
      en: 'interval energy and power cannot be negative: check the meter wiring or the export',
    },
  },
  HAZE_EVIDENCE_COUNTER_RESET: {
    kind: 'problem',
    title: { zh: '电能示值变小：电表清零或换表', en: 'the cumulative reading went down: a counter reset or a new meter' },
    hint: {
      zh: '这一时段的用电量无法得知，不计入；之后的读数从新示值接着算',
      en: 'the use over that interval is unknown and not counted; readings go on from the new value',
    },
  },
  HAZE_EVIDENCE_GAP: {
    kind: 'problem',
    title: { zh: '读数中断超过 4 个采集间隔', en: 'the readings stop for more than 4 intervals' },
    hint: {
      zh: '中断期间的用电量不分配到时段，检查时作为数据缺失；补齐缺失的读数后重新导入',
      en: 'the energy across the gap is not assigned (it is checked as missing data); import the missing readings to fill it',
    },
  },
  HAZE_EVIDENCE_UNKNOWN_POINT: {
    kind: 'problem',
    title: { zh: '读数的点位不在点位文件中', en: 'readings for a point not in the points file' },
    hint: { zh: '先导入包含该点位的点位文件，或检查点位编号的写法', en: 'import a points file with this point first, or check how its id is written' },
  },
  HAZE_EVIDENCE_STAGE: {
    kind: 'problem',
    title: { zh: '排放阶段无法识别', en: 'the emission stage is not recognised' },
    hint: {
      zh: '写 0–6（国0–国6）、d（电动）、x（非道路无阶段），或 国四、国Ⅳ、国IV、国4、国五燃气、电动、新能源',
      en: 'write 0–6 (国0–国6), d (electric), x (non-road, no stage), or 国四, 国Ⅳ, 国IV, 国4, 国五燃气, 电动, 新能源',
    },
  },
  HAZE_EVIDENCE_FUEL: {
    kind: 'problem',
    title: { zh: '燃料类型无法识别', en: 'the fuel is not recognised' },
    hint: { zh: '写 柴油、汽油、天然气（LNG、CNG）、电动 或 混合动力', en: 'write 柴油, 汽油, 天然气 (LNG, CNG), 电动 or 混合动力' },
  },
  HAZE_EVIDENCE_DIRECTION: {
    kind: 'problem',
    title: { zh: '进出方向无法识别', en: 'the direction is not recognised' },
    hint: { zh: '写 进厂 或 出厂（也可写 进 / 出 / in / out），不知道时留空', en: 'write 进厂 or 出厂 (or 进 / 出 / in / out); leave it empty when unknown' },
  },
  HAZE_EVIDENCE_MORE_PROBLEMS: {
    kind: 'problem',
    title: { zh: '问题太多，只列出前面的', en: 'too many problems: only the first are listed' },
    hint: { zh: '先改正列出的问题，再次导入会列出其余的', en: 'fix those listed; importing again lists the rest' },
  },
  // (end of the readers' codes)

  // ── evidence: the store and `haze evidence import` (src/io/store/evidence.ts, workflow) ──────────────────
  // Codes of the evidence store and import go here, one after another.
  HAZE_EVIDENCE_NOTHING: {
    kind: 'error',
    exit: EXIT.noInput,
    title: { zh: '没有可用的证据数据', en: 'there is no evidence to check' },
    hint: {
      zh: '先用 haze evidence import 导入分表计电点位、读数和门禁台账',
      en: 'import meter points, readings and the gate ledger with haze evidence import first',
    },
  },
  HAZE_EVIDENCE_CONFLICT: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '证据与已导入的不同，未导入任何文件', en: 'the evidence differs from what was imported; none of the files was imported' },
    hint: {
      zh: '核对文件；确认新文件是更正后的数据时加 --replace 重新导入',
      en: 'check the file; if it is the corrected data, import it again with --replace',
    },
  },
  HAZE_EVIDENCE_FILE_KIND: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '不是分表计电点位、读数或门禁台账文件', en: 'not a meter points, readings or gate ledger file' },
    hint: {
      zh: '点位文件要有 点位编号、企业、类型 等列；读数文件要有 点位编号、时间、电能 等列；门禁台账要有 企业、进出厂时间、车牌号 等列',
      en: 'a points file names point id, enterprise and kind; a readings file point id, time and energy; a gate ledger enterprise, time and plate',
    },
  },
  HAZE_EVIDENCE_FILE_MISSING: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: 'haze.yaml 的 evidence: 列出的文件不存在', en: "a file haze.yaml's evidence: names does not exist" },
    hint: {
      zh: '改正 haze.yaml 中 evidence: 的路径（相对 haze.yaml 所在文件夹），或删去这一项',
      en: "correct the path under evidence: in haze.yaml (relative to haze.yaml's folder), or remove it",
    },
  },
  // (end of the store's codes)

  // ── evidence: the rules and the checks (src/core/evidence) ───────────────────────────────────────────────
  // Codes of the evidence checks go here, one after another.
  HAZE_EVIDENCE_NO_BASELINE: {
    kind: 'problem',
    title: { zh: '点位没有额定值，预警前读数也不足以求出基准', en: 'the point has no rated value and too few readings before the alert to learn a baseline' },
    hint: { zh: '在点位文件中填写额定功率，或导入预警前的读数', en: 'give its rated power in the points file, or import readings from before the alert' },
  },
  // (end of the checks' codes)

  // ── district: connecting, migrating, roles (src/io/store/district/connect.ts, roles.ts) ──────────────────
  // Codes of the district connection go here, one after another.
  HAZE_DISTRICT_URL: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '区级数据库的连接串写得不对', en: "the district database's connection string is not one haze can use" },
    hint: {
      zh: '写作 postgres://用户@主机:5432/数据库（密码放在 PGPASSWORD 或 ~/.pgpass，不写进连接串）',
      en: 'write it as postgres://user@host:5432/database (keep the password in PGPASSWORD or ~/.pgpass, not in the string)',
    },
  },
  HAZE_DISTRICT_NOT_NAMED: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '没有指定区级数据库', en: 'no district database was named' },
    hint: {
      zh: '在命令后写连接串（haze db push postgres://用户@主机/数据库），或写进 haze.yaml 的 district.db，或设 HAZE_DISTRICT_DB',
      en: 'give the connection string (haze db push postgres://user@host/db), or write it under district.db in haze.yaml, or set HAZE_DISTRICT_DB',
    },
  },
  HAZE_DISTRICT_NO_TOWN: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: 'haze.yaml 没有写本乡镇的代码', en: 'haze.yaml does not say which town this is' },
    hint: {
      zh: '在 haze.yaml 中写 town: { code: "320413102", name: 薛埠镇 } 和 district: { code: "320413", name: 金坛区 }',
      en: 'write town: { code: "320413102", name: 薛埠镇 } and district: { code: "320413", name: 金坛区 } in haze.yaml',
    },
  },
  HAZE_DISTRICT_UNAVAILABLE: {
    kind: 'error',
    exit: EXIT.unavailable,
    title: { zh: '连不上区级数据库', en: 'the district database cannot be reached' },
    hint: {
      zh: '检查网络和服务器；乡镇的工作照常在本机进行，网络恢复后再 haze db push',
      en: "check the network and the server; the town's work goes on on this PC, push again once the network is back",
    },
  },
  HAZE_DISTRICT_AUTH: {
    kind: 'error',
    exit: EXIT.noPerm,
    title: { zh: '区级数据库拒绝了用户名或密码', en: 'the district database refused the user name or password' },
    hint: {
      zh: '检查连接串中的用户名，以及 PGPASSWORD 或 ~/.pgpass 中的密码；向区里要本乡镇的账号',
      en: "check the user in the connection string and the password in PGPASSWORD or ~/.pgpass; ask the district for the town's account",
    },
  },
  HAZE_DISTRICT_DENIED: {
    kind: 'error',
    exit: EXIT.noPerm,
    title: { zh: '区级数据库不允许这个账号这样做', en: 'the district database does not let this account do that' },
    hint: {
      zh: '乡镇账号只能读写本乡镇的数据；区级汇总用区级账号。由区里用 haze db roles 建好账号',
      en: "a town's account reads and writes only its own town; district views need the district's account (made with haze db roles)",
    },
  },
  HAZE_DISTRICT_NEWER: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '区级数据库由更新版本的 haze 建立', en: 'the district database was set up by a newer haze' },
    hint: { zh: '升级本机的 haze', en: 'upgrade haze on this PC' },
  },
  HAZE_DISTRICT_NO_DATABASE: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '区级服务器上没有这个数据库', en: 'the district server has no database of that name' },
    hint: { zh: '检查连接串最后的数据库名；新建用 createdb', en: 'check the database name at the end of the connection string; make one with createdb' },
  },
  HAZE_DISTRICT_FAULT: {
    kind: 'error',
    exit: EXIT.ioErr,
    title: { zh: '区级数据库出错，没有做任何改动', en: 'the district database failed; nothing was changed' },
    hint: { zh: '稍后再试；仍不行请把这条消息发给区里的管理员', en: "try again later; if it keeps failing, send this message to the district's administrator" },
  },
  HAZE_DISTRICT_SSLMODE: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '连接串的 sslmode 写得不对', en: "the connection string's sslmode is not one haze can use" },
    hint: {
      zh: '区里的服务器开了 SSL 就写 sslmode=require（或 verify-full 加 sslrootcert=根证书文件），没开就写 sslmode=disable 或不写',
      en: 'when the server has SSL, write sslmode=require (or verify-full with sslrootcert=<CA file>); when it has not, sslmode=disable or nothing',
    },
  },
  HAZE_DISTRICT_SSL: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '区级数据库的 SSL 与连接串的要求不符', en: "the district database's SSL does not match what the connection string asks" },
    hint: {
      zh: '问区里的管理员服务器是否开了 SSL、用哪个根证书；按回答改连接串的 sslmode 和 sslrootcert',
      en: "ask the district's administrator whether the server has SSL and which CA signs it; set sslmode and sslrootcert to match",
    },
  },
  HAZE_DISTRICT_ROLES_DENIED: {
    kind: 'error',
    exit: EXIT.noPerm,
    title: { zh: '这个账号不能建立区级数据库的账号和授权', en: "this account cannot make the district database's roles and grants" },
    hint: {
      zh: '用超级用户（如 postgres）的连接串运行 haze db roles --apply，或把 haze db roles 打印的 SQL 交给数据库管理员用 psql -f 执行',
      en: "run haze db roles --apply with a superuser's connection string (e.g. postgres), or give the SQL haze db roles prints to the administrator to run with psql -f",
    },
  },

  // (end of the connection's codes)

  // ── district: push, pull, conflicts (src/io/store/district/push.ts, pull.ts) ──────────────────────────
  // Codes of push and pull go here, one after another.
  // (end of push's codes)

  // ── district: the views (report --district, alert status --district) ────────────────────────────────
  // Codes of the district views go here, one after another.
  HAZE_DISTRICT_EMPTY: {
    kind: 'error',
    exit: EXIT.noInput,
    title: { zh: '区级数据库里还没有乡镇的数据', en: 'the district database holds no town yet' },
    hint: {
      zh: '各乡镇用 haze db push 报送后再看区级汇总；检查连接串是否指向区里的数据库',
      en: "district views show what towns have pushed (haze db push); check that the connection string names the district's database",
    },
  },
  HAZE_DISTRICT_NO_SUCH_TOWN: {
    kind: 'error',
    exit: EXIT.noInput,
    title: { zh: '区级数据库没有这个乡镇的数据', en: 'the district database holds nothing for that town' },
    hint: {
      zh: '--town 写乡镇的行政区划代码（haze.yaml 的 town.code）；该乡镇要先 haze db push',
      en: "--town takes the town's code (town.code in its haze.yaml); the town must have pushed (haze db push)",
    },
  },
  // (end of the views' codes)

  // ── haze serve: the server, its tokens and password (src/serve/, src/cli/actions/serve.ts) ───────────────
  // Codes of haze serve go here, one after another.
  HAZE_SERVE_NO_WORKSPACE: {
    kind: 'error',
    exit: EXIT.noInput,
    title: { zh: '没有工作区，haze serve 无处保存录入的结果', en: 'no workspace: haze serve has no store to keep entries in' },
    hint: { zh: '先 haze init 建立工作区，在工作区目录里运行 haze serve', en: 'make one with haze init and run haze serve in its folder' },
  },
  HAZE_SERVE_ADDRESS_IN_USE: {
    kind: 'error',
    exit: EXIT.unavailable,
    title: { zh: '端口已被占用', en: 'the port is in use' },
    hint: { zh: '换一个端口：--port 8081', en: 'use another port: --port 8081' },
  },
  HAZE_SERVE_ADDRESS: {
    kind: 'error',
    exit: EXIT.usage,
    title: { zh: '不能在这个地址上监听', en: 'cannot listen on that address' },
    hint: {
      zh: '--host 写本机的地址（ipconfig 或 ip addr 可见），例如 192.168.1.20；0.0.0.0 为本机所有地址',
      en: "--host takes one of this PC's addresses (ipconfig, ip addr), e.g. 192.168.1.20; 0.0.0.0 for all of them",
    },
  },
  HAZE_SERVE_TLS_MISSING: {
    kind: 'error',
    exit: EXIT.noInput,
    title: { zh: '--tls 的证书或私钥文件不存在', en: '--tls: the certificate or key file is missing' },
    hint: {
      zh: '--tls 证书.pem 私钥.pem，两个都是 PEM 文件（如 openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem 生成）',
      en: '--tls CERT.pem KEY.pem, both PEM files (e.g. made with openssl req -x509 -newkey rsa:2048 -nodes -keyout key.pem -out cert.pem)',
    },
  },
  HAZE_SERVE_TLS_INVALID: {
    kind: 'error',
    exit: EXIT.config,
    title: { zh: '--tls 的证书或私钥不能用', en: '--tls: the certificate or key cannot be used' },
    hint: {
      zh: '两个文件都应是 PEM（以 -----BEGIN 开头），先证书后私钥，且私钥与证书相配、未加密码',
      en: 'both must be PEM (beginning -----BEGIN), the certificate first, then its key, unencrypted',
    },
  },
  HAZE_SERVE_PASSWORD_SHORT: {
    kind: 'error',
    exit: EXIT.usage,
    title: { zh: '密码太短', en: 'the password is too short' },
    hint: { zh: '至少 8 个字符；两次输入须相同', en: 'at least 8 characters, typed the same twice' },
  },
  HAZE_SERVE_NO_URL: {
    kind: 'error',
    exit: EXIT.usage,
    title: { zh: '不知道链接的地址', en: 'no address for the links' },
    hint: {
      zh: '给 --url http://本机局域网地址:8080（如 http://192.168.1.20:8080），或在 haze.yaml 写 serve: { url: http://192.168.1.20:8080 }',
      en: "give --url http://<this PC's LAN address>:8080 (e.g. http://192.168.1.20:8080), or put serve: { url: http://192.168.1.20:8080 } in haze.yaml",
    },
  },
  HAZE_SERVE_TOKEN_UNKNOWN: {
    kind: 'error',
    exit: EXIT.dataErr,
    title: { zh: '没有这个编号的链接', en: 'no link with that id' },
    hint: { zh: 'haze serve tokens 列出全部链接的编号', en: 'haze serve tokens lists the ids' },
  },
  // (end of serve's codes)
} as const satisfies Record<string, CodeSpec>;

export type Code = keyof typeof CODES;
/** The codes a HazeError may carry. */
export type ErrorCode = { [K in Code]: (typeof CODES)[K]['kind'] extends 'error' ? K : never }[Code];
/** The codes a Problem may carry. */
export type ProblemCode = { [K in Code]: (typeof CODES)[K]['kind'] extends 'problem' ? K : never }[Code];

/** Each code by its name, for call sites: `CODE.HAZE_LIST_INVALID` is the string 'HAZE_LIST_INVALID'. */
export const CODE: { readonly [K in Code]: K } = Object.freeze(Object.fromEntries(Object.keys(CODES).map((k) => [k, k])) as { [K in Code]: K });
