// The office view's page: fetches the day as JSON and writes every value with textContent; the map's SVG and
// the report's HTML are made and escaped on the server. Live by server-sent events, or by polling every 5 s.
'use strict';
(function () {
  const csrf = document.querySelector('meta[name="csrf-token"]').content;
  const dateInput = document.getElementById('date');
  const live = document.getElementById('live');
  let date = dateInput.value;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  const RESULT_ZH = { ok: '合格', violation: '发现问题', none: '—' };
  const OUTCOME_ZH = { new: '首次', correction: '更正', unchanged: '未变' };
  const when = (iso) => {
    const d = new Date(iso);
    return isNaN(d) ? iso : d.toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  };

  function photoImg(sha) {
    const a = el('a', 'thumb');
    a.href = '/office/photos/' + encodeURIComponent(sha);
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    const img = el('img');
    img.src = '/office/photos/' + encodeURIComponent(sha);
    img.alt = '现场照片';
    img.loading = 'lazy';
    a.appendChild(img);
    return a;
  }

  function renderGroup(g) {
    const sec = el('article', 'group');
    sec.dataset.group = g.id;
    sec.appendChild(el('h2', null, g.name + '（组长 ' + g.leader + '）'));
    if (g.problem) {
      sec.appendChild(el('p', 'notice', g.problem));
      return sec;
    }
    const wrap = el('div', 'group-body');
    const map = el('div', 'map');
    // The SVG is the server's route map (escaped there), not a value from a phone.
    map.innerHTML = g.map;
    for (const v of g.visits) {
      const stop = map.querySelector('g.stop[data-code="' + CSS.escape(v.creditCode) + '"]');
      if (stop) stop.classList.add('st-' + v.status);
    }
    const table = el('table', 'visits');
    const head = el('tr');
    for (const t of ['序', '企业', '村', '计划到达', '状态', '检查人', '检查时间']) head.appendChild(el('th', null, t));
    table.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    for (const v of g.visits) {
      const tr = el('tr', 'visit st-' + v.status);
      tr.dataset.code = v.creditCode;
      tr.appendChild(el('td', 'c', v.seq));
      tr.appendChild(el('td', null, v.name));
      tr.appendChild(el('td', null, v.village));
      tr.appendChild(el('td', 'c', v.plannedArrival));
      const st = el('td', 'status');
      st.appendChild(el('span', 'badge st-' + v.status, v.statusZh));
      if (v.corrected) st.appendChild(el('span', 'corrected', '已更正（保留历史）'));
      tr.appendChild(st);
      tr.appendChild(el('td', null, v.inspectors));
      tr.appendChild(el('td', 'c', v.checkedAt || ''));
      body.appendChild(tr);
      if (v.corrected) {
        const hist = el('tr', 'history');
        const td = el('td');
        td.colSpan = 7;
        const ol = el('ol');
        for (const e of v.entries) {
          const li = el(
            'li',
            null,
            when(e.receivedAt) +
              ' · 链接 ' +
              e.link +
              ' · ' +
              OUTCOME_ZH[e.outcome] +
              ' · ' +
              RESULT_ZH[e.result] +
              (e.notes.length ? ' · ' + e.notes.join('；') : ''),
          );
          ol.appendChild(li);
        }
        td.appendChild(ol);
        hist.appendChild(td);
        body.appendChild(hist);
      }
    }
    table.appendChild(body);
    wrap.appendChild(map);
    wrap.appendChild(table);
    sec.appendChild(wrap);
    return sec;
  }

  function renderFeed(feed) {
    const ol = document.getElementById('feed');
    ol.replaceChildren();
    if (feed.length === 0) ol.appendChild(el('li', 'empty', '还没有手机上传的结果'));
    for (const f of feed) {
      const li = el('li', 'feed-item st-' + (f.result === 'violation' ? 'violation' : 'done'));
      li.dataset.entry = f.entryId;
      li.appendChild(el('div', 'feed-head', when(f.receivedAt) + ' 第 ' + f.groupId + ' 组 ' + f.name));
      li.appendChild(el('div', 'feed-result', RESULT_ZH[f.result] + (f.outcome === 'correction' ? '（更正）' : '')));
      for (const n of f.notes) li.appendChild(el('div', 'note', n));
      if (f.photos.length) {
        const p = el('div', 'photos');
        for (const s of f.photos) p.appendChild(photoImg(s));
        li.appendChild(p);
      }
      ol.appendChild(li);
    }
  }

  function renderTokens(tokens) {
    const tb = document.getElementById('tokens');
    tb.replaceChildren();
    for (const t of tokens) {
      const tr = el('tr');
      tr.dataset.token = t.id;
      tr.appendChild(el('td', null, t.id));
      tr.appendChild(el('td', 'c', t.groupId));
      tr.appendChild(el('td', null, t.fromDate === t.toDate ? t.fromDate : t.fromDate + ' 至 ' + t.toDate));
      tr.appendChild(el('td', null, t.label));
      const td = el('td');
      if (t.revoked) td.appendChild(el('span', 'revoked', '已作废'));
      else {
        const b = el('button', 'revoke', '作废');
        b.type = 'button';
        b.addEventListener('click', () => revoke(t.id));
        td.appendChild(b);
      }
      tr.appendChild(td);
      tb.appendChild(tr);
    }
  }

  async function revoke(id) {
    if (!window.confirm('作废链接 ' + id + '？该组的手机将不能再录入。')) return;
    const r = await fetch('/office/api/tokens/' + encodeURIComponent(id) + '/revoke', {
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
      credentials: 'same-origin',
    });
    if (r.status === 401) location.href = '/office/login';
    refresh();
  }

  let loading = null;
  async function refresh() {
    if (loading) return loading;
    loading = (async () => {
      try {
        const r = await fetch('/office/api/day?date=' + encodeURIComponent(date), { credentials: 'same-origin' });
        if (r.status === 401) {
          location.href = '/office/login';
          return;
        }
        if (!r.ok) return;
        const day = await r.json();
        document.getElementById('now').textContent = '服务器时间 ' + day.now;
        document.getElementById('groups').replaceChildren(...day.groups.map(renderGroup));
        renderFeed(day.feed);
        renderTokens(day.tokens);
        const rep = await fetch('/office/api/report?date=' + encodeURIComponent(date), { credentials: 'same-origin' });
        // The report's HTML is made and escaped on the server (io/write/html/reportHtml.ts).
        if (rep.ok) document.getElementById('report').innerHTML = await rep.text();
        document.getElementById('report-link').href = '/office/report?date=' + encodeURIComponent(date);
      } finally {
        loading = null;
      }
    })();
    return loading;
  }

  dateInput.addEventListener('change', () => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dateInput.value)) return;
    date = dateInput.value;
    history.replaceState(null, '', '/office?date=' + encodeURIComponent(date));
    refresh();
  });

  let poll = null;
  function startPolling() {
    if (poll) return;
    live.textContent = '每 5 秒刷新';
    poll = setInterval(refresh, 5000);
  }
  if ('EventSource' in window) {
    const es = new EventSource('/office/events');
    es.addEventListener('open', () => {
      live.textContent = '实时';
      if (poll) {
        clearInterval(poll);
        poll = null;
      }
    });
    es.addEventListener('change', () => refresh());
    es.addEventListener('error', () => startPolling());
  } else startPolling();
  refresh();
})();
