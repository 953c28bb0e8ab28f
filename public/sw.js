// Pactline's service worker: after one visit the app opens with the network
// off, and a new deploy never runs old JS against new wasm.
//
// Trunk gives the JS, wasm and CSS hashed names, and only index.html says
// which of them belong together. So each deploy gets its own cache, named
// after a hash of its index.html, and `./` is put in last: a cache without
// it is incomplete and never answers a navigation.
//
// This file is the same in every deploy, so the browser does not reinstall
// it when the app changes; a navigation that brings a new index.html
// caches that deploy instead (`refresh`).

const PREFIX = "pactline-";
const SCOPE = self.registration.scope; // the app's directory, ends in "/"

// The files index.html names: the hashed JS, wasm and CSS, the manifest, the
// icons, and the dataset's JSON (its <link rel="alternate">, which the share
// menu's download links to). Trunk minifies the HTML (values may be
// unquoted) and names the JS and wasm again in its module script, so any
// `=value`, "value" or 'value' ending in one of these extensions counts,
// rather than parsing tags.
const ASSET = /(?:=|["'(])\s*["']?([^"'()<>\s=]+\.(?:m?js|wasm|css|webmanifest|json|png|svg|ico|woff2?))(?=[\s"'>)?#])/gi;

async function precache(page) {
  if (page.redirected) {
    // A redirected response may not answer a navigation.
    page = new Response(await page.blob(), { status: page.status, headers: page.headers });
  }
  const html = await page.clone().text();
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(html));
  const name = PREFIX + [...new Uint8Array(digest, 0, 8)].map((b) => b.toString(16).padStart(2, "0")).join("");
  const cache = await caches.open(name);
  if (await cache.match(SCOPE)) return name;

  const urls = new Set();
  for (const found of html.matchAll(ASSET)) {
    // A download's file name (`download=`) is what the file is saved as, not
    // a file of the deploy.
    if (/download=$/.test(html.slice(Math.max(0, found.index - 9), found.index + 1))) continue;
    const url = new URL(found[1], SCOPE);
    if (url.origin === location.origin && url.href !== location.href) urls.add(url.href);
  }
  const needed = [];
  const extras = [];
  for (const url of urls) {
    // Hashed files never change, so the HTTP cache may answer (the page has
    // just downloaded them); anything else is revalidated.
    const hashed = /-[0-9a-f]{8,}(_bg)?\.\w+$/.test(url);
    const request = new Request(url, { cache: hashed ? "default" : "no-cache" });
    // The app cannot start without its JS, wasm and CSS; a missing icon must
    // not cost the reader offline use.
    if (/\.(m?js|wasm|css)$/.test(url)) needed.push(request);
    else extras.push(cache.add(request).catch(() => {}));
  }
  await Promise.all([cache.addAll(needed), ...extras]);
  await cache.put(SCOPE, page);
  return name;
}

async function dropOtherCaches(keep) {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== keep) await caches.delete(name);
  }
}

// A page from the network that is the app's index.html: cache its deploy
// if that is not done yet, then forget the older ones.
async function refresh(response) {
  const path = new URL(response.url).pathname;
  const home = new URL(SCOPE).pathname;
  if (!response.ok || !(response.headers.get("Content-Type") || "").includes("text/html")) return;
  if (path !== home && path !== home + "index.html") return;
  await dropOtherCaches(await precache(response));
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const page = await fetch(SCOPE, { cache: "reload" });
      if (!page.ok) throw new Error(`Pactline: ${SCOPE} answered ${page.status}`);
      await precache(page);
      // A page that already runs needs nothing more from the old deploy
      // (the wasm holds all the data), so take over at once.
      await self.skipWaiting();
    })()
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Keep the newest complete cache: the one install just filled.
      let keep;
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && (await (await caches.open(name)).match(SCOPE))) keep = name;
      }
      await dropOtherCaches(keep);
      await self.clients.claim();
    })()
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== location.origin) return;

  if (request.mode === "navigate") {
    // Network first, so a reader who is online gets the current deploy.
    // Offline, every URL of the app gets the cached page: all the state is
    // in the query string, which the page reads for itself.
    event.respondWith(
      (async () => {
        try {
          const response = await fetch(request);
          event.waitUntil(refresh(response.clone()).catch(() => {}));
          return response;
        } catch (offline) {
          // A file of the deploy opened as a page (the dataset, followed or
          // downloaded from the share menu) is itself; anything else is
          // the app.
          const page = (await caches.match(request)) || (await caches.match(SCOPE));
          if (page) return page;
          throw offline;
        }
      })()
    );
    return;
  }

  // Anything else is a file of some deploy; a hashed name says its content,
  // so a cached copy is the right one.
  event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
});
