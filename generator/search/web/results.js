/** The results page (search/?q=...&region=...): summary, region facets, hits, "more". */

import { all, fill, search } from "./engine.js";
import { count, hitHref, renderHit } from "./hits.js";

export const PAGE = 10; // hits per results page when the text is sharded
const SNIPPET = 160;

export class ResultsPage {
  /** `engine()` resolves to the engine (loaded once). */
  constructor(container, input, engine) {
    this.container = container;
    this.input = input;
    this.engine = engine;
    this.seq = 0;
    this.res = null;
    this.shown = [];
    this.limit = PAGE;
    const params = new URLSearchParams(location.search);
    this.region = params.get("region") || "";
    this.query = params.get("q") || "";
    if (input) input.value = this.query;
  }

  run(query) {
    const seq = ++this.seq;
    this.query = query;
    this.limit = PAGE;
    this.container.setAttribute("data-state", "loading");
    return this.engine().then((e) => {
      this.e = e;
      return search(query, e).then((res) => {
        if (seq !== this.seq) return; // a newer query is on its way
        this.res = res;
        return this.show(seq);
      });
    }).catch((err) => {
      if (seq !== this.seq) return;
      this.container.textContent = "搜索索引无法加载：" + err.message;
      this.container.setAttribute("data-state", "error");
    });
  }

  /** The region id the facet stands for, if some hit is in it (else no filter). */
  regionId() {
    const name = this.region;
    if (!name || !this.res) return -1;
    const id = this.e.regionName.indexOf(name);
    return id >= 0 && this.res.hits.some((h) => h.region === id) ? id : -1;
  }

  /** Load and check as many hits as the page shows, then render. */
  show(seq) {
    const e = this.e, id = this.regionId();
    const keep = id < 0 ? all : (c) => c.region === id;
    const limit = e.entry.shards.t === 1 ? Infinity : this.limit;
    return fill(this.res, e, keep, limit).then((shown) => {
      if (seq !== this.seq) return;
      this.shown = shown;
      this.render();
    });
  }

  summary() {
    const res = this.res, query = this.query.trim();
    if (!query) return "输入关键词开始搜索。";
    if (res && res.broad) return "“" + res.broad.join("”“") + "”出现在太多的词里，请多输入几个字。";
    if (!res || !res.hits.length) return "没有找到与“" + query + "”相关的内容。";
    // A hit is a section of an article (its heading and paragraphs); say so, and how many
    // articles they come from once every hit's text is loaded.
    const docs = this.e.shards.docs, articles = new Set();
    const known = res.hits.every((h) => docs[h.ref] && articles.add(docs[h.ref][0]));
    return (known ? "在 " + articles.size + " 篇文章中" : "") + "找到 " + count(res) + " 个相关小节。" +
      (res.loosened ? "“" + res.loosened.join("”“") + "”没有连续出现，以下是分别包含其中各词的小节。" : "") +
      (res.exact ? "" : "词语须连续出现的条件只核对了已显示的小节，总数是估计。");
  }

  /** Facets: regions of the hits, in rank order; a region's name is known once some
   * text of it is loaded (always, for a one-shard corpus). */
  facets() {
    const res = this.res, e = this.e, counts = new Map();
    res.hits.forEach((h) => { counts.set(h.region, (counts.get(h.region) || 0) + 1); });
    if (counts.size < 2) return null;
    const named = [...counts.keys()].filter((r) => e.regionName[r] !== undefined);
    const box = document.createElement("div");
    box.className = "search-facets";
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "按地区筛选");
    const current = this.regionId();
    [-1].concat(named).forEach((r) => {
      const name = r < 0 ? "" : e.regionName[r];
      const b = document.createElement("button");
      b.type = "button";
      b.className = "search-facet";
      b.setAttribute("data-region", name);
      b.setAttribute("aria-pressed", String(r < 0 ? current < 0 && !this.region : current === r));
      b.textContent = (name || "全部") + " (" + (r < 0 ? count(res) : count(res, counts.get(r))) + ")";
      b.addEventListener("click", () => { this.setRegion(name); });
      box.appendChild(b);
    });
    const unnamed = counts.size - named.length;
    if (unnamed) {
      const more = document.createElement("span");
      more.className = "search-facets__more";
      more.textContent = "另有 " + unnamed + " 个地区";
      box.appendChild(more);
    }
    return box;
  }

  render() {
    const c = this.container, res = this.res;
    c.replaceChildren();
    const summary = document.createElement("p");
    summary.className = "search-summary";
    summary.textContent = this.summary();
    c.appendChild(summary);
    const facets = res && this.facets();
    if (facets) c.appendChild(facets);
    const list = document.createElement("ol");
    list.className = "search-hit-list";
    this.shown.forEach((h) => { list.appendChild(renderHit(h, res.marks, SNIPPET)); });
    c.appendChild(list);
    const left = this.visibleCount() - this.shown.length;
    if (left > 0) {
      const next = document.createElement("button");
      next.type = "button";
      next.className = "search-more";
      next.textContent = "显示更多（还有" + (res.exact ? " " : "约 ") + left + " 个小节）";
      next.addEventListener("click", () => {
        this.limit += PAGE;
        this.container.setAttribute("data-state", "loading");
        this.show(this.seq);
      });
      c.appendChild(next);
    }
    c.setAttribute("data-query", this.query);  // which query the list answers (a newer one may be typed)
    c.setAttribute("data-state", "done");
  }

  visibleCount() {
    const id = this.regionId();
    if (!this.res) return 0;
    return id < 0 ? this.res.hits.length : this.res.hits.filter((h) => h.region === id).length;
  }

  setRegion(region) {
    this.region = region;
    this.limit = PAGE;
    this.updateUrl();
    this.container.setAttribute("data-state", "loading");
    return this.show(this.seq);
  }

  updateUrl() {
    const params = new URLSearchParams();
    if (this.query) params.set("q", this.query);
    if (this.region) params.set("region", this.region);
    const qs = params.toString();
    history.replaceState(null, "", location.pathname + (qs ? "?" + qs : ""));
  }

  firstHref() {
    return this.shown.length ? hitHref(this.shown[0], this.res.marks) : null;
  }
}
