// Browser, accessibility and HTML-validity gates over a built nashra site.
//
//   node run.mjs SITE_DIR ARTIFACTS_DIR [PAGES.json]
//
// With PAGES.json (a list of {name, path, dir, other}; `other: null` when any other language will
// do), only those pages get the per-page gates, and the sample site's own (dark scheme, print,
// aliases, search, sharing, theme) are left out: for sites in other languages.
//
// Serves SITE_DIR on loopback, opens the Arabic and English front page, an article, a topic, tag and country page, the tag index
// in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core)
// at 390x844 and 1280x800, and checks: the computed direction (rtl/ltr), no horizontal overflow,
// the language switcher leads to the translation, no console errors, zero serious or critical
// axe-core violations; then the theme's gates (theme.mjs). Screenshots go to ARTIFACTS_DIR. Then the W3C Nu HTML checker (vnu-jar)
// checks every HTML file of the site. Exit code 0 only if every check passed.
import { createServer } from "node:http";
import { readFile, stat, mkdir } from "node:fs/promises";
import { spawnSync } from "node:child_process";
import { join, extname, normalize, sep } from "node:path";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import { themeGates } from "./theme.mjs";

const require = createRequire(import.meta.url);
const [siteDir, artifacts, custom] = process.argv.slice(2);
if (!siteDir || !artifacts) {
  console.error("usage: node run.mjs SITE_DIR ARTIFACTS_DIR");
  process.exit(2);
}
await mkdir(artifacts, { recursive: true });

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".xml": "application/xml", ".svg": "image/svg+xml", ".txt": "text/plain", ".js": "text/javascript", ".json": "application/json", ".webmanifest": "application/manifest+json", ".png": "image/png", ".jpg": "image/jpeg", ".webp": "image/webp", ".woff2": "font/woff2" };
const server = createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  let file = normalize(join(siteDir, path));
  if (!file.startsWith(normalize(siteDir))) { res.writeHead(403); res.end(); return; }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    const body = await readFile(file);
    res.writeHead(200, { "content-type": types[extname(file)] || "application/octet-stream" });
    res.end(body);
  } catch {
    res.writeHead(404, { "content-type": types[".html"] });
    res.end(await readFile(join(siteDir, "404.html")).catch(() => "not found"));
  }
});
await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
const base = `http://127.0.0.1:${server.address().port}`;

const pages = custom ? JSON.parse(await readFile(custom, "utf8")) : [
  { name: "ar-front", path: "/ar/", dir: "rtl", other: "/en/" },
  { name: "en-front", path: "/en/", dir: "ltr", other: "/ar/" },
  { name: "ar-article", path: "/ar/2025/11/csto-summit-bishkek/", dir: "rtl", other: "/en/2025/11/csto-summit-bishkek/" },
  { name: "en-article", path: "/en/2025/11/csto-summit-bishkek/", dir: "ltr", other: "/ar/2025/11/csto-summit-bishkek/" },
  { name: "ar-topic", path: "/ar/topics/security/", dir: "rtl", other: "/en/topics/security/" },
  { name: "en-topic", path: "/en/topics/security/", dir: "ltr", other: "/ar/topics/security/" },
  { name: "ar-country", path: "/ar/countries/kg/", dir: "rtl", other: "/en/countries/kg/" },
  { name: "en-country", path: "/en/countries/kg/", dir: "ltr", other: "/ar/countries/kg/" },
  { name: "ar-tag", path: "/ar/tags/cop29/", dir: "rtl", other: "/en/tags/cop29/" },
  { name: "en-tag", path: "/en/tags/cop29/", dir: "ltr", other: "/ar/tags/cop29/" },
  { name: "ar-tags", path: "/ar/tags/", dir: "rtl", other: "/en/tags/" },
  { name: "en-tags", path: "/en/tags/", dir: "ltr", other: "/ar/tags/" },
  { name: "ar-tagged-article", path: "/ar/2025/11/nile-water-talks/", dir: "rtl", other: "/en/2025/11/nile-water-talks/" },
  { name: "ar-search", path: "/ar/search/", dir: "rtl", other: "/en/search/" },
  { name: "en-search", path: "/en/search/", dir: "ltr", other: "/ar/search/" },
];
const viewports = [{ width: 390, height: 844 }, { width: 1280, height: 800 }];

