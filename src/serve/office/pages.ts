/**
 * The office's server-made pages: the login form and the shell of the office view. No inline script or style
 * (the CSP forbids them): the page's look and behaviour are client/office.css and client/office.js. Every value
 * is escaped; the CSRF token travels in a meta tag (the page's script sends it back in a header).
 */
import { escapeHtml as h } from '../../io/write/html/escapeHtml.js';

function shell(title: string, body: string, script: boolean, meta = ''): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${meta}<title>${h(title)}</title>
<link rel="stylesheet" href="/office/static/office.css">
${script ? '<script src="/office/static/office.js" defer></script>\n' : ''}</head>
<body>
${body}
</body>
</html>
`;
}

export function loginPage(opts: { town: string; name?: string; wrong?: boolean; noUsers?: boolean }): string {
  const notice = opts.noUsers ? '<p class="notice" id="no-users">还没有设置办公室密码：请先在服务器上运行 <code>haze serve --set-password</code>。</p>' : '';
  const wrong = opts.wrong ? '<p class="error" id="login-error" role="alert">密码不对</p>' : '';
  return shell(
    `${opts.town} 巡查办公室 登录`,
    `<main class="login">
<h1>${h(opts.town)} 巡查办公室</h1>
${notice}${wrong}<form method="post" action="/office/login" class="login-form">
<label>用户名 <input name="name" autocomplete="username" value="${h(opts.name ?? 'office')}" required maxlength="64"></label>
<label>密码 <input name="password" type="password" autocomplete="current-password" required maxlength="256" autofocus></label>
<button type="submit">登录</button>
</form>
</main>`,
    false,
  );
}

export function officePage(opts: { town: string; date: string; csrf: string }): string {
  return shell(
    `${opts.town} 巡查办公室`,
    `<header class="top">
<h1>${h(opts.town)} 巡查办公室</h1>
<label class="date">日期 <input type="date" id="date" value="${h(opts.date)}"></label>
<span id="live" class="live">连接中…</span>
<span id="now" class="now"></span>
<form method="post" action="/office/logout" id="logout-form"><input type="hidden" name="_csrf" value="${h(opts.csrf)}"><button type="submit">退出</button></form>
</header>
<main class="office">
<section class="groups" id="groups" aria-live="polite"></section>
<section class="side">
<h2>最新结果</h2>
<ol class="feed" id="feed"></ol>
<h2>检查链接</h2>
<table class="tokens"><thead><tr><th>链接</th><th>组</th><th>日期</th><th>备注</th><th></th></tr></thead><tbody id="tokens"></tbody></table>
</section>
<section class="report-box"><h2>当日巡查报告 <a id="report-link" href="#">打开</a></h2><div id="report"></div></section>
</main>`,
    true,
    `<meta name="csrf-token" content="${h(opts.csrf)}">\n<meta name="office-date" content="${h(opts.date)}">\n`,
  );
}

/** The report on a page of its own (printable from the browser). */
export function reportPage(town: string, date: string, body: string): string {
  return shell(`${town} 巡查报告 ${date}`, `<main class="report-page">${body}</main>`, false);
}
