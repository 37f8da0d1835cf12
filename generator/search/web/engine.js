/**
 * The search engine over a sharded index (generator/search/FORMAT.md): a query loads only
 * what it needs and assembles a lunr.Index from its terms' postings; lunr scores divide
 * by the query vector's magnitude only, so the scores are the whole index's.
 *
 * Every unit of the query (query.js) must occur in the article, not necessarily in one
 * section: the hits are an article's sections holding every unit or, when no section
 * does, the fewest best sections that hold them together (each hit's `lacks` names the
 * units it leaves to the others).
 *
 * When every candidate's text is loaded (always, for a corpus small enough for one text
 * shard) phrases are checked for all of them and the counts are exact; otherwise
 * candidates are checked in rank order only as far as the page shows, and `exact` is
 * false while some hit rests on a phrase not checked yet.
 */

import { normalise } from "./normalise.js";
import { TRAILING, parseLoading } from "./query.js";
import { createShards, innerKeys, keyOf, loadKeys, loadPostings, loadTexts, shardsOf, textShard, vShard } from "./shards.js";

// A split vocabulary: a wildcard needing more vocabulary or postings files is refused.
const MAX_WILD_SHARDS = 6, MAX_WILD_POSTINGS = 24;

/**
 * An engine for the index whose entry file is `entry`; `load(name)` fetches a shard
 * (see createShards), `lunr` is lunr.js.
 */
export function makeEngine(entry, load, lunr) {
  const synonyms = new Map(Object.entries(entry.synonyms));
  const aliases = new Map(); // canonical -> every word that maps to it (for highlighting)
  synonyms.forEach((canon, key) => {
    if (!aliases.has(canon)) aliases.set(canon, [canon]);
    aliases.get(canon).push(key);
  });
  const region = runs(entry.docs, entry.runs, (r) => (entry.runRegion ? entry.runRegion[r] : r));
  // each document's article (its sections are consecutive documents)
  const article = runs(entry.docs, entry.sections || new Array(entry.docs).fill(1), (a) => a);
  const abbreviations = new Map(Object.entries(entry.abbreviations || {}));
  const e = {
    entry, lunr, fields: entry.fields, maxWord: entry.maxWord, synonyms, aliases, abbreviations,
    abbrevKeys: [...abbreviations.keys()].sort((a, b) => b.length - a.length),
    region, article, regionName: [], shards: createShards(entry, load), texts: new Map()
  };
  // a document's region is named once some text of it is loaded
  e.onDoc = (ref, doc) => { e.regionName[region[ref]] = e.shards.articles[doc[0]][2]; };
  return e;
}

/** Per document, the id of its run: the first counts[0] documents id(0), and so on. */
function runs(docs, counts, id) {
  const out = new Int32Array(docs);
  let d = 0;
  counts.forEach((n, r) => { for (let k = 0; k < n; k++) out[d++] = id(r); });
  return out;
}

/** Index terms a query term stands for (all loaded): itself, or a wildcard's expansion. */
function expand(t, e) {
  if (!t.wildcard) return [t.term];
  const out = [];
  e.shards.keys.forEach((words, key) => {
    if (t.wildcard === TRAILING) {
      if (key.slice(0, t.term.length) !== t.term.slice(0, key.length)) return;
      words.forEach((w) => { if (w.startsWith(t.term)) out.push(w); });
    } else {
      words.forEach((w) => { if (w.includes(t.term)) out.push(w); });
    }
  });
  return out;
}

/**
 * Load the v shards a wildcard's expansion may come from. With a split vocabulary, a
 * wildcard that would need more than MAX_WILD_SHARDS of them (one letter of pinyin, a
 * character inside thousands of words) is refused: resolves to false.
 */
function loadWildcard(t, e) {
  const s = e.shards;
  if (e.entry.shards.v === 1) return vShard(s, 0).then(() => true);
  const within = (keys) => shardsOf(s, keys) <= MAX_WILD_SHARDS && loadKeys(s, keys).then(() => true);
  if (t.wildcard === TRAILING) {
    return Promise.resolve(within([t.term.slice(0, 2)])); // pinyin prefixes have two letters or more
  }
  return innerKeys(s, t.term).then((keys) => within([t.term].concat(keys)));
}

