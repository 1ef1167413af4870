// nashra search: runs in the reader's browser against the index nashra writes beside the search
// page (/LANG/search/meta.json and its chunks; see src/search/index.rs). No server, no network
// beyond the site itself.
//
// The normalisation below is src/search/normalize.rs and words.rs step for step; its tables (folds, stop
// words, affixes) are not written here but read from meta.json, where nashra puts the ones it
// indexed with. tests/search/cases.tsv runs through both.
(function () {
  "use strict";

  var WORD_CHAR = /[\p{Alphabetic}\p{N}]/u;
  var WORD_RUN = /[\p{Alphabetic}\p{N}\p{M}]+/gu;

  function cpLen(s) {
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charCodeAt(i);
      if (c < 0xdc00 || c > 0xdfff) n++;
    }
    return n;
  }

  // ---- normalisation -------------------------------------------------------------------------

  function Normalizer(norm) {
    this.fold = norm.fold;
    this.rules = { arabic: prepare(norm.arabic), latin: prepare(norm.latin) };
  }

  function prepare(r) {
    return {
      stop: new Set(r.stop),
      articles: r.articles,
      clitics: r.clitics,
      suffixes: r.suffixes,
      all: r.all,
      min: r.min,
    };
  }

  // The folded words of `text`, in order.
  Normalizer.prototype.words = function (text) {
    var out = [];
    var buf = "";
    var n = 0;
    var fold = this.fold;
    for (var ch of text) {
      var f = fold[ch];
      if (f !== undefined) {
        buf += f;
        n += cpLen(f);
      } else if (WORD_CHAR.test(ch)) {
        var l = ch.toLowerCase();
        buf += l;
        n += cpLen(l);
      } else {
        if (n >= 2) out.push(buf);
        buf = "";
        n = 0;
      }
    }
    if (n >= 2) out.push(buf);
    return out;
  };

  Normalizer.prototype.rulesFor = function (word) {
    var c = word.codePointAt(0);
    if (c >= 0x600 && c <= 0x6ff) return this.rules.arabic;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f)) {
      return this.rules.latin;
    }
    return null;
  };

  function stem(rules, word) {
    var out = word;
    var letters = cpLen(word);
    for (var i = 0; i < rules.suffixes.length; i++) {
      var suffix = rules.suffixes[i][0];
      var repl = rules.suffixes[i][1];
      if (out.endsWith(suffix)) {
        var n = cpLen(suffix);
        if (letters >= n + rules.min) {
          out = out.slice(0, out.length - suffix.length) + repl;
          letters = letters - n + cpLen(repl);
          if (!rules.all) return out;
        }
      }
    }
    return out;
  }

  function article(rules, s) {
    for (var i = 0; i < rules.articles.length; i++) {
      var a = rules.articles[i];
      if (s.startsWith(a) && cpLen(s) - cpLen(a) >= rules.min) return a.length;
    }
    return 0;
  }

  // The stems of one folded word: none for a stop word, two when a clitic may be a letter.
  Normalizer.prototype.forms = function (word) {
    var rules = this.rulesFor(word);
    if (!rules) return [word];
    if (rules.stop.has(word)) return [];
    var a = article(rules, word);
    var out = [stem(rules, word.slice(a))];
    if (a === 0) {
      var first = String.fromCodePoint(word.codePointAt(0));
      var rest = word.slice(first.length);
      if (rules.clitics.indexOf(first) >= 0 && cpLen(rest) >= 3) {
        var alt = stem(rules, rest.slice(article(rules, rest)));
        if (alt !== out[0]) out.push(alt);
      }
    }
    return out;
  };

  Normalizer.prototype.terms = function (text) {
    var self = this;
    var out = [];
    this.words(text).forEach(function (w) {
      self.forms(w).forEach(function (f) {
        out.push(f);
      });
    });
    return out;
  };

  // ---- the index -----------------------------------------------------------------------------

  var PREFIX_MIN = 3; // a stem this long also matches longer stems that start with it
  var PREFIX_TERMS = 200; // at most this many longer stems per word
  var PREFIX_CHUNKS = 3;

  function defaultFetch(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  // `base`: the URL of the folder with meta.json (ends in `/`).
  function Index(base, fetcher) {
    this.base = base;
    this.get = fetcher || defaultFetch;
    this.files = new Map();
    this.metaPromise = null;
  }

  Index.prototype.file = function (path) {
    var p = this.files.get(path);
    if (!p) {
      p = this.get(this.base + path);
      this.files.set(path, p);
      var files = this.files;
      p.catch(function () {
        files.delete(path);
      });
    }
    return p;
  };

  Index.prototype.meta = function () {
    var self = this;
    if (!this.metaPromise) {
      this.metaPromise = this.get(this.base + "meta.json").then(function (m) {
        self.normalizer = new Normalizer(m.norm);
        return m;
      });
      this.metaPromise.catch(function () {
        self.metaPromise = null;
      });
    }
    return this.metaPromise;
  };

  // The last chunk whose first stem is <= term (JavaScript string order, as nashra sorts).
  function chunkFor(terms, term) {
    var lo = 0;
    var hi = terms.length - 1;
    var found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (terms[mid][0] <= term) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  function lowerBound(list, term) {
    var lo = 0;
    var hi = list.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid][0] < term) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  // The index entries of `form`: itself, and with `prefix` the longer stems that start with it.
  Index.prototype.lookup = async function (meta, form, prefix) {
    var out = [];
    if (!meta.terms.length) return out;
    var c = chunkFor(meta.terms, form);
    for (var k = 0; k < PREFIX_CHUNKS && c + k < meta.terms.length; k++) {
      var chunkMeta = meta.terms[c + k];
      if (k > 0 && !(prefix && chunkMeta[0].startsWith(form))) break;
      var list = await this.file("t/" + (c + k) + "-" + chunkMeta[1] + ".json");
      var i = lowerBound(list, form);
      for (; i < list.length; i++) {
        var term = list[i][0];
        if (term === form) {
          out.push({ term: term, postings: list[i][1], exact: true });
          if (!prefix) return out;
        } else if (prefix && term.startsWith(form)) {
          out.push({ term: term, postings: list[i][1], exact: false });
          if (out.length > PREFIX_TERMS) return out;
        } else {
          return out;
        }
      }
    }
    return out;
  };

  // The weight of each class of src/search/index.rs (body, body often, summary, headline).
  var WEIGHTS = [1, 2, 4, 8];

  // A term's postings: `gap × 4 + class,…` in base 36.
  function decode(postings, each) {
    var doc = 0;
    var start = 0;
    for (var i = 0; i <= postings.length; i++) {
      if (i === postings.length || postings.charCodeAt(i) === 44) {
        var v = parseInt(postings.slice(start, i), 36);
        doc += Math.floor(v / 4);
        each(doc, WEIGHTS[v % 4]);
        start = i + 1;
      }
    }
  }

  function count(postings) {
    var n = 1;
    for (var i = 0; i < postings.length; i++) if (postings.charCodeAt(i) === 44) n++;
    return n;
  }

  Index.prototype.filter = async function (meta, kind, key) {
    var list = (meta.filters[kind] || []).find(function (f) {
      return f[0] === key;
    });
    if (!list) return new Set();
    var text = await this.file("f/" + list[3] + ".json");
    var docs = new Set();
    var doc = 0;
    if (text) text.split(",").forEach(function (gap) {
      doc += parseInt(gap, 36);
      docs.add(doc);
    });
    return docs;
  };

  // Searches: every word of the query must match (exactly or, from three letters, as the start
  // of a longer stem). Returns { hits: [article number…] best first, forms: [stems…] }.
  Index.prototype.search = async function (query, filters) {
    var meta = await this.meta();
    var norm = this.normalizer;
    var self = this;
    var tokens = norm.words(query).map(function (w) {
      return norm.forms(w);
    }).filter(function (f) {
      return f.length > 0;
    });
    var forms = [].concat.apply([], tokens);
    if (!tokens.length) return { hits: [], forms: forms, words: 0 };
    var n = meta.docs;
    // every query word's matching stems, from the term chunks
    var found = await Promise.all(tokens.map(async function (tokenForms) {
      var list = [];
      for (var k = 0; k < tokenForms.length; k++) {
        var matches = await self.lookup(meta, tokenForms[k], cpLen(tokenForms[k]) >= PREFIX_MIN);
        matches.forEach(function (m) {
          list.push({ m: m, alt: k === 0 ? 1 : 0.8 });
        });
      }
      return list;
    }));
    function score(scores, m, alt, postings, total) {
      var f = alt * Math.log(1 + n / total) * (m.exact ? 1 : 0.5);
      decode(postings, function (doc, w) {
        var s = w * f;
        var old = scores.get(doc);
        if (old === undefined || s > old) scores.set(doc, s);
      });
    }
    // words whose postings are all in the chunks first: the articles they allow
    var perToken = found.map(function () { return new Map(); });
    var split = found.map(function (list) {
      return list.some(function (x) { return typeof x.m.postings !== "string"; });
    });
    var candidates = null;
    found.forEach(function (list, t) {
      if (split[t]) return;
      list.forEach(function (x) {
        score(perToken[t], x.m, x.alt, x.m.postings, count(x.m.postings));
      });
      if (candidates === null) candidates = Array.from(perToken[t].keys()).sort(function (a, b) { return a - b; });
      else candidates = candidates.filter(function (d) { return perToken[t].has(d); });
    });
    // a common word of a big archive has its postings in parts (newest articles first): only
    // the parts holding articles the other words allow are loaded, or, alone, the newest part
    await Promise.all(found.map(async function (list, t) {
      if (!split[t]) return;
      await Promise.all(list.map(async function (x) {
        var p = x.m.postings;
        if (typeof p === "string") {
          score(perToken[t], x.m, x.alt, p, count(p));
          return;
        }
        var wanted = [];
        if (candidates === null) wanted.push(0);
        else {
          var k = 0;
          candidates.forEach(function (d) {
            while (k + 1 < p.p.length && p.p[k + 1][0] <= d) k++;
            if (wanted[wanted.length - 1] !== k) wanted.push(k);
          });
        }
        var parts = await Promise.all(wanted.map(function (k) {
          return self.file("p/" + p.p[k][1] + ".json");
        }));
        parts.forEach(function (text) {
          score(perToken[t], x.m, x.alt, text, p.n);
        });
      }));
    }));
    perToken.sort(function (a, b) { return a.size - b.size; });
    var sets = [];
    if (filters && filters.topic) sets.push(await this.filter(meta, "topic", filters.topic));
    if (filters && filters.country) sets.push(await this.filter(meta, "country", filters.country));
    var hits = [];
    perToken[0].forEach(function (s, doc) {
      var total = s;
      for (var t = 1; t < perToken.length; t++) {
        var o = perToken[t].get(doc);
        if (o === undefined) return;
        total += o;
      }
      for (var f = 0; f < sets.length; f++) if (!sets[f].has(doc)) return;
      hits.push([doc, total]);
    });
    hits.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
    return { hits: hits.map(function (h) { return h[0]; }), forms: forms, words: tokens.length };
  };

  // The result entries ({u, t, d, s}) of article numbers `docs`.
  Index.prototype.entries = async function (docs) {
    var meta = await this.meta();
    var self = this;
    return Promise.all(docs.map(async function (d) {
      var c = Math.floor(d / meta.per);
      var name = meta.entries[c];
      if (meta.entry_pages) {
        // a big index names its entry chunks in pages (e/P-H.json), not in meta.json
        var p = Math.floor(c / meta.entry_page);
        var page = await self.file("e/" + p + "-" + meta.entry_pages[p] + ".json");
        name = page[c % meta.entry_page];
      }
      var chunk = await self.file("d/" + c + "-" + name + ".json");
      return chunk[d % meta.per];
    }));
  };

  // Does a word of the text match one of the query's stems?
  Normalizer.prototype.matches = function (word, forms) {
    var self = this;
    return this.words(word).some(function (w) {
      return self.forms(w).some(function (f) {
        return forms.some(function (q) {
          return f === q || (cpLen(q) >= PREFIX_MIN && f.startsWith(q));
        });
      });
    });
  };

  // `text` split into [piece, matched] pairs, for highlighting.
  Normalizer.prototype.highlight = function (text, forms) {
    var out = [];
    var last = 0;
    var m;
    WORD_RUN.lastIndex = 0;
    while ((m = WORD_RUN.exec(text)) !== null) {
      if (this.matches(m[0], forms)) {
        if (m.index > last) out.push([text.slice(last, m.index), false]);
        out.push([m[0], true]);
        last = m.index + m[0].length;
      }
    }
    if (last < text.length) out.push([text.slice(last), false]);
    return out;
  };

  var api = { Normalizer: Normalizer, Index: Index };
  if (typeof module !== "undefined" && module.exports) module.exports = api;
  if (typeof document === "undefined") return;

  // ---- the search page -----------------------------------------------------------------------

  var configEl = document.getElementById("search-config");
  var form = document.getElementById("search-form");
  if (!configEl || !form) return;
  var config = JSON.parse(configEl.textContent);
  var index = new Index(config.index);
  var input = document.getElementById("search-q");
  var topic = document.getElementById("search-topic");
  var country = document.getElementById("search-country");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var PAGE = 10;
  var shown = 0;
  var current = null;
  var run = 0;

  function digits(s) {
    var zero = { arab: 0x660, arabext: 0x6f0 }[config.digits];
    if (!zero) return s;
    return s.replace(/[0-9]/g, function (d) {
      return String.fromCharCode(zero + Number(d));
    }).replace(/,/g, "\u066c");
  }

  function countText(n) {
    var cat = new Intl.PluralRules(config.lang).select(n);
    var t = config.counts[cat] || config.counts.other || "{n}";
    return t.replace("{n}", digits(n.toLocaleString("en-US")));
  }

  function marked(parent, text, forms) {
    index.normalizer.highlight(text, forms).forEach(function (p) {
      if (p[1]) {
        var mark = document.createElement("mark");
        mark.textContent = p[0];
        parent.appendChild(mark);
      } else {
        parent.appendChild(document.createTextNode(p[0]));
      }
    });
  }

  async function showMore() {
    var r = current;
    var ids = r.hits.slice(shown, shown + PAGE);
    shown += ids.length;
    var entries = await index.entries(ids);
    if (r !== current) return;
    entries.forEach(function (e) {
      var li = document.createElement("li");
      li.className = "item";
      var article = document.createElement("article");
      var h = document.createElement("h2");
      var a = document.createElement("a");
      a.href = e.u;
      marked(a, e.t, r.forms);
      h.appendChild(a);
      article.appendChild(h);
      if (e.s) {
        var p = document.createElement("p");
        p.className = "summary";
        marked(p, e.s, r.forms);
        article.appendChild(p);
      }
      if (e.d) {
        var meta = document.createElement("p");
        meta.className = "item-meta";
        meta.textContent = e.d;
        article.appendChild(meta);
      }
      li.appendChild(article);
      list.appendChild(li);
    });
    more.hidden = shown >= r.hits.length;
  }

  async function update() {
    var q = input.value;
    var filters = { topic: topic ? topic.value : "", country: country ? country.value : "" };
    var params = new URLSearchParams();
    if (q) params.set("q", q);
    if (filters.topic) params.set("topic", filters.topic);
    if (filters.country) params.set("country", filters.country);
    var qs = params.toString();
    history.replaceState(null, "", qs ? "?" + qs : location.pathname);
    var mine = ++run;
    list.textContent = "";
    more.hidden = true;
    current = null;
    if (!q.trim()) {
      status.textContent = "";
      return;
    }
    if (cpLen(q.trim()) < 2) {
      status.textContent = config.strings.short;
      return;
    }
    status.textContent = config.strings.loading;
    try {
      var r = await index.search(q, filters);
      if (mine !== run) return;
      current = r;
      shown = 0;
      status.textContent = r.hits.length ? countText(r.hits.length) : config.strings.none;
      if (r.hits.length) await showMore();
    } catch (e) {
      if (mine === run) status.textContent = config.strings.error;
    }
  }

  var timer = 0;
  function later() {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  }

  var params = new URLSearchParams(location.search);
  input.value = params.get("q") || "";
  if (topic) topic.value = params.get("topic") || "";
  if (country) country.value = params.get("country") || "";
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    clearTimeout(timer);
    update();
  });
  input.addEventListener("input", later);
  if (topic) topic.addEventListener("change", update);
  if (country) country.addEventListener("change", update);
  more.addEventListener("click", function () {
    showMore().catch(function () {
      status.textContent = config.strings.error;
    });
  });
  if (input.value) update();
  else input.focus();
})();
