// End-to-end: the partner network stays readable with many partners. With 4, 9 and 30 partners,
// at 1280 and 390 px wide, in English and Bahasa Indonesia, before and after a run: no two
// name labels meet, none covers a node, all lie inside the drawing and are at least 11 px tall
// on screen, each on a patch of the card's colour (so that trust lines crossing it stop at the
// name: with its letters hidden, a label's box is the card's colour alone, while without the
// patch the default four's lines are seen there); every node's <title> names its partner in full;
// when the labels are numbers, the key under the drawing lists every name. Screenshots of the
// card: network-card-*.png.
// Usage: node network.test.mjs [DIST_DIR]
import assert from "node:assert/strict";
import { join, resolve } from "node:path";
import { DEFAULT_PARTNERS, STEP_TIMEOUT_MS, finishRun, open, repo, start, tid } from "./harness.mjs";

const h = await start("network");
const shots = resolve(process.env.SCREENSHOT_DIR ?? join(repo, "target", "screenshots"));

/** 30 partners (the most a scenario may have) with long names. Made with
 * `aliansi link --scenario FILE` from {"version": 1, "partners": [...]}, partner i (from 0)
 * being {"name": NAMES_30[i], "culture": ["ID", "JP", "DE", "SG"][i % 4],
 * "capacity": 20 + (37 * i) % 70}. */
