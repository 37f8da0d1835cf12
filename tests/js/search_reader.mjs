// The browser's search modules (generator/search/web/*.js) reading the fixture index written
// by the Python writer (tests/fixtures/search/). Run by tests/test_search_format.py:
//   node tests/js/search_reader.mjs LUNR_JS FIXTURES QUERIES_JSON
// prints {cases: {normalise, fnv}, answers: {layout: {query: {hits, exact} | {error}}}}.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { all, fill, makeEngine, search } from "../../generator/search/web/engine.js";
import { normalise } from "../../generator/search/web/normalise.js";
import { hash } from "../../generator/search/web/shards.js";

const [lunrPath, fixtures, queriesPath] = process.argv.slice(2);
const lunr = createRequire(import.meta.url)(lunrPath);
const readJSON = async (path) => JSON.parse(await readFile(path, "utf-8"));
const queries = await readJSON(queriesPath);

const strings = Object.keys((await readJSON(fixtures + "/cases.json")).normalise);
const out = {
  cases: {
    normalise: Object.fromEntries(strings.map((s) => [s, normalise(s)])),
    fnv: Object.fromEntries(strings.map((s) => [s, hash(s)]))
  },
  answers: {}, loaded: {}
};

for (const layout of ["one", "sharded"]) {
  const dir = fixtures + "/" + layout + "/";
  const entry = await readJSON(dir + "index.json");
  const loaded = [];
  const load = (name) => { loaded.push(name); return readJSON(dir + name + ".json"); };
  const answers = Object.create(null); // queries are keys: "__proto__" among them
  for (const q of queries) {
    const e = makeEngine(entry, load, lunr); // a fresh engine per query: each loads what it needs
    try {
      const res = await search(q, e);
      await fill(res, e, all, 1e9);
      const name = (h) => h.article[1] + "#s" + h.doc[1];
      answers[q] = {
        exact: res.exact, hits: res.hits.map(name).sort(),
        lacks: Object.fromEntries(res.hits.filter((h) => h.lacks).map((h) => [name(h), h.lacks]))
      };
    } catch (err) {
      answers[q] = { error: String(err && err.stack || err) };
    }
  }
  out.answers[layout] = answers;
  out.loaded[layout] = [...new Set(loaded)].sort();
}
process.stdout.write(JSON.stringify(out));
