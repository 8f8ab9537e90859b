/*
 * haze serve: the inspector page's service worker (registered only over HTTPS). It keeps the page's shell,
 * script and style and the last day it fetched, so the page reopens with no network; the entries themselves
 * are in the page's IndexedDB outbox, never here. Network first: what the office has wins when it is reachable.
 */
'use strict';
var CACHE = 'haze-inspector-v1';
var ASSETS = ['/assets/inspector.js', '/assets/inspector.css'];

self.addEventListener('install', function (e) {
  e.waitUntil(
    caches.open(CACHE).then(function (c) {
      return c.addAll(ASSETS);
    }),
  );
  self.skipWaiting();
});
self.addEventListener('activate', function (e) {
  e.waitUntil(self.clients.claim());
});

function keepable(url, req) {
  if (req.method !== 'GET' || url.origin !== self.location.origin) return false;
  if (ASSETS.indexOf(url.pathname) >= 0) return true;
  if (/^\/g\/[^/]+$/.test(url.pathname)) return true;
  return /^\/api\/g\/[^/]+\/day$/.test(url.pathname);
}

self.addEventListener('fetch', function (e) {
  var url = new URL(e.request.url);
  if (!keepable(url, e.request)) return;
  e.respondWith(
    fetch(e.request).then(
      function (r) {
        if (r.ok) {
          var copy = r.clone();
          caches.open(CACHE).then(function (c) {
            c.put(e.request, copy);
          });
        }
        return r;
      },
      function () {
        return caches.match(e.request).then(function (hit) {
          return hit || Response.error();
        });
      },
    ),
  );
});
