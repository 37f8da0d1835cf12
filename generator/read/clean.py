"""Turn a decoded page into Blocks: normalise punctuation, join column breaks, classify.

The text comes from PDF extraction of newspaper pages, so:
  * a paragraph may be split over several lines by column breaks (mid-word even);
  * titles, kickers, bylines, photo captions and credits sit among body paragraphs;
  * half-width , : ; ( ) ? ! and stray ASCII spaces appear inside Chinese text.

Each decision uses general signals (punctuation, length, position, word segmentation),
never the content of a particular page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.records import Block, BlockKind, CleanPage, Source, DataWarning
from generator.lexicon.words import Words

# ---------------------------------------------------------------- characters
CJK = r"\u3400-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")
FINAL = "。！？!?…；;"  # a unit ending in one of these finished its sentence
CLOSERS = "”’」』）)》】"
OPENERS = "“‘「『（(《【"
CONT_START = "，、；：。！？）》」』”’,;:)"  # a unit starting with one of these continues the previous
CONT_END = "，、；：,;:（(《「『“‘—-/·+"  # a unit ending with one of these is unfinished
# Characters that cannot end a heading: a line ending on them breaks mid-sentence.
FUNCTION_END = set("的是了和与及在将把对从向被让使以而并或也都又其之一个这那等为由于给跟同着得地且还")

HEADING_MAX = 32  # longest section heading / title seen in print, in characters
CAPTION_MAX = 60
MARKERS = "■□▲△▼▽◀◁▶▷●◆◇★☆"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

_SPACES = re.compile(r"[ \t\u00a0\u3000]+")
_FURNITURE = re.compile(
    r"^(责任编辑|本版编辑|编辑|版式|美编|校对|组版|值班编委|审读|责编|制图|版面设计)\s*[:：/|｜\s]"
    r"|^第?\s*[A-Z]?\d{1,3}\s*版"
    r"|^\d{4}年\d{1,2}月\d{1,2}日\s*(星期|周)[一二三四五六日天]"
    r"|^(星期|周)[一二三四五六日天]\s*\d{4}"
    r"|^[A-Z]\d{1,2}\s*[|｜]")
_CREDIT = re.compile(
    rf"^[{MARKERS}]?\s*(?:图[/／:：]\s*)?(?P<who>[^。！？!?，,]{{1,24}}?)\s*(?:/\s*)?(?:摄影?|供图|提供|图片由.{{1,16}}提供)$"
    rf"|^[{MARKERS}]?\s*图[/／:：]\s*\S{{2,24}}$")
_CREDIT_HEAD = re.compile(rf"^([{MARKERS}]\s*[{CJK}]{{2,4}}(?:\s+[{CJK}]{{2,4}})*\s*摄)(?=[^\s影])")
_CREDIT_TAIL = re.compile(rf"(?<=[。！？!?])\s*([{MARKERS}]?\s*[{CJK}]{{2,4}}(?:\s+[{CJK}]{{2,4}})*\s*摄|[{CJK}]{{2,16}}供图)$")
# A news dateline with its reporters opening the first paragraph: 本报讯（记者 张三 通讯员 李四）,
# 新华社北京10月1日电（记者 张三）, 本报长沙讯(记者 王五).
_DATELINE = re.compile(r"^((?:本报|[^\s（(，。]{1,12}?)(?:[^\s（(，。]{0,10}?)(?:讯|电)\s*[（(]\s*(?:特约)?(?:记者|通讯员|实习生)[^）)]{1,40}[）)])")
_CAPTION_OPENER = re.compile(r"^(图为|上图|下图|左图|右图|组图|图[:：])")
_ROLE = re.compile(r"(策划|统筹|撰文|文字|文图|图文|记者|通讯员|摄影|实习生|编者|主编|执笔|整理|文[/／:：]|图[/／:：]|■)")
_NAME_TOKEN = re.compile(rf"^[{CJK}]{{1,3}}$")
_PAREN_BYLINE = re.compile(rf"[(（]\s*((?:[{CJK}]{{1,4}}\s*){{1,8}})[)）]$")
_SUBTITLE = re.compile(r"^\s*(——|—|--|－－)\s*(?=\S)")
_KICKER = re.compile(rf"[{_CIRCLED}]|·\S{{1,6}}$|[篇]$|系列|之[一二三四五六七八九十]+$|[(（][一二三四五六七八九十]+[)）]$")
_BANNER = re.compile(r"^【[^【】]+】$")
# A caption that ends with its photographer in brackets: …开幕（张三 摄）/ …（记者 李四 摄影）.
_PAREN_CREDIT = re.compile(rf"[(（]\s*[^()（）。，]{{0,12}}?[{CJK}]{{2,4}}\s*摄影?\s*[)）]$")
_PHOTO_END = re.compile(r"(一角|现场|美景|夜色|全景|风光|风貌|掠影|剪影|留影|合影|航拍图?|鸟瞰|近景|远景|图|景色|一景|场景|风采|瞬间)[。.]?$")


# ---------------------------------------------------------------- units
@dataclass
class Unit:
    """One non-empty source line (or a piece split off a glued line) before joining."""

    text: str
    line: int
    end_line: int
    gap: int  # blank lines before it
    kind: BlockKind = BlockKind.PARAGRAPH
    heading_like: bool = False
    extra: dict = field(default_factory=dict)
    raw: str = ""  # the same text with punctuation as printed (same length as text)

    def __post_init__(self) -> None:
        if not self.raw or len(self.raw) != len(self.text):
            self.raw = self.raw if len(self.raw) == len(self.text) and self.raw else self.text

    def piece(self, start: int, end: int | None = None, **kw) -> "Unit":
        """A sub-unit text[start:end] (stripped), keeping the printed punctuation."""
        end = len(self.text) if end is None else end
        text, raw = self.text[start:end], self.raw[start:end]
        lead = len(text) - len(text.lstrip())
        text, raw = text.strip(), raw[lead:lead + len(text.strip())]
        return Unit(text, self.line, self.end_line, kw.pop("gap", self.gap), raw=raw, **kw)

    def append(self, other: "Unit", sep: str = "") -> None:
        self.text += sep + other.text
        self.raw += sep + other.raw
        self.end_line = other.end_line


def clean_source(source: Source, full_width: bool = True, words: Words | None = None) -> CleanPage:
    """Blocks of one page with their roles and source line numbers. `full_width=False`
    keeps half-width punctuation as printed (quotes then match the source verbatim)."""
    warnings: list[DataWarning] = []
    units = _units(source.text)
    units = _split_glued(units)
    for u in units:
        _classify_alone(u)
    units = _merge_bylines(units)
    units = _join_breaks(units, words or Words())
    _classify_in_context(units)
    blocks = [Block(kind=u.kind, text=_finish_text(u.text if full_width else u.raw, u.kind), line=u.line,
                    end_line=u.end_line) for u in units if u.text.strip()]
    if not any(b.kind == BlockKind.PARAGRAPH for b in blocks) and source.text.strip():
        warnings.append(DataWarning(source.file, "no body paragraphs found on the page",
                                hint="check that the file is the page's text, one paragraph per line"))
    return CleanPage(source=source, blocks=blocks, warnings=warnings)


def _units(text: str) -> list[Unit]:
    units: list[Unit] = []
    gap = 0
    for n, raw in enumerate(text.split("\n"), 1):
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            gap += 1
            continue
        units.append(Unit(normalize_punctuation(line), n, n, gap, raw=line))
        gap = 0
    return units


# ---------------------------------------------------------------- punctuation
_HALF_TO_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_RE = re.compile("[" + re.escape("".join(_HALF_TO_FULL)) + "]")


def normalize_punctuation(text: str) -> str:
    """Half-width , : ; ? ! ( ) in Chinese text -> full-width; ASCII kept in numbers/URLs/Latin."""
    # Only the half-width marks are visited (most paragraphs have none): every decision
    # reads the original text, so the order of visits does not matter.
    if not _HALF_RE.search(text) or not _CJK_RE.search(text):
        return text
    out = list(text)
    n = len(text)
    for i in (m.start() for m in _HALF_RE.finditer(text)):
        ch = text[i]
        prev = _neighbour(text, i, -1)
        nxt = _neighbour(text, i, +1)
        if ch in ",:" and prev.isdigit() and nxt.isdigit():
            continue  # 1,000  1:31.9  10:30
        if ch == ":" and text[i + 1:i + 3] == "//":
            continue  # URL scheme
        if ch in "()":
            if _paren_is_ascii(text, i):
                continue
        elif _is_ascii_word(prev) and (_is_ascii_word(nxt) or nxt in " " or i == n - 1) and not _is_cjk(nxt):
            continue  # Hello, world  /  Q&A?
        out[i] = _HALF_TO_FULL[ch]
    return "".join(out)


def _neighbour(text: str, i: int, step: int) -> str:
    j = i + step
    while 0 <= j < len(text) and text[j] == " ":
        j += step
    return text[j] if 0 <= j < len(text) else ""


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_RE.match(ch))


def _is_ascii_word(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalnum()


def _paren_is_ascii(text: str, i: int) -> bool:
    """Parentheses stay ASCII when they and their content sit in Latin/number context."""
    if text[i] == "(":
        close = text.find(")", i)
        inner = text[i + 1:close] if close > 0 else text[i + 1:]
        before = _neighbour(text, i, -1)
        after = _neighbour(text, close, +1) if close > 0 else ""
    else:
        open_ = text.rfind("(", 0, i)
        inner = text[open_ + 1:i] if open_ >= 0 else text[:i]
        before = _neighbour(text, open_, -1) if open_ >= 0 else ""
        after = _neighbour(text, i, +1)
    return not _CJK_RE.search(inner) and not _is_cjk(before) and not _is_cjk(after)


def remove_stray_spaces(text: str) -> str:
    """Drop ASCII spaces next to CJK characters or CJK punctuation; keep them between Latin words."""
    def keep(m: re.Match) -> str:
        a, b = text[m.start() - 1], text[m.end()]
        return " " if (a.isascii() and b.isascii()) else ""
    return re.sub(r"(?<=\S) +(?=\S)", keep, text)


def _finish_text(text: str, kind: BlockKind) -> str:
    text = text.strip()
    if kind in (BlockKind.TITLE, BlockKind.HEADING, BlockKind.SUBTITLE, BlockKind.KICKER):
        # A space in a title separates two phrases: keep exactly one, but not around CJK punctuation.
        text = re.sub(r" ?([，。、；：！？“”‘’（）《》「」]) ?", r"\1", text)
        return _SPACES.sub(" ", text)
    if kind in (BlockKind.BYLINE, BlockKind.CREDIT):
        return _SPACES.sub(" ", text)
    return remove_stray_spaces(text)


# ---------------------------------------------------------------- glued lines
def _split_glued(units: list[Unit]) -> list[Unit]:
    """Split credit+caption ('■俞琳 摄蒸水河边夕阳余晖。'), caption+credit ('…典范。张福芳 摄')
    and paragraph+byline ('…能力。(宋群 胡翔)') printed on one line."""
    out: list[Unit] = []
    for u in units:
        text = u.text
        m = _CREDIT_HEAD.match(text)
        if m and len(text) > m.end():
            out.append(u.piece(0, m.end(1), kind=BlockKind.CREDIT))
            u = u.piece(m.end(), gap=0)
            u.extra["after_credit"] = True
            text = u.text
        m = _CREDIT_TAIL.search(text)
        if m and m.start() > 0 and len(text) - len(m.group(1)) <= CAPTION_MAX:
            out.append(u.piece(0, m.start(), kind=BlockKind.CAPTION))
            out.append(u.piece(m.start(1), m.end(1), kind=BlockKind.CREDIT, gap=0))
            continue
        m = _DATELINE.match(text)
        # not when the line breaks right after it, inside the lead's first word (…）1 | 月10日)
        if m and len(text.rstrip()) > m.end() + 3:
            out.append(u.piece(0, m.end(), kind=BlockKind.BYLINE))
            u = u.piece(m.end(), gap=0)
            text = u.text
        m = _PAREN_BYLINE.search(text)
        if m and m.start() > 0 and text[m.start() - 1] in FINAL + CLOSERS and _names_only(m.group(1)):
            out.append(u.piece(0, m.start()))
            byline = u.piece(m.start(), kind=BlockKind.BYLINE, gap=0)
            byline.extra["closing"] = True
            out.append(byline)
            continue
        out.append(u)
    return out


# ---------------------------------------------------------------- classification
def _names_only(text: str) -> bool:
    """'邓华夫 张佳莹', '唐 曦 龙 青 谢 睿 黄雪晨': only 1-3 character CJK tokens."""
    tokens = text.split()
    if not tokens or len("".join(tokens)) < 2 or len("".join(tokens)) > 40:
        return False
    if not all(_NAME_TOKEN.match(t) for t in tokens):
        return False
    return len(tokens) >= 2 or len(tokens[0]) <= 3


_TRAILING_NOTE = re.compile(r"[（(][^（()）]*[)）]$")


def ends_finished(text: str) -> bool:
    t = text.rstrip()
    note = _TRAILING_NOTE.search(t)
    if note and note.start() > 0 and t[note.start() - 1] in FINAL:
        return True  # 俯瞰县城。（图片来源于…）: a note after a finished sentence
    while t and t[-1] in CLOSERS:
        t = t[:-1]
    return bool(t) and t[-1] in FINAL


def _classify_alone(u: Unit) -> None:
    """Role from the unit's own text only (context decides the rest)."""
    if u.kind != BlockKind.PARAGRAPH:
        return
    text = u.text
    if _FURNITURE.search(text):
        u.kind = BlockKind.FURNITURE
    elif len(text) <= 40 and _CREDIT.match(text) and not ends_finished(text):
        u.kind = BlockKind.CREDIT
    elif _BANNER.match(text) and len(text) <= 2 * HEADING_MAX:
        u.kind = BlockKind.KICKER  # 【…专栏名…】 over a title: a series banner, never the title
    elif _PAREN_CREDIT.search(text) and len(text) <= CAPTION_MAX + 20:
        u.kind = BlockKind.CAPTION
    elif _SUBTITLE.match(text) and len(text) <= 80 and not ends_finished(text):
        u.kind = BlockKind.SUBTITLE
    elif text[0] in MARKERS and _ROLE.search(text[1:]) and len(text) <= 120:
        u.kind = BlockKind.BYLINE
    elif text[0] in MARKERS and len(text) <= CAPTION_MAX + 2:
        u.kind = BlockKind.CAPTION
    elif _is_byline(text):
        u.kind = BlockKind.BYLINE
        u.extra["closing"] = text[0] in "(（"
    elif len(text) <= HEADING_MAX and not ends_finished(text) and not text.endswith(("，", "、", "；")) \
            and not re.search("[。！？!?]", text):
        u.heading_like = True


