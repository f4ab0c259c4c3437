// Aliansi's service worker: keeps the built app in a cache so that it works offline after its
// first load (the page, its wasm, styles and icons, and worker.js, which starts the same wasm in the
// web workers of "Many futures").
//
// scripts/offline-cache.sh (a Trunk post_build hook) writes VERSION (a hash of every built
// file) and FILES (their paths, relative to this file) below after each release build. A new
// build is therefore a new service worker: it caches the new files under a new name and, once
// it is active, deletes the caches of older versions. Debug builds (`trunk serve`) get an
// empty FILES list: nothing is cached, and a cache left by a release build is deleted.
const VERSION = "__ALIANSI_VERSION__";
const FILES = [/* __ALIANSI_FILES__ */];
// Subresource Integrity hashes of files a bad copy of which would break offline use without a
// word (the app's wasm.xz: the page falls back to the plain wasm online, but the offline copy
// keeps only the .xz). scripts/minify-js.mjs writes them in (a string, which minifying keeps).
const CHECKED = JSON.parse('{"__ALIANSI_CHECKED__":""}');
const SCOPE = self.registration.scope;
// Caches belong to the whole origin: several copies of the app on one host (GitHub Pages
// serves all of a user's projects from one origin) each keep and delete only their own.
const PREFIX = `aliansi ${SCOPE} `;
const CACHE = PREFIX + VERSION;
// Where the page leaves the files it downloaded on a first visit (boot.js): see "install".
const HANDOVER = PREFIX + "handover";
const INDEX = new URL("index.html", SCOPE).href;
// A name with a content hash: Trunk's (app-0123456789abcdef.css, aliansi-app-…_bg.wasm, and its
// .xz) or scripts/minify-js.mjs's (unxz-0123456789abcdef.js and .wasm).
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)(\.xz)?$/;
// A release build has the app's wasm twice: compressed by xz (…_bg.wasm.xz, written by
// scripts/minify-js.mjs with the decoder unxz-….js and its unxz-….wasm), which boot.js fetches where the browser has
// streams to decode it through (TransformStream), and plain, for the other browsers. Only what
// this browser uses is kept (a service worker has the page's TransformStream, or lacks it as the
// page does).
const DECODES = typeof TransformStream === "function";
const PACKED = /\.wasm\.xz$|(^|\/)unxz-[0-9a-f]{16}\.(js|wasm)$/;
const KEEP = FILES.filter((f) => (DECODES ? !FILES.includes(`${f}.xz`) : !PACKED.test(f)));

self.addEventListener("install", (event) => {
  if (FILES.length === 0) {
    self.skipWaiting();
    return;
  }
  // Files whose name carries Trunk's content hash cannot be stale, so the copies the page has
  // just downloaded (the browser's HTTP cache) are taken when the host allows it: a first
  // visit on a slow network does not download the app's wasm twice. Every other file (the
  // page, boot.js, worker.js, icons) skips the HTTP cache (`reload`): a static host
  // may hand out an older copy of a file that keeps its name.
  // On a host that forbids caching ("no-store") there is no such copy: the page hands over
  // what it downloaded on this first visit (boot.js, HANDOVER: the app's wasm.xz), taken here
  // instead of a second download. Only files with a content hash, which cannot be another
  // version's.
  // A file with an integrity hash (CHECKED) is kept only as the build made it: a handed-over
  // copy that differs is not taken, and a download that differs (a proxy, a connection cut
  // short but taken as whole) is tried once more past the HTTP cache; failing that, the offline
  // copy waits for the next visit rather than keep a file that would not load offline.
  // The manifest and the icon are not needed to run: one the host will not serve does not
  // keep the rest from being saved.
  const mode = (f) => (HASHED.test(f) ? "default" : "reload");
  const optional = (f) => /(^|\/)(manifest\.webmanifest|icon\.svg)$/.test(f);
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const given = await caches.open(HANDOVER);
      const fetched = [];
      const checked = [];
      for (const f of KEEP) {
        const url = new URL(f, SCOPE).href;
        const copy = HASHED.test(f) ? await given.match(url) : undefined;
        if (copy && (!CHECKED[f] || (await matches(copy.clone(), CHECKED[f])))) await cache.put(url, copy);
        else if (CHECKED[f]) checked.push([url, f]);
        else if (!optional(f)) fetched.push(new Request(url, { cache: mode(f) }));
      }
      await cache.addAll(fetched);
      for (const [url, f] of checked) {
        const get = (how) => fetch(new Request(url, { cache: how, integrity: CHECKED[f] }));
        await cache.put(url, await get(mode(f)).catch(() => get("reload")));
      }
      for (const f of KEEP.filter(optional)) {
        await cache.add(new Request(new URL(f, SCOPE).href, { cache: "reload" })).catch(() => {});
      }
      await caches.delete(HANDOVER);
    })(),
  );
});

/** Whether the body of `response` has the Subresource Integrity hash `integrity` (sha384-…). */
async function matches(response, integrity) {
  try {
    const digest = await crypto.subtle.digest("SHA-384", await response.arrayBuffer());
    return "sha384-" + btoa(String.fromCharCode(...new Uint8Array(digest))) === integrity;
  } catch {
    return false;
  }
}

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith(PREFIX) && (name !== CACHE || FILES.length === 0)) await caches.delete(name);
      }
      // The first visit's page is served by this worker from now on, without a reload.
      await self.clients.claim();
    })(),
  );
});

// Which version this is, and whether it caches anything (debug builds do not): answered on
// the message's port if it has one, else to its sender.
self.addEventListener("message", (event) => {
  if (event.data !== "aliansi-version") return;
  const answer = { version: VERSION, files: FILES.length };
  if (event.ports[0]) event.ports[0].postMessage(answer);
  else event.source?.postMessage(answer);
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (FILES.length === 0 || request.method !== "GET" || !request.url.startsWith(SCOPE)) return;
  // The page itself, at the folder's address or as index.html, with any query or fragment.
  const path = request.url.slice(SCOPE.length).split(/[?#]/)[0];
  const page = request.mode === "navigate" && (path === "" || path === "index.html");
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      const hit = await cache.match(page ? INDEX : request, { ignoreSearch: page });
      return hit ?? fetch(request);
    })(),
  );
});