const NAMES_30 = [
  "Nusantara Foods", "Hoshi Technologies", "Rhein Logistik", "Lion City Capital", "Garuda Aerospace Indonesia",
  "Sakura Components", "Bayern Maschinenbau", "Merlion Shipping", "Borneo Timber Cooperative", "Kyoto Precision Optics",
  "Hamburg Freight Services", "Straits Venture Partners", "Sumatra Palm Holdings", "Osaka Chemical Works", "Berliner Software",
  "Marina Bay Insurance", "Java Coffee Exporters", "Nagoya Auto Parts", "Stuttgart Engineering", "Orchard Retail Group",
  "Bali Hospitality", "Tokyo Robotics Lab", "Dresden Semiconductor", "Jurong Petrochemical", "Makassar Fisheries",
  "Sapporo Dairy", "Cologne Media House", "Sentosa Leisure", "Bandung Textile Mills", "Yokohama Port Authority",
];
const LINK_30 = "s1.AHjoDwDoBx4PTnVzYW50YXJhIEZvb2RzAAJJRADoBwDoBwDoBwDoBwDoBwDAuAIA6AcBERERERERoT8AkAMAoAYA6AcA6AcSSG9zaGkgVGVjaG5vbG9naWVzAAJKUADoBwDoBwDoBwDoBwDoBwDQ-gYA6AcBERERERERoT8AkAMAoAYA6AcA6AcOUmhlaW4gTG9naXN0aWsAAkRFAOgHAOgHAOgHAOgHAOgHAID3AgDoBwERERERERGhPwCQAwCgBgDoBwDoBxFMaW9uIENpdHkgQ2FwaXRhbAACU0cA6AcA6AcA6AcA6AcA6AcAkLkHAOgHAREREREREaE_AJADAKAGAOgHAOgHGkdhcnVkYSBBZXJvc3BhY2UgSW5kb25lc2lhAAJJRADoBwDoBwDoBwDoBwDoBwDAtQMA6AcBERERERERoT8AkAMAoAYA6AcA6AcRU2FrdXJhIENvbXBvbmVudHMAAkpQAOgHAOgHAOgHAOgHAOgHAND3BwDoBwERERERERGhPwCQAwCgBgDoBwDoBxNCYXllcm4gTWFzY2hpbmVuYmF1AAJERQDoBwDoBwDoBwDoBwDoBwCA9AMA6AcBERERERERoT8AkAMAoAYA6AcA6AcQTWVybGlvbiBTaGlwcGluZwACU0cA6AcA6AcA6AcA6AcA6AcAkLYIAOgHAREREREREaE_AJADAKAGAOgHAOgHGUJvcm5lbyBUaW1iZXIgQ29vcGVyYXRpdmUAAklEAOgHAOgHAOgHAOgHAOgHAMCyBADoBwERERERERGhPwCQAwCgBgDoBwDoBxZLeW90byBQcmVjaXNpb24gT3B0aWNzAAJKUADoBwDoBwDoBwDoBwDoBwDQ9AgA6AcBERERERERoT8AkAMAoAYA6AcA6AcYSGFtYnVyZyBGcmVpZ2h0IFNlcnZpY2VzAAJERQDoBwDoBwDoBwDoBwDoBwCA8QQA6AcBERERERERoT8AkAMAoAYA6AcA6AcYU3RyYWl0cyBWZW50dXJlIFBhcnRuZXJzAAJTRwDoBwDoBwDoBwDoBwDoBwCQswkA6AcBERERERERoT8AkAMAoAYA6AcA6AcVU3VtYXRyYSBQYWxtIEhvbGRpbmdzAAJJRADoBwDoBwDoBwDoBwDoBwDArwUA6AcBERERERERoT8AkAMAoAYA6AcA6AcUT3Nha2EgQ2hlbWljYWwgV29ya3MAAkpQAOgHAOgHAOgHAOgHAOgHANDxCQDoBwERERERERGhPwCQAwCgBgDoBwDoBxFCZXJsaW5lciBTb2Z0d2FyZQACREUA6AcA6AcA6AcA6AcA6AcAgO4FAOgHAREREREREaE_AJADAKAGAOgHAOgHFE1hcmluYSBCYXkgSW5zdXJhbmNlAAJTRwDoBwDoBwDoBwDoBwDoBwCQsAoA6AcBERERERERoT8AkAMAoAYA6AcA6AcVSmF2YSBDb2ZmZWUgRXhwb3J0ZXJzAAJJRADoBwDoBwDoBwDoBwDoBwDArAYA6AcBERERERERoT8AkAMAoAYA6AcA6AcRTmFnb3lhIEF1dG8gUGFydHMAAkpQAOgHAOgHAOgHAOgHAOgHANDuCgDoBwERERERERGhPwCQAwCgBgDoBwDoBxVTdHV0dGdhcnQgRW5naW5lZXJpbmcAAkRFAOgHAOgHAOgHAOgHAOgHAIDrBgDoBwERERERERGhPwCQAwCgBgDoBwDoBxRPcmNoYXJkIFJldGFpbCBHcm91cAACU0cA6AcA6AcA6AcA6AcA6AcAsOcCAOgHAREREREREaE_AJADAKAGAOgHAOgHEEJhbGkgSG9zcGl0YWxpdHkAAklEAOgHAOgHAOgHAOgHAOgHAMCpBwDoBwERERERERGhPwCQAwCgBgDoBwDoBxJUb2t5byBSb2JvdGljcyBMYWIAAkpQAOgHAOgHAOgHAOgHAOgHAPClAwDoBwERERERERGhPwCQAwCgBgDoBwDoBxVEcmVzZGVuIFNlbWljb25kdWN0b3IAAkRFAOgHAOgHAOgHAOgHAOgHAIDoBwDoBwERERERERGhPwCQAwCgBgDoBwDoBxRKdXJvbmcgUGV0cm9jaGVtaWNhbAACU0cA6AcA6AcA6AcA6AcA6AcAsOQDAOgHAREREREREaE_AJADAKAGAOgHAOgHEk1ha2Fzc2FyIEZpc2hlcmllcwACSUQA6AcA6AcA6AcA6AcA6AcAwKYIAOgHAREREREREaE_AJADAKAGAOgHAOgHDVNhcHBvcm8gRGFpcnkAAkpQAOgHAOgHAOgHAOgHAOgHAPCiBADoBwERERERERGhPwCQAwCgBgDoBwDoBxNDb2xvZ25lIE1lZGlhIEhvdXNlAAJERQDoBwDoBwDoBwDoBwDoBwCA5QgA6AcBERERERERoT8AkAMAoAYA6AcA6AcPU2VudG9zYSBMZWlzdXJlAAJTRwDoBwDoBwDoBwDoBwDoBwCw4QQA6AcBERERERERoT8AkAMAoAYA6AcA6AcVQmFuZHVuZyBUZXh0aWxlIE1pbGxzAAJJRADoBwDoBwDoBwDoBwDoBwDAowkA6AcBERERERERoT8AkAMAoAYA6AcA6AcXWW9rb2hhbWEgUG9ydCBBdXRob3JpdHkAAkpQAOgHAOgHAOgHAOgHAOgHAPCfBQDoBwERERERERGhPwCQAwCgBgDoBwDoBwABAOgHANgEAQwA8C4A6AcAAgEDAKAGADwA0A8AoAYAoAYAhAcA";
/** 9 partners named as the editor names new ones, "Partner 1" to "Partner 9" (made as above). */
const NAMES_9 = Array.from({ length: 9 }, (_, i) => `Partner ${i + 1}`);
const LINK_9 = "s1.AHjoDwDoBwkJUGFydG5lciAxAAJJRADoBwDoBwDoBwDoBwDoBwDAuAIA6AcBHMdxHMdxvD8AkAMAoAYA6AcA6AcJUGFydG5lciAyAAJKUADoBwDoBwDoBwDoBwDoBwDQ-gYA6AcBHMdxHMdxvD8AkAMAoAYA6AcA6AcJUGFydG5lciAzAAJERQDoBwDoBwDoBwDoBwDoBwCA9wIA6AcBHMdxHMdxvD8AkAMAoAYA6AcA6AcJUGFydG5lciA0AAJTRwDoBwDoBwDoBwDoBwDoBwCQuQcA6AcBHMdxHMdxvD8AkAMAoAYA6AcA6AcJUGFydG5lciA1AAJJRADoBwDoBwDoBwDoBwDoBwDAtQMA6AcBHMdxHMdxvD8AkAMAoAYA6AcA6AcJUGFydG5lciA2AAJKUADoBwDoBwDoBwDoBwDoBwDQ9wcA6AcBHMdxHMdxvD8AkAMAoAYA6AcA6AcJUGFydG5lciA3AAJERQDoBwDoBwDoBwDoBwDoBwCA9AMA6AcBHMdxHMdxvD8AkAMAoAYA6AcA6AcJUGFydG5lciA4AAJTRwDoBwDoBwDoBwDoBwDoBwCQtggA6AcBHMdxHMdxvD8AkAMAoAYA6AcA6AcJUGFydG5lciA5AAJJRADoBwDoBwDoBwDoBwDoBwDAsgQA6AcBHMdxHMdxvD8AkAMAoAYA6AcA6AcAAQDoBwDYBAEMAPAuAOgHAAIBAwCgBgA8ANAPAKAGAKAGAIQHAA";