def _is_byline(text: str) -> bool:
    m = _PAREN_BYLINE.fullmatch(text) if text[:1] in "(（" else None
    if m:
        return _names_only(m.group(1)) or bool(_ROLE.search(m.group(1)))
    if ends_finished(text) or len(text) > 60:
        return False
    if _names_only(text):
        return True
    # 策划 刘著章 / 撰文 衡阳日报全媒体记者 / 记者 张三 通讯员 李四
    words = text.replace("/", " ").replace("／", " ").split()
    return bool(_ROLE.search(text[:8])) and len(words) >= 2 and "，" not in text


def _merge_bylines(units: list[Unit]) -> list[Unit]:
    """A byline printed over several lines (one role per line) is one block; a lone short
    name line between byline lines belongs to it."""
    out: list[Unit] = []
    for i, u in enumerate(units):
        prev = out[-1] if out else None
        lone_name = (prev is not None and prev.kind == BlockKind.BYLINE and u.gap == 0
                     and _names_only(u.text) and u.kind in (BlockKind.PARAGRAPH, BlockKind.BYLINE))
        if prev is not None and prev.kind == BlockKind.BYLINE and u.gap == 0 and (u.kind == BlockKind.BYLINE or lone_name):
            prev.append(u, " ")
            continue
        if lone_name:
            u.kind = BlockKind.BYLINE
        out.append(u)
    return out


