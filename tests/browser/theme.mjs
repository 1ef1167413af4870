// Gates for the default theme's reader-facing details (issue 14), each one a defect that was
// once visible: the focused skip link, the dek, the webfonts actually used for each script, code
// laid out left to right on Arabic pages, headline direction, separators, dates that do not break,
// the current-section marker, the 404 page, the `/` language chooser, icons and the manifest.
// Screenshots of the dark scheme, the 404 page and the chooser go to ARTIFACTS_DIR.
import { join } from "node:path";

// WCAG 2 contrast ratio of two `rgb()`/`rgba()` colours (alpha ignored: callers pass opaque ones).
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) || ["0", "0", "0"]).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

// The fonts Chromium really drew a node's own text with (DevTools protocol), after webfonts load.
async function fontsOf(page, selector) {
  await page.evaluate(() => document.fonts.ready);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1 });
    const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector });
    if (!nodeId) return null;
    const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
    return fonts;
  } finally {
    await cdp.detach();
  }
}

export async function themeGates({ browser, base, artifacts, ok, fail }) {
  const open = async (path, options = {}) => {
    const ctx = await browser.newContext(options);
    const page = await ctx.newPage();
    const resp = await page.goto(base + path, { waitUntil: "load" });
    return { ctx, page, resp };
  };
  const arArticle = "/ar/2025/11/food-prices-open-data/";
  const enArticle = "/en/2025/11/food-prices-open-data/";

  // 1. the skip link is the first Tab stop, on screen, and readable, in both schemes
  for (const scheme of ["light", "dark"]) {
    for (const path of ["/ar/", enArticle]) {
      const label = `skip link ${path} ${scheme}`;
      const { ctx, page } = await open(path, { colorScheme: scheme, viewport: { width: 390, height: 844 } });
      await page.keyboard.press("Tab");
      const s = await page.evaluate(() => {
        const a = document.activeElement;
        const r = a.getBoundingClientRect();
        let bg = "rgba(0, 0, 0, 0)";
        for (let e = a; e && /rgba\(.*, 0\)$|transparent/.test(bg); e = e.parentElement) bg = getComputedStyle(e).backgroundColor;
        return { cls: a.className, color: getComputedStyle(a).color, bg, top: r.top, bottom: r.bottom, width: r.width, vh: innerHeight };
      });
      const ratio = contrast(s.color, s.bg);
      s.cls === "skip-link" ? ok() : fail(`${label}: the first Tab stop is .${s.cls}`);
      s.top >= 0 && s.bottom <= s.vh && s.width > 20 ? ok() : fail(`${label}: off screen when focused (${s.top}..${s.bottom}, width ${s.width})`);
      ratio >= 4.5 ? ok() : fail(`${label}: contrast ${ratio.toFixed(2)} (${s.color} on ${s.bg}), 4.5 needed`);
      if (path === "/ar/") await page.screenshot({ path: join(artifacts, `skip-link-ar-${scheme}.png`) });
      await ctx.close();
    }
  }

  // 2. a dek only when the summary is written, and never the body's first paragraph again
  for (const [path, written] of [["/ar/2025/11/gulf-rail-link/", false], ["/en/2025/11/gulf-rail-link/", false], [arArticle, true], [enArticle, true]]) {
    const { ctx, page } = await open(path);
    const d = await page.evaluate(() => ({
      dek: document.querySelector(".article-header .dek")?.textContent.trim() ?? null,
      first: document.querySelector(".article .body p")?.textContent.trim() ?? "",
    }));
    (d.dek !== null) === written ? ok() : fail(`dek ${path}: ${d.dek === null ? "missing" : "shown"} (summary written: ${written})`);
    d.dek !== d.first ? ok() : fail(`dek ${path}: repeats the first paragraph`);
    await ctx.close();
  }

  // 3. webfonts: each script in its shipped face, also inside blocks of the other language
  {
    const checks = [
      [arArticle, ".article-header h1", "Noto Naskh Arabic"],
      [arArticle, ".also-in", "Source Serif 4"],
      [enArticle, ".article-header h1", "Source Serif 4"],
      [enArticle, ".also-in", "Noto Naskh Arabic"],
      ["/no-such-page/", "main [lang=en] h1, main [lang=en] p", "Source Serif 4"],
      ["/no-such-page/", "main [lang=ar] h1, main [lang=ar] p", "Noto Naskh Arabic"],
    ];
    for (const [path, selector, family] of checks) {
      const { ctx, page } = await open(path);
      const fonts = await fontsOf(page, selector);
      const used = (fonts || []).map((f) => `${f.familyName}${f.isCustomFont ? " (web)" : ""}`);
      fonts && fonts.some((f) => f.isCustomFont && f.familyName.startsWith(family)) ? ok() : fail(`fonts ${path} ${selector}: drawn with ${used.join(", ") || "nothing found"}, expected the web font ${family}`);
      await ctx.close();
    }
  }

  // 4. code on an Arabic page: left to right, starting at the left, opened at its start
  {
    const { ctx, page } = await open(arArticle, { viewport: { width: 390, height: 844 } });
    const c = await page.evaluate(() => [...document.querySelectorAll(".body pre")].map((pre) => {
      const text = pre.querySelector("code")?.firstChild || pre.firstChild;
      const at = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1); return r.getBoundingClientRect().left; };
      return { dir: getComputedStyle(pre).direction, align: getComputedStyle(pre).textAlign, scroll: pre.scrollLeft, ordered: at(0) < at(1), left: at(0) - pre.getBoundingClientRect().left };
    }));
    c.length >= 2 ? ok() : fail(`code ${arArticle}: ${c.length} code blocks, the sample has 2`);
    for (const [i, b] of c.entries()) {
      b.dir === "ltr" && ["start", "left"].includes(b.align) ? ok() : fail(`code block ${i}: direction ${b.dir}, text-align ${b.align}`);
      b.ordered && b.left < 40 && b.scroll === 0 ? ok() : fail(`code block ${i}: laid out right to left (first character ${b.left}px from the left, scrolled ${b.scroll})`);
    }
    const inline = await page.evaluate(() => getComputedStyle(document.querySelector(".body p code")).direction);
    inline === "ltr" ? ok() : fail(`inline code on an Arabic page: direction ${inline}`);
    // 5. an Arabic headline that starts with a Latin word is still laid out right to left
    const h = await page.evaluate(() => {
      const h1 = document.querySelector(".article-header h1");
      const first = h1.querySelector("bdi").getBoundingClientRect();
      return { dir: getComputedStyle(h1).direction, wrap: getComputedStyle(h1).textWrap || getComputedStyle(h1).textWrapStyle || "", firstRight: first.right, right: h1.getBoundingClientRect().right };
    });
    h.dir === "rtl" && h.right - h.firstRight < 4 ? ok() : fail(`headline ${arArticle}: direction ${h.dir}, its first word ${h.right - h.firstRight}px from the right edge`);
    /balance/.test(h.wrap) ? ok() : fail(`headline: text-wrap ${h.wrap}, balance expected`);
    // bare URLs become links that wrap instead of widening the page
    const url = await page.evaluate(() => { const a = document.querySelector(".body a.url"); return a ? { dir: a.dir, sw: document.documentElement.scrollWidth, iw: innerWidth } : null; });
    url && url.dir === "ltr" && url.sw <= url.iw ? ok() : fail(`bare URL: ${JSON.stringify(url)}`);
    await ctx.close();
  }

  // a title in the other language keeps its own direction, even when it starts with a Latin word
  {
    const { ctx, page } = await open(enArticle);
    const t = await page.evaluate(() => {
      const b = document.querySelector(".also-in a bdi");
      const text = b.firstChild;
      const r = document.createRange(); r.setStart(text, 0); r.setEnd(text, 3);
      return { dir: getComputedStyle(b).direction, gap: b.getBoundingClientRect().right - r.getBoundingClientRect().right };
    });
    t.dir === "rtl" && t.gap < 4 ? ok() : fail(`"read in Arabic" title on ${enArticle}: direction ${t.dir}, its first word ${t.gap}px from its right end`);
    await ctx.close();
  }

  // 6.–7. separators that cannot read as an Arabic zero; dates that stay on one line on phones
  for (const path of ["/ar/", "/ar/topics/economy/", arArticle, "/ar/2025/11/opec-plus-output/"]) {
    const { ctx, page } = await open(path, { viewport: { width: 390, height: 844 } });
    const r = await page.evaluate(() => ({
      middot: document.body.innerText.includes("\u00b7"),
      // bidi splits an element into several boxes on one line; a break puts them on two lines
      broken: [...document.querySelectorAll(".date-text, .hijri, .time, .zone")].filter((e) => {
        const tops = [...e.getClientRects()].map((r) => r.top);
        return Math.max(...tops) - Math.min(...tops) > 8;
      }).map((e) => e.textContent),
      zone: !!document.querySelector(".zone"),
    }));
    !r.middot ? ok() : fail(`separators ${path}: "·" next to Arabic-Indic digits`);
    r.broken.length === 0 ? ok() : fail(`dates ${path} @390: broken across lines: ${r.broken.join(" | ")}`);
    r.zone ? ok() : fail(`times ${path}: no time zone shown`);
    await ctx.close();
  }

  // 8. the section the reader is in is marked, visibly
  for (const path of ["/ar/topics/", "/en/archive/"]) {
    const { ctx, page } = await open(path);
    const m = await page.evaluate(() => {
      const cur = document.querySelector(".sections a[aria-current]");
      const other = document.querySelector(".sections a:not([aria-current])");
      const look = (e) => { const s = getComputedStyle(e); return `${s.color}|${s.boxShadow}|${s.fontWeight}|${s.textDecorationLine}`; };
      return cur && other ? { href: cur.getAttribute("href"), differs: look(cur) !== look(other) } : null;
    });
    m && m.href === path && m.differs ? ok() : fail(`section marker ${path}: ${JSON.stringify(m)}`);
    await ctx.close();
  }

  // 9. the 404 page: masthead, icon, both languages; icons and manifests resolve
  {
    const { ctx, page, resp } = await open("/no-such-page/", { viewport: { width: 390, height: 844 } });
    const n = await page.evaluate(() => ({ title: !!document.querySelector(".masthead .site-title"), icon: document.querySelector("link[rel=icon]")?.href, langs: [...document.querySelectorAll("main [lang]")].map((e) => e.lang) }));
    resp.status() === 404 && n.title && n.icon && n.langs.includes("ar") && n.langs.includes("en") ? ok() : fail(`404: ${resp.status()} ${JSON.stringify(n)}`);
    await page.screenshot({ path: join(artifacts, "404-390.png"), fullPage: true });
    for (const [path, type] of [["/favicon.svg", "image/svg+xml"], ["/apple-touch-icon.png", "image/png"], ["/icon-512.png", "image/png"]]) {
      const r = await page.request.get(base + path);
      r.status() === 200 && (r.headers()["content-type"] || "").startsWith(type) ? ok() : fail(`${path}: ${r.status()} ${r.headers()["content-type"]}`);
    }
    for (const [lang, dir] of [["ar", "rtl"], ["en", "ltr"]]) {
      const r = await page.request.get(`${base}/${lang}/manifest.webmanifest`);
      const m = r.status() === 200 ? JSON.parse(await r.text()) : {};
      m.lang === lang && m.dir === dir && m.start_url === `/${lang}/` && (m.icons || []).length >= 2 ? ok() : fail(`manifest ${lang}: ${JSON.stringify(m)}`);
    }
    const theme = await page.evaluate(() => document.querySelectorAll("meta[name=theme-color]").length);
    theme >= 1 ? ok() : fail("404: no theme-color");
    await ctx.close();
  }

  // 10. `/` follows the browser's languages, and without a match or without JavaScript offers both
  for (const [locale, js, to] of [["en-US", true, "/en/"], ["ar-EG", true, "/ar/"], ["fr-FR", true, "/"], ["en-US", false, "/"]]) {
    const label = `language chooser ${locale}${js ? "" : " without JavaScript"}`;
    const { ctx, page } = await open("/", { locale, javaScriptEnabled: js, viewport: { width: 390, height: 844 } });
    if (to !== "/") await page.waitForURL((u) => u.pathname === to, { timeout: 5000 }).catch(() => {});
    else await page.waitForTimeout(300);
    const landed = new URL(page.url()).pathname;
    landed === to ? ok() : fail(`${label}: landed on ${landed}, expected ${to}`);
    if (to === "/") {
      const links = await page.evaluate(() => [...document.querySelectorAll(".language-chooser a")].map((a) => a.getAttribute("href")));
      links.includes("/ar/") && links.includes("/en/") ? ok() : fail(`${label}: links ${links.join(", ")}`);
      if (!js) await page.screenshot({ path: join(artifacts, "root-chooser-390.png"), fullPage: true });
    }
    await ctx.close();
  }

  // dark-scheme screenshots of the pages readers see most, to look at
  for (const width of [390, 1280]) {
    for (const [name, path] of [["ar-front", "/ar/"], ["en-front", "/en/"], ["ar-article", "/ar/2025/11/opec-plus-output/"], ["ar-code-article", arArticle], ["en-code-article", enArticle]]) {
      const { ctx, page } = await open(path, { colorScheme: name.includes("code") ? "light" : "dark", viewport: { width, height: 844 } });
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: join(artifacts, `${name}${name.includes("code") ? "" : "-dark"}-${width}.png`), fullPage: true });
      await ctx.close();
    }
  }
}