const CASES = [
  { id: "4", names: DEFAULT_PARTNERS, fragment: "", numbered: false },
  { id: "9", names: NAMES_9, fragment: "#" + LINK_9, numbered: false },
  { id: "30", names: NAMES_30, fragment: "#" + LINK_30, numbered: true },
];

/** Everything about the drawn labels the checks need, measured in the page (CSS px). */
function measure(page) {
  return page.evaluate(() => {
    const svg = document.querySelector('[data-testid="network"]');
    const s = svg.getBoundingClientRect();
    const scale = s.width / svg.viewBox.baseVal.width;
    const box = (r) => ({ x0: r.left, y0: r.top, x1: r.right, y1: r.bottom });
    const labels = [...svg.querySelectorAll("g.node > text.label")].map((t) => {
      const cs = getComputedStyle(t);
      return {
        text: t.textContent.trim(),
        box: box(t.getBoundingClientRect()),
        px: parseFloat(cs.fontSize) * scale,
      };
    });
    const nodes = [...svg.querySelectorAll("g.node > circle")].map((c) => {
      const r = c.getBoundingClientRect();
      return { cx: (r.left + r.right) / 2, cy: (r.top + r.bottom) / 2, r: r.width / 2 };
    });
    const titles = [...svg.querySelectorAll("g.node > title")].map((t) => t.textContent);
    const key = document.querySelector('[data-testid="network-key"]');
    return {
      svg: box(s),
      labels,
      nodes,
      titles,
      key: key && { label: key.getAttribute("aria-label"), items: [...key.querySelectorAll("li")].map((li) => li.textContent.trim()), visible: key.getBoundingClientRect().height > 0 },
    };
  });
}