/** A lunr.Index over just these terms (sorted, all with postings loaded). */
function miniIndex(terms, e) {
  const lunr = e.lunr, fields = e.fields, nf = fields.length;
  const inverted = Object.create(null), vectors = new Map();
  terms.forEach((t, i) => {
    const posting = Object.create(null);
    posting._index = i;
    fields.forEach((f) => { posting[f] = Object.create(null); });
    const flat = e.shards.post.get(t);
    let key = 0;
    for (let k = 0; k < flat.length; k += 2) {
      key += flat[k];
      const doc = Math.floor(key / nf), f = fields[key % nf], ref = f + "/" + doc;
      posting[f][doc] = {};
      if (!vectors.has(ref)) vectors.set(ref, []);
      vectors.get(ref).push(i, flat[k + 1] / 1000);
    }
    inverted[t] = posting;
  });
  const fieldVectors = Object.create(null);
  vectors.forEach((v, ref) => { fieldVectors[ref] = new lunr.Vector(v); });
  return new lunr.Index({
    invertedIndex: inverted, fieldVectors, tokenSet: lunr.TokenSet.fromArray(terms),
    fields, pipeline: new lunr.Pipeline()
  });
}

/** Normalised text of a document for phrase checks; fields apart so no phrase spans two. */
function docText(ref, e) {
  if (!e.texts.has(ref)) {
    const d = e.shards.docs[ref], a = e.shards.articles[d[0]];
    const parts = [a[0], a[3], d[3]].concat(d[4]);
    e.texts.set(ref, normalise(parts.join("\u0001")).replace(/\s+/g, ""));
  }
  return e.texts.get(ref);
}


/** Per document holding some query term, the indexes of the query terms it holds. */
function holders(queryTerms, e) {
  const nf = e.fields.length, has = new Map();
  queryTerms.forEach((t, i) => {
    expand(t, e).forEach((w) => {
      const flat = e.shards.post.get(w);
      if (!flat) return;
      let key = 0;
      for (let k = 0; k < flat.length; k += 2) {
        key += flat[k];
        const doc = Math.floor(key / nf);
        if (!has.has(doc)) has.set(doc, new Set());
        has.get(doc).add(i);
      }
    });
  });
  return has;
}

/**
 * Candidates for a raw query, best first: {cands: [{ref, score, region, has}], hits, units,
 * marks, exact, broad}. A candidate is a section holding some term of the query (`has`:
 * the indexes of those terms); `hits` are what group() makes of them.
 */
export function search(raw, e) {
  const s = e.shards;
  return parseLoading(raw, e).then((parsed) => {
    const none = { cands: [], marks: [], units: [] };
    if (!parsed.terms.length) return finish(none, e);
    const exact = parsed.terms.filter((t) => !t.wildcard).map((t) => keyOf(t.term));
    const wild = parsed.terms.filter((t) => t.wildcard);
    return Promise.all(wild.map((t) => loadWildcard(t, e)).concat([loadKeys(s, exact)])).then((ok) => {
      const lexicon = new Set();
      parsed.terms.forEach((t) => { expand(t, e).forEach((w) => lexicon.add(w)); });
      const terms = [...lexicon].filter((w) => s.where.has(w)).sort();
      const files = new Set(terms.map((w) => s.where.get(w)));
      let broad = wild.filter((t, i) => !ok[i]);
      if (!broad.length && e.entry.shards.v > 1 && files.size > MAX_WILD_POSTINGS) broad = wild;
      if (broad.length) return finish({ ...none, broad: broad.map((t) => t.term) }, e);
      return loadPostings(s, terms).then(() => {
        // Every term optional: a section may hold some units and its article the rest.
        const results = miniIndex(terms, e).query((q) => {
          parsed.terms.forEach((t) => { q.term(t.term, { wildcard: t.wildcard, usePipeline: false }); });
        });
        const has = holders(parsed.terms, e);
        const cands = results.map((r) => ({
          ref: +r.ref, score: r.score, region: e.region[+r.ref], has: has.get(+r.ref) || new Set()
        }));
        cands.sort((a, b) => b.score - a.score || a.ref - b.ref);
        const res = { cands, marks: parsed.marks, units: parsed.units };
        // One text shard holds everything: load it, check every candidate (exact).
        return (e.entry.shards.t === 1 && cands.length ? textShard(s, 0, e.onDoc) : Promise.resolve())
          .then(() => finish(res, e))
          .then((done) => (done.exact && !done.hits.length && done.units.some((u) => u.typed) ? loosen(done, e) : done));
      });
    });
  });
}

