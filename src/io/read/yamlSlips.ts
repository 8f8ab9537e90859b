/**
 * The slips an officer makes typing YAML on a Chinese keyboard, found line by line in the text itself: the
 * YAML library either stops at them in its own English ("Implicit keys need to be on a single line") or, worse,
 * reads them without a word as something else (`name：张三` as a key of its own). Each slip is said in the
 * officer's words, with the line and column where it is and what to type instead.
 */
import type { Text } from '../../errors.js';

export interface YamlSlip {
  line: number;
  /** 1-based, in characters. */
  column: number;
  /** `error`: the file is not what was meant; `warning`: it reads, but probably not as meant. */
  severity: 'error' | 'warning';
  /** Only the likely cause of an error the YAML library reports (a quote left open), never said alone. */
  causeOnly?: true;
  message: Text;
  hint: Text;
}

/** A key as haze's files write them: ASCII snake_case. Values are Chinese, so a key before `：` is a slip. */
const KEY = '[A-Za-z_][A-Za-z0-9_]*';
const FULL_WIDTH_COLON = new RegExp(`(^\\s*(?:-\\s+)?|[{,]\\s*)(${KEY})\\s*：`, 'g');
const NO_SPACE_AFTER_COLON = new RegExp(`^(\\s*(?:-\\s+)?)(${KEY}):(?=[^\\s/])`);
const FULL_WIDTH_BRACKET = new RegExp(`^\\s*(?:-\\s+)?${KEY}:\\s+([［【｛〔（])`);

/** The text of a line before its comment (a `#` after a space, outside quotes), for counting quotes. */
function withoutComment(line: string): string {
  let quote: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      // A ' inside a plain word (it's) is no quote.
      if (c === "'" && i > 0 && /\w/.test(line[i - 1]!)) continue;
      quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return line.slice(0, i);
  }
  return line;
}

