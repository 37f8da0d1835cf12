"""National gazetteer of province / city / county units, with a fast mention scan.

Units come from generator/data/gazetteer.tsv (gazetteer_data.py), read through the tables
compiled from it (gazetteer_tables.py: slugs, aliases, common words). A mention found by its
full official name (蒸湘区) is strong; one found by its alias (蒸湘) is weaker, and an alias
that is also an ordinary word (中方 "the Chinese side", 资源 "resources") never counts on its
own: the scan marks it `weak` so that callers only use it when a parent or child unit backs it up.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.lexicon.gazetteer_data import DATA_FILE, read_tree
from generator.lexicon.gazetteer_tables import TABLES_FILE, read_tables
from generator.lexicon.memo import Memo
from generator.lexicon.pinyin import Spelling, spelling_table
from generator.lexicon.text import ZONE_ENDINGS, alternation, split_region_suffix
from generator.ids import ascii_slug
from generator.records import Region
from generator.lexicon.words import Words

# Admin codes ending 71-79 are development zones and parks (高新区, 经开区), not
# administrative units; 直辖 entries are placeholders for units directly under a province.
_ZONE_CODE = re.compile(r"^\d{4}7\d$")
_PLACEHOLDER = "直辖"
_ZONE_NAME = re.compile(f"({alternation(ZONE_ENDINGS)})$")
# Aliases that jieba knows as ordinary words this often are common words (振兴 v, 老城 n,
# 新华 nz); place and person tags are proper names (jieba tags some cities nr: 常德).
_COMMON_WORD_FREQ = 100
_PROPER_TAGS = {"ns", "nr", "nrt", "nrfg"}
# Longer ordinary words that may contain an alias (新华社, 市中心) are looked for among these.
_CONTAINER_FREQ = 20
_CONTAINER_MAX = 6


@dataclass(frozen=True)
class Mention:
    """One occurrence of a unit's name in a text."""

    start: int
    end: int
    text: str
    units: tuple[Region, ...]  # candidates (several when an alias is shared)
    full: bool  # matched the full official name (with 区/县/市...)
    weak: bool = False  # alias that is also a common word, or a 1-2 char full name like 城区

    @property
    def unit(self) -> Region | None:
        return self.units[0] if len(self.units) == 1 else None


