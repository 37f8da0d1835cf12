"""Walk a page once into title blocks (Heads) and runs of body text (Pieces)."""

from __future__ import annotations

import re

from generator.lexicon.text import BRACKET_PAIRS, CONT_START, DASH, FUNCTION_START, HAN, SENTENCE_END, ends_finished
from generator.read.clean.lines import HEADING_MAX
from generator.read.split.pieces import Head, Piece
from generator.read.split.subjects import Subjects, key_terms
from generator.records import Block, BlockKind


def segment(blocks: list[Block], subjects: Subjects) -> tuple[list[Head], list[Piece]]:
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
    return b.kind == BlockKind.PARAGRAPH and len(b.text) > HEADING_MAX and bool(re.search(f"[{SENTENCE_END}]", b.text))


def _headline_shape(b: Block) -> bool:
    """One printed line, not a sentence: no sentence or clause punctuation inside."""
    t = b.text
    return (b.end_line or b.line) == b.line and 4 <= len(t) <= 2 * HEADING_MAX and not re.search(f"[{SENTENCE_END}，；;]", t)


def _opens_article_after(blocks: list[Block], i: int) -> bool:
    """The block after i (captions and credits aside) is a body paragraph, or a non-closing
    byline followed by one: what follows a headline or a reporter line."""
    rest = [b for b in blocks[i + 1:] if b.kind not in (BlockKind.CAPTION, BlockKind.CREDIT)]
    if rest and blocks[i].kind != BlockKind.BYLINE and rest[0].kind == BlockKind.BYLINE \
            and rest[0].text[:1] not in "(（":
        return len(rest) > 1 and rest[1].kind == BlockKind.PARAGRAPH
    return bool(rest) and rest[0].kind == BlockKind.PARAGRAPH and blocks[i].kind == BlockKind.BYLINE


def one_char_clause(text: str) -> bool:
    """'上,该区…': a clause of one character cannot open a paragraph; it ends a word cut off before."""
    return len(text) > 2 and bool(re.match(f"[{HAN}]", text[0])) and text[1] in "，,、；;"


def _looks_mid(block: Block) -> bool:
    """Text that cannot open a paragraph: a comma, a closing bracket before any opening one."""
    if block.kind != BlockKind.PARAGRAPH:
        return False
    t = block.text
    if t[:1] in CONT_START or t[:1] in FUNCTION_START or one_char_clause(t):
        return True
    head = t[:40]
    for o, c in BRACKET_PAIRS:
        i = head.find(c)
        if i >= 0 and head.find(o, 0, i) < 0:
            return True
    return False


def _strip_dash(text: str) -> str:
    return DASH.sub("", text).strip()


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