# ---------------------------------------------------------------- column breaks
def continues(a: str, b: str, words: Words, column_width: int = 0) -> bool:
    """Does text b continue the unfinished sentence at the end of a?"""
    if not a or not b or ends_finished(a):
        return False
    if b[0] in CONT_START:
        return True
    if a[-1] in CONT_END:
        return True
    if a[-1] in FUNCTION_END:
        return True
    if a[-1].isdigit() and (b[0].isdigit() or b[0] in "%.万亿千百元个吨米年月日平"):
        return True
    if bracket_bridge(a, b):
        return True
    if words.crosses(a, b):
        return True
    # Without evidence a long unfinished line stays apart: the split stage pairs it with
    # whichever fragment of the page continues it (or marks the text as missing).
    return bool(column_width) and len(a) >= column_width - 3


_PAIRS = ("“”", "《》", "（）", "「」", "‘’", "『』")


def bracket_bridge(a: str, b: str) -> bool:
    """a leaves a bracket open that b closes before opening one: '《中华人民共和国' | '森林法》'."""
    for o, c in _PAIRS:
        if a.count(o) > a.count(c):
            head = b[:40]
            i = head.find(c)
            if i >= 0 and head.find(o, 0, i) < 0:
                return True
    return False


def _column_width(units: list[Unit]) -> int:
    """Width of printed column lines when the extraction kept them: runs of three or more
    consecutive unfinished lines of nearly the same length. 0 when the page prints one
    paragraph per line (headings alone never form such runs)."""
    in_runs: list[int] = []
    run: list[int] = []
    for u in units + [Unit("。", 0, 0, 0)]:
        n = len(u.text)
        if u.kind == BlockKind.PARAGRAPH and not ends_finished(u.text) and n >= 18 \
                and (not run or abs(n - run[-1]) <= 4):
            run.append(n)
            continue
        if len(run) >= 3:
            in_runs += run
        run = [n] if u.kind == BlockKind.PARAGRAPH and not ends_finished(u.text) and n >= 18 else []
    if len(in_runs) < 6:
        return 0
    in_runs.sort()
    return in_runs[len(in_runs) // 4]  # lower quartile: short column lines still count


def _joinable(u: Unit) -> bool:
    return u.kind == BlockKind.PARAGRAPH


def _join_breaks(units: list[Unit], words: Words) -> list[Unit]:
    width = _column_width(units)
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if prev is not None and _joinable(prev) and _joinable(u):
            if _split_heading(prev, u):
                prev.append(u)
                prev.extra["heading"] = True
                continue
            if not prev.extra.get("heading") and continues(prev.text, u.text, words, width) \
                    and not (prev.heading_like and not _strong_continuation(prev.text, u.text, words, width)) \
                    and not (u.heading_like and not _joins_heading_like(prev.text, u.text, words, width)):
                prev.append(u, " " if _glue(prev.text, u.text) != prev.text + u.text else "")
                prev.heading_like = False
                continue
        out.append(u)
    return out


def _strong_continuation(a: str, b: str, words: Words, column_width: int = 0) -> bool:
    """A short line may be a heading; only join it when the break is unmistakable."""
    return ((column_width and len(a) >= column_width - 3) or b[0] in CONT_START + "（(" or a[-1] in CONT_END or a[-1] in FUNCTION_END or words.crosses(a, b)
            or bracket_bridge(a, b) or (a[-1].isdigit() and b[0].isdigit()))


def _joins_heading_like(a: str, b: str, words: Words, column_width: int) -> bool:
    """A short unfinished line after an unfinished paragraph is usually a heading or the
    next article's title; join only on evidence inside the words themselves."""
    return bool((column_width and len(a) >= column_width - 3) or b[0] in CONT_START
                or words.crosses(a, b) or bracket_bridge(a, b))


def _split_heading(a: Unit, b: Unit) -> bool:
    """'聚力惠民生：' + '回应群众期盼，打造幸福样本' is one heading printed on two lines."""
    return (a.text[-1] in "：:" and len(a.text) <= 12 and b.heading_like and len(a.text) + len(b.text) <= 40)


def _glue(a: str, b: str) -> str:
    if a[-1:].isascii() and a[-1:].isalnum() and b[:1].isascii() and b[:1].isalpha():
        return a + " " + b
    return a + b


# ---------------------------------------------------------------- context
def _classify_in_context(units: list[Unit]) -> None:
    """Titles, kickers, subtitles, headings and unmarked captions from their neighbours."""
    for u in units:
        if u.kind == BlockKind.PARAGRAPH and (u.heading_like or u.extra.get("heading")):
            u.kind = BlockKind.HEADING
    _captions(units)
    _titles(units)


def _is_paragraph(u: Unit | None) -> bool:
    return u is not None and u.kind == BlockKind.PARAGRAPH


def _captions(units: list[Unit]) -> None:
    typical_gap = _typical_gap(units)
    bodies = [u.text for u in units if u.kind == BlockKind.PARAGRAPH and len(u.text) > CAPTION_MAX]
    for i, u in enumerate(units):
        if u.kind != BlockKind.PARAGRAPH:
            continue
        text = u.text
        if len(text) > CAPTION_MAX or not ends_finished(text) or _sentences(text) > 1:
            continue
        prev = units[i - 1] if i else None
        nxt = units[i + 1] if i + 1 < len(units) else None
        credit_near = (prev is not None and prev.kind == BlockKind.CREDIT and u.extra.get("after_credit")) or \
            (nxt is not None and nxt.kind == BlockKind.CREDIT)
        isolated = u.gap > typical_gap
        between_furniture = len(text) <= 30 and (prev is None or (
            prev.kind in (BlockKind.BYLINE, BlockKind.TITLE, BlockKind.SUBTITLE) and not prev.extra.get("closing"))) \
            and (nxt is None or nxt.kind in (BlockKind.HEADING, BlockKind.CAPTION, BlockKind.TITLE, BlockKind.KICKER,
                                             BlockKind.CREDIT))
        short_clause = len(text) <= 30 and "，" not in text
        if _CAPTION_OPENER.match(text):  # 图为… / 上图： is how captions announce themselves
            u.kind = BlockKind.CAPTION
            continue
        repeats_body = len(text) <= 45 and not (_is_paragraph(prev) and _is_paragraph(nxt) and u.gap <= typical_gap) \
            and _repeats_body_start(text, bodies)
        if credit_near or repeats_body or between_furniture \
                or (isolated and (short_clause or _PHOTO_END.search(text))) \
                or (short_clause and _PHOTO_END.search(text) and (u.gap > typical_gap or not _is_paragraph(nxt)
                                                                  or not _is_paragraph(prev))):
            u.kind = BlockKind.CAPTION


def _typical_gap(units: list[Unit]) -> int:
    gaps = [u.gap for u in units[1:]]
    if not gaps:
        return 1
    return max(set(gaps), key=gaps.count)


def _sentences(text: str) -> int:
    return len([s for s in re.split(r"[。！？!?]", text) if s.strip("”’」』） ")])


def _repeats_body_start(text: str, bodies: list[str]) -> bool:
    """A caption often repeats the opening of a body sentence and then stops or diverges:
    '…岳塘区。' vs '…岳塘区，正以…'. An identical full sentence is a layout repeat, not a caption."""
    core = text.rstrip("。！？!?")
    if len(core) < 12:
        return False
    for body in bodies:
        for sentence in re.split(r"(?<=[。！？!?])", body):
            k = _common_prefix(core, sentence)
            if k >= 12 and k >= len(core) * 0.4:
                if k == len(core) and sentence[k:k + 1] in ("。", "！", "？", "!", "?", ""):
                    continue  # the same sentence: a repeat
                return True
            j = sentence.find(core)
            if j > 0 and sentence[j + len(core):j + len(core) + 1] not in ("。", "！", "？", "!", "?", ""):
                return True
    return False


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def _titles(units: list[Unit]) -> None:
    """Promote headings to titles (and neighbours to kickers/subtitles) by position:
    a heading right before a —— subtitle or a byline, the first heading of the page,
    a heading after a closing byline, or one that interrupts an unfinished paragraph."""
    n = len(units)
    seen_paragraph = False
    for i, u in enumerate(units):
        if u.kind == BlockKind.PARAGRAPH:
            seen_paragraph = True
        if u.kind != BlockKind.HEADING:
            continue
        nxt = _next_significant(units, i)
        prev = _prev_significant(units, i)
        if nxt is not None and nxt.kind in (BlockKind.SUBTITLE, BlockKind.BYLINE) and not nxt.extra.get("closing"):
            u.kind = BlockKind.TITLE
        elif prev is not None and prev.kind == BlockKind.BYLINE and prev.extra.get("closing"):
            u.kind = BlockKind.TITLE
        elif not seen_paragraph and not any(x.kind == BlockKind.TITLE for x in units[:i]):
            # first heading of the page: a title unless a later head-zone line is the title
            zone_title = _zone_has_title(units, i)
            if not zone_title:
                u.kind = BlockKind.TITLE
    _title_blocks(units)


def _title_blocks(units: list[Unit]) -> None:
    """Inside a title block (headings stacked around a title before the body): with a ——
    subtitle, the line right above it is the title and the lines above that are kickers;
    otherwise series-looking lines (②, ·科技篇) are kickers, the first other line is the
    title and a heading after it (or after the byline) is the subtitle."""
    n = len(units)
    for i, u in enumerate(units):
        if u.kind != BlockKind.TITLE:
            continue
        # collect the block: headings/kickers above, up to the first paragraph below
        start = i
        while start > 0 and units[start - 1].kind in (BlockKind.HEADING, BlockKind.KICKER, BlockKind.FURNITURE):
            start -= 1
        if start > 0 and units[start - 1].kind == BlockKind.PARAGRAPH and not _before_title_zone(units, start):
            # headings right after body text are that article's sections, not kickers
            while start < i and units[start].kind == BlockKind.HEADING and not _KICKER.search(units[start].text):
                start += 1
        above = [units[j] for j in range(start, i) if units[j].kind in (BlockKind.HEADING, BlockKind.KICKER)]
        nxt = _next_significant(units, i)
        if nxt is not None and nxt.kind == BlockKind.SUBTITLE:
            for a in above:
                a.kind = BlockKind.KICKER
            continue
        stack = above + [u]
        title_at = next((k for k, a in enumerate(stack) if a.kind != BlockKind.KICKER and not _KICKER.search(a.text)),
                        len(stack) - 1)
        for k, a in enumerate(stack):
            a.kind = BlockKind.KICKER if k < title_at else (BlockKind.TITLE if k == title_at else BlockKind.SUBTITLE)
        if title_at < len(stack) - 1:
            continue
        # one heading after the title or its byline, before the body: the subtitle
        k = i + 1
        while k < n and units[k].kind in (BlockKind.BYLINE, BlockKind.CAPTION, BlockKind.CREDIT, BlockKind.FURNITURE):
            k += 1
        if k < n and units[k].kind == BlockKind.HEADING and units[k - 1].kind in (BlockKind.TITLE, BlockKind.BYLINE):
            nk = _next_significant(units, k)
            if nk is None or nk.kind == BlockKind.PARAGRAPH:
                units[k].kind = BlockKind.SUBTITLE


def _zone_has_title(units: list[Unit], i: int) -> bool:
    for u in units[i + 1:]:
        if u.kind == BlockKind.PARAGRAPH:
            return False
        if u.kind in (BlockKind.SUBTITLE, BlockKind.BYLINE) and not u.extra.get("closing"):
            return True
    return False


def _before_title_zone(units: list[Unit], j: int) -> bool:
    """A heading above a title with no paragraph in between belongs to the title block."""
    return not any(u.kind == BlockKind.PARAGRAPH for u in units[:j]) or (
        j > 0 and units[j - 1].kind in (BlockKind.BYLINE, BlockKind.KICKER))


def _next_significant(units: list[Unit], i: int) -> Unit | None:
    for u in units[i + 1:]:
        if u.kind not in (BlockKind.FURNITURE, BlockKind.CAPTION, BlockKind.CREDIT):
            return u
    return None


def _prev_significant(units: list[Unit], i: int) -> Unit | None:
    for u in reversed(units[:i]):
        if u.kind not in (BlockKind.FURNITURE, BlockKind.CAPTION, BlockKind.CREDIT):
            return u
    return None
