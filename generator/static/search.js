/*
 * Chinese search for the digest: header box on every page, results page at search/?q=.
 *
 * The index (assets/search/index.json) is a lunr.js index built by lunr.py with empty
 * pipelines; its terms are the vocabulary. A query is cut like the index text
 * (generator/segment.py): NFKC + lower case, traditional -> simplified characters,
 * ASCII letter/digit runs whole, Chinese by longest match against the vocabulary, a
 * character that starts no word falls back to "any word containing it". Every term is
 * REQUIRED. "Quoted" phrases, and each space-free chunk of several terms, must also
 * appear contiguously in the section's text (checked against the stored text).
 *
 * Seed text is data: every piece of it reaches the page through textContent or
 * createTextNode, never innerHTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  // This file is <root>/assets/search/search.js: the site root follows from its own URL,
  // so the site works under any sub-path (GitHub Pages project sites).
  var ROOT = new URL("../../", script.src);
  var ASSETS = new URL("assets/search/", ROOT);
  var RESULTS_PAGE = new URL("search/", ROOT);
  var TOKEN_RE = /([a-z0-9]+(?:\.[0-9]+)*)|([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)/g;
  var QUOTE_RE = /"([^"]*)"|\u201c([^\u201d]*)\u201d|\u300c([^\u300d]*)\u300d/g;
  var PANEL_HITS = 6;
  var DEBOUNCE_MS = 150;

  var loading = null;

  // ------------------------------------------------------------------ loading

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      if (window.lunr) { resolve(); return; }
      var s = document.createElement("script");
      s.src = url;
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error("cannot load " + url)); };
      document.head.appendChild(s);
    });
  }

  function fetchJSON(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": HTTP " + r.status);
      return r.json();
    });
  }

  /** The engine, loaded once on first focus or query (not on every page view). */
  function engine() {
    if (!loading) {
      var started = performance.now();
      loading = Promise.all([
        loadScript(new URL("lunr.js", ASSETS).href),
        fetchJSON(new URL("index.json", ASSETS).href),
        fetchJSON(new URL("docs.json", ASSETS).href)
      ]).then(function (parts) {
        var e = makeEngine(parts[1], parts[2]);
        e.loadMs = performance.now() - started;
        window.digestSearchLoadMs = e.loadMs; // read by bench/bench_search.py
        return e;
      });
      loading.catch(function () { loading = null; }); // let a later focus retry
    }
    return loading;
  }

  /**
   * lunr's serialised index from the shipped form (searchindex.pack): term i is the
   * i-th of `terms`; each field vector lists (index delta, score x 1000) pairs; the
   * postings are the vectors transposed (the index stores no metadata).
   */
  function unpack(packed) {
    var terms = packed.terms ? packed.terms.split(" ") : [];
    var fields = packed.fields;
    var postings = terms.map(function (t, i) {
      var p = { _index: i };
      fields.forEach(function (f) { p[f] = {}; });
      return p;
    });
    var fieldVectors = [];
    fields.forEach(function (f) {
      packed.vectors[f].forEach(function (flat, doc) {
        var elements = [], index = 0;
        for (var k = 0; k < flat.length; k += 2) {
          index += flat[k];
          elements.push(index, flat[k + 1] / 1000);
          postings[index][f][doc] = {};
        }
        fieldVectors.push([f + "/" + doc, elements]);
      });
    });
    return {
      version: packed.version, fields: fields, pipeline: packed.pipeline, fieldVectors: fieldVectors,
      invertedIndex: terms.map(function (t, i) { return [t, postings[i]]; })
    };
  }

  function makeEngine(indexData, table) {
    var trad = Object.create(null);
    for (var i = 0; i + 1 < table.trad.length; i += 2) trad[table.trad[i]] = table.trad[i + 1];
    var aliases = Object.create(null); // canonical -> every word that maps to it (for highlighting)
    Object.keys(table.synonyms).forEach(function (key) {
      var canon = table.synonyms[key];
      (aliases[canon] = aliases[canon] || [canon]).push(key);
    });
    var idx = lunr.Index.load(unpack(indexData));
    return {
      idx: idx, vocab: idx.invertedIndex, articles: table.articles, docs: table.docs,
      maxWord: table.maxWord, synonyms: table.synonyms, aliases: aliases, trad: trad,
      texts: Object.create(null)
    };
  }

  // ------------------------------------------------------------------ query

  function normalise(text, trad) {
    var out = "";
    var s = text.normalize("NFKC").toLowerCase();
    for (var i = 0; i < s.length; i++) out += (trad && trad[s[i]]) || s[i];
    return out;
  }

  /**
   * Terms of one piece of the query. literal (inside quotes): no synonyms.
   * Each term: {term, wildcard, marks: [words to highlight]}.
   */
  function cut(text, e, literal) {
    var terms = [];
    var m;
    TOKEN_RE.lastIndex = 0;
    while ((m = TOKEN_RE.exec(text)) !== null) {
      if (m[1]) {
        var w = m[1];
        if (!literal && e.synonyms[w]) terms.push(synonymTerm(w, e));
        else if (w in e.vocab || !/^[a-z]+$/.test(w)) terms.push({ term: w, wildcard: 0, marks: [w] });
        // Letters that are no indexed word yet: the reader is still typing pinyin.
        else terms.push({ term: w, wildcard: lunr.Query.wildcard.TRAILING, marks: [w], loose: true });
        continue;
      }
      var run = m[2];
      var i = 0;
      while (i < run.length) {
        var found = false;
        for (var j = Math.min(run.length, i + e.maxWord); j > i + 1; j--) {
          var word = run.slice(i, j);
          if (!literal && e.synonyms[word]) { terms.push(synonymTerm(word, e)); found = true; }
          else if (word in e.vocab) { terms.push({ term: word, wildcard: 0, marks: [word] }); found = true; }
          if (found) { i = j; break; }
        }
        if (!found) {
          var c = run[i];
          // Every character of the text is in some indexed token (segment.dense_tokens):
          // look for any token that contains it.
          terms.push({ term: c, wildcard: lunr.Query.wildcard.LEADING | lunr.Query.wildcard.TRAILING, marks: [c] });
          i += 1;
        }
      }
    }
    return terms;
  }

  function synonymTerm(word, e) {
    var canon = e.synonyms[word];
    return { term: canon, wildcard: 0, marks: e.aliases[canon] || [canon, word], loose: true };
  }

  /** {terms, phrases, marks} of a raw query string. */
  function parse(raw, e) {
    var q = normalise(raw, e.trad);
    var terms = [], phrases = [];
    var rest = q.replace(QUOTE_RE, function (all, a, b, c) {
      var phrase = a !== undefined ? a : b !== undefined ? b : c;
      var t = cut(phrase, e, true);
      if (t.length) { terms = terms.concat(t); phrases.push(phrase.replace(/\s+/g, "")); }
      return " ";
    });
    // Words apart (老旧小区 改造) may occur anywhere in the section; what the reader typed
    // as one unit (网格化管理, 12345热线, 一老一小) must occur as typed, like a phrase,
    // unless a synonym (GDP) or an unfinished pinyin prefix stands in it.
    rest.split(/\s+/).forEach(function (chunk) {
      var t = cut(chunk, e, false);
      terms = terms.concat(t);
      if (t.length > 1 && !t.some(function (x) { return x.loose; })) phrases.push(chunk);
    });
    var marks = [];
    terms.forEach(function (t) { marks = marks.concat(t.marks); });
    return { terms: terms, phrases: phrases, marks: marks };
  }

  /** Normalised text of a document for phrase checks; fields apart so no phrase spans two. */
  function docText(ref, e) {
    if (!(ref in e.texts)) {
      var d = e.docs[ref], a = e.articles[d[0]];
      var parts = [a[0], a[3], d[3]].concat(d[4]);
      e.texts[ref] = normalise(parts.join("\u0001")).replace(/\s+/g, "");
    }
    return e.texts[ref];
  }

  /** Hits for a raw query, best first: [{ref, score, article, doc}]. */
  function search(raw, e) {
    var parsed = parse(raw, e);
    if (!parsed.terms.length) return { hits: [], marks: [] };
    var results = e.idx.query(function (q) {
      parsed.terms.forEach(function (t) {
        q.term(t.term, { presence: lunr.Query.presence.REQUIRED, wildcard: t.wildcard, usePipeline: false });
      });
    });
    var hits = [];
    results.forEach(function (r) {
      var text = null;
      for (var k = 0; k < parsed.phrases.length; k++) {
        text = text || docText(r.ref, e);
        if (text.indexOf(parsed.phrases[k]) < 0) return;
      }
      var d = e.docs[+r.ref];
      hits.push({ ref: +r.ref, score: r.score, doc: d, article: e.articles[d[0]] });
    });
    hits.sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
    return { hits: hits, marks: parsed.marks };
  }

  // ------------------------------------------------------------------ rendering

  /** Normalised text plus, for each of its code units, the offset in the original. */
  function mapped(text) {
    var norm = "", map = [];
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      var code = text.charCodeAt(i);
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) ch = text.slice(i, i + 2);
      var n = ch.normalize("NFKC").toLowerCase();
      for (var k = 0; k < n.length; k++) { norm += n[k]; map.push(i); }
      i += ch.length - 1;
    }
    map.push(text.length);
    return { norm: norm, map: map };
  }

  /** Matched [start, end) ranges of marks in text (original offsets), merged. */
  function ranges(text, marks) {
    var m = mapped(text), out = [];
    marks.forEach(function (w) {
      if (!w) return;
      for (var at = m.norm.indexOf(w); at >= 0; at = m.norm.indexOf(w, at + 1)) {
        out.push([m.map[at], m.map[at + w.length]]);
      }
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  /** The paragraph of a hit that holds the most distinct marks (first wins a tie). */
  function bestParagraph(doc, marks) {
    var best = 0, bestCount = -1;
    doc[4].forEach(function (p, i) {
      var norm = mapped(p).norm, count = 0;
      marks.forEach(function (w) { if (w && norm.indexOf(w) >= 0) count++; });
      if (count > bestCount) { best = i; bestCount = count; }
    });
    return best;
  }

  /** A snippet element: ~width characters around the first match, marks in <mark>. */
  function snippet(text, marks, width) {
    var rs = ranges(text, marks);
    var start = 0;
    if (rs.length && rs[0][0] > width / 3) start = rs[0][0] - Math.floor(width / 3);
    var end = Math.min(text.length, start + width);
    var p = document.createElement("p");
    p.className = "search-hit__snippet";
    var pos = start;
    if (start > 0) p.appendChild(document.createTextNode("…"));
    rs.forEach(function (r) {
      if (r[1] <= pos || r[0] >= end) return;
      var a = Math.max(r[0], pos);
      p.appendChild(document.createTextNode(text.slice(pos, a)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(a, Math.min(r[1], end));
      p.appendChild(mark);
      pos = Math.min(r[1], end);
    });
    p.appendChild(document.createTextNode(text.slice(pos, end)));
    if (end < text.length) p.appendChild(document.createTextNode("…"));
    return p;
  }

  /** Link from the current page to a site-relative URL, kept relative (works under any sub-path). */
  function relativeHref(siteUrl) {
    var target = new URL(siteUrl, ROOT);
    var here = new URL(".", location.href);
    if (target.origin !== here.origin) return target.href;
    var from = here.pathname.split("/").slice(0, -1), to = target.pathname.split("/");
    var k = 0;
    while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
    var up = from.slice(k).map(function () { return ".."; });
    var rel = up.concat(to.slice(k)).join("/");
    return (rel || "./") + target.search + target.hash;
  }

  function hitHref(hit, marks) {
    var para = hit.doc[2] + bestParagraph(hit.doc, marks);
    return relativeHref(hit.article[1] + "#p-" + para);
  }

  function renderHit(hit, marks, width) {
    var li = document.createElement("li");
    li.className = "search-hit";
    li.setAttribute("data-region", hit.article[2]);
    var a = document.createElement("a");
    a.className = "search-hit__link";
    a.href = hitHref(hit, marks);
    var title = document.createElement("span");
    title.className = "search-hit__title";
    title.textContent = hit.article[0];
    a.appendChild(title);
    li.appendChild(a);
    var meta = document.createElement("div");
    meta.className = "search-hit__meta";
    meta.textContent = hit.article[3] + (hit.doc[3] ? " · " + hit.doc[3] : "");
    li.appendChild(meta);
    var para = hit.doc[4][bestParagraph(hit.doc, marks)];
    li.appendChild(snippet(para, marks, width));
    return li;
  }

  // ------------------------------------------------------------------ results page

  function ResultsPage(container, input) {
    this.container = container;
    this.input = input;
    this.seq = 0;
    this.hits = [];
    this.marks = [];
    var params = new URLSearchParams(location.search);
    this.region = params.get("region") || "";
    this.query = params.get("q") || "";
    if (input) input.value = this.query;
  }

  ResultsPage.prototype.run = function (query) {
    var self = this, seq = ++this.seq;
    this.query = query;
    this.container.setAttribute("data-state", "loading");
    return engine().then(function (e) {
      if (seq !== self.seq) return; // a newer query is on its way
      var found = search(query, e);
      self.hits = found.hits;
      self.marks = found.marks;
      self.render();
    }, function (err) {
      if (seq !== self.seq) return;
      self.container.textContent = "搜索索引无法加载：" + err.message;
      self.container.setAttribute("data-state", "error");
    });
  };

  ResultsPage.prototype.visible = function () {
    var region = this.region;
    if (!region || !this.hits.some(function (h) { return h.article[2] === region; })) return this.hits;
    return this.hits.filter(function (h) { return h.article[2] === region; });
  };

  ResultsPage.prototype.render = function () {
    var self = this, c = this.container;
    while (c.firstChild) c.removeChild(c.firstChild);
    var summary = document.createElement("p");
    summary.className = "search-summary";
    if (!this.query.trim()) summary.textContent = "输入关键词开始搜索。";
    else if (!this.hits.length) summary.textContent = "没有找到与“" + this.query.trim() + "”相关的段落。";
    else summary.textContent = "找到 " + this.hits.length + " 个相关段落。";
    c.appendChild(summary);

    var counts = {}, order = [];
    this.hits.forEach(function (h) {
      var r = h.article[2];
      if (!(r in counts)) { counts[r] = 0; order.push(r); }
      counts[r]++;
    });
    if (order.length > 1) {
      var facets = document.createElement("div");
      facets.className = "search-facets";
      facets.setAttribute("role", "group");
      facets.setAttribute("aria-label", "按地区筛选");
      [""].concat(order).forEach(function (r) {
        var b = document.createElement("button");
        b.type = "button";
        b.className = "search-facet";
        b.setAttribute("data-region", r);
        b.setAttribute("aria-pressed", String(self.region === r));
        b.textContent = (r || "全部") + " (" + (r ? counts[r] : self.hits.length) + ")";
        b.addEventListener("click", function () { self.setRegion(r); });
        facets.appendChild(b);
      });
      c.appendChild(facets);
    }

    var list = document.createElement("ol");
    list.className = "search-hit-list";
    this.visible().forEach(function (h) { list.appendChild(renderHit(h, self.marks, 160)); });
    c.appendChild(list);
    c.setAttribute("data-state", "done");
  };

  ResultsPage.prototype.setRegion = function (region) {
    this.region = region;
    this.updateUrl();
    this.render();
  };

  ResultsPage.prototype.updateUrl = function () {
    var params = new URLSearchParams();
    if (this.query) params.set("q", this.query);
    if (this.region) params.set("region", this.region);
    var qs = params.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
  };

  ResultsPage.prototype.firstHref = function () {
    var v = this.visible();
    return v.length ? hitHref(v[0], this.marks) : null;
  };

  // ------------------------------------------------------------------ header box

  function Panel(form, input) {
    this.form = form;
    this.input = input;
    this.seq = 0;
    this.first = null;
    this.el = form.querySelector(".digest-search__panel");
  }

  Panel.prototype.run = function (query) {
    var self = this, seq = ++this.seq;
    if (!query.trim()) { this.hide(); this.first = null; return Promise.resolve(); }
    return engine().then(function (e) {
      if (seq !== self.seq) return;
      var found = search(query, e);
      self.first = found.hits.length ? hitHref(found.hits[0], found.marks) : null;
      var el = self.el;
      while (el.firstChild) el.removeChild(el.firstChild);
      var list = document.createElement("ol");
      list.className = "search-hit-list";
      found.hits.slice(0, PANEL_HITS).forEach(function (h) { list.appendChild(renderHit(h, found.marks, 80)); });
      el.appendChild(list);
      var more = document.createElement("a");
      more.className = "digest-search__more";
      more.href = relativeHref("search/?q=" + encodeURIComponent(query));
      more.textContent = found.hits.length ? "全部 " + found.hits.length + " 条结果 →" : "没有找到结果";
      el.appendChild(more);
      el.hidden = false;
    });
  };

  Panel.prototype.hide = function () { if (this.el) this.el.hidden = true; };

  // ------------------------------------------------------------------ wiring

  function debounce(fn, ms) {
    var timer = null;
    return function () {
      var args = arguments;
      clearTimeout(timer);
      timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  function start() {
    var container = document.getElementById("search-results");
    var pageInput = document.getElementById("search-query");
    var headerForm = document.querySelector("form.digest-search");
    var headerInput = headerForm && headerForm.querySelector("input");
    var page = container ? new ResultsPage(container, pageInput) : null;
    var panel = headerForm && !page ? new Panel(headerForm, headerInput) : null;
    var inputs = [pageInput, headerInput].filter(Boolean);

    inputs.forEach(function (input) {
      input.addEventListener("focus", function () { engine(); }, { once: true });
    });

    if (page) {
      if (headerInput) headerInput.value = page.query;
      var update = debounce(function (value) { page.run(value).then(function () { page.updateUrl(); }); }, DEBOUNCE_MS);
      inputs.forEach(function (input) {
        input.addEventListener("input", function () {
          inputs.forEach(function (other) { if (other !== input) other.value = input.value; });
          page.region = "";
          update(input.value);
        });
        // Enter opens the first hit (of the current facet); with no hit, stay.
        input.form.addEventListener("submit", function (ev) {
          ev.preventDefault();
          page.run(input.value).then(function () {
            var href = page.firstHref();
            if (href) location.href = href; else page.updateUrl();
          });
        });
      });
      page.run(page.query);
    }

    if (panel) {
      headerInput.addEventListener("input", debounce(function () { panel.run(headerInput.value); }, DEBOUNCE_MS));
      headerForm.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var query = headerInput.value;
        panel.run(query).then(function () {
          location.href = panel.first || relativeHref("search/?q=" + encodeURIComponent(query));
        }, function () {
          location.href = relativeHref("search/?q=" + encodeURIComponent(query));
        });
      });
      headerInput.addEventListener("keydown", function (ev) {
        if (ev.key === "Escape") { panel.hide(); headerInput.blur(); }
      });
      document.addEventListener("click", function (ev) {
        if (!headerForm.contains(ev.target)) panel.hide();
      });
      headerInput.addEventListener("focus", function () { if (headerInput.value.trim()) panel.run(headerInput.value); });
    }

    // "/" focuses the search box, as on Material sites.
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey || isTyping(ev.target)) return;
      var target = pageInput || headerInput;
      if (!target) return;
      ev.preventDefault();
      target.focus();
      target.select();
    });
  }

  // Exposed for tests and the benchmark: same code path as the page.
  window.digestSearch = {
    engine: engine,
    search: function (query) { return engine().then(function (e) { return search(query, e); }); },
    parse: function (query) { return engine().then(function (e) { return parse(query, e); }); }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
