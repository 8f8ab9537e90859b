/** The shell every printed file shares: one self-contained HTML document, its styles inline, nothing fetched. */
import { escapeHtml } from './escapeHtml.js';
import { PAGE_STYLE } from './pageStyle.js';

export function htmlDocument(title: string, body: string, lang: 'zh' | 'en' = 'zh'): string {
  return `<!DOCTYPE html>
<html lang="${lang === 'en' ? 'en' : 'zh-CN'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

/** The footer of every sheet: who and when on the left, the page number within the group's pack on the right. */
export function pageFoot(left: string, page: number, pages: number, lang: 'zh' | 'en' = 'zh'): string {
  const no = lang === 'en' ? `page ${page} of ${pages}` : `第 ${page} 页 / 共 ${pages} 页`;
  return `<footer class="page-foot"><span>${escapeHtml(left)}</span><span class="page-no">${no}</span></footer>`;
}
