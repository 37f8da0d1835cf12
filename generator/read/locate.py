"""Give each article its region (the unit it is about) and year, with the evidence.

Region: mentions of administrative units are weighed by where they occur (title >
subtitle/kicker > lead > body). Mentions inside a byline-like media name (衡阳日报全媒体记者)
do not count. An institution named after a place (常德市第二人民医院, 绥宁县人民检察院)
counts for that place. A county mentioned with its city (衡阳市蒸湘区) is the county.
An alias shared by several units is resolved by the parents named nearby.

Year: explicit years in the text (2025年, 2021—2025年, "十四五"收官...), preferring the
latest year that is not in the future of the page; else the page's other articles.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace

from generator.lexicon import numerals
from generator.lexicon.gazetteer import Gazetteer, Mention
from generator.lexicon.newsroom import NEWSROOM
from generator.lexicon.text import alternation
from generator.ids import stable_id
from generator.records import UNKNOWN_REGION, Article, ArticleDraft, Region, Source, DataWarning

# Where a mention sits, and how much it says about the subject.
W_TITLE, W_SUBTITLE, W_LEAD, W_HEADING, W_BODY = 10.0, 6.0, 3.0, 2.0, 1.0
LEAD_PARAGRAPHS = 2
# The winner must lead every unrelated candidate by this share of its score, else a warning.
REGION_MARGIN = 0.25
WEAK_REPEATS = 3  # a common-word name, the only place named and in the title, counts this often
_MEDIA = re.compile(f"({alternation(NEWSROOM.media)})")
_INSTITUTION = re.compile(rf"^(第[一二三四五六七八九十]+)?({alternation(NEWSROOM.institutions)}|"
                          rf"[^\s，。]{{0,8}}?({alternation(NEWSROOM.institution_endings)}))")
_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d{2})(?:\s*[—–\-~至到]\s*((?:19|20)\d{2}))?\s*年(?!代)")
_PLAN_END = re.compile(f"“?({alternation(tuple(NEWSROOM.five_year_plans))})”?(?:规划)?(?:的)?"
                       f"(?:{alternation(NEWSROOM.plan_closing)})")
# "10年来 … 从2012年 …" in one sentence: the sentence is written 10 years after 2012.
_YEARS_SINCE = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})年来")
_FROM_YEAR = re.compile(r"从((?:19|20)\d{2})年")
_SENTENCE = re.compile(r"[^。！？!?]+")
# 到2030年 is a target, but 增长到2024年 / 提高到 / 达到 report a result.
_FUTURE = re.compile(rf"((?<![长高升加大少降增达])到|{alternation(NEWSROOM.target_words)})[^。，；]{{0,3}}$")


def locate_articles(drafts: list[ArticleDraft], gazetteer: Gazetteer, source: Source) -> list[Article]:
    """Articles with region, year and id; never drops an article. The drafts given are not
    changed: an article's draft is a new record carrying locate's warnings after split's."""
    settled = bool(_sidecar(source, "region"))
    notes: list[list[DataWarning]] = [[] for _ in drafts]  # per draft, what locate has to say
    articles: list[Article] = []
    for draft, note in zip(drafts, notes):
        region, region_evidence, rivals = choose_region(draft, gazetteer)
        if rivals and not settled:
            note.append(_uncertain_region(source.file, draft, region, rivals))
        year, year_evidence = find_year(draft)
        articles.append(Article(id="", draft=draft, region=region, year=year, year_evidence=year_evidence,
                                region_evidence=region_evidence))
    articles, override_notes = _apply_override(_years_from_page(articles), gazetteer, source)
    if notes:
        notes[0] += override_notes
    located: list[Article] = []
    for article, note in zip(articles, notes):
        draft = article.draft
        first = next((p for p in draft.paragraphs), "")
        article_id = stable_id(source.file, draft.title, first)
        if article.region == UNKNOWN_REGION:
            line = draft.lines[0][0] if draft.lines else None
            note.append(DataWarning(
                source.file, f"no region found for article “{draft.title}”",
                hint=f"add region: <name> to {_sidecar_name(source.file)} if the article is about one place",
                line=line))
        if note:
            draft = replace(draft, warnings=[*draft.warnings, *note])
        located.append(replace(article, draft=draft, id=article_id, url=f"articles/{article_id}/"))
    return located


def _sidecar(source: Source, key: str):
    """One sidecar value (seeds/NAME.yml), None when absent: the one place locate reads it."""
    return (source.override or {}).get(key)


