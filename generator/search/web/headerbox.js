/** The header search box of every page: the first hits in a panel under the box. */

import { all, fill, search } from "./engine.js";
import { count, hitHref, renderHit, resultsHref } from "./hits.js";

const PANEL_HITS = 6;
const SNIPPET = 80;

export class HeaderBox {
  /** `engine()` resolves to the engine (loaded once). */
  constructor(form, input, engine) {
    this.form = form;
    this.input = input;
    this.engine = engine;
    this.seq = 0;
    this.first = null; // the first hit's link, once shown
    this.el = form.querySelector(".digest-search__panel");
  }

  run(query) {
    const seq = ++this.seq;
    if (!query.trim()) { this.hide(); this.first = null; return Promise.resolve(); }
    return this.engine().then((e) => search(query, e).then((res) =>
      fill(res, e, all, PANEL_HITS).then((shown) => {
        if (seq !== this.seq) return;
        this.first = shown.length ? hitHref(shown[0], res.marks) : null;
        const list = document.createElement("ol");
        list.className = "search-hit-list";
        shown.forEach((h) => { list.appendChild(renderHit(h, res.marks, SNIPPET)); });
        const more = document.createElement("a");
        more.className = "digest-search__more";
        more.href = resultsHref(query);
        more.textContent = res.hits.length ? "全部 " + count(res) + " 条结果 →" : res.broad ? "请多输入几个字" : "没有找到结果";
        this.el.replaceChildren(list, more);
        this.el.hidden = false;
      })));
  }

  hide() { if (this.el) this.el.hidden = true; }
}
