/** A hit as a list item linking to its paragraph, and links kept relative to the page. */

import { bestParagraph, snippet } from "./excerpt.js";

// This file is <root>/assets/search/hits.js: the site root follows from its own URL, so
// the site works under any sub-path (GitHub Pages project sites).
export const ROOT = new URL("../../", import.meta.url);

/** Link from the current page to a site-relative URL, kept relative. */
export function relativeHref(siteUrl) {
  const target = new URL(siteUrl, ROOT);
  const here = new URL(".", location.href);
  if (target.origin !== here.origin) return target.href;
  const from = here.pathname.split("/").slice(0, -1), to = target.pathname.split("/");
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  const rel = from.slice(k).map(() => "..").concat(to.slice(k)).join("/");
  return (rel || "./") + target.search + target.hash;
}

/** The results page for a query. */
export function resultsHref(query) { return relativeHref("search/?q=" + encodeURIComponent(query)); }

export function hitHref(hit, marks) {
  return relativeHref(hit.article[1] + "#p-" + (hit.doc[2] + bestParagraph(hit.doc, marks)));
}

/** "N" or "约 N" (when candidates are left unchecked). */
export function count(res, n = res.hits.length) { return (res.exact ? "" : "约 ") + n; }

/** The hit's own words (title, heading, paragraphs), lower-cased like the query marks. */
function ownText(hit) {
  return [hit.article[0], hit.doc[3] || ""].concat(hit.doc[4]).join("\u0001").toLowerCase();
}

export function renderHit(hit, marks, width) {
  const li = document.createElement("li");
  li.className = "search-hit";
  li.setAttribute("data-region", hit.article[2]);
  const a = document.createElement("a");
  a.className = "search-hit__link";
  a.href = hitHref(hit, marks);
  const title = document.createElement("span");
  title.className = "search-hit__title";
  title.textContent = hit.article[0];
  a.appendChild(title);
  li.appendChild(a);
  const meta = document.createElement("div");
  meta.className = "search-hit__meta";
  meta.textContent = hit.article[3] + (hit.doc[3] ? " · " + hit.doc[3] : "");
  li.appendChild(meta);
  li.appendChild(snippet(hit.doc[4][bestParagraph(hit.doc, marks)], marks, width));
  if (hit.lacks && hit.lacks.length) {
    // The article holds the whole query, this section only part of it.
    const part = document.createElement("p");
    part.className = "search-hit__part";
    part.textContent = "“" + hit.lacks.join("”“") + "”见同一篇文章的其他小节。";
    li.appendChild(part);
  }
  if (!marks.some((m) => ownText(hit).includes(m))) {
    // Found through the region's name or pinyin only (衡阳, zx): nothing to highlight, so say why.
    const why = document.createElement("p");
    why.className = "search-hit__why";
    why.textContent = "按地区名称匹配：本节正文没有出现所搜的词。";
    li.appendChild(why);
  }
  return li;
}
