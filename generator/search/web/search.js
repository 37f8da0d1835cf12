/**
 * Chinese search for the digest: the header box on every page and the results page at
 * search/?q=. This module wires the page; the engine lives in engine.js, the query cut in
 * query.js, the index files are read by shards.js (format: generator/search/FORMAT.md).
 * Loaded as <script type="module">: no bundler, no build step.
 */

import { all, fill, makeEngine, search } from "./engine.js";
import { HeaderBox } from "./headerbox.js";
import { resultsHref } from "./hits.js";
import { parseLoading } from "./query.js";
import { PAGE, ResultsPage } from "./results.js";

const ASSETS = new URL("./", import.meta.url); // <root>/assets/search/
const DEBOUNCE_MS = 150;

let loading = null;

function loadLunr(url) {
  return new Promise((resolve, reject) => {
    if (window.lunr) { resolve(); return; }
    const s = document.createElement("script");
    s.src = url;
    s.addEventListener("load", () => resolve());
    s.addEventListener("error", () => reject(new Error("cannot load " + url)));
    document.head.appendChild(s);
  });
}

function fetchJSON(url) {
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(url + ": HTTP " + r.status);
    return r.json();
  });
}

/** The engine (lunr.js and the entry file), loaded once on first focus or query. */
function engine() {
  if (!loading) {
    const started = performance.now();
    loading = Promise.all([loadLunr(new URL("lunr.js", ASSETS).href), fetchJSON(new URL("index.json", ASSETS).href)])
      .then(([, entry]) => {
        // shard URLs carry the build, so a rebuilt site is fetched afresh
        const load = (name) => fetchJSON(new URL(name + ".json?v=" + entry.build, ASSETS).href);
        const e = makeEngine(entry, load, window.lunr);
        e.loadMs = performance.now() - started;
        window.digestSearchLoadMs = e.loadMs; // read by bench/bench_search.py
        return e;
      });
    loading.catch(() => { loading = null; }); // let a later focus retry
  }
  return loading;
}

function debounce(fn, ms) {
  let timer = null;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function isTyping(target) {
  return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function wireResultsPage(page, inputs, headerInput) {
  if (headerInput) headerInput.value = page.query;
  const update = debounce((value) => { page.run(value).then(() => page.updateUrl()); }, DEBOUNCE_MS);
  inputs.forEach((input) => {
    input.addEventListener("input", () => {
      inputs.forEach((other) => { if (other !== input) other.value = input.value; });
      page.region = "";
      update(input.value);
    });
    // Enter opens the first hit (of the current facet); with no hit, stay.
    input.form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      page.run(input.value).then(() => {
        const href = page.firstHref();
        if (href) location.href = href; else page.updateUrl();
      });
    });
  });
  page.run(page.query);
}

function wireHeaderBox(box, form, input) {
  input.addEventListener("input", debounce(() => { box.run(input.value); }, DEBOUNCE_MS));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const query = input.value;
    box.run(query).then(() => { location.href = box.first || resultsHref(query); },
      () => { location.href = resultsHref(query); });
  });
  input.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") { box.hide(); input.blur(); }
  });
  document.addEventListener("click", (ev) => { if (!form.contains(ev.target)) box.hide(); });
  input.addEventListener("focus", () => { if (input.value.trim()) box.run(input.value); });
}

function start() {
  const container = document.getElementById("search-results");
  const pageInput = document.getElementById("search-query");
  const headerForm = document.querySelector("form.digest-search");
  const headerInput = headerForm && headerForm.querySelector("input");
  const inputs = [pageInput, headerInput].filter(Boolean);
  inputs.forEach((input) => { input.addEventListener("focus", () => { engine(); }, { once: true }); });

  if (container) wireResultsPage(new ResultsPage(container, pageInput, engine), inputs, headerInput);
  else if (headerForm) wireHeaderBox(new HeaderBox(headerForm, headerInput, engine), headerForm, headerInput);

  // "/" focuses the search box, as on Material sites.
  document.addEventListener("keydown", (ev) => {
    if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey || isTyping(ev.target)) return;
    const target = pageInput || headerInput;
    if (!target) return;
    ev.preventDefault();
    target.focus();
    target.select();
  });
}

// Exposed for tests and the benchmark: same code path as the page. search() resolves to
// {hits: [{ref, score, region: name or undefined, article, doc}], marks, exact} with the
// first `n` (default: a results page) hits checked and their text loaded.
window.digestSearch = {
  engine,
  search: (query, n) => engine().then((e) => search(query, e).then((res) =>
    fill(res, e, all, n || PAGE).then(() => ({
      exact: res.exact, marks: res.marks,
      hits: res.hits.map((h) => ({ ref: h.ref, score: h.score, region: e.regionName[h.region], article: h.article, doc: h.doc }))
    })))),
  parse: (query) => engine().then((e) => parseLoading(query, e))
};

start(); // modules run after the document is parsed
