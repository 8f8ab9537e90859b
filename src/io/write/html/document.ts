/** The shell every printed file shares: one self-contained HTML document, its styles inline, nothing fetched. */
import { escapeHtml } from './escapeHtml.js';
import { PAGE_STYLE } from './pageStyle.js';

export function htmlDocument(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
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
export function pageFoot(left: string, page: number, pages: number): string {
  return `<footer class="page-foot"><span>${escapeHtml(left)}</span><span class="page-no">第 ${page} 页 / 共 ${pages} 页</span></footer>`;
}