@dataclass
class Gazetteer:
    regions: list[Region]
    _full: dict[str, list[Region]] = field(default_factory=dict, repr=False)
    _alias: dict[str, list[Region]] = field(default_factory=dict, repr=False)
    _weak: set[str] = field(default_factory=set, repr=False)
    _lengths: dict[str, tuple[int, ...]] = field(default_factory=dict, repr=False)  # first 2 chars -> name lengths
    _containers: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)  # alias -> 新华社...
    _pinyin: dict[str, list[str]] = field(default_factory=dict, repr=False)  # name -> [pinyin, initials]
    # Where a name may start: a first character of some name followed by a second character of
    # some name (made from _lengths). A scan jumps between such places in C instead of testing
    # every character of the text in Python (one in seven passes on news text).
    _starts: re.Pattern = field(init=False, repr=False, compare=False)
    # How far past a place the scan looks to decide there (the longest name or containing word)
    _reach: int = field(init=False, repr=False, compare=False)
    # name -> the units a mention of it stands for, as scan gives them (made on first use)
    _units: dict[tuple[str, bool], tuple[Region, ...]] = field(init=False, repr=False, compare=False)
    # text -> its mentions, for the texts scanned last: locating an article scans its title and
    # paragraphs, and the same text again for the next draft or check (bounded)
    _scans: Memo[str, tuple[Mention, ...]] = field(init=False, repr=False, compare=False)
    SCANS = 5_000  # (~1 KB a text)

    def __post_init__(self) -> None:
        self._starts = _start_pattern(self._lengths)
        self._units = {}
        self._scans = Memo(self.SCANS)
        self._reach = max([2, *(ls[0] for ls in self._lengths.values()),
                           *(len(w) for ws in self._containers.values() for w in ws)])

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, words: Words | None = None, path: Path = DATA_FILE, tables: Path = TABLES_FILE) -> "Gazetteer":
        """The gazetteer of data file `path` from its compiled tables (gazetteer_tables.py): a
        build reads them in milliseconds. Only when they were not made from this data file are
        they compiled here, with `words` (jieba's dictionary). Keep the object, not a global."""
        found = read_tables(path, tables)
        return cls.compile(path, words) if found is None else cls.from_json(found)

    @classmethod
    def compile(cls, path: Path = DATA_FILE, words: Words | None = None) -> "Gazetteer":
        """Build the tables from the data file: pinyin slugs (pypinyin), and which short aliases
        are also ordinary words (jieba's dictionary, `words`). scripts/make_gazetteer.py keeps
        the result in gazetteer_tables.json."""
        return cls.from_tree(read_tree(path), common_words=common_words_of(words or Words()))

    def to_json(self) -> dict:
        """The built tables as JSON data (regions by position), as written to data/gazetteer_tables.json."""
        number = {id(r): i for i, r in enumerate(self.regions)}
        return {"regions": [[r.name, r.city, r.province, r.code, r.level, r.slug] for r in self.regions],
                "full": {n: [number[id(r)] for r in rs] for n, rs in self._full.items()},
                "alias": {n: [number[id(r)] for r in rs] for n, rs in self._alias.items()},
                "weak": sorted(self._weak), "containers": self._containers, "pinyin": self._pinyin}

    @classmethod
    def from_json(cls, data: dict) -> "Gazetteer":
        regions = [Region(*fields) for fields in data["regions"]]
        return cls(regions=regions, _full={n: [regions[i] for i in ix] for n, ix in data["full"].items()},
                   _alias={n: [regions[i] for i in ix] for n, ix in data["alias"].items()},
                   _weak=set(data["weak"]), _lengths=_lengths_by_first([*data["full"], *data["alias"]]),
                   _containers={n: tuple(ws) for n, ws in data["containers"].items()}, _pinyin=data["pinyin"])

    @classmethod
    def from_tree(cls, tree: dict, common_words=None) -> "Gazetteer":
        """Build from a province -> city -> county dict shaped like gazetteer_data.read_tree's."""
        entries: list[tuple[Region, list[str]]] = []
        for prov_name, prov in tree.items():
            if prov_name.startswith("_") or not isinstance(prov, dict):
                continue
            prov_full = prov.get("_full_name", prov_name)
            entries.append((_region(prov_full, "", prov_full, prov.get("_admin_code", ""), "province"), _aliases(prov)))
            for city_name, city in prov.items():
                if city_name.startswith("_") or not isinstance(city, dict):
                    continue
                city_full = city.get("_full_name", city_name)
                placeholder = _PLACEHOLDER in city_full
                municipality = city_full == prov_full
                if not placeholder and not municipality and not _ZONE_CODE.match(city.get("_admin_code", "")):
                    entries.append((_region(city_full, city_full, prov_full, city.get("_admin_code", ""), "city"),
                                    _aliases(city)))
                for county_name, county in city.items():
                    if county_name.startswith("_") or not isinstance(county, dict):
                        continue
                    code = county.get("_admin_code", "")
                    full = county.get("_full_name", county_name)
                    if _ZONE_CODE.match(code) or _PLACEHOLDER in full or _ZONE_NAME.search(full):
                        continue
                    parent = "" if placeholder else city_full
                    entries.append((_region(full, parent, prov_full, code, "county"), _aliases(county)))
        return cls._build(entries, common_words)

    @classmethod
    def _build(cls, entries: list[tuple[Region, list[str]]], common_words) -> "Gazetteer":
        slugs: dict[str, int] = {}
        for region, _ in entries:
            slugs[region.slug] = slugs.get(region.slug, 0) + 1
        regions: list[Region] = []
        full: dict[str, list[Region]] = {}
        alias: dict[str, list[Region]] = {}
        for region, names in entries:
            if slugs[region.slug] > 1:  # same pinyin (e.g. 朝阳区 twice): disambiguate by code
                region = Region(region.name, region.city, region.province, region.code, region.level,
                                f"{region.slug}-{region.code}")
            regions.append(region)
            full.setdefault(region.name, []).append(region)
            for name in names:
                if len(name) >= 2 and name != region.name:
                    alias.setdefault(name, []).append(region)
        weak = {n for n in full if len(n) <= 2}  # 城区, 郊区, 矿区: only with their city
        containers: dict[str, tuple[str, ...]] = {}
        if common_words is not None:
            weak |= set(common_words([n for n in alias if n not in full]))
            if hasattr(common_words, "containers"):
                containers = common_words.containers(set(alias) | set(full))
        return cls(regions=regions, _full=full, _alias=alias, _weak=weak, _containers=containers,
                   _lengths=_lengths_by_first([*full, *alias]), _pinyin=spelling_table(r.name for r in regions))

    # ------------------------------------------------------------------ lookups
    @property
    def spelling(self) -> Spelling:
        """Pinyin of names, the units' own from the compiled table (lexicon/pinyin.py)."""
        return Spelling(self._pinyin)

    def lookup(self, name: str) -> list[Region]:
        """Units with this full name or alias (full-name matches first); [] if none."""
        name = (name or "").strip()
        found = list(self._full.get(name, []))
        found += [r for r in self._alias.get(name, []) if r not in found]
        return _prefer_higher(found) if name not in self._full else found

    def get(self, name: str, within: str = "") -> Region | None:
        """The one unit called `name` (optionally inside province/city `within`), else None."""
        cands = self.lookup(name)
        if within:
            cands = [r for r in cands if within in (r.province, r.city, r.name)] or cands
        if len(cands) == 1:
            return cands[0]
        exact = [r for r in cands if r.name == name]
        if len(exact) == 1:
            return exact[0]
        # A shared alias whose first candidate is a city and the rest its own counties.
        if cands and cands[0].level != "county" and all(r.level == "county" for r in cands[1:]) \
                and all(r.city == cands[0].name for r in cands[1:]):
            return cands[0]
        return None

    # ------------------------------------------------------------------ scanning
    def scan(self, text: str, start: int = 0, out: list[Mention] | None = None) -> list[Mention]:
        """Non-overlapping mentions, longest match first, left to right (from `start`, a place
        the scan of the whole text passes, after the mentions `out` found before it)."""
        if start == 0 and out is None:
            found = self._scans.get(text)
            if found is None:
                found = self._scans.put(text, tuple(self.scan(text, 0, [])))
            return list(found)
        out = [] if out is None else out
        n = len(text)
        starts = self._starts.search
        m = starts(text, start)
        while m is not None:
            i = m.start()
            hit = None
            for length in self._lengths.get(text[i:i + 2], ()):  # only names starting with these two characters
                if i + length > n:
                    continue
                piece = text[i:i + length]
                if piece in self._full:
                    hit = Mention(i, i + length, piece, self._units_of(piece, True), True, piece in self._weak)
                    break
                if piece in self._alias:
                    if self._inside_word(text, i, piece):
                        continue  # 新华 in 新华社, 市中 in 市中心: not a place
                    hit = Mention(i, i + length, piece, self._units_of(piece, False), False, piece in self._weak)
                    break
            if hit:
                out.append(hit)
                m = starts(text, hit.end)
            else:
                m = starts(text, i + 1)
        return out

    def _units_of(self, name: str, full: bool) -> tuple[Region, ...]:
        found = self._units.get((name, full))
        if found is None:
            found = self._units[name, full] = tuple(self._full[name]) if full else tuple(_prefer_higher(self._alias[name]))
        return found

    def scan_longer(self, text: str, prefix: str, found: list[Mention]) -> list[Mention]:
        """scan(text) for a text that starts with `prefix`, whose scan gave `found`: only its
        end is scanned again (a text growing paragraph by paragraph is not scanned whole each time).
        What the scan decided more than _reach characters before the prefix's end it decides again
        the same way, from the same characters; it resumes at the first place after those."""
        safe = len(prefix) - self._reach
        kept = [m for m in found if m.start < safe]
        return self.scan(text, max(safe, kept[-1].end if kept else 0), kept)

    def _inside_word(self, text: str, i: int, name: str) -> bool:
        for word in self._containers.get(name, ()):
            at = word.find(name)
            while at >= 0:
                if text.startswith(word, i - at) and i - at >= 0:
                    return True
                at = word.find(name, at + 1)
        return False