def _uncertain_region(file: str, draft: ArticleDraft, region: Region, rivals: list[Region]) -> DataWarning:
    known = [region] if region != UNKNOWN_REGION else []
    names = "、".join(r.label for r in known + rivals[:4])
    return DataWarning(file, f"region of “{draft.title}” is a guess between {names} (chose {region.name})",
                   hint=f"add the line `region: {(known + rivals)[0].label}` (or one of the others) to "
                        f"{_sidecar_name(file)}",
                   line=draft.lines[0][0] if draft.lines else None)


def _sidecar_name(file: str) -> str:
    stem = file.rsplit(".", 1)[0]
    return f"{stem}.yml"


# ---------------------------------------------------------------- region
def find_region(draft: ArticleDraft, gazetteer: Gazetteer) -> tuple[Region, str]:
    """The county-level or higher unit the article is about, with a short evidence string."""
    region, evidence, _ = choose_region(draft, gazetteer)
    return region, evidence


def choose_region(draft: ArticleDraft, gazetteer: Gazetteer) -> tuple[Region, str, list[Region]]:
    """find_region, plus the rivals: unrelated units scored too close to the winner to tell
    them apart (empty when the choice is clear)."""
    scores: dict[Region, float] = defaultdict(float)
    evidence: dict[Region, list[str]] = defaultdict(list)
    parts: list[tuple[str, float]] = [(draft.title, W_TITLE), (draft.subtitle, W_SUBTITLE), (draft.kicker, W_SUBTITLE)]
    paragraphs = draft.paragraphs
    for i, p in enumerate(paragraphs):
        parts.append((p, W_LEAD if i < LEAD_PARAGRAPHS else W_BODY))
    parts += [(h, W_HEADING) for h in draft.headings]
    parts += [(c, W_BODY * 0.5) for c in draft.captions]
    all_mentions = [(m, w, text) for text, w in parts for m in gazetteer.scan(text)]
    named = _names_present(all_mentions)
    full_names = {m.text for m, _, _ in all_mentions if m.full and not m.weak}
    # a common word (振兴, 老城) may still be the subject: the only place named, in the title
    # and again and again in the text (乡村振兴 six times in the body alone is not enough)
    only_weak = all(m.weak for m, _, _ in all_mentions)
    weak_counts = Counter(m.text for m, _, _ in all_mentions if m.weak)
    weak_titled = {m.text for m, w, _ in all_mentions if m.weak and w >= W_SUBTITLE}
    unresolved: dict[str, float] = {}  # full names shared by several units, no parent named
    shared: dict[str, tuple[Region, ...]] = {}
    for m, weight, text in all_mentions:
        unit = _resolve(m, named, gazetteer)
        if unit is None:
            if m.full and not m.weak and not _in_media_name(text, m):
                unresolved[m.text] = unresolved.get(m.text, 0.0) + weight  # 新华区 of which city?
                shared[m.text] = m.units
            continue
        if _in_media_name(text, m):
            continue
        w = weight * (1.0 if m.full else 0.8)
        if m.weak and not (_backed(unit, named) or unit.name in full_names
                           or (only_weak and m.text in weak_titled and weak_counts[m.text] >= WEAK_REPEATS)):
            continue
        if not m.full and unit.name not in full_names and not _backed(unit, named):
            # A bare short name (老城, 南山) that the article never confirms with the full
            # name or the parent unit is as likely an ordinary word as a place.
            w *= 0.3
        follower = _following_county(text, m, gazetteer)
        if follower is not None:
            unit = follower  # 衡阳市蒸湘区: the county is the subject
        if _INSTITUTION.match(text[m.end:m.end + 14]):
            w *= 1.5  # 常德市第二人民医院 / 绥宁县人民检察院: the institution's home unit
        scores[unit] += w
        if len(evidence[unit]) < 3:
            evidence[unit].append(_context(text, m))
    top_shared = max(unresolved, key=lambda n: (unresolved[n], n), default="")
    if not scores:
        return UNKNOWN_REGION, "", list(shared.get(top_shared, ()))
    _credit_children(scores, gazetteer)
    best = max(scores, key=lambda r: (scores[r], _level_rank(r)))
    if best.level == "province" and len(scores) > 1:
        # a province is the subject only when nothing below it is named about as often
        lower = [r for r in scores if r.level != "province" and r.province == best.name]
        if lower:
            alt = max(lower, key=lambda r: scores[r])
            if scores[alt] >= scores[best] * 0.5:
                best = alt
    titled = {u.name for m, w, _ in all_mentions if w >= W_SUBTITLE for u in m.units}
    rivals = sorted((r for r in scores if r != best and not _related(r, best)
                     and (best.name not in titled or r.name in titled)
                     and scores[r] >= scores[best] * (1 - REGION_MARGIN)), key=lambda r: (-scores[r], r.code))
    if top_shared and unresolved[top_shared] >= scores[best] * (1 - REGION_MARGIN):
        # a name the text repeats but does not place (新华区 in three cities) outweighs the
        # rest: the subject is one of its units, and which one only a sidecar can say
        candidates = [r for r in shared[top_shared] if r != best]
        if unresolved[top_shared] > scores[best]:
            return UNKNOWN_REGION, "", candidates + [best]
        rivals += candidates
    return best, "；".join(evidence[best]) or best.name, rivals


