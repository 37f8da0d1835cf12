/**
 * Reading the search index files (format: generator/search/FORMAT.md). A query loads only
 * the shards it needs; every table here is a Map or Set, since its keys are words a
 * reader typed ("constructor" or "__proto__" must be nothing special).
 */

const ASCII_START = /^[a-z0-9]/;

/** FNV-1a over UTF-16 code units: which v or c shard holds a key (FORMAT.md, "Hash"). */
export function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** A term's prefix key: its first character, or first two for ASCII words. */
export function keyOf(term) { return ASCII_START.test(term) ? term.slice(0, 2) : term[0]; }

/**
 * What is loaded so far. `load(name)` resolves to the JSON of the file "<name>.json"
 * (e.g. "v/3", "p/3-0", "trad") of the same build as `entry`.
 */
export function createShards(entry, load) {
  return {
    entry, load,
    keys: new Map(), // prefix key -> its terms, once its v shard is loaded
    vocab: new Set(), // every loaded term
    vloaded: new Set(), // loaded v shard numbers
    where: new Map(), // term -> its postings file ("K-J")
    pwords: new Map(), // postings file -> its terms, in order
    inner: new Map(), // character -> prefix keys of terms holding it past the first
    post: new Map(), // term -> flat postings
    trad: null, // Map traditional -> simplified, once loaded
    docs: [], articles: [], files: new Map()
  };
}

/** A shard file, fetched once; `absorb` files its content into `s`. */
function file(s, name, absorb) {
  if (!s.files.has(name)) {
    const p = s.load(name).then(absorb);
    p.catch(() => { s.files.delete(name); }); // a later query retries
    s.files.set(name, p);
  }
  return s.files.get(name);
}

function vShardOf(s, key) { return hash(key) % s.entry.shards.v; }

export function vShard(s, k) {
  return file(s, "v/" + k, (data) => {
    const v = data.v, words = [];
    for (let i = 0; i < v.length; i += 2) {
      const key = v[i], list = v[i + 1].split(" ").map((rest) => key + rest);
      words.push(...list);
      s.keys.set(key, list);
    }
    s.vloaded.add(k);
    let at = 0;
    data.p.forEach((count, j) => {
      const name = k + "-" + j;
      s.pwords.set(name, words.slice(at, at + count));
      for (let n = 0; n < count; n++, at++) { s.vocab.add(words[at]); s.where.set(words[at], name); }
    });
  });
}

/** Whether the v shard of a prefix key is loaded (the key's terms are all known). */
export function known(s, key) { return s.vloaded.has(vShardOf(s, key)); }

/** The v shards of these prefix keys. */
export function loadKeys(s, keys) {
  const want = new Set();
  keys.forEach((key) => { if (!known(s, key)) want.add(vShardOf(s, key)); });
  return Promise.all([...want].map((k) => vShard(s, k)));
}

/** Number of distinct v shards these prefix keys live in. */
export function shardsOf(s, keys) { return new Set(keys.map((key) => vShardOf(s, key))).size; }

/** Traditional -> simplified characters, wanted once a query has a character no term starts with. */
export function loadTrad(s) {
  return file(s, "trad", (pairs) => {
    const trad = new Map();
    for (let i = 0; i + 1 < pairs.length; i += 2) trad.set(pairs[i], pairs[i + 1]);
    s.trad = trad;
  });
}

/** The prefix keys of terms holding character `c` past their first character. */
export function innerKeys(s, c) {
  return file(s, "c/" + (hash(c) % s.entry.shards.c), (data) => {
    Object.keys(data).forEach((ch) => { s.inner.set(ch, data[ch]); });
  }).then(() => (s.inner.get(c) || "").split(""));
}

export function loadPostings(s, terms) {
  const want = new Set();
  terms.forEach((t) => { if (!s.post.has(t)) want.add(s.where.get(t)); });
  return Promise.all([...want].map((name) => file(s, "p/" + name, (lists) => {
    s.pwords.get(name).forEach((t, i) => { s.post.set(t, lists[i]); });
  })));
}

/** Text shard k; `onDoc(ref, doc)` is told of each document it holds. */
export function textShard(s, k, onDoc) {
  return file(s, "t/" + k, (data) => {
    Object.keys(data.articles).forEach((a) => { s.articles[+a] = data.articles[a]; });
    data.docs.forEach((d, i) => {
      s.docs[data.d0 + i] = d;
      onDoc(data.d0 + i, d);
    });
  });
}

export function loadTexts(s, refs, onDoc) {
  const want = new Set();
  refs.forEach((ref) => { if (!s.docs[ref]) want.add(Math.floor(ref / s.entry.textDocs)); });
  return Promise.all([...want].map((k) => textShard(s, k, onDoc)));
}