let passed = 0;
let failed = 0;
const fail = (what) => { failed++; console.log(`FAIL ${what}`); };
const ok = () => { passed++; };

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
});
try {
  for (const vp of viewports) {
    const context = await browser.newContext({ viewport: vp });
    for (const p of pages) {
      const label = `${p.name} @${vp.width}`;
      const page = await context.newPage();
      const errors = [];
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      page.on("pageerror", (e) => errors.push(String(e)));
      const resp = await page.goto(base + p.path, { waitUntil: "load" });
      if (!resp || resp.status() !== 200) { fail(`${label}: status ${resp && resp.status()}`); await page.close(); continue; }
      const dir = await page.evaluate(() => getComputedStyle(document.documentElement).direction);
      dir === p.dir ? ok() : fail(`${label}: direction ${dir}, expected ${p.dir}`);
      const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }));
      sw <= iw ? ok() : fail(`${label}: horizontal overflow (scrollWidth ${sw} > ${iw})`);
      // a breaking-news alert (alerts.toml): the banner appears, in the page's direction, on
      // every page (from alert.json, through alert.js), and without JavaScript on front pages
      if (p.alert) {
        await page.waitForSelector("#alerts .alert a", { timeout: 5000 }).catch(() => {});
        const banner = await page.evaluate(() => {
          const a = document.querySelector("#alerts .alert");
          const r = a && a.getBoundingClientRect();
          return a ? { text: a.textContent, dir: getComputedStyle(a).direction, href: a.querySelector("a") && a.querySelector("a").getAttribute("href"), top: r.top, w: r.width } : null;
        });
        banner && banner.text.includes(p.alert) && banner.dir === p.dir && banner.href === p.alertLink && banner.w >= vp.width - 1
          ? ok() : fail(`${label}: alert banner ${JSON.stringify(banner)}`);
        const again = await page.evaluate(() => document.querySelectorAll("#alerts .alert").length);
        again === 1 ? ok() : fail(`${label}: ${again} banners`);
        if (p.alertWithoutScript) {
          const ctx = await browser.newContext({ viewport: vp, javaScriptEnabled: false });
          const bare = await ctx.newPage();
          await bare.goto(base + p.path, { waitUntil: "load" });
          const text = await bare.locator("#alerts .alert").first().textContent().catch(() => "");
          text.includes(p.alert) ? ok() : fail(`${label}: no alert without JavaScript ("${text}")`);
          await ctx.close();
        }
      }
      await page.screenshot({ path: join(artifacts, `${p.name}-${vp.width}.png`), fullPage: true });
      const axe = await new AxeBuilder({ page }).analyze();
      const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      bad.length === 0 ? ok() : fail(`${label}: axe ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`).join("; ")}`);
      // the language switcher goes to the same page in the other language
      const link = page.locator(".lang-switch a").first();
      const href = await link.getAttribute("href");
      const here = await page.evaluate(() => document.documentElement.lang);
      const other = p.other || href;
      href === other ? ok() : fail(`${label}: switcher goes to ${href}, expected ${p.other}`);
      await link.click();
      await page.waitForLoadState("load");
      const landed = new URL(page.url()).pathname;
      const lang = await page.evaluate(() => document.documentElement.lang);
      landed === other && lang !== here ? ok() : fail(`${label}: switcher landed on ${landed} (lang ${lang})`);
      errors.length === 0 ? ok() : fail(`${label}: console errors: ${errors.join(" | ")}`);
      await page.close();
    }
    await context.close();
  }
  if (!custom) {
  // the README promises a dark scheme and print styles: dark readers get a dark page, and a
  // printed article drops the navigation
  const article = base + pages[2].path;
  const bg = async (scheme) => {
    const ctx = await browser.newContext({ colorScheme: scheme });
    const page = await ctx.newPage();
    await page.goto(article, { waitUntil: "load" });
    const color = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await ctx.close();
    return color;
  };
  const light = await bg("light");
  const dark = await bg("dark");
  const luminance = (c) => (c.match(/\d+/g) || ["0", "0", "0"]).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
  luminance(dark) < luminance(light) - 300 ? ok() : fail(`dark scheme: body background ${dark}, light ${light}`);
  {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(article, { waitUntil: "load" });
    await page.emulateMedia({ media: "print" });
    const hidden = await page.evaluate(() => [".lang-switch", ".sections", ".related"].map((s) => {
      const e = document.querySelector(s);
      return e ? getComputedStyle(e).display : "missing";
    }));
    hidden.every((d) => d === "none") ? ok() : fail(`print: navigation displayed as ${hidden.join(", ")}`);
    await page.pdf({ path: join(artifacts, "ar-article-print.pdf") });
    await ctx.close();
  }
  // an alias (an article's old address) lands on the article, in both languages
  for (const [from, to] of [["/en/2025/11/csto-bishkek/", "/en/2025/11/csto-summit-bishkek/"], ["/ar/2025/11/csto-bishkek/", "/ar/2025/11/csto-summit-bishkek/"]]) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(base + from, { waitUntil: "load" });
    await page.waitForURL((u) => u.pathname === to, { timeout: 5000 }).catch(() => {});
    const landed = new URL(page.url()).pathname;
    const h1 = await page.locator("h1").first().textContent().catch(() => "");
    landed === to && h1 ? ok() : fail(`alias ${from}: landed on ${landed}, expected ${to}`);
    await ctx.close();
  }
  // search: a query typed in the masthead box of a page lands on the search page with results;
  // typing on the search page updates them as the reader types; axe over the results
  for (const vp of viewports) {
    for (const [lang, query, dir] of [["ar", "بيشكيك", "rtl"], ["en", "Bishkek", "ltr"]]) {
      const label = `search ${lang} @${vp.width}`;
      const ctx = await browser.newContext({ viewport: vp });
      const page = await ctx.newPage();
      const errors = [];
      page.on("pageerror", (e) => errors.push(String(e)));
      page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
      await page.goto(`${base}/${lang}/`, { waitUntil: "load" });
      await page.locator(".site-search input[name=q]").fill(query);
      await page.locator(".site-search input[name=q]").press("Enter");
      await page.waitForURL((u) => u.pathname === `/${lang}/search/`, { timeout: 5000 }).catch(() => {});
      const first = page.locator("#search-results li a").first();
      await first.waitFor({ timeout: 5000 }).catch(() => {});
      const href = await first.getAttribute("href").catch(() => null);
      href && href.includes("csto-summit-bishkek") ? ok() : fail(`${label}: first result ${href}`);
      const marks = await page.locator("#search-results mark").count();
      marks > 0 ? ok() : fail(`${label}: no highlighted match`);
      const status = await page.locator("#search-status").textContent();
      (lang === "ar" ? /[٠-٩]|نتيجة|نتيجتان/.test(status) : /result/.test(status)) ? ok() : fail(`${label}: status "${status}"`);
      const d = await page.evaluate(() => getComputedStyle(document.querySelector("#search-results")).direction);
      d === dir ? ok() : fail(`${label}: results direction ${d}`);
      const { sw, iw } = await page.evaluate(() => ({ sw: document.documentElement.scrollWidth, iw: window.innerWidth }));
      sw <= iw ? ok() : fail(`${label}: horizontal overflow (scrollWidth ${sw} > ${iw})`);
      await page.screenshot({ path: join(artifacts, `${lang}-search-results-${vp.width}.png`), fullPage: true });
      const axe = await new AxeBuilder({ page }).analyze();
      const bad = axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      bad.length === 0 ? ok() : fail(`${label}: axe ${bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`).join("; ")}`);
      // as the reader types: a word that matches nothing, then the start of a word
      const box = page.locator("#search-q");
      await box.fill("");
      await box.pressSequentially(lang === "ar" ? "كوبنهاغنز" : "zzqx", { delay: 20 });
      await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 0, null, { timeout: 5000 }).catch(() => {});
      const none = await page.locator("#search-results li").count();
      none === 0 ? ok() : fail(`${label}: ${none} results for a word in no article`);
      await box.fill("");
      await box.pressSequentially(lang === "ar" ? "بيشك" : "Bishk", { delay: 20 });
      await page.locator("#search-results li").first().waitFor({ timeout: 5000 }).catch(() => {});
      const again = await page.locator("#search-results li").count();
      again > 0 ? ok() : fail(`${label}: no results while typing`);
      new URL(page.url()).searchParams.get("q") === (lang === "ar" ? "بيشك" : "Bishk") ? ok() : fail(`${label}: the address does not keep the query (${page.url()})`);
      errors.length === 0 ? ok() : fail(`${label}: console errors: ${errors.join(" | ")}`);
      await ctx.close();
    }
  }
  // a search address (README: `?q=…&topic=…&country=…`) opens with its query and filter applied
  {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(`${base}/en/search/?q=Bishkek&topic=security`, { waitUntil: "load" });
    await page.locator("#search-results li").first().waitFor({ timeout: 5000 }).catch(() => {});
    const topic = await page.locator("#search-topic").inputValue();
    const shown = await page.locator("#search-results li").count();
    const q = await page.locator("#search-q").inputValue();
    topic === "security" && q === "Bishkek" && shown > 0 ? ok() : fail(`search address: topic ${topic}, q ${q}, ${shown} results`);
    await page.goto(`${base}/en/search/?q=Bishkek&topic=economy`, { waitUntil: "load" });
    await page.waitForFunction(() => document.querySelector("#search-status").textContent !== "", null, { timeout: 5000 }).catch(() => {});
    const none = await page.locator("#search-results li").count();
    none === 0 ? ok() : fail(`search address: ${none} results for Bishkek in economy (none expected)`);
    await ctx.close();
  }
  // the copy-link button appears where the clipboard is available
  {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.goto(base + pages[3].path, { waitUntil: "load" });
    const shown = await page.locator("button.share-copy").isVisible();
    const links = await page.locator(".share a").count();
    shown && links === 5 ? ok() : fail(`share: copy button visible ${shown}, ${links} links`);
    await ctx.close();
  }
  await themeGates({ browser, base, artifacts, ok, fail });
  }
} finally {
  await browser.close();
  server.close();
}

// The W3C Nu HTML checker over every HTML file.
// SKIP_VNU=1 leaves the HTML checker out (a minute of Java) while working on the browser gates.
const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
const vnu = process.env.SKIP_VNU ? { stderr: "{}" } : spawnSync("java", ["-jar", jar, "--errors-only", "--skip-non-html", "--format", "json", siteDir], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
if (vnu.error) {
  fail(`vnu: cannot run java: ${vnu.error.message}`);
} else {
  let messages = [];
  try { messages = JSON.parse(vnu.stderr || "{}").messages || []; } catch { fail(`vnu: unreadable output: ${vnu.stderr.slice(0, 500)}`); }
  const errors = messages.filter((m) => m.type === "error" || m.subType === "fatal");
  if (errors.length === 0) {
    ok();
  } else {
    for (const e of errors.slice(0, 30)) {
      fail(`vnu: ${e.url ? e.url.replace(/^file:/, "") : ""}:${e.lastLine || ""}: ${e.message}`);
    }
    if (errors.length > 30) fail(`vnu: ${errors.length - 30} more errors`);
  }
}

console.log(`browser gates: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
