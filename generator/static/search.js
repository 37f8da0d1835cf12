/*
 * Chinese search for the digest: header box on every page, results page at search/?q=.
 *
 * The index is sharded (generator/searchindex.py): assets/search/index.json is the entry
 * (fields, synonyms, each document's region, shard counts); trad.json maps
 * traditional -> simplified characters (loaded when a query has a character that
 * starts no term); v/K.json lists the terms by prefix key (first character, or first two
 * ASCII characters), each v shard's postings are in p/K-J.json, c/K.json says which
 * prefix keys hold a character further in, t/K.json holds section text. A query loads
 * only what it needs and assembles a lunr.Index from its terms' postings; lunr scores
 * divide by the query vector's magnitude only, so the scores are the whole index's.
 *
 * A query is cut like the index text (generator/segment.py): NFKC + lower case,
 * traditional -> simplified characters, ASCII letter/digit runs whole, Chinese by
 * longest match against the vocabulary, a character that starts no word falls back to
 * "any word containing it". Every term is REQUIRED. "Quoted" phrases, and each
 * space-free chunk of several terms, must also appear contiguously in the section's
 * text. When every candidate's text is loaded (always, for a corpus small enough for one
 * text shard) that is checked for all of them and the counts are exact; otherwise
 * candidates are checked in rank order only as far as the page shows, and the page
 * says the count is approximate ("约").
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
  var ASCII_START = /^[a-z0-9]/;
  var QUOTE_RE = /"([^"]*)"|\u201c([^\u201d]*)\u201d|\u300c([^\u300d]*)\u300d/g;
  var PANEL_HITS = 6;
  var PAGE = 10; // hits per results page when the text is sharded
  // A split vocabulary: a wildcard needing more vocabulary or postings files is refused.
  var MAX_WILD_SHARDS = 6, MAX_WILD_POSTINGS = 24;
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

  /** The engine (lunr.js and the entry file), loaded once on first focus or query. */
  function engine() {
    if (!loading) {
      var started = performance.now();
      loading = Promise.all([
        loadScript(new URL("lunr.js", ASSETS).href),
        fetchJSON(new URL("index.json", ASSETS).href)
      ]).then(function (parts) {
        var e = makeEngine(parts[1]);
        e.loadMs = performance.now() - started;
        window.digestSearchLoadMs = e.loadMs; // read by bench/bench_search.py
        return e;
      });
      loading.catch(function () { loading = null; }); // let a later focus retry
    }
    return loading;
  }

  function makeEngine(entry) {
    var aliases = Object.create(null); // canonical -> every word that maps to it (for highlighting)
    Object.keys(entry.synonyms).forEach(function (key) {
      var canon = entry.synonyms[key];
      (aliases[canon] = aliases[canon] || [canon]).push(key);
    });
    var region = new Int32Array(entry.docs), d = 0;
    entry.runs.forEach(function (n, r) {
      var id = entry.runRegion ? entry.runRegion[r] : r;
      for (var k = 0; k < n; k++) region[d++] = id;
    });
    return {
      entry: entry, fields: entry.fields, maxWord: entry.maxWord, synonyms: entry.synonyms,
      aliases: aliases, trad: null, region: region, regionName: [],
      keys: Object.create(null), // prefix key -> [terms], once its v shard is loaded
      vocab: Object.create(null), // every loaded term
      vloaded: Object.create(null), // v shard number -> true once loaded
      where: Object.create(null), // term -> its postings file ("K-J")
      pwords: Object.create(null), // postings file -> its terms, in order
      inner: Object.create(null), // character -> prefix keys of terms holding it past the first
      post: Object.create(null), // term -> flat postings
      docs: [], articles: [], texts: Object.create(null), files: Object.create(null)
    };
  }

  function hash(s) { // FNV-1a over UTF-16 code units, as searchindex.fnv
    var h = 2166136261;
    for (var i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
    return h;
  }

  function keyOf(term) { return ASCII_START.test(term) ? term.slice(0, 2) : term[0]; }

  /** A shard file, fetched once; `absorb` files its content into the engine. */
  function file(e, name, absorb) {
    if (!e.files[name]) {
      var p = fetchJSON(new URL(name + ".json?v=" + e.entry.build, ASSETS).href).then(absorb);
      p.catch(function () { delete e.files[name]; });
      e.files[name] = p;
    }
    return e.files[name];
  }

  function vShard(e, k) {
    return file(e, "v/" + k, function (data) {
      var v = data.v, words = [];
      for (var i = 0; i < v.length; i += 2) {
        var key = v[i], list = v[i + 1].split(" ");
        for (var j = 0; j < list.length; j++) { list[j] = key + list[j]; words.push(list[j]); }
        e.keys[key] = list;
      }
      e.vloaded[k] = true;
      var at = 0;
      data.p.forEach(function (count, j) {
        var name = k + "-" + j;
        e.pwords[name] = words.slice(at, at + count);
        for (var n = 0; n < count; n++, at++) { e.vocab[words[at]] = true; e.where[words[at]] = name; }
      });
    });
  }

  /** Whether the v shard of a prefix key is loaded (the key's terms are all known). */
  function known(e, key) { return e.vloaded[hash(key) % e.entry.shards.v] === true; }

  /** Traditional -> simplified characters, wanted once a query has a character no term starts with. */
  function loadTrad(e) {
    return file(e, "trad", function (pairs) {
      var trad = Object.create(null);
      for (var i = 0; i + 1 < pairs.length; i += 2) trad[pairs[i]] = pairs[i + 1];
      e.trad = trad;
    });
  }

  function loadKeys(e, keys) {
    var n = e.entry.shards.v, want = {};
    keys.forEach(function (key) { if (!known(e, key)) want[hash(key) % n] = true; });
    return Promise.all(Object.keys(want).map(function (k) { return vShard(e, k); }));
  }

  function loadPostings(e, terms) {
    var want = {};
    terms.forEach(function (t) { if (!(t in e.post)) want[e.where[t]] = true; });
    return Promise.all(Object.keys(want).map(function (name) {
      return file(e, "p/" + name, function (lists) {
        e.pwords[name].forEach(function (t, i) { e.post[t] = lists[i]; });
      });
    }));
  }

  function textShard(e, k) {
    return file(e, "t/" + k, function (data) {
      Object.keys(data.articles).forEach(function (a) { e.articles[+a] = data.articles[a]; });
      data.docs.forEach(function (d, i) {
        e.docs[data.d0 + i] = d;
        e.regionName[e.region[data.d0 + i]] = e.articles[d[0]][2];
      });
    });
  }

  function loadTexts(e, refs) {
    var want = {};
    refs.forEach(function (ref) { if (!e.docs[ref]) want[Math.floor(ref / e.entry.textDocs)] = true; });
    return Promise.all(Object.keys(want).map(function (k) { return textShard(e, +k); }));
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
   * Each term: {term, wildcard, marks: [words to highlight]}. A prefix key whose v shard
   * is not loaded yet goes to `missing` (the cut of that run stops there).
   */
  function cut(text, e, literal, st) {
    var terms = [];
    var m;
    TOKEN_RE.lastIndex = 0;
    while ((m = TOKEN_RE.exec(text)) !== null) {
      if (m[1]) {
        var w = m[1];
        if (!literal && e.synonyms[w]) { terms.push(synonymTerm(w, e)); continue; }
        if (!known(e, keyOf(w))) { st.missing.push(keyOf(w)); continue; }
        if (w in e.vocab || !/^[a-z]+$/.test(w)) terms.push({ term: w, wildcard: 0, marks: [w] });
        // Letters that are no indexed word yet: the reader is still typing pinyin.
        else terms.push({ term: w, wildcard: lunr.Query.wildcard.TRAILING, marks: [w], loose: true });
        continue;
      }
      var run = m[2];
      var i = 0;
      while (i < run.length) {
        if (!known(e, run[i])) { st.missing.push(run[i]); break; }
        if (!(run[i] in e.keys)) st.unknown = true; // perhaps a traditional character
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

  /** {terms, phrases, marks, missing} of a raw query string. */
  function parse(raw, e) {
    var q = normalise(raw, e.trad);
    var terms = [], phrases = [], st = { missing: [], unknown: false };
    var rest = q.replace(QUOTE_RE, function (all, a, b, c) {
      var phrase = a !== undefined ? a : b !== undefined ? b : c;
      var t = cut(phrase, e, true, st);
      if (t.length) { terms = terms.concat(t); phrases.push(phrase.replace(/\s+/g, "")); }
      return " ";
    });
    // Words apart (老旧小区 改造) may occur anywhere in the section; what the reader typed
    // as one unit (网格化管理, 12345热线, 一老一小) must occur as typed, like a phrase,
    // unless a synonym (GDP) or an unfinished pinyin prefix stands in it.
    rest.split(/\s+/).forEach(function (chunk) {
      var t = cut(chunk, e, false, st);
      terms = terms.concat(t);
      if (t.length > 1 && !t.some(function (x) { return x.loose; })) phrases.push(chunk);
    });
    var marks = [];
    terms.forEach(function (t) { marks = marks.concat(t.marks); });
    return { terms: terms, phrases: phrases, marks: marks, missing: st.missing, unknown: st.unknown };
  }

  /** parse(), loading the v shards it consults (one round per word of the longest match). */
  function parseLoading(raw, e) {
    var parsed = parse(raw, e);
    var again = function () { return parseLoading(raw, e); };
    if (parsed.missing.length) return loadKeys(e, parsed.missing).then(again);
    if (parsed.unknown && !e.trad) return loadTrad(e).then(again);
    return Promise.resolve(parsed);
  }

  /** Index terms a query term stands for (all loaded): itself, or a wildcard's expansion. */
  function expand(t, e) {
    if (!t.wildcard) return [t.term];
    var out = [];
    if (t.wildcard === lunr.Query.wildcard.TRAILING) {
      Object.keys(e.keys).forEach(function (key) {
        if (key.slice(0, t.term.length) === t.term.slice(0, key.length)) {
          e.keys[key].forEach(function (w) { if (w.slice(0, t.term.length) === t.term) out.push(w); });
        }
      });
      return out;
    }
    Object.keys(e.keys).forEach(function (key) {
      e.keys[key].forEach(function (w) { if (w.indexOf(t.term) >= 0) out.push(w); });
    });
    return out;
  }

  /** Load the v shards a wildcard's expansion may come from. */
  /**
   * Load the v shards a wildcard's expansion may come from. With a split vocabulary, a
   * wildcard that would need more than MAX_WILD_SHARDS of them (one letter of pinyin, a
   * character inside thousands of words) is refused: resolves to false.
   */
  function loadWildcard(t, e) {
    var n = e.entry.shards.v;
    if (n === 1) return vShard(e, 0).then(function () { return true; });
    var keys;
    if (t.wildcard === lunr.Query.wildcard.TRAILING) {
      keys = t.term.length >= 2 ? [t.term.slice(0, 2)] : [t.term];
      if (t.term.length < 2) "abcdefghijklmnopqrstuvwxyz0123456789".split("").forEach(function (c) { keys.push(t.term + c); });
      return withinLimit(keys, e) && loadKeys(e, keys).then(function () { return true; });
    }
    var c = t.term;
    return file(e, "c/" + (hash(c) % e.entry.shards.c), function (data) {
      Object.keys(data).forEach(function (ch) { e.inner[ch] = data[ch]; });
    }).then(function () {
      keys = [c].concat((e.inner[c] || "").split(""));
      return withinLimit(keys, e) && loadKeys(e, keys).then(function () { return true; });
    });
  }

  function withinLimit(keys, e) {
    var shards = {};
    keys.forEach(function (key) { shards[hash(key) % e.entry.shards.v] = true; });
    return Object.keys(shards).length <= MAX_WILD_SHARDS;
  }

  /** A lunr.Index over just these terms (sorted, all with postings loaded). */
  function miniIndex(terms, e) {
    var fields = e.fields, nf = fields.length;
    var inverted = Object.create(null), vectors = Object.create(null);
    terms.forEach(function (t, i) {
      var posting = { _index: i };
      fields.forEach(function (f) { posting[f] = Object.create(null); });
      var flat = e.post[t], key = 0;
      for (var k = 0; k < flat.length; k += 2) {
        key += flat[k];
        var doc = Math.floor(key / nf), f = fields[key % nf], ref = f + "/" + doc;
        posting[f][doc] = {};
        (vectors[ref] = vectors[ref] || []).push(i, flat[k + 1] / 1000);
      }
      inverted[t] = posting;
    });
    var fieldVectors = Object.create(null);
    Object.keys(vectors).forEach(function (ref) { fieldVectors[ref] = new lunr.Vector(vectors[ref]); });
    return new lunr.Index({
      invertedIndex: inverted, fieldVectors: fieldVectors, tokenSet: lunr.TokenSet.fromArray(terms),
      fields: fields, pipeline: new lunr.Pipeline()
    });
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

  /**
   * Candidates for a raw query, best first: {cands: [{ref, score, region}], marks, ...}.
   * A candidate's `ok` is true/false once its phrases are checked (undefined before).
   */
  function search(raw, e) {
    return parseLoading(raw, e).then(function (parsed) {
      if (!parsed.terms.length) return finish({ cands: [], marks: [], phrases: [] }, e);
      var exact = parsed.terms.filter(function (t) { return !t.wildcard; }).map(function (t) { return keyOf(t.term); });
      var wild = parsed.terms.filter(function (t) { return t.wildcard; });
      return Promise.all(wild.map(function (t) { return loadWildcard(t, e); }).concat([loadKeys(e, exact)]))
        .then(function (ok) {
        var lexicon = {};
        parsed.terms.forEach(function (t) { expand(t, e).forEach(function (w) { lexicon[w] = true; }); });
        var terms = Object.keys(lexicon).filter(function (w) { return w in e.where; }).sort();
        var files = {};
        terms.forEach(function (w) { files[e.where[w]] = true; });
        var broad = wild.filter(function (t, i) { return !ok[i]; });
        if (!broad.length && e.entry.shards.v > 1 && Object.keys(files).length > MAX_WILD_POSTINGS) broad = wild;
        if (broad.length) {
          return finish({ cands: [], marks: [], phrases: [], broad: broad.map(function (t) { return t.term; }) }, e);
        }
        return loadPostings(e, terms).then(function () {
          var idx = miniIndex(terms, e);
          var results = idx.query(function (q) {
            parsed.terms.forEach(function (t) {
              q.term(t.term, { presence: lunr.Query.presence.REQUIRED, wildcard: t.wildcard, usePipeline: false });
            });
          });
          var cands = results.map(function (r) { return { ref: +r.ref, score: r.score, region: e.region[+r.ref] }; });
          cands.sort(function (a, b) { return b.score - a.score || a.ref - b.ref; });
          var res = { cands: cands, marks: parsed.marks, phrases: parsed.phrases };
          // One text shard holds everything: load it, check every candidate (exact).
          return (e.entry.shards.t === 1 && cands.length ? textShard(e, 0) : Promise.resolve())
            .then(function () { return finish(res, e); });
        });
      });
    });
  }

  function check(c, res, e) {
    if (c.ok === undefined) {
      var text = res.phrases.length ? docText(c.ref, e) : "";
      c.ok = res.phrases.every(function (p) { return text.indexOf(p) >= 0; });
    }
    return c.ok;
  }

  /** Check every candidate whose text is loaded; `exact` when none is left unchecked. */
  function finish(res, e) {
    res.exact = true;
    res.cands.forEach(function (c) {
      if (!res.phrases.length) c.ok = true;
      else if (e.docs[c.ref]) check(c, res, e);
      else res.exact = false;
    });
    res.hits = res.cands.filter(function (c) { return c.ok !== false; });
    return res;
  }

  /**
   * The first `count` hits passing `keep`, checked and with their text loaded; loads
   * text shards in rank order only as far as needed.
   */
  function fill(res, e, keep, count) {
    var out = [], need = [];
    for (var i = 0; i < res.cands.length && out.length + need.length < count; i++) {
      var c = res.cands[i];
      if (c.ok === false || !keep(c)) continue;
      if (!e.docs[c.ref]) { need.push(c.ref); continue; }
      if (!check(c, res, e)) continue;
      c.doc = e.docs[c.ref];
      c.article = e.articles[c.doc[0]];
      out.push(c);
    }
    if (!need.length) { finish(res, e); return Promise.resolve(out); }
    return loadTexts(e, need).then(function () { return fill(res, e, keep, count); });
  }

  function all() { return true; }

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

  /** "N" or "约 N" (when candidates are left unchecked). */
  function count(res) { return (res.exact ? "" : "约 ") + res.hits.length; }

  function ResultsPage(container, input) {
    this.container = container;
    this.input = input;
    this.seq = 0;
    this.res = null;
    this.shown = [];
    this.limit = PAGE;
    var params = new URLSearchParams(location.search);
    this.region = params.get("region") || "";
    this.query = params.get("q") || "";
    if (input) input.value = this.query;
  }

  ResultsPage.prototype.run = function (query) {
    var self = this, seq = ++this.seq;
    this.query = query;
    this.limit = PAGE;
    this.container.setAttribute("data-state", "loading");
    return engine().then(function (e) {
      self.e = e;
      return search(query, e).then(function (res) {
        if (seq !== self.seq) return; // a newer query is on its way
        self.res = res;
        return self.show(seq);
      });
    }).catch(function (err) {
      if (seq !== self.seq) return;
      self.container.textContent = "搜索索引无法加载：" + err.message;
      self.container.setAttribute("data-state", "error");
    });
  };

  /** The region id the facet stands for, if some hit is in it (else no filter). */
  ResultsPage.prototype.regionId = function () {
    var e = this.e, name = this.region;
    if (!name || !this.res) return -1;
    var id = e.regionName.indexOf(name);
    return id >= 0 && this.res.hits.some(function (h) { return h.region === id; }) ? id : -1;
  };

  /** Load and check as many hits as the page shows, then render. */
  ResultsPage.prototype.show = function (seq) {
    var self = this, e = this.e, id = this.regionId();
    var keep = id < 0 ? all : function (c) { return c.region === id; };
    var limit = e.entry.shards.t === 1 ? Infinity : this.limit;
    return fill(this.res, e, keep, limit).then(function (shown) {
      if (seq !== self.seq) return;
      self.shown = shown;
      self.render();
    });
  };

  ResultsPage.prototype.render = function () {
    var self = this, c = this.container, res = this.res, e = this.e;
    var hits = res ? res.hits : [];
    while (c.firstChild) c.removeChild(c.firstChild);
    var summary = document.createElement("p");
    summary.className = "search-summary";
    if (!this.query.trim()) summary.textContent = "输入关键词开始搜索。";
    else if (res && res.broad) summary.textContent = "“" + res.broad.join("”“") + "”出现在太多的词里，请多输入几个字。";
    else if (!hits.length) summary.textContent = "没有找到与“" + this.query.trim() + "”相关的段落。";
    else summary.textContent = "找到 " + count(res) + " 个相关段落。" + (res.exact ? "" :
      "词语须连续出现的条件只核对了已显示的段落，总数是估计。");
    c.appendChild(summary);

    // Facets: regions of the hits, in rank order; a region's name is known once some
    // text of it is loaded (always, for a one-shard corpus).
    var counts = {}, order = [], unnamed = 0;
    hits.forEach(function (h) {
      var r = h.region;
      if (!(r in counts)) { counts[r] = 0; order.push(r); }
      counts[r]++;
    });
    var named = order.filter(function (r) { return e.regionName[r] !== undefined; });
    unnamed = order.length - named.length;
    if (order.length > 1) {
      var facets = document.createElement("div");
      facets.className = "search-facets";
      facets.setAttribute("role", "group");
      facets.setAttribute("aria-label", "按地区筛选");
      var current = this.regionId();
      [-1].concat(named).forEach(function (r) {
        var name = r < 0 ? "" : e.regionName[r];
        var b = document.createElement("button");
        b.type = "button";
        b.className = "search-facet";
        b.setAttribute("data-region", name);
        b.setAttribute("aria-pressed", String(r < 0 ? current < 0 && !self.region : current === r));
        b.textContent = (name || "全部") + " (" + (r < 0 ? count(res) : (res.exact ? "" : "约 ") + counts[r]) + ")";
        b.addEventListener("click", function () { self.setRegion(name); });
        facets.appendChild(b);
      });
      if (unnamed) {
        var more = document.createElement("span");
        more.className = "search-facets__more";
        more.textContent = "另有 " + unnamed + " 个地区";
        facets.appendChild(more);
      }
      c.appendChild(facets);
    }

    var list = document.createElement("ol");
    list.className = "search-hit-list";
    this.shown.forEach(function (h) { list.appendChild(renderHit(h, res.marks, 160)); });
    c.appendChild(list);
    var left = this.visibleCount() - this.shown.length;
    if (left > 0) {
      var next = document.createElement("button");
      next.type = "button";
      next.className = "search-more";
      next.textContent = "显示更多（还有" + (res.exact ? " " : "约 ") + left + " 条）";
      next.addEventListener("click", function () {
        self.limit += PAGE;
        self.container.setAttribute("data-state", "loading");
        self.show(self.seq);
      });
      c.appendChild(next);
    }
    c.setAttribute("data-state", "done");
  };

  ResultsPage.prototype.visibleCount = function () {
    var id = this.regionId();
    if (!this.res) return 0;
    return id < 0 ? this.res.hits.length : this.res.hits.filter(function (h) { return h.region === id; }).length;
  };

  ResultsPage.prototype.setRegion = function (region) {
    this.region = region;
    this.limit = PAGE;
    this.updateUrl();
    this.container.setAttribute("data-state", "loading");
    return this.show(this.seq);
  };

  ResultsPage.prototype.updateUrl = function () {
    var params = new URLSearchParams();
    if (this.query) params.set("q", this.query);
    if (this.region) params.set("region", this.region);
    var qs = params.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
  };

  ResultsPage.prototype.firstHref = function () {
    return this.shown.length ? hitHref(this.shown[0], this.res.marks) : null;
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
      return search(query, e).then(function (res) {
        return fill(res, e, all, PANEL_HITS).then(function (shown) { return [res, shown]; });
      });
    }).then(function (found) {
      if (seq !== self.seq) return;
      var res = found[0], shown = found[1];
      self.first = shown.length ? hitHref(shown[0], res.marks) : null;
      var el = self.el;
      while (el.firstChild) el.removeChild(el.firstChild);
      var list = document.createElement("ol");
      list.className = "search-hit-list";
      shown.forEach(function (h) { list.appendChild(renderHit(h, res.marks, 80)); });
      el.appendChild(list);
      var more = document.createElement("a");
      more.className = "digest-search__more";
      more.href = relativeHref("search/?q=" + encodeURIComponent(query));
      more.textContent = res.hits.length ? "全部 " + count(res) + " 条结果 →" : res.broad ? "请多输入几个字" : "没有找到结果";
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

  // Exposed for tests and the benchmark: same code path as the page. search() resolves
  // to {hits: [{ref, score, region: name or undefined, ...}], marks, exact} with the
  // first `count` (default: a results page) hits checked and their text loaded.
  window.digestSearch = {
    engine: engine,
    search: function (query, n) {
      return engine().then(function (e) {
        return search(query, e).then(function (res) {
          return fill(res, e, all, n || PAGE).then(function () {
            return { exact: res.exact, marks: res.marks, hits: res.hits.map(function (h) {
              return { ref: h.ref, score: h.score, region: e.regionName[h.region], article: h.article, doc: h.doc };
            }) };
          });
        });
      });
    },
    parse: function (query) { return engine().then(function (e) { return parseLoading(query, e); }); }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