const meet = (a, b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
const hits = (b, c) => {
  const dx = c.cx - Math.min(Math.max(c.cx, b.x0), b.x1);
  const dy = c.cy - Math.min(Math.max(c.cy, b.y0), b.y1);
  return dx * dx + dy * dy < (c.r - 0.5) ** 2;
};

/** Per label, how many pixels of its box (its outermost pixels left out) differ from the
 * card's colour when its letters are hidden: what else shows there. `patch`: false drops the
 * patch behind the names (the control, showing that the lines do cross them). */
async function offColourPixels(page, patch = true) {
  // Through the CSSOM (the page's Content-Security-Policy refuses a <style> of ours).
  const restyle = (on) =>
    page.evaluate(
      ({ on, patch }) => {
        for (const t of document.querySelectorAll('[data-testid="network"] g.node > text.label')) {
          for (const [p, v] of [["fill", "transparent"], ...(patch ? [] : [["filter", "none"]])]) {
            if (on) t.style.setProperty(p, v, "important");
            else t.style.removeProperty(p);
          }
        }
      },
      { on, patch },
    );
  await restyle(true);
  const card = await page.evaluate(() => getComputedStyle(document.querySelector(".network-card")).backgroundColor);
  const labels = page.locator('[data-testid="network"] g.node > text.label');
  const counts = [];
  for (let i = 0; i < (await labels.count()); i++) {
    const png = (await labels.nth(i).screenshot({ animations: "disabled" })).toString("base64");
    counts.push(
      await page.evaluate(
        async ({ png, card }) => {
          const img = new Image();
          img.src = `data:image/png;base64,${png}`;
          await img.decode();
          const canvas = document.createElement("canvas");
          [canvas.width, canvas.height] = [img.width, img.height];
          const ctx = canvas.getContext("2d");
          ctx.drawImage(img, 0, 0);
          const px = ctx.getImageData(0, 0, img.width, img.height).data;
          const want = card.match(/\d+/g).map(Number);
          let off = 0;
          for (let y = 1; y < img.height - 1; y++) {
            for (let x = 1; x < img.width - 1; x++) {
              const k = 4 * (y * img.width + x);
              if ([0, 1, 2].some((c) => Math.abs(px[k + c] - want[c]) > 12)) off++;
            }
          }
          return off;
        },
        { png, card },
      ),
    );
  }
  await restyle(false);
  return counts;
}

/** Trust lines stop at the names: with the letters hidden, every label's box shows the card's
 * colour alone. */
async function checkPatched(page, c) {
  const off = await offColourPixels(page);
  off.forEach((k, i) => assert.equal(k, 0, `label ${i} (${c.names[i]}): ${k} pixels of lines or circles in its box`));
}

/** The checks of one drawing. */
function checkReadable(m, c, lang) {
  const n = c.names.length;
  assert.equal(m.labels.length, n, "one label a partner");
  const tol = 0.5;
  m.labels.forEach((l, i) => {
    const inside = l.box.x0 >= m.svg.x0 - tol && l.box.x1 <= m.svg.x1 + tol && l.box.y0 >= m.svg.y0 - tol && l.box.y1 <= m.svg.y1 + tol;
    assert.ok(inside, `label ${i} (${l.text}) ${JSON.stringify(l.box)} outside the drawing ${JSON.stringify(m.svg)}`);
    assert.ok(l.px >= 11, `label ${i} is ${l.px.toFixed(1)} px`);
    m.labels.slice(i + 1).forEach((o, j) => assert.ok(!meet(l.box, o.box), `labels ${i} (${l.text}) and ${i + j + 1} (${o.text}) meet`));
    m.nodes.forEach((nd, j) => assert.ok(!hits(l.box, nd), `label ${i} (${l.text}) covers node ${j}`));
  });
  const texts = m.labels.map((l) => l.text);
  if (c.numbered) {
    assert.deepEqual(texts, c.names.map((_, i) => String(i + 1)), "the labels are numbers");
    assert.ok(m.key?.visible, "the key is shown");
    // Partners who left are named with their month of leaving.
    const keyNames = m.key.items.map((t, i) => (t.startsWith(c.names[i] + ":") ? c.names[i] : t));
    assert.deepEqual(keyNames, c.names, "the key lists every name in full, in order");
    assert.equal(m.key.label, lang === "id" ? "Mitra menurut nomor" : "Partners by number");
  } else {
    texts.forEach((t, i) => assert.ok(t === c.names[i] || (t.endsWith("…") && c.names[i].startsWith(t.slice(0, -1))), `label ${i}: ${t}`));
    assert.equal(m.key, null, "no key when the names are drawn");
  }
  m.titles.forEach((t, i) => assert.ok(t.startsWith(c.names[i] + ":"), `title ${i}: ${t}`));
}

for (const width of [1280, 390]) {
  for (const c of CASES) {
    const langs = c.id === "9" ? ["en"] : ["en", "id"];
    await h.check(`${c.names.length} partners at ${width} px: labels apart, inside, readable (${langs.join(", ")}; before and after a run)`, async () => {
      const page = await h.newPage({ viewport: { width, height: 900 } });
      await open(page, h.origin, "/" + c.fragment);
      await tid(page, "network").waitFor({ state: "visible", timeout: STEP_TIMEOUT_MS });
      for (const lang of langs) {
        await tid(page, `lang-${lang}`).click();
        await page.waitForFunction((l) => document.querySelector('[data-testid="network"]')?.closest("[lang]")?.lang === l, lang, { timeout: STEP_TIMEOUT_MS });
        checkReadable(await measure(page), c, lang);
        await page.locator(".network-card").screenshot({ path: join(shots, `network-card-${c.id}-${width}-${lang}.png`) });
      }
      await checkPatched(page, c);
      if (c.id === "4" && width === 1280) {
        // The control: without the patch, lines show in some names' boxes (the check above
        // could fail).
        const bare = await offColourPixels(page, false);
        assert.ok(bare.some((k) => k > 20), `no line crosses a name even without the patch: ${bare.join(", ")}`);
      }
      // At the end of a run nodes have grown, shrunk or left: the labels still keep apart.
      await finishRun(page);
      checkReadable(await measure(page), c, langs.at(-1));
      await checkPatched(page, c);
      await page.locator(".network-card").screenshot({ path: join(shots, `network-card-${c.id}-${width}-done.png`) });
      if (c.id === "30") await h.shot(page, `30-${width}-done`);
      await page.context().close();
    });
  }
}

await h.finish();