def _lengths_by_first(names: list[str]) -> dict[str, tuple[int, ...]]:
    """First two characters -> the lengths of the names starting with them, longest first
    (a scan then tries a length only where a name can start; every name and alias has two or more)."""
    lengths: dict[str, set[int]] = {}
    for name in names:
        if len(name) >= 2:
            lengths.setdefault(name[:2], set()).add(len(name))
    return {c: tuple(sorted(ls, reverse=True)) for c, ls in lengths.items()}


def _start_pattern(lengths: dict[str, tuple[int, ...]]) -> re.Pattern:
    """Places where a name may start (see Gazetteer._starts): a superset, the scan checks each."""
    def chars(position: int) -> str:
        return "".join(re.escape(c) for c in sorted({k[position] for k in lengths}))
    return re.compile(f"(?=[{chars(0)}][{chars(1)}])") if lengths else re.compile(r"(?!)")


def _prefer_higher(regions: list[Region]) -> list[Region]:
    """For an alias shared by a city and a county of that city (邵阳 = 邵阳市 / 邵阳县), the
    bare alias means the city: the county is written in full."""
    cities = [r for r in regions if r.level in ("province", "city")]
    if cities:
        rest = [r for r in regions if r.level == "county" and not any(r.city == c.name for c in cities)]
        return cities + rest
    return regions


