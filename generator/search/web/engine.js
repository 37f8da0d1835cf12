/**
 * The search engine over a sharded index (generator/search/FORMAT.md): a query loads only
 * what it needs and assembles a lunr.Index from its terms' postings; lunr scores divide
 * by the query vector's magnitude only, so the scores are the whole index's.
 *
 * When every candidate's text is loaded (always, for a corpus small enough for one text
 * shard) phrases are checked for all of them and the counts are exact; otherwise
 * candidates are checked in rank order only as far as the page shows, and `exact` is
 * false.
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
  const region = new Int32Array(entry.docs);
  let d = 0;
  entry.runs.forEach((n, r) => {
    const id = entry.runRegion ? entry.runRegion[r] : r;
    for (let k = 0; k < n; k++) region[d++] = id;
  });
  const e = {
    entry, lunr, fields: entry.fields, maxWord: entry.maxWord, synonyms, aliases,
    region, regionName: [], shards: createShards(entry, load), texts: new Map()
  };
  // a document's region is named once some text of it is loaded
  e.onDoc = (ref, doc) => { e.regionName[region[ref]] = e.shards.articles[doc[0]][2]; };
  return e;
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

/**
 * Candidates for a raw query, best first: {cands: [{ref, score, region}], hits, marks,
 * phrases, exact, broad}. A candidate's `ok` is true/false once its phrases are checked.
 */
export function search(raw, e) {
  const lunr = e.lunr, s = e.shards;
  return parseLoading(raw, e).then((parsed) => {
    if (!parsed.terms.length) return finish({ cands: [], marks: [], phrases: [] }, e);
    const exact = parsed.terms.filter((t) => !t.wildcard).map((t) => keyOf(t.term));
    const wild = parsed.terms.filter((t) => t.wildcard);
    return Promise.all(wild.map((t) => loadWildcard(t, e)).concat([loadKeys(s, exact)])).then((ok) => {
      const lexicon = new Set();
      parsed.terms.forEach((t) => { expand(t, e).forEach((w) => lexicon.add(w)); });
      const terms = [...lexicon].filter((w) => s.where.has(w)).sort();
      const files = new Set(terms.map((w) => s.where.get(w)));
      let broad = wild.filter((t, i) => !ok[i]);
      if (!broad.length && e.entry.shards.v > 1 && files.size > MAX_WILD_POSTINGS) broad = wild;
      if (broad.length) {
        return finish({ cands: [], marks: [], phrases: [], broad: broad.map((t) => t.term) }, e);
      }
      return loadPostings(s, terms).then(() => {
        const results = miniIndex(terms, e).query((q) => {
          parsed.terms.forEach((t) => {
            q.term(t.term, { presence: lunr.Query.presence.REQUIRED, wildcard: t.wildcard, usePipeline: false });
          });
        });
        const cands = results.map((r) => ({ ref: +r.ref, score: r.score, region: e.region[+r.ref] }));
        cands.sort((a, b) => b.score - a.score || a.ref - b.ref);
        const res = { cands, marks: parsed.marks, phrases: parsed.phrases.concat(parsed.typed) };
        // One text shard holds everything: load it, check every candidate (exact).
        return (e.entry.shards.t === 1 && cands.length ? textShard(s, 0, e.onDoc) : Promise.resolve())
          .then(() => finish(res, e))
          .then((done) => (done.exact && !done.hits.length && parsed.typed.length ? loosen(done, parsed, e) : done));
      });
    });
  });
}

/**
 * What the reader typed without spaces (振兴乡村) occurs nowhere as typed: look for its
 * words anywhere in the section instead, and say so (`loosened`).
 */
function loosen(res, parsed, e) {
  res.cands.forEach((c) => { c.ok = undefined; });
  res.phrases = parsed.phrases;
  res.loosened = parsed.typed;
  return finish(res, e);
}

function check(c, res, e) {
  if (c.ok === undefined) {
    const text = res.phrases.length ? docText(c.ref, e) : "";
    c.ok = res.phrases.every((p) => text.includes(p));
  }
  return c.ok;
}

/** Check every candidate whose text is loaded; `exact` when none is left unchecked. */
function finish(res, e) {
  res.exact = true;
  res.cands.forEach((c) => {
    if (!res.phrases.length) c.ok = true;
    else if (e.shards.docs[c.ref]) check(c, res, e);
    else res.exact = false;
  });
  res.hits = res.cands.filter((c) => c.ok !== false);
  return res;
}

/**
 * The first `count` hits passing `keep`, checked, each with its `doc` and `article`;
 * loads text shards in rank order only as far as needed.
 */
export function fill(res, e, keep, count) {
  const out = [], need = [], docs = e.shards.docs;
  for (let i = 0; i < res.cands.length && out.length + need.length < count; i++) {
    const c = res.cands[i];
    if (c.ok === false || !keep(c)) continue;
    if (!docs[c.ref]) { need.push(c.ref); continue; }
    if (!check(c, res, e)) continue;
    c.doc = docs[c.ref];
    c.article = e.shards.articles[c.doc[0]];
    out.push(c);
  }
  if (!need.length) { finish(res, e); return Promise.resolve(out); }
  return loadTexts(e.shards, need, e.onDoc).then(() => fill(res, e, keep, count));
}

export function all() { return true; }
