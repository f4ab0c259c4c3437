import { setup, tid, ready, attrs } from "/tmp/audit-class/common.mjs";
const S = await setup();
const p = await S.ctx({ permissions: ["clipboard-read", "clipboard-write"] }, "trainer");
const t0 = Date.now();
await p.goto(S.origin + "/", { waitUntil: "load" });
await ready(p);
console.log("ready ms", Date.now() - t0);
await p.screenshot({ path: "/tmp/audit-class/p1-00-home.png" });
console.log(await attrs(p));
// list testids on page
const ids = await p.evaluate(() => [...document.querySelectorAll("[data-testid]")].map((e) => e.dataset.testid));
console.log(ids.join(" "));
await S.browser.close(); S.server.close();
console.log(S.logs.join("\n"));