def _related(a: Region, b: Region) -> bool:
    """One contains the other (a county and its city or province)."""
    return a.name in (b.city, b.province) or b.name in (a.city, a.province)


def _level_rank(r: Region) -> int:
    return {"county": 2, "city": 1, "province": 0}.get(r.level, -1)


def _names_present(mentions: list[tuple[Mention, float, str]]) -> set[str]:
    """Units the text itself names. A name never brings in its parents: 老城区 the phrase
    must not make 洛阳市 and 河南省 present; a parent counts when the text writes it."""
    names: set[str] = set()
    for m, _, _ in mentions:
        # An ambiguous name (南山区: 深圳 or 鹤岗) says nothing about which parent is meant.
        if not m.weak and len(m.units) == 1:
            names.add(m.units[0].name)
    return names


def _resolve(m: Mention, named: set[str], gazetteer: Gazetteer) -> Region | None:
    """One unit for a mention: unique, or the candidate whose parent is named in the article."""
    if len(m.units) == 1:
        return m.units[0]
    backed = [u for u in m.units if (u.city and u.city in named and u.city != u.name) or
              (u.province in named and u.province != u.name)]
    if len(backed) == 1:
        return backed[0]
    return None


def _backed(unit: Region, named: set[str]) -> bool:
    return (unit.city and unit.city != unit.name and unit.city in named) or \
        (unit.level == "city" and unit.province in named)


def _in_media_name(text: str, m: Mention) -> bool:
    """衡阳日报全媒体记者 / 蒸湘区融媒体中心: a media outlet's home, not the subject."""
    return bool(_MEDIA.match(text[m.end:m.end + 8]))


def _following_county(text: str, m: Mention, gazetteer: Gazetteer) -> Region | None:
    """衡阳市蒸湘区: a city immediately followed by one of its counties means the county."""
    if m.unit is None or m.unit.level not in ("city", "province"):
        return None
    for nxt in gazetteer.scan(text[m.end:m.end + 12])[:1]:
        if nxt.start != 0:
            continue
        # The parent right before an ambiguous name picks the unit: 深圳市南山区, not 鹤岗's.
        inside = [u for u in nxt.units if u.level != "province" and u != m.unit
                  and (u.city == m.unit.name or u.province == m.unit.name)]
        if len(inside) != 1:
            continue
        unit = inside[0]
        follow = gazetteer.scan(text[m.end + nxt.end:m.end + nxt.end + 12])[:1]
        if follow and follow[0].start == 0:
            below = [u for u in follow[0].units if u.city == unit.name]
            if len(below) == 1:
                return below[0]
        return unit
    return None


def _credit_children(scores: dict[Region, float], gazetteer: Gazetteer) -> None:
    """A county's mentions also speak for nothing above it, but a city named alongside
    its own dominant county should not win: give a county half its city's score when the
    county is named more often than any sibling (all of it when no sibling is named: the
    city is then only the county's wider setting, 郴州市 around 资兴市)."""
    for r in list(scores):
        if r.level != "county" or not r.city:
            continue
        city = next((c for c in scores if c.name == r.city and c.level == "city"), None)
        if city is None:
            continue
        siblings = [s for s in scores if s.level == "county" and s.city == r.city and s != r]
        if all(scores[r] > scores[s] * 2 for s in siblings) and scores[r] >= scores[city] * 0.4:
            scores[r] += scores[city] * (0.5 if siblings else 1.0)