export function yamlSlips(text: string): YamlSlip[] {
  const out: YamlSlip[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (/^\s*#/.test(raw)) return;
    const lead = /^[\t \u3000]*/.exec(raw)![0];
    if (lead.includes('\t')) {
      out.push({
        line,
        column: lead.indexOf('\t') + 1,
        severity: 'error',
        message: { zh: '这一行用 Tab 键缩进；YAML 只认空格', en: 'this line is indented with a tab; YAML takes spaces only' },
        hint: {
          zh: '把行首的 Tab 换成空格（同一层的行前面空格数相同）',
          en: 'replace the tab at the start of the line with spaces (lines at one level start with the same number of spaces)',
        },
      });
    }
    if (lead.includes('\u3000')) {
      out.push({
        line,
        column: lead.indexOf('\u3000') + 1,
        severity: 'error',
        message: { zh: '这一行行首有全角空格（中文输入法的空格）', en: 'this line starts with a full-width space (the space of a Chinese input method)' },
        hint: {
          zh: '把行首的全角空格换成半角空格（切换到英文输入法再敲空格）',
          en: 'replace the full-width space with ordinary spaces (switch to the English input method)',
        },
      });
    }
    const body = withoutComment(raw);
    for (const m of body.matchAll(FULL_WIDTH_COLON)) {
      out.push({
        line,
        column: m.index + m[0].length,
        severity: 'error',
        message: {
          zh: `"${m[2]}"后面是全角冒号"："，YAML 不把它当作冒号`,
          en: `"${m[2]}" is followed by a full-width colon "：", which YAML does not take as a colon`,
        },
        hint: { zh: `改成半角冒号加空格：${m[2]}: …`, en: `write an ASCII colon and a space: ${m[2]}: …` },
      });
    }
    const tight = NO_SPACE_AFTER_COLON.exec(body);
    if (tight) {
      out.push({
        line,
        column: tight[0].length,
        severity: 'error',
        message: { zh: `"${tight[2]}:"的冒号后面没有空格`, en: `there is no space after the colon of "${tight[2]}:"` },
        hint: { zh: `冒号后加一个空格：${tight[2]}: …`, en: `put a space after the colon: ${tight[2]}: …` },
      });
    }
    const bracket = FULL_WIDTH_BRACKET.exec(body);
    if (bracket) {
      out.push({
        line,
        column: bracket[0].length,
        severity: 'error',
        message: {
          zh: `用了全角括号"${bracket[1]}"，YAML 只认半角的 [ ] 和 { }`,
          en: `a full-width bracket "${bracket[1]}": YAML takes only ASCII [ ] and { }`,
        },
        hint: { zh: '改成半角括号，如 villages: [甲村, 乙村]', en: 'use ASCII brackets, e.g. villages: [甲村, 乙村]' },
      });
    }
    // A full-width comma inside [ ] makes one name of two: YAML reads it without complaint.
    const flow = /\[([^\]]*)\]/.exec(body);
    if (flow && /[，、；]/.test(flow[1]!)) {
      const at = flow.index + 1 + flow[1]!.search(/[，、；]/);
      out.push({
        line,
        column: at + 1,
        severity: 'warning',
        message: {
          zh: `[ ] 中用了全角的"${body[at]}"分隔，YAML 会把前后两个名称读成一个`,
          en: `the items in [ ] are separated by a full-width "${body[at]}", so YAML reads the names around it as one`,
        },
        hint: { zh: '用半角逗号分隔：[甲村, 乙村]', en: 'separate them with ASCII commas: [甲村, 乙村]' },
      });
    }
    const quotes = (body.match(/"/g) ?? []).length;
    if (quotes % 2 === 1) {
      out.push({
        line,
        column: body.lastIndexOf('"') + 1,
        severity: 'error',
        causeOnly: true,
        message: { zh: '这一行的双引号没有配对（少了一个 "）', en: 'the double quotes on this line do not pair up (a " is missing)' },
        hint: { zh: '在值的末尾补上 "，或去掉多余的 "', en: 'close the value with a ", or remove the stray one' },
      });
    }
    if (/[“”]/.test(body) && !/"/.test(body)) {
      const at = body.search(/[“”]/);
      out.push({
        line,
        column: at + 1,
        severity: 'warning',
        message: { zh: '用了中文引号"“ ”"，YAML 把它们当作文字的一部分', en: 'Chinese quotes “ ” are read by YAML as part of the text' },
        hint: { zh: '改成半角引号 "…"', en: 'use ASCII quotes "…"' },
      });
    }
  });
  return out;
}

/** What the YAML library's error codes mean, in the officer's words: for an error no slip explains. */
export function yamlErrorWords(code: string): Text {
  switch (code) {
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
      return {
        zh: '这一行读不成"键: 值"（检查冒号是否为半角、冒号后是否有空格、上一行是否写完）',
        en: 'this line does not read as "key: value" (check that the colon is ASCII, that a space follows it, that the line above is complete)',
      };
    case 'TAB_AS_INDENT':
      return { zh: '这一行用 Tab 键缩进；YAML 只认空格', en: 'this line is indented with a tab; YAML takes spaces only' };
    case 'DUPLICATE_KEY':
      return { zh: '同一个键写了两次', en: 'the same key is written twice' };
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return { zh: '缩进或括号、引号不配对', en: 'the indentation, or a bracket or quote, does not match up' };
    case 'UNEXPECTED_TOKEN':
      return { zh: '这里多了不该有的字符（引号、括号或逗号）', en: 'a character that does not belong here (a quote, bracket or comma)' };
    case 'BAD_ALIAS':
    case 'BAD_SCALAR_START':
      return { zh: '值不能以这个字符开头（* & ! % @ ` 等，需加引号）', en: 'a value cannot start with this character (* & ! % @ ` …: put it in quotes)' };
    default:
      return { zh: '这里的写法 YAML 读不懂', en: 'YAML cannot read what is written here' };
  }
}
