/**
 * The inspector's page: an app shell, the same for every group and day. Its script (client/inspector.js)
 * reads the token from the address, fetches the day and works from the phone's copy; no data is in the HTML.
 */
export const INSPECTOR_PAGE = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<meta name="format-detection" content="telephone=no">
<title>现场检查录入</title>
<link rel="stylesheet" href="/assets/inspector.css">
<script src="/assets/inspector.js" defer></script>
</head>
<body>
<header id="top">
<h1 id="title">现场检查录入</h1>
<p id="summary"></p>
<p id="outbox" class="outbox"></p>
<p id="notes" class="notes"></p>
</header>
<main id="visits"><p class="loading">正在读取当天的检查任务…</p></main>
<noscript><p>此页面需要开启 JavaScript。</p></noscript>
</body>
</html>
`;