def _context(text: str, m: Mention) -> str:
    start = max(0, m.start - 8)
    return text[start:m.end + 8].replace("\n", " ")


# ---------------------------------------------------------------- year
def find_year(draft: ArticleDraft) -> tuple[int | None, str]:
    """The year the article reports on: the latest explicit year in its text, or the end
    year of a five-year plan said to be closing ("十四五"收官)."""
    texts = [draft.title, draft.subtitle, draft.kicker] + draft.paragraphs + draft.captions
    best: tuple[int, str] | None = None
    for text in texts:
        for m in _YEAR.finditer(text):
            if _FUTURE.search(text[max(0, m.start() - 6):m.start()]):
                continue  # 到2030年 / 力争2027年: a target, not the time of writing
            year = int(m.group(2) or m.group(1))
            if best is None or year > best[0]:
                best = (year, _around(text, m.start(), m.end()))
        for year, evidence in _years_since(text):
            if best is None or year > best[0]:
                best = (year, evidence)
        for m in _PLAN_END.finditer(text):
            year = NEWSROOM.five_year_plans[m.group(1)][1]
            if best is None or year > best[0]:
                best = (year, _around(text, m.start(), m.end()))
    if best is None:
        return None, ""
    return best[0], best[1]


def _years_since(text: str) -> list[tuple[int, str]]:
    """Years implied by "N年来" next to "从YYYY年" in the same sentence (a look back)."""
    found = []
    if "年来" not in text or "从" not in text:
        return found  # (both patterns need these words: most texts have neither)
    for sentence in _SENTENCE.findall(text):
        span, start = _YEARS_SINCE.search(sentence), _FROM_YEAR.search(sentence)
        if not (span and start):
            continue
        n = numerals.value(span.group(1))
        if n is None:
            continue
        found.append((int(start.group(1)) + int(n), f"{span.group(0)}…{start.group(0)}"))
    return found


def _around(text: str, start: int, end: int) -> str:
    return text[max(0, start - 10):end + 10]


def _years_from_page(articles: list[Article]) -> list[Article]:
    """A page is one issue of a newspaper: its articles share the publication year, which
    is at least the latest year any of them states. An article with an older (or no)
    year takes the page's, with the other article's evidence."""
    known = [a for a in articles if a.year]
    if not known:
        return articles
    latest = max(known, key=lambda a: a.year)
    return [replace(a, year=latest.year, year_evidence=f"同版稿件《{latest.title}》：{latest.year_evidence}"
                                                       + (f"；本文最晚年份{a.year}" if a.year else ""))
            if not a.year or a.year < latest.year else a
            for a in articles]


def _apply_override(articles: list[Article], gazetteer: Gazetteer,
                    source: Source) -> tuple[list[Article], list[DataWarning]]:
    """A sidecar NAME.yml (title, region, year; checked by sidecar.py) wins over what the text
    says. Returns the articles and the warnings about the sidecar."""
    sidecar = source.sidecar
    if sidecar is None:
        return articles, []
    evidence = f"sidecar {sidecar.file}"
    region = _sidecar_region(sidecar.region, gazetteer) if sidecar.region else None
    warnings: list[DataWarning] = []
    if sidecar.region and region is None and articles:
        warnings.append(DataWarning(
            source.file, f"sidecar {sidecar.file}: region “{sidecar.region}” is not a unit of the gazetteer "
            "(or its parents do not match); ignored",
            hint="use the full official name, e.g. 某某区, or 省 市 区县 with that unit's own province and city"))
    overridden: list[Article] = []
    for a in articles:
        if sidecar.title and len(articles) == 1:
            a = replace(a, draft=replace(a.draft, title=sidecar.title))
        if region is not None:
            a = replace(a, region=region, region_evidence=evidence)
        if sidecar.year is not None:
            a = replace(a, year=sidecar.year, year_evidence=evidence)
        overridden.append(a)
    return overridden, warnings


def _sidecar_region(text: str, gazetteer: Gazetteer) -> Region | None:
    """The unit a sidecar names: "蒸湘区", or "湖南省 衡阳市 蒸湘区" whose parents must all be its own."""
    *parents, name = text.split()
    region = gazetteer.get(name, within=parents[-1] if parents else "")
    if region is None:
        return None
    own = [p for p in (region.province, region.city) if p]
    if all(any(p == o or (len(p) >= 2 and o.startswith(p)) for o in own) for p in parents):
        return region
    return None
