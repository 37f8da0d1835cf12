/**
 * What a hit shows: the paragraph holding most of the query's words, cut to a snippet
 * with the words in <mark>. Seed text is data: it reaches the page only through
 * textContent or createTextNode, never innerHTML.
 */

import { mapped } from "./normalise.js";

/** Matched [start, end) ranges of marks in text (original offsets), merged. */
function ranges(text, marks) {
  const m = mapped(text), out = [];
  marks.forEach((w) => {
    if (!w) return;
    for (let at = m.norm.indexOf(w); at >= 0; at = m.norm.indexOf(w, at + 1)) {
      out.push([m.map[at], m.map[at + w.length]]);
    }
  });
  out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged = [];
  out.forEach((r) => {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  });
  return merged;
}

/** The paragraph of a hit that holds the most distinct marks (first wins a tie). */
export function bestParagraph(doc, marks) {
  let best = 0, bestCount = -1;
  doc[4].forEach((p, i) => {
    const norm = mapped(p).norm;
    const count = marks.filter((w) => w && norm.includes(w)).length;
    if (count > bestCount) { best = i; bestCount = count; }
  });
  return best;
}

/** A snippet element: ~width characters around the first match, marks in <mark>. */
export function snippet(text, marks, width) {
  const rs = ranges(text, marks);
  let start = 0;
  if (rs.length && rs[0][0] > width / 3) start = rs[0][0] - Math.floor(width / 3);
  const end = Math.min(text.length, start + width);
  const p = document.createElement("p");
  p.className = "search-hit__snippet";
  let pos = start;
  if (start > 0) p.appendChild(document.createTextNode("…"));
  rs.forEach((r) => {
    if (r[1] <= pos || r[0] >= end) return;
    const a = Math.max(r[0], pos);
    p.appendChild(document.createTextNode(text.slice(pos, a)));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(a, Math.min(r[1], end));
    p.appendChild(mark);
    pos = Math.min(r[1], end);
  });
  p.appendChild(document.createTextNode(text.slice(pos, end)));
  if (end < text.length) p.appendChild(document.createTextNode("…"));
  return p;
}
