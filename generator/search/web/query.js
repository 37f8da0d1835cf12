/**
 * A query cut like the index text (generator/segment.py): normalised, traditional ->
 * simplified characters, ASCII letter/digit runs whole, Chinese by longest match against
 * the vocabulary; a character that starts no word falls back to "any word containing
 * it". The query is a list of units: each "quoted" phrase and each space-free chunk. A
 * unit is found in a section holding all its terms (and, for a phrase or a chunk of
 * several terms, holding it contiguously); an article answers when its sections together
 * hold every unit (engine.js).
 */

import { normalise } from "./normalise.js";
import { keyOf, known, loadKeys, loadTrad } from "./shards.js";

// Kept in step with segment.TOKEN_RE (the fixture test compares their cuts).
const TOKEN_RE = /([a-z0-9]+(?:\.[0-9]+)*)|([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+)/g;
const QUOTE_RE = /"([^"]*)"|\u201c([^\u201d]*)\u201d|\u300c([^\u300d]*)\u300d/g;
const LETTERS = /^[a-z]+$/;
const MIN_PINYIN = 2;

/** Wildcard flags of lunr.Query.wildcard (copied so this module needs no lunr). */
export const TRAILING = 2, LEADING = 1;

/** The canonical-name term of a catalogue synonym. */
function synonymTerm(word, e) {
  const canon = e.synonyms.get(word);
  return { term: canon, wildcard: 0, marks: e.aliases.get(canon) || [canon, word], loose: true };
}

/**
 * Terms of one piece of the query; literal (inside quotes): no synonyms.
 * Each term: {term, wildcard, marks: [words to highlight], loose}. A prefix key whose v
 * shard is not loaded yet goes to st.missing (the cut of that run stops there).
 */
function cut(text, e, literal, st) {
  const s = e.shards, terms = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    if (m[1]) {
      const w = m[1];
      if (!literal && e.synonyms.has(w)) { terms.push(synonymTerm(w, e)); continue; }
      if (!known(s, keyOf(w))) { st.missing.push(keyOf(w)); continue; }
      if (s.vocab.has(w) || !LETTERS.test(w)) terms.push({ term: w, wildcard: 0, marks: [w] });
      // Letters that are no indexed word yet: the reader is still typing pinyin. One
      // letter (c, x, C++) is no syllable yet and would match a dozen unrelated words.
      else if (w.length >= MIN_PINYIN) terms.push({ term: w, wildcard: TRAILING, marks: [w], loose: true });
      continue;
    }
    const run = m[2];
    let i = 0;
    while (i < run.length) {
      if (!known(s, run[i])) { st.missing.push(run[i]); break; }
      if (!s.keys.has(run[i])) st.unknown = true; // perhaps a traditional character
      let found = false;
      for (let j = Math.min(run.length, i + e.maxWord); j > i + 1; j--) {
        const word = run.slice(i, j);
        if (!literal && e.synonyms.has(word)) { terms.push(synonymTerm(word, e)); found = true; }
        else if (s.vocab.has(word)) { terms.push({ term: word, wildcard: 0, marks: [word] }); found = true; }
        if (found) { i = j; break; }
      }
      if (!found) {
        const c = run[i];
        // Every character of the text is in some indexed token (segment.dense_tokens):
        // look for any token that contains it.
        terms.push({ term: c, wildcard: LEADING | TRAILING, marks: [c] });
        i += 1;
      }
    }
  }
  return terms;
}

/**
 * The chunk with each short form of the catalogue's abbreviations (规上) written out in
 * full (规模以上), unless the chunk already reads the full form there; null if none.
 */
function writtenOut(chunk, e) {
  let out = "", changed = false;
  for (let i = 0; i < chunk.length;) {
    const short = e.abbrevKeys.find((k) => chunk.startsWith(k, i));
    const full = short && e.abbreviations.get(short);
    const at = full ? full.indexOf(short) : -1;
    if (full && !(at >= 0 && i >= at && chunk.startsWith(full, i - at))) {
      out += full; i += short.length; changed = true;
    } else { out += chunk[i]; i += 1; }
  }
  return changed ? out : null;
}

/**
 * {terms, units, marks, missing, unknown} of a raw query string. A unit is {alts, typed,
 * label}: it is found where one of its alternatives is (the chunk as typed, and written out
 * in full when it holds an abbreviation). An alternative is {terms: [index into terms],
 * phrase: normalised text that must occur contiguously, or null, typed: true for a
 * space-free chunk of several words (网格化管理), whose phrase a search that finds nothing
 * drops (engine.search)}. A unit is `typed` if an alternative is; `label`: the unit as typed.
 */
export function parse(raw, e) {
  const q = normalise(raw, e.shards.trad);
  const terms = [], units = [], st = { missing: [], unknown: false };
  const alt = (t, phrase, typed) => {
    const out = { terms: t.map((x, i) => terms.length + i), phrase, typed };
    terms.push(...t);
    return out;
  };
  const rest = q.replace(QUOTE_RE, (all, a, b, c) => {
    const phrase = a !== undefined ? a : b !== undefined ? b : c;
    const t = cut(phrase, e, true, st);
    if (t.length) units.push({ alts: [alt(t, phrase.replace(/\s+/g, ""), false)], typed: false, label: phrase.trim() });
    return " ";
  });
  // Words apart (老旧小区 改造) may occur anywhere in the article; what the reader typed
  // as one unit (网格化管理, 12345热线, 一老一小) must occur as typed, like a phrase,
  // unless a synonym (GDP) or an unfinished pinyin prefix stands in it.
  rest.split(/\s+/).forEach((chunk) => {
    const alts = [];
    let typed = false;
    [chunk, writtenOut(chunk, e)].forEach((text) => {
      const t = text ? cut(text, e, false, st) : [];
      if (!t.length) return;
      const joined = t.length > 1 && !t.some((x) => x.loose);
      // Whole words may be found apart; single characters (一老一小) only as typed.
      const words = joined && t.every((x) => !x.wildcard && x.term.length > 1);
      typed = typed || words;
      alts.push(alt(t, joined ? text : null, words));
    });
    if (alts.length) units.push({ alts, typed, label: chunk });
  });
  const marks = [];
  terms.forEach((t) => { marks.push(...t.marks); });
  return { terms, units, marks, missing: st.missing, unknown: st.unknown };
}

/** parse(), loading the v shards it consults (one round per word of the longest match). */
export function parseLoading(raw, e) {
  const parsed = parse(raw, e);
  const again = () => parseLoading(raw, e);
  if (parsed.missing.length) return loadKeys(e.shards, parsed.missing).then(again);
  if (parsed.unknown && !e.shards.trad) return loadTrad(e.shards).then(again);
  return Promise.resolve(parsed);
}
