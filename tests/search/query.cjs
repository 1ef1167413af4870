// Runs nashra's search script (static/search.js) in Node against a built site, the way the
// search page runs it in a browser. Used by tests/search.rs.
//
//   node query.cjs SEARCH_JS OUTPUT_DIR terms CASES.tsv
//       the normalisation table through the script; prints {"cases": n, "failures": [...]}
//   node query.cjs SEARCH_JS OUTPUT_DIR query LANG '[["text", {"topic": "…"}], …]'
//       prints, for each query, the hits' entries ({u, t, d, s}) best first, the highlighted
//       summary of the first, and the bytes the query downloaded
"use strict";
const fs = require("fs");
const path = require("path");

const [searchJs, out, mode, ...rest] = process.argv.slice(2);
const { Index } = require(path.resolve(searchJs));

function fetcher(log) {
  return async (url) => {
    // URLs are /LANG/search/…; the site is built with the base path /
    const file = path.join(out, decodeURIComponent(url));
    const bytes = fs.readFileSync(file);
    log.push([url, bytes.length]);
    return JSON.parse(bytes.toString("utf8"));
  };
}

(async () => {
  if (mode === "terms") {
    const log = [];
    const index = new Index("/ar/search/", fetcher(log));
    await index.meta();
    const norm = index.normalizer;
    const failures = [];
    let cases = 0;
    fs.readFileSync(rest[0], "utf8").split("\n").forEach((line, i) => {
      if (line.startsWith("#") || !line.trim()) return;
      const [input, expected = ""] = line.split("\t");
      const want = expected.split(" ").filter(Boolean);
      const got = norm.terms(input);
      cases++;
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        failures.push({ line: i + 1, input, want, got });
      }
    });
    console.log(JSON.stringify({ cases, failures }));
    return;
  }
  const [lang, queries] = rest;
  const results = [];
  for (const [text, filters] of JSON.parse(queries)) {
    const log = [];
    const index = new Index(`/${lang}/search/`, fetcher(log));
    const r = await index.search(text, filters || {});
    const entries = await index.entries(r.hits.slice(0, 10));
    const highlighted = entries.length
      ? index.normalizer.highlight(entries[0].s, r.forms).map(([t, m]) => (m ? `[${t}]` : t)).join("")
      : "";
    results.push({
      query: text,
      total: r.hits.length,
      hits: entries,
      highlighted,
      bytes: log.reduce((n, [, b]) => n + b, 0),
      files: log.map(([url]) => url),
    });
  }
  console.log(JSON.stringify(results));
})().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