/**
 * What the reader typed without spaces (振兴乡村) occurs nowhere as typed: look for its
 * words anywhere instead, and say so (`loosened`).
 */
function loosen(res, e) {
  res.loosened = res.units.filter((u) => u.typed).map((u) => u.label);
  res.units = res.units.map((u) => ({ ...u, alts: u.alts.map((a) => (a.typed ? { ...a, phrase: null } : a)) }));
  return finish(res, e);
}

/**
 * The units a candidate holds. A phrase in a section whose text is not loaded yet counts
 * as held and makes the candidate `unsure`: assuming so can only add hits.
 */
function held(c, res, e) {
  const out = [];
  c.unsure = false;
  res.units.forEach((u, k) => {
    let unsure = false;
    const holds = u.alts.some((a) => {
      if (!a.terms.every((i) => c.has.has(i))) return false;
      if (!a.phrase) return true;
      if (e.shards.docs[c.ref]) return docText(c.ref, e).includes(a.phrase);
      unsure = true;
      return false;
    });
    if (holds || unsure) out.push(k);
    c.unsure = c.unsure || (unsure && !holds);
  });
  return out;
}

/**
 * The hits, best first: per article, its sections holding every unit; failing those, the
 * fewest sections holding them together (most units first, then score), ranked by their
 * mean score and listed together in section order, each with the units it `lacks`.
 */
function group(res, e) {
  const n = res.units.length, byArticle = new Map(), hits = [];
  res.cands.forEach((c) => {
    c.lacks = null;
    c.holds = held(c, res, e);
    if (!c.holds.length) return;
    const a = e.article[c.ref];
    if (!byArticle.has(a)) byArticle.set(a, []);
    byArticle.get(a).push(c);
  });
  byArticle.forEach((cs) => {
    const full = cs.filter((c) => c.holds.length === n);
    if (full.length) { full.forEach((c) => { c.rank = c.score; hits.push(c); }); return; }
    const left = new Set(res.units.keys()), cover = [];
    while (left.size) {
      let best = null, gain = 0;
      cs.forEach((c) => {
        const g = c.holds.filter((u) => left.has(u)).length;
        if (g > gain || (g && g === gain && c.score > best.score)) { best = c; gain = g; }
      });
      if (!best) return; // some unit occurs nowhere in this article
      best.holds.forEach((u) => left.delete(u));
      cover.push(best);
    }
    const rank = cover.reduce((sum, c) => sum + c.score, 0) / cover.length;
    cover.forEach((c) => {
      c.rank = rank;
      c.lacks = res.units.filter((u, k) => !c.holds.includes(k)).map((u) => u.label);
      hits.push(c);
    });
  });
  return hits.sort((a, b) => b.rank - a.rank || a.ref - b.ref);
}

/** The hits of the candidates checked so far; `exact` when no hit rests on an unchecked phrase. */
function finish(res, e) {
  res.hits = group(res, e);
  res.exact = !res.hits.some((c) => c.unsure);
  return res;
}

/**
 * The first `count` hits passing `keep`, each with its `doc` and `article`; loads text
 * shards in rank order only as far as needed (and regroups once their phrases are checked).
 */
export function fill(res, e, keep, count) {
  finish(res, e);
  const out = [], need = [], docs = e.shards.docs;
  for (const c of res.hits) {
    if (out.length + need.length >= count) break;
    if (!keep(c)) continue;
    if (!docs[c.ref]) { need.push(c.ref); continue; }
    c.doc = docs[c.ref];
    c.article = e.shards.articles[c.doc[0]];
    out.push(c);
  }
  if (!need.length) return Promise.resolve(out);
  return loadTexts(e.shards, need, e.onDoc).then(() => fill(res, e, keep, count));
}

export function all() { return true; }
