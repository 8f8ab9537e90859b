/*
 * haze serve: the inspector's page on the phone. Plain ES2017, no modules, no framework, no build step (it
 * must run in WeChat's built-in browser). Every value from the list or the server goes into the page through
 * textContent / createElement, never innerHTML.
 *
 * The day (GET /api/g/<token>/day) is kept on the phone (localStorage); entries are saved on the phone first
 * (IndexedDB, an outbox with the photos as Blobs) and sent when the server is reachable: on save, on 'online'
 * and every 15 s; photos first, then the entry naming them. Times come from the server's clock.
 */
(function () {
  'use strict';

  var parts = location.pathname.split('/');
  var TOKEN = parts[2] || '';
  var API = '/api/g/' + encodeURIComponent(TOKEN);
  var ASKED_DATE = new URLSearchParams(location.search).get('date') || '';
  var DAY_KEY = 'haze-day:' + TOKEN.slice(0, 8) + ':' + ASKED_DATE;
  var RESULTS = [
    { value: 'ok', label: '符合' },
    { value: 'violation', label: '不符合' },
    { value: 'na', label: '不适用' },
  ];
  var RETRY_MS = 15000;
  var MAX_SIDE = 1600;

  var state = { day: null, fetchedAt: 0, outbox: [], drafts: {}, flushing: false, offlineDay: false };

  // ── small helpers ────────────────────────────────────────────────────────────────────────────────────
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function $(id) {
    return document.getElementById(id);
  }
  function pad(n) {
    return (n < 10 ? '0' : '') + n;
  }
  /** A wall time YYYY-MM-DD HH:MM as ms of a clock that reads it in UTC. */
  function wallMs(s) {
    var m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(s || '');
    return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) : NaN;
  }
  function formatWall(ms) {
    var d = new Date(ms);
    return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate()) + ' ' + pad(d.getUTCHours()) + ':' + pad(d.getUTCMinutes());
  }
  /** The server's clock now: its time when the day was fetched plus what has passed since (not the phone's own time). */
  function nowWall() {
    return formatWall(wallMs(state.day.now) + Math.max(0, Date.now() - state.fetchedAt));
  }
  function newEntryId() {
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    var s = '';
    for (var i = 0; i < b.length; i++) s += (b[i] < 16 ? '0' : '') + b[i].toString(16);
    return s;
  }
  function messageOf(body, fallback) {
    if (body && body.message && body.message.zh) {
      var probs = (body.problems || []).map(function (p) {
        return p.message && p.message.zh ? p.message.zh : '';
      });
      return [body.message.zh].concat(probs.filter(Boolean)).join('；');
    }
    return fallback;
  }

  // ── the phone's store: IndexedDB outbox ─────────────────────────────────────────────────────────────
  var dbPromise = null;
  function openDb() {
    if (dbPromise) return dbPromise;
    dbPromise = new Promise(function (resolve, reject) {
      if (!window.indexedDB) return reject(new Error('no IndexedDB'));
      var req = indexedDB.open('haze-inspector', 1);
      req.onupgradeneeded = function () {
        req.result.createObjectStore('outbox', { keyPath: 'entryId' });
      };
      req.onsuccess = function () {
        resolve(req.result);
      };
      req.onerror = function () {
        reject(req.error);
      };
    });
    return dbPromise;
  }
  function tx(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction('outbox', mode);
        var out = work(t.objectStore('outbox'));
        t.oncomplete = function () {
          resolve(out && out.result !== undefined ? out.result : undefined);
        };
        t.onerror = function () {
          reject(t.error);
        };
        t.onabort = function () {
          reject(t.error);
        };
      });
    });
  }
  function putItem(item) {
    return tx('readwrite', function (s) {
      return s.put(item);
    });
  }
  function loadOutbox() {
    return tx('readonly', function (s) {
      return s.getAll();
    }).then(function (all) {
      state.outbox = (all || [])
        .filter(function (it) {
          return it.token === TOKEN;
        })
        .sort(function (a, b) {
          return a.savedAt - b.savedAt;
        });
    });
  }

  // ── the day ──────────────────────────────────────────────────────────────────────────────────────────
  function keepDay(day, fetchedAt) {
    try {
      localStorage.setItem(DAY_KEY, JSON.stringify({ day: day, fetchedAt: fetchedAt }));
    } catch (e) {
      /* a full or disabled storage: the page still works while open */
    }
  }
  function keptDay() {
    try {
      var s = localStorage.getItem(DAY_KEY);
      return s ? JSON.parse(s) : null;
    } catch (e) {
      return null;
    }
  }
  function fetchDay() {
    var url = API + '/day' + (ASKED_DATE ? '?date=' + encodeURIComponent(ASKED_DATE) : '');
    return fetch(url, { cache: 'no-store', credentials: 'same-origin' }).then(
      function (r) {
        return r.json().then(
          function (body) {
            return { status: r.status, body: body };
          },
          function () {
            return { status: r.status, body: null };
          },
        );
      },
      function () {
        return { status: 0, body: null };
      },
    );
  }

  // ── the page ─────────────────────────────────────────────────────────────────────────────────────────
  function visitItems(code) {
    return state.outbox.filter(function (it) {
      return it.entry.creditCode === code && it.entry.date === state.day.date;
    });
  }
  function statusOf(v) {
    var mine = visitItems(v.creditCode);
    var pending = mine.filter(function (it) {
      return it.status === 'pending';
    });
    if (pending.length > 0) return { cls: 'pending', text: '已存手机，待发送 (' + pending.length + ')' };
    var last = mine[mine.length - 1];
    if (last && last.status === 'refused') return { cls: 'refused', text: '未能送达：' + (last.message || '办公室拒收') };
    if (v.sent || (last && last.status === 'sent')) return { cls: 'sent', text: '已送达办公室' };
    if (v.recorded) return { cls: 'recorded', text: '办公室已有记录' };
    return { cls: 'none', text: '未录入' };
  }
  function renderCounts() {
    var n = state.outbox.filter(function (it) {
      return it.status === 'pending';
    }).length;
    $('outbox').textContent = '手机上待发送 ' + n + ' 条';
    $('outbox').className = 'outbox' + (n > 0 ? ' waiting' : '');
    if (!state.day) return;
    state.day.visits.forEach(function (v) {
      var box = document.querySelector('[data-status="' + v.creditCode + '"]');
      if (!box) return;
      var s = statusOf(v);
      box.textContent = s.text;
      box.className = 'status ' + s.cls;
    });
  }
  function renderNotes() {
    var notes = $('notes');
    notes.textContent = '';
    if (!window.isSecureContext) notes.appendChild(el('span', 'note', '定位需要 HTTPS（haze serve --tls）'));
    if (location.protocol !== 'https:') notes.appendChild(el('span', 'note', '离线重开页面需要 HTTPS'));
    if (state.offlineDay) notes.appendChild(el('span', 'note', '未连上办公室：显示的是手机上保存的当天任务'));
  }
  function refusalPage(text) {
    var main = $('visits');
    main.textContent = '';
    main.appendChild(el('p', 'refusal', text));
  }

  /** A wall-time field (YYYY-MM-DD HH:MM), typed on a phone's number pad; `set` gets each change, trimmed. */
  function timeInput(cls, placeholder, value, set) {
    var input = el('input', cls);
    input.type = 'text';
    input.inputMode = 'numeric';
    input.placeholder = placeholder;
    input.value = value;
    input.addEventListener('input', function () {
      set(input.value.trim());
    });
    return input;
  }

  function labelled(labelText, input) {
    var l = el('label', 'field');
    l.appendChild(el('span', 'label', labelText));
    l.appendChild(input);
    return l;
  }
  function line(label, value, cls) {
    var p = el('p', 'line' + (cls ? ' ' + cls : ''));
    p.appendChild(el('span', 'label', label + '：'));
    p.appendChild(el('span', 'value', value));
    return p;
  }

  function draftOf(v) {
    var d = state.drafts[v.creditCode];
    if (d) return d;
    // What the office has (a phone's entry, or `haze record` from paper): the form starts from it.
    var sent = v.sent || v.recorded;
    d = { results: {}, notes: {}, photos: [], inspectors: [], others: '', arrivedAt: '', checkedAt: '' };
    if (sent) {
      Object.keys(sent.results).forEach(function (k) {
        d.results[k] = sent.results[k].result;
        d.notes[k] = sent.results[k].note;
      });
      var names = sent.inspectors ? sent.inspectors.split(/[、，,\s]+/).filter(Boolean) : [];
      var known = [state.day.group.leader].concat(state.day.group.members);
      d.inspectors = names.filter(function (n) {
        return known.indexOf(n) >= 0;
      });
      d.others = names
        .filter(function (n) {
          return known.indexOf(n) < 0;
        })
        .join('、');
      d.arrivedAt = sent.arrivedAt || '';
      d.checkedAt = sent.checkedAt || '';
    }
    state.drafts[v.creditCode] = d;
    return d;
  }

  function renderVisit(v) {
    var d = draftOf(v);
    var thumbs = el('div', 'thumbs');
    var itemNo = {};
    v.items.forEach(function (it, i) {
      itemNo[it.id] = i + 1;
    });
    function showThumbs() {
      thumbs.textContent = '';
      d.photos.forEach(function (p, i) {
        var wrap = el('span', 'thumb');
        var img = el('img');
        img.alt = '照片 ' + (i + 1);
        img.src = URL.createObjectURL(p.blob);
        wrap.appendChild(img);
        wrap.appendChild(el('span', 'caption', p.itemId ? '第 ' + itemNo[p.itemId] + ' 项' : '整体'));
        var x = el('button', 'remove', '删除');
        x.type = 'button';
        x.addEventListener('click', function () {
          d.photos.splice(i, 1);
          showThumbs();
        });
        wrap.appendChild(x);
        thumbs.appendChild(wrap);
      });
    }
    /** A camera button: the photos it takes are of the visit (itemId '') or of one item. */
    function camera(text, itemId) {
      var file = el('input', 'photo-input');
      file.type = 'file';
      file.accept = 'image/*';
      file.setAttribute('capture', 'environment');
      file.setAttribute('data-photo-item', itemId);
      file.multiple = true;
      file.addEventListener('change', function () {
        var files = Array.prototype.slice.call(file.files || []);
        Promise.all(files.map(shrink)).then(function (blobs) {
          blobs.forEach(function (b) {
            d.photos.push({ itemId: itemId, blob: b });
          });
          file.value = '';
          showThumbs();
        });
      });
      var l = el('label', 'button camera' + (itemId ? ' item-camera' : ''));
      l.appendChild(el('span', '', text));
      l.appendChild(file);
      return l;
    }
    var card = el('section', 'visit');
    card.setAttribute('data-code', v.creditCode);
    var h = el('h2', 'name');
    h.appendChild(el('span', 'seq', v.seq + '.'));
    h.appendChild(document.createTextNode(' ' + v.name));
    card.appendChild(h);
    var st = el('p', 'status');
    st.setAttribute('data-status', v.creditCode);
    card.appendChild(st);
    card.appendChild(line('村社区', v.village));
    card.appendChild(line('地址', v.address || '—'));
    if (v.contact) card.appendChild(line('联系人', v.contact));
    card.appendChild(line('计划到达', v.plannedArrival));
    var nav = el('a', 'nav button', '导航（高德地图）');
    nav.href = v.navUrl;
    nav.target = '_blank';
    nav.rel = 'noreferrer noopener';
    card.appendChild(nav);
    card.appendChild(line('应执行措施', v.measure, 'measure'));
    if (v.clues.length > 0) {
      card.appendChild(el('h3', '', '用电与门禁线索（须现场核实）'));
      var ul = el('ul', 'clues');
      v.clues.forEach(function (c) {
        ul.appendChild(el('li', '', c));
      });
      card.appendChild(ul);
    }
    card.appendChild(line('未整改的省级暗查问题', v.openFindings.length > 0 ? v.openFindings.join('；') : '无'));
    card.appendChild(line('上次检查', v.lastInspection || '无记录'));

    card.appendChild(el('h3', '', '检查项'));
    v.items.forEach(function (it, i) {
      var row = el('div', 'item');
      row.setAttribute('data-item', it.id);
      row.appendChild(el('p', 'text', i + 1 + '. ' + it.text));
      var btns = el('div', 'results');
      var note = el('textarea', 'note');
      note.rows = 2;
      note.maxLength = 2000;
      note.value = d.notes[it.id] || '';
      function setHint() {
        var bad = d.results[it.id] === 'violation';
        note.placeholder = bad ? '不符合：请写明发现的问题（必填）' : '备注（可不填）';
        row.className = 'item' + (bad ? ' bad' : '') + (d.results[it.id] ? ' done' : '');
      }
      RESULTS.forEach(function (r) {
        var b = el('button', 'result ' + r.value, r.label);
        b.type = 'button';
        b.setAttribute('data-result', r.value);
        b.setAttribute('aria-pressed', d.results[it.id] === r.value ? 'true' : 'false');
        b.addEventListener('click', function () {
          d.results[it.id] = r.value;
          Array.prototype.forEach.call(btns.children, function (x) {
            x.setAttribute('aria-pressed', x === b ? 'true' : 'false');
          });
          setHint();
        });
        btns.appendChild(b);
      });
      note.addEventListener('input', function () {
        d.notes[it.id] = note.value;
      });
      setHint();
      row.appendChild(btns);
      row.appendChild(note);
      row.appendChild(camera('拍照（本项）', it.id));
      card.appendChild(row);
    });

    // Photos from the camera, shrunk on the phone before they are kept: of the visit, or of one item.
    card.appendChild(el('h3', '', '现场照片'));
    card.appendChild(camera('拍照 / 选择照片', ''));
    card.appendChild(thumbs);
    showThumbs();
    // Photos the office already has of this visit (from this group's earlier entries): no need to take them again.
    var office = (v.sent && v.sent.photos) || [];
    if (office.length > 0) {
      card.appendChild(el('p', 'office-photos-label', '办公室已收到的照片（' + office.length + ' 张）'));
      var officeThumbs = el('div', 'thumbs office-photos');
      office.forEach(function (p, i) {
        var wrap = el('span', 'thumb');
        var img = el('img');
        img.alt = '办公室已收到的照片 ' + (i + 1);
        img.src = API + '/photos/' + encodeURIComponent(p.sha256);
        wrap.appendChild(img);
        wrap.appendChild(el('span', 'caption', p.itemId && itemNo[p.itemId] ? '第 ' + itemNo[p.itemId] + ' 项' : '整体'));
        officeThumbs.appendChild(wrap);
      });
      card.appendChild(officeThumbs);
    }

    // Who was there.
    card.appendChild(el('h3', '', '检查人'));
    var who = el('div', 'who');
    var people = [state.day.group.leader].concat(state.day.group.members).filter(function (n, i, a) {
      return n && a.indexOf(n) === i;
    });
    people.forEach(function (n) {
      var l = el('label', 'person');
      var c = el('input');
      c.type = 'checkbox';
      c.value = n;
      c.checked = d.inspectors.indexOf(n) >= 0;
      c.addEventListener('change', function () {
        d.inspectors = d.inspectors.filter(function (x) {
          return x !== n;
        });
        if (c.checked) d.inspectors.push(n);
      });
      l.appendChild(c);
      l.appendChild(el('span', '', n));
      who.appendChild(l);
    });
    card.appendChild(who);
    var others = el('input', 'others');
    others.type = 'text';
    others.maxLength = 100;
    others.placeholder = '其他检查人（用、分隔）';
    others.value = d.others;
    others.addEventListener('input', function () {
      d.others = others.value;
    });
    card.appendChild(labelled('其他', others));

    // Times, from the server's clock.
    var arrived = timeInput('arrived', 'YYYY-MM-DD HH:MM', d.arrivedAt, function (v) {
      d.arrivedAt = v;
    });
    var arriveBtn = el('button', 'arrive button', '到达');
    arriveBtn.type = 'button';
    arriveBtn.addEventListener('click', function () {
      d.arrivedAt = arrived.value = nowWall();
    });
    var times = el('div', 'times');
    times.appendChild(labelled('到达时间', arrived));
    times.appendChild(arriveBtn);
    card.appendChild(times);
    var checked = timeInput('checked', '保存时自动填写', d.checkedAt, function (v) {
      d.checkedAt = v;
    });
    card.appendChild(labelled('检查时间', checked));

    if (v.recorded) card.appendChild(el('p', 'correction', '办公室已有此次检查的记录（上面已填入）：保存并发送将更正办公室的记录'));
    var problem = el('p', 'problem');
    var save = el('button', 'save button', '保存并发送');
    save.type = 'button';
    save.addEventListener('click', function () {
      problem.className = 'problem';
      problem.textContent = '';
      var missing = v.items.filter(function (it) {
        return !d.results[it.id];
      });
      if (missing.length > 0) return void (problem.textContent = '还有 ' + missing.length + ' 项未选择 符合 / 不符合 / 不适用');
      var names = d.inspectors.concat(
        d.others
          .split(/[、，,\s]+/)
          .map(function (s) {
            return s.trim();
          })
          .filter(Boolean),
      );
      if (names.length === 0) return void (problem.textContent = '请选择检查人');
      if (!d.checkedAt) d.checkedAt = checked.value = nowWall();
      var badTime = [d.arrivedAt, d.checkedAt].filter(function (t) {
        return t && isNaN(wallMs(t));
      });
      if (badTime.length > 0) return void (problem.textContent = '时间请写成 YYYY-MM-DD HH:MM');
      save.disabled = true;
      position()
        .then(function (pos) {
          var entry = {
            entryId: newEntryId(),
            date: state.day.date,
            creditCode: v.creditCode,
            items: v.items.map(function (it) {
              return { itemId: it.id, result: d.results[it.id], note: d.notes[it.id] || '' };
            }),
            inspectors: names.join('、'),
            arrivedAt: d.arrivedAt || null,
            checkedAt: d.checkedAt,
            position: pos,
            photos: [],
          };
          var item = {
            entryId: entry.entryId,
            token: TOKEN,
            savedAt: Date.now(),
            status: 'pending',
            message: '',
            entry: entry,
            photos: d.photos.map(function (p) {
              return { itemId: p.itemId, blob: p.blob, sha256: null };
            }),
          };
          return putItem(item).then(function () {
            state.outbox.push(item);
            renderCounts();
            save.disabled = false;
            problem.className = 'saved';
            problem.textContent = '已保存在手机上（' + entry.checkedAt + '）';
            flush();
          });
        })
        .catch(function () {
          save.disabled = false;
          problem.textContent = '未能保存在手机上，请重试';
        });
    });
    card.appendChild(save);
    card.appendChild(problem);
    return card;
  }

  function render() {
    var day = state.day;
    $('title').textContent = day.group.name + ' ' + day.date;
    $('summary').textContent = '组长：' + day.group.leader + '　共 ' + day.visits.length + ' 家企业';
    var main = $('visits');
    main.textContent = '';
    if (day.visits.length === 0) main.appendChild(el('p', 'empty', '当天无巡查任务'));
    day.visits.forEach(function (v) {
      main.appendChild(renderVisit(v));
    });
    renderNotes();
    renderCounts();
  }

  // ── photos and position ──────────────────────────────────────────────────────────────────────────────
  /** A photo shrunk to ≤ 1600 px on its long side as JPEG; the original when the browser cannot decode it (HEIC). */
  function shrink(file) {
    return new Promise(function (resolve) {
      var url = URL.createObjectURL(file);
      var img = new Image();
      img.onload = function () {
        try {
          var w = img.naturalWidth;
          var h = img.naturalHeight;
          var k = Math.min(1, MAX_SIDE / Math.max(w, h));
          var c = document.createElement('canvas');
          c.width = Math.max(1, Math.round(w * k));
          c.height = Math.max(1, Math.round(h * k));
          c.getContext('2d').drawImage(img, 0, 0, c.width, c.height);
          URL.revokeObjectURL(url);
          c.toBlob(
            function (b) {
              resolve(b || file);
            },
            'image/jpeg',
            0.8,
          );
        } catch (e) {
          resolve(file);
        }
      };
      img.onerror = function () {
        URL.revokeObjectURL(url);
        resolve(file);
      };
      img.src = url;
    });
  }
  function position() {
    return new Promise(function (resolve) {
      if (!window.isSecureContext || !navigator.geolocation) return resolve(null);
      navigator.geolocation.getCurrentPosition(
        function (p) {
          resolve({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: typeof p.coords.accuracy === 'number' ? p.coords.accuracy : null });
        },
        function () {
          resolve(null);
        },
        { enableHighAccuracy: true, timeout: 8000, maximumAge: 60000 },
      );
    });
  }

  // ── sending ──────────────────────────────────────────────────────────────────────────────────────────
  /** 'ok' | 'refused' (with a message) | 'wait' (no network, 5xx, 429: try later). */
  function send(url, body, type) {
    return fetch(url, { method: 'POST', headers: { 'content-type': type }, body: body, credentials: 'same-origin' }).then(
      function (r) {
        return r
          .json()
          .catch(function () {
            return null;
          })
          .then(function (b) {
            if (r.status >= 200 && r.status < 300) return { kind: 'ok', body: b };
            if (r.status === 429 || r.status >= 500) return { kind: 'wait' };
            return { kind: 'refused', status: r.status, body: b };
          });
      },
      function () {
        return { kind: 'wait' };
      },
    );
  }
  function photoRefusal(res) {
    if (res.status === 413) return '照片太大，未能送达';
    if (res.status === 415) return '文件不是照片，未能送达';
    if (res.status === 401) return '此链接无效或已停用';
    return messageOf(res.body, '照片未能送达（' + res.status + '）');
  }
  function entryRefusal(res) {
    if (res.status === 401) return '此链接无效或已停用';
    return messageOf(res.body, '办公室拒收（' + res.status + '）');
  }
  async function sendItem(item) {
    for (var attempt = 0; attempt < 2; attempt++) {
      for (var i = 0; i < item.photos.length; i++) {
        var p = item.photos[i];
        if (p.sha256) continue;
        var pr = await send(API + '/photos', p.blob, p.blob.type || 'application/octet-stream');
        if (pr.kind === 'wait') return 'wait';
        if (pr.kind === 'refused') {
          item.status = 'refused';
          item.message = photoRefusal(pr);
          return 'done';
        }
        p.sha256 = pr.body.sha256;
        await putItem(item);
      }
      var entry = Object.assign({}, item.entry, {
        photos: item.photos.map(function (p) {
          return { itemId: p.itemId, sha256: p.sha256 };
        }),
      });
      var er = await send(API + '/entries', JSON.stringify(entry), 'application/json');
      if (er.kind === 'wait') return 'wait';
      if (er.kind === 'ok') {
        item.status = 'sent';
        item.message = '';
        return 'done';
      }
      if (er.status === 409 && attempt === 0) {
        // A photo the office lost (or never got): send the photos again, then the entry.
        item.photos.forEach(function (p) {
          p.sha256 = null;
        });
        continue;
      }
      item.status = 'refused';
      item.message = entryRefusal(er);
      return 'done';
    }
    return 'done';
  }
  async function flush() {
    if (state.flushing) return;
    state.flushing = true;
    try {
      var pending = state.outbox.filter(function (it) {
        return it.status === 'pending';
      });
      for (var i = 0; i < pending.length; i++) {
        var r = await sendItem(pending[i]);
        await putItem(pending[i]);
        renderCounts();
        if (r === 'wait') break;
      }
    } catch (e) {
      /* the phone's store failed: the items stay pending */
    } finally {
      state.flushing = false;
      renderCounts();
    }
  }

  // ── start ────────────────────────────────────────────────────────────────────────────────────────────
  async function start() {
    try {
      await loadOutbox();
    } catch (e) {
      state.outbox = [];
    }
    var got = await fetchDay();
    if (got.status === 200 && got.body) {
      state.day = got.body;
      state.fetchedAt = Date.now();
      keepDay(state.day, state.fetchedAt);
    } else if (got.status === 0 || got.status >= 500) {
      var kept = keptDay();
      if (!kept) return refusalPage('未连上办公室，手机上也没有保存的当天任务。请连上网络后重新打开。');
      state.day = kept.day;
      state.fetchedAt = kept.fetchedAt;
      state.offlineDay = true;
    } else if (got.status === 401) {
      return refusalPage('此链接无效或已停用，请向办公室索取新的链接。');
    } else {
      return refusalPage(messageOf(got.body, '无法打开当天的检查任务（' + got.status + '）'));
    }
    render();
    flush();
    window.addEventListener('online', flush);
    setInterval(flush, RETRY_MS);
    if (location.protocol === 'https:' && navigator.serviceWorker)
      navigator.serviceWorker.register('/assets/sw.js', { scope: '/g/' }).catch(function () {
        /* the page works without it; only reopening offline needs it */
      });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
