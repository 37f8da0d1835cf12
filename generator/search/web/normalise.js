/**
 * The form query and index text are compared in: NFKC, lower case, zero-width characters
 * removed (generator/segment.py `normalise` is the index side; tests/fixtures/search/
 * normalise.json holds cases both must agree on).
 */

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff]/g;

/** Normalised text; with `trad` (a Map), traditional characters become simplified. */
export function normalise(text, trad) {
  const s = text.normalize("NFKC").toLowerCase().replace(ZERO_WIDTH, "");
  if (!trad || !trad.size) return s;
  let out = "";
  for (const ch of s) out += trad.get(ch) || ch;
  return out;
}

/** Normalised text plus, for each of its code units, the offset in the original. */
export function mapped(text) {
  let norm = "";
  const map = [];
  let i = 0;
  for (const ch of text) { // by code point: a surrogate pair stays whole
    const n = normalise(ch);
    for (let k = 0; k < n.length; k++) { norm += n[k]; map.push(i); }
    i += ch.length;
  }
  map.push(text.length);
  return { norm, map };
}
