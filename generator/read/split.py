"""Split a cleaned page into articles and put interleaved fragments back together.

A newspaper page holds several articles whose columns are printed out of order: one
article's paragraph may stop mid-sentence and continue after another article. The
signals used here are general:

  * titles open an article, a byline in parentheses closes one;
  * a paragraph that ends unfinished is continued by a fragment that starts mid-sentence
    (a word split across the break, a bracket closed, a clause-initial comma);
  * the places an article's title names recur in its body and not in the others'
    (when a gazetteer is given);
  * verbatim repeated paragraphs are layout repeats.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from generator.read.clean import CJK, CONT_END, CONT_START, FUNCTION_END, HEADING_MAX, bracket_bridge, ends_finished
from .fragments import Head, Piece, Subjects, key_terms, reassign_by_topic, reassign_foreign_runs
from generator.records import ArticleDraft, Block, BlockKind, CleanPage, Section, DataWarning
from generator.lexicon.words import Words

if TYPE_CHECKING:
    from generator.lexicon.gazetteer import Gazetteer

MISSING = "（原文此处缺失）"
_START_FUNCTION = set("与和及并而的了着或且之于")
_ROLE_WORDS = re.compile(r"(■|策划|统筹|撰文|文字|文图|图文|摄影|通讯员|实习生|执笔|整理|主编|编辑|本报记者|记者|文[/／:：]|图[/／:：]|[/／:：])")
_ORG = re.compile(r"(日报|晚报|报社|全媒体|融媒体|中心|电视台|新闻|宣传部|提供|供图|委|局|办)")


def split_articles(page: CleanPage, gazetteer: "Gazetteer | None" = None, words: Words | None = None) -> list[ArticleDraft]:
    """Articles of one page, fragments in reading order. With a gazetteer, the places an
    article's title names also help to tell its paragraphs from other articles'."""
    blocks = [b for b in page.blocks if b.kind != BlockKind.FURNITURE]
    if not any(b.kind in (BlockKind.PARAGRAPH, BlockKind.HEADING) for b in blocks):
        return []
    subjects = Subjects(gazetteer)
    heads, pieces = _segment(blocks, subjects)
    reassign_foreign_runs(heads, pieces, subjects)
    reassign_by_topic(heads, pieces, subjects)
    _link_fragments(heads, pieces, subjects, words or Words())
    per_article = _assign_chains(heads, pieces)
    drafts = [_draft(page, h, per_article[i]) for i, h in enumerate(heads)]
    return [d for d in drafts if d.paragraphs]


# ---------------------------------------------------------------- segmentation
def _segment(blocks: list[Block], subjects: Subjects) -> tuple[list[Head], list[Piece]]:
    """Walk the page once: title blocks open articles, closing bylines end them, and body
    text is cut into pieces wherever a paragraph stops mid-sentence and the next block
    does not continue it."""
    heads: list[Head] = []
    pieces: list[Piece] = []
    current: int | None = None
    pending = Head()  # kicker/captions seen before the next title
    body: list[Block] = []
    body_mid = False  # the piece being collected began at a break
    in_head = False  # between a title and the first body block
    closed = False  # the current article was closed by a byline
    prev_open = False  # the last body paragraph stopped mid-sentence

    def flush() -> None:
        nonlocal body, body_mid, current
        if body:
            owner = None if closed else current
            if owner is None and not heads:
                heads.append(Head())
                owner = current = 0
            after_title = owner is not None and not body_mid and (not pieces or pieces[-1].owner != owner
                                                                    or not heads[owner].pieces)
            p = Piece(body, owner, starts_mid=body_mid or _looks_mid(body[0]), after_title=after_title)
            pieces.append(p)
            if owner is not None:
                heads[owner].pieces.append(p)
        body, body_mid = [], False

    for i, b in enumerate(blocks):
        kind = b.kind
        if kind == BlockKind.PARAGRAPH and not in_head and _headline_shape(b) and (_opens_article_after(blocks, i) or (
                i == 0 and len(blocks) > 1 and blocks[1].kind in (BlockKind.CAPTION, BlockKind.CREDIT))):
            kind = BlockKind.TITLE  # a long headline over a byline: 标题 / 记者 张三
        headline = kind == BlockKind.HEADING or (kind == BlockKind.PARAGRAPH and not in_head and not prev_open
                                                 and _headline_shape(b))
        if headline and _heading_is_title(b, i, blocks, heads, current, closed, subjects,
                                          "".join(x.text for x in body)):
            kind = BlockKind.TITLE
        if kind == BlockKind.TITLE:
            flush()
            heads.append(Head(title=b.text, title_line=b.line, kicker=pending.kicker, captions=pending.captions,
                              credits=pending.credits))
            pending = Head()
            current, closed, in_head, prev_open = len(heads) - 1, False, True, False
            continue
        if kind == BlockKind.KICKER:
            flush()
            pending.kicker.append(b.text)
            continue
        if kind == BlockKind.PARAGRAPH and in_head and current is not None and heads[current].title \
                and _headline_shape(b) and _opens_article_after(blocks, i):
            kind = BlockKind.SUBTITLE  # a second headline line between the title and the byline
        if kind == BlockKind.SUBTITLE:
            if current is not None and in_head and not heads[current].subtitle:
                heads[current].subtitle = _strip_dash(b.text)
                continue
            kind = BlockKind.HEADING
        if kind == BlockKind.BYLINE:
            if current is None:
                heads.append(Head())
                current = len(heads) - 1
            closing = b.text[:1] in "(（" or bool(body and body[-1].line == b.line)
            has_body = any(_is_body(x) for x in body) or \
                any(p.owner == current and any(_is_body(x) for x in p.paragraphs) for p in pieces)
            standalone = i + 1 < len(blocks) and blocks[i + 1].line > (b.end_line or b.line)
            if not closing and not in_head and (closed or has_body) and standalone \
                    and _opens_article_after(blocks, i):
                # a reporter line after finished body text and before a lead: a new article
                # whose headline the excerpt lost (川观新闻记者 张三 / 1月1日上午，…)
                flush()
                heads.append(Head(bylines=[b.text], kicker=pending.kicker, captions=pending.captions,
                                  credits=pending.credits))
                pending = Head()
                current, closed, in_head, prev_open = len(heads) - 1, False, True, False
                continue
            if closing and not in_head:
                flush()
                # the byline closes whatever article the piece above turns out to belong to
                (pieces[-1].bylines if pieces else heads[current].bylines).append(b.text)
                closed, prev_open = True, False
            else:
                heads[current].bylines.append(b.text)
            continue
        if kind in (BlockKind.CAPTION, BlockKind.CREDIT):
            holder = heads[current] if current is not None and not closed else pending
            (holder.captions if kind == BlockKind.CAPTION else holder.credits).append(b.text)
            continue
        # a body block: paragraph or section heading
        in_head = False
        if body and prev_open:
            # the previous paragraph stopped mid-sentence and this block does not continue it
            flush()
            body_mid = kind == BlockKind.PARAGRAPH
        elif closed and not body:
            body_mid = True  # text after a closing byline and before any title: an orphan
        body.append(b)
        prev_open = kind == BlockKind.PARAGRAPH and not ends_finished(b.text) and not b.text.endswith(("：", "——"))
    flush()
    if heads and (pending.captions or pending.credits):
        heads[-1].captions.extend(pending.captions)
        heads[-1].credits.extend(pending.credits)
    return heads, pieces


def _is_body(b: Block) -> bool:
    """Running text: a paragraph longer than any headline that has finished a sentence."""
    return b.kind == BlockKind.PARAGRAPH and len(b.text) > HEADING_MAX and bool(re.search("[。！？!?]", b.text))


def _headline_shape(b: Block) -> bool:
    """One printed line, not a sentence: no sentence or clause punctuation inside."""
    t = b.text
    return (b.end_line or b.line) == b.line and 4 <= len(t) <= 2 * HEADING_MAX and not re.search("[。！？!?，；;]", t)


def _opens_article_after(blocks: list[Block], i: int) -> bool:
    """The block after i (captions and credits aside) is a body paragraph, or a non-closing
    byline followed by one: what follows a headline or a reporter line."""
    rest = [b for b in blocks[i + 1:] if b.kind not in (BlockKind.CAPTION, BlockKind.CREDIT)]
    if rest and blocks[i].kind != BlockKind.BYLINE and rest[0].kind == BlockKind.BYLINE \
            and rest[0].text[:1] not in "(（":
        return len(rest) > 1 and rest[1].kind == BlockKind.PARAGRAPH
    return bool(rest) and rest[0].kind == BlockKind.PARAGRAPH and blocks[i].kind == BlockKind.BYLINE


def _one_char_clause(text: str) -> bool:
    """'上,该区…': a clause of one character cannot open a paragraph; it ends a word cut off before."""
    return len(text) > 2 and bool(re.match(f"[{CJK}]", text[0])) and text[1] in "，,、；;"


def _looks_mid(block: Block) -> bool:
    """Text that cannot open a paragraph: a comma, a closing bracket before any opening one."""
    if block.kind != BlockKind.PARAGRAPH:
        return False
    t = block.text
    if t[:1] in CONT_START or t[:1] in _START_FUNCTION or _one_char_clause(t):
        return True
    head = t[:40]
    for o, c in ("“”", "《》", "（）", "「」", "‘’"):
        i = head.find(c)
        if i >= 0 and head.find(o, 0, i) < 0:
            return True
    return False


def _strip_dash(text: str) -> str:
    return re.sub(r"^\s*(——|—|--|－－)\s*", "", text).strip()


def _heading_is_title(b: Block, i: int, blocks: list[Block], heads: list[Head], current: int | None,
                      closed: bool, subjects: Subjects, pending_text: str = "") -> bool:
    """A heading opens a new article when the text after it is not about the current article
    (none of its subject words) and is not a resumed fragment of another one, while it does
    share distinctive words with the heading itself."""
    if current is None or closed:
        return False
    run = []
    for nb in blocks[i + 1:]:
        if nb.kind in (BlockKind.TITLE, BlockKind.KICKER) or (nb.kind == BlockKind.BYLINE and nb.text[:1] in "(（"):
            break
        if nb.kind == BlockKind.PARAGRAPH:
            run.append(nb.text)
            if len(run) >= 3 or not ends_finished(nb.text):
                break
    if not run:
        return False
    text = "".join(run)
    own = key_terms(heads[current], subjects)
    if not own:
        return False
    cur_body = "".join(b.text for p in heads[current].pieces for b in p.paragraphs) + pending_text
    if subjects.affinity(cur_body, own) == 0:
        return False  # the current article never names its subject: no basis to judge
    if subjects.affinity(text, own) > 0:
        return False
    for k, h in enumerate(heads):
        if k != current and subjects.affinity(text, key_terms(h, subjects)) > 0:
            return False
    mine = subjects.terms(b.text)
    return bool(mine) and subjects.affinity(text, mine) > 0


# ---------------------------------------------------------------- fragment links
def _link_fragments(heads: list[Head], pieces: list[Piece], subjects: Subjects, words: Words) -> None:
    """Pair each piece that ends mid-sentence with the piece that continues it."""
    terms = [key_terms(h, subjects) for h in heads]
    ends = [p for p in pieces if p.ends_open]
    starts = [p for p in pieces if p.blocks[0].kind == BlockKind.PARAGRAPH
              and (p.starts_mid or p.owner is None or p.moved)]
    scored: list[tuple[float, int, int]] = []
    for ei, e in enumerate(ends):
        a = e.blocks[-1].text
        for si, s in enumerate(starts):
            if s is e:
                continue
            b = s.blocks[0].text
            evidence = 0.0
            if words.crosses(a, b):
                evidence += 3
            if bracket_bridge(a, b):
                evidence += 3
            if b[:1] in CONT_START or _one_char_clause(b):
                evidence += 1
            if b[:1] in _START_FUNCTION or a[-1:] in FUNCTION_END or a[-1:] in CONT_END:
                evidence += 0.5
            if a[-1:].isdigit() and b[:1].isdigit():
                evidence -= 1  # 2300|平方米 is handled by clean; two numbers do not glue
            owner = e.owner
            topic = 0.0
            if owner is not None and s.owner != owner:
                own = subjects.affinity(s.text, terms[owner])
                other = max((subjects.affinity(s.text, terms[k]) for k in range(len(heads)) if k != owner), default=0)
                topic = 1.0 if own > other else (-1.0 if other > own else 0.0)
            elif owner is not None and s.owner == owner:
                topic = 0.5
            adjacent = 0.5 if pieces.index(s) == pieces.index(e) + 1 else 0.0
            score = evidence + topic + adjacent
            if evidence > 0 or (s.starts_mid and topic >= 0.5):
                scored.append((score, ei, si))
    used_e: set[int] = set()
    used_s: set[int] = set()
    for score, ei, si in sorted(scored, key=lambda t: -t[0]):
        if ei in used_e or si in used_s or score <= 0:
            continue
        e, s = ends[ei], starts[si]
        if _reaches(s, e):
            continue  # would make a loop
        used_e.add(ei)
        used_s.add(si)
        e.next, s.prev = s, e
        a, b = e.blocks[-1].text, s.blocks[0].text
        evidence = (words.crosses(a, b) or bracket_bridge(a, b) or b[:1] in CONT_START or b[:1] in _START_FUNCTION
                    or _one_char_clause(b) or a[-1:] in FUNCTION_END or a[-1:] in CONT_END)
        s.gap_before = not evidence and _word_cut_off(a, b, words)
        # without evidence in the words, only a sentence reads on (茶油 | 焖鸡); a headline-like
        # line stays a paragraph of its own
        s.glued = evidence or (not s.gap_before and _is_sentence(a))


# A character jieba counts this often is a word by itself, not the tail of a cut one.
_FREE_CHAR_FREQ = 10000


def _is_sentence(text: str) -> bool:
    """Running text, not a headline-shaped line (【…】 kickers end unfinished too)."""
    return len(text) > 2 * HEADING_MAX or bool(re.search("[，。；：,;:]", text))


def _word_cut_off(a: str, b: str, words: Words) -> bool:
    """Evidence that text is missing between two linked fragments: b opens with the last
    character of a word (务“加码”), not a word by itself, that finishes no word with a's end
    (…平方米 | 务: the 服 of 服务 is lost). Lines that read on (茶油|焖鸡, 获|此殊荣) join."""
    if len(b) < 2 or not re.match(f"[{CJK}]", b[0]) or re.match(f"[{CJK}0-9A-Za-z]", b[1]):
        return False
    if words.frequency(b[0]) >= _FREE_CHAR_FREQ:
        return False  # 上，/ 中，: a word of its own closes the clause (在此基础 | 上，)
    return not any(words.frequency(a[-k:] + b[0]) for k in (1, 2, 3) if len(a) >= k)


def _reaches(a: Piece, b: Piece) -> bool:
    seen = set()
    while a is not None and id(a) not in seen:
        if a is b:
            return True
        seen.add(id(a))
        a = a.next
    return False


# ---------------------------------------------------------------- drafts
def _assign_chains(heads: list[Head], pieces: list[Piece]) -> list[list[list[Piece]]]:
    """Chains of linked pieces, each given to one article: the owner of its first piece,
    or for an orphan chain the owner of any piece in it, else the article printed above."""
    chains: list[list[Piece]] = []
    for p in pieces:
        if p.prev is not None:
            continue
        chain, q = [], p
        while q is not None and q not in chain:
            chain.append(q)
            q = q.next
        chains.append(chain)
    per_article: list[list[list[Piece]]] = [[] for _ in heads]
    for chain in chains:
        owner = next((q.owner for q in chain if q.owner is not None), None)
        if owner is None:
            before = [q for q in pieces[:pieces.index(chain[0])] if q.owner is not None]
            owner = before[-1].owner if before else 0
            chain[0].gap_before = True
        per_article[owner].append(chain)
    for chains_of in per_article:
        chains_of.sort(key=lambda c: (0 if c[0].after_title and not c[0].starts_mid else 1, pieces.index(c[0])))
    return per_article


def _draft(page: CleanPage, head: Head, chains: list[list[Piece]]) -> ArticleDraft:
    file = page.source.file
    order = [p for chain in chains for p in chain]
    sections: list[Section] = [Section(None, [])]
    spans: list[tuple[int, int]] = []
    seen: list[str] = []
    warnings: list[DataWarning] = []
    bylines = list(head.bylines)
    for n, piece in enumerate(order):
        spans.append((piece.blocks[0].line, piece.blocks[-1].end_line or piece.blocks[-1].line))
        bylines += piece.bylines
        if (piece.gap_before or (piece.starts_mid and piece.prev is None)) and \
                any(s.paragraphs for s in sections) and sections[-1].paragraphs[-1:] != [MISSING]:
            sections[-1].paragraphs.append(MISSING)
        glue = n > 0 and piece.prev is order[n - 1] and piece.glued and sections[-1].paragraphs \
            and piece.blocks[0].kind == BlockKind.PARAGRAPH
        for b in piece.blocks:
            if glue:
                # the sentence broken across the fragments is one paragraph again
                sections[-1].paragraphs[-1] += b.text
                seen[-1:] = [_squash(sections[-1].paragraphs[-1])]
                glue = False
                continue
            if b.kind == BlockKind.HEADING:
                sections.append(Section(b.text, []))
                continue
            key = _squash(b.text)
            if len(key) >= 12 and any(key in s for s in seen):
                continue  # a layout repeat of an earlier paragraph (or a piece of one)
            seen.append(key)
            sections[-1].paragraphs.append(b.text)
        if piece.ends_open and piece.next is None and n < len(order) - 1 and _is_sentence(piece.blocks[-1].text):
            sections[-1].paragraphs.append(MISSING)
    sections = [s for s in sections if s.paragraphs or s.heading]
    while sections and not sections[-1].paragraphs:
        sections.pop()  # a heading with nothing after it is not a section
    title = head.title
    if not title:
        first = next((p for s in sections for p in s.paragraphs if p != MISSING), "")
        title = _first_sentence(first)
        warnings.append(DataWarning(file, "no title found; the article is titled by its first sentence",
                                hint="add a title line above the article or a sidecar with title:",
                                line=order[0].blocks[0].line if order else None))
    captions = list(dict.fromkeys(c.lstrip(MARKER_CHARS) for c in head.captions))
    return ArticleDraft(source=file, title=title, sections=sections, subtitle=head.subtitle,
                        kicker=" / ".join(head.kicker), authors=parse_authors(bylines, head.credits),
                        captions=captions, fragments=len(order), lines=spans, warnings=warnings)


MARKER_CHARS = "▲△▼▽◀◁▶▷■□●◆◇★☆ "


def _first_sentence(text: str) -> str:
    m = re.match(r"(.+?[。！？!?])", text)
    sentence = (m.group(1) if m else text).rstrip("。！？!?")
    return sentence if len(sentence) <= 40 else sentence[:40] + "…"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- authors
def parse_authors(bylines: list[str], credits: list[str] = ()) -> list[str]:
    """Names from bylines: roles and media names dropped, spaced names joined
    (唐 曦 龙 青 谢 睿 黄雪晨 -> 唐曦 龙青 谢睿 黄雪晨: single characters pair up)."""
    names: list[str] = []
    for line in list(bylines) + [c for c in credits]:
        text = line.strip().strip("()（）")
        text = re.sub(r"[■□▲◀]", " ", text)
        text = re.sub(r"图[/／:：]\S+", " ", text)  # 图/xx提供: a photo source, not a person
        text = re.sub(r"\s*(摄影?|供图)$", "", text)
        text = _ROLE_WORDS.sub(" ", text)
        tokens = [t for t in text.split() if t and not _ORG.search(t)]
        tokens = [t for t in tokens if re.fullmatch(f"[{CJK}]{{1,4}}", t)]
        for name in _pair_singles(tokens):
            if 2 <= len(name) <= 4 and name not in names:
                names.append(name)
    return names


def _pair_singles(tokens: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if len(t) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1:
            out.append(t + tokens[i + 1])
            i += 2
            continue
        out.append(t)
        i += 1
    return out