def _aliases(node: dict) -> list[str]:
    alias = node.get("_alias") or []
    return [alias] if isinstance(alias, str) else [a for a in alias if isinstance(a, str)]


def _region(name: str, city: str, province: str, code: str, level: str) -> Region:
    return Region(name=name, city=city, province=province, code=str(code), level=level, slug=slug_for(name))


def slug_for(name: str) -> str:
    """Pinyin slug: stem and suffix separated, 蒸湘区 -> zhengxiang-qu."""
    from pypinyin import lazy_pinyin

    stem, suffix = split_region_suffix(name, min_stem=1)
    parts = ["".join(lazy_pinyin(stem)), "".join(lazy_pinyin(suffix))]
    return ascii_slug("-".join(p for p in parts if p)) or "region"


@dataclass(frozen=True)
class CommonWords:
    """What jieba's dictionary says about place names: which are ordinary frequent words
    (中方, 资源, 振兴), and which longer ordinary words contain one (新华社, 市中心)."""

    words: Words

    def __call__(self, names: list[str]) -> list[str]:
        tags = self.words.tags()
        return [n for n in names if self.words.frequency(n) >= _COMMON_WORD_FREQ and tags.get(n) not in _PROPER_TAGS]

    def containers(self, names: set[str]) -> dict[str, tuple[str, ...]]:
        """name -> the dictionary's ordinary words that contain it and are not place names."""
        tags = self.words.tags()
        self.words.tokenizer.check_initialized()
        found: dict[str, list[str]] = {}
        for word, freq in self.words.tokenizer.FREQ.items():
            if freq < _CONTAINER_FREQ or not 3 <= len(word) <= _CONTAINER_MAX or tags.get(word) == "ns" \
                    or word in names:
                continue
            for size in range(2, len(word)):
                for i in range(len(word) - size + 1):
                    if word[i:i + size] in names:
                        found.setdefault(word[i:i + size], []).append(word)
        return {n: tuple(sorted(ws)) for n, ws in found.items()}


def common_words_of(words: Words) -> CommonWords:
    """A filter: aliases that jieba's dictionary tags as ordinary frequent words (中方, 资源, 城区)."""
    return CommonWords(words)
