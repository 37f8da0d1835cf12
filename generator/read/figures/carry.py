"""Units carried across sentences: what an anaphor (该院, 社区党委) points back to, and the unit
a quotation's speaker speaks for. Clause-level scope rules stay in slots.py."""

from __future__ import annotations

from .cues import Cues
from .slots import CJK_RUN, MAX_HEAD, named_in, clause_subject
from .tokens import CLAUSE_END


def mentioned_unit(sentence: str, own: tuple[str, ...], cues: Cues, pos) -> str | None:
    """The last named unit a sentence mentions anywhere (交流会在某某医院举行): what a later 该院 points to.
    The region's own bodies count (某市第二人民医院): read as if the region's name were a name."""
    found = None
    suffixes = cues.get("scope.suffixes")
    for clause in CLAUSE_END.split(sentence):
        unit = named_in(clause, (), cues, pos) if clause.strip() else None
        found = unit if unit and unit.endswith(suffixes) and unit not in own else found
    return found


class Mentioned:
    """The named units the sentences read so far mention, in order: what 该院 points back to.
    A sentence is read for them (a part-of-speech cut of each clause) only once an anaphor
    asks, and most articles have none."""

    def __init__(self, own: tuple[str, ...], cues: Cues, pos):
        self.own, self.cues, self.pos = own, cues, pos
        self.sentences: list[str] = []
        self.found: list[str | None] = []  # mentioned_unit of each sentence read so far

    def add(self, sentence: str) -> None:
        self.sentences.append(sentence)

    def mark(self) -> int:
        """Where the units of the sentences added from now on start (a paragraph's own)."""
        return len(self.sentences)

    def units(self, since: int = 0) -> list[str]:
        """The units of the sentences added since `mark` (0: all), in order."""
        for sentence in self.sentences[len(self.found):]:
            self.found.append(mentioned_unit(sentence, self.own, self.cues, self.pos))
        return [u for u in self.found[since:] if u]


def referent(sentence: str, mentioned: Mentioned, cues: Cues, fresh: int = 0) -> tuple[str | None, int]:
    """(unit, position) of an anaphor heading one of the sentence's clauses (该院以…为契机, 该公司新增):
    the latest mentioned unit of the anaphor's kind (院 → 某某医院); a kind no unit name ends in
    (该企业, 其间) takes the latest unit of any kind named in this paragraph (`mentioned.units(fresh)`)."""
    if not any(p is not None and p.search(sentence) for p in
               (cues.patterns.get("scope.anaphora"), cues.patterns.get("scope.bare_anaphora"))):
        return None, 0  # no clause can open with an anaphor
    start = 0
    for m in [*CLAUSE_END.finditer(sentence), None]:
        end = m.start() if m else len(sentence)
        head = sentence[start:end].lstrip(" ，,")
        at = end - len(head)
        word, bare = _opening(head, cues, "scope.anaphora"), _opening(head, cues, "scope.bare_anaphora")
        if bare is not None and word is None:  # 社区党委将…: the community named before
            kinds = [u for u in mentioned.units() if u.endswith(bare)]
            return (kinds[-1], at) if kinds else (None, 0)
        if word is not None:
            kind = word[1:]
            kinds = [u for u in mentioned.units() if kind in u[-len(kind) - 2:]]
            typed = any(s.endswith(kind) for s in cues.get("scope.suffixes"))
            own = [] if kinds or typed else mentioned.units(fresh)  # (the paragraph's: the last of all)
            unit = kinds[-1] if kinds else (own[-1] if own else None)
            return unit, at
        start = m.end() if m else end
    return None, 0


def _opening(text: str, cues: Cues, name: str) -> str | None:
    """The first word of cue list `name` (longest first) that `text` starts with, else None:
    the list's alternation tries its words in that order."""
    pattern = cues.patterns.get(name)
    m = pattern.match(text) if pattern is not None else None
    return m.group() if m else None


def speaker_unit(following: list[str], own: tuple[str, ...], cues: Cues, pos, quoted: str = "") -> str | None:
    """“…产值增长10%。”某某公司经理李某说: the unit of the speaker named right after a quotation
    speaks for what the quotation counts. `following`: the sentences after a quoted one, the
    first starting with the closing mark is the attribution. A `quoted` sentence in the first
    person singular (“我已经服务了近70个家庭。”月嫂王某说) counts the speaker's own: the person."""
    for text in following:
        if not text.startswith("”"):
            if "“" in text or "”" in text:
                return None
            continue
        said = CLAUSE_END.split(text[1:])[0]
        holder = _role_holder(said, own, cues)
        if not holder and not any(w in said for w in cues.get("scope.speech")):
            return None
        return clause_subject(said, own, cues, pos) or holder or (_person(said, own, cues) if _singular(quoted, cues) else None)
    return None


def _singular(quoted: str, cues: Cues) -> bool:
    """Does the quotation speak in the first person singular (我, not 我们 / 我县) of no whole region?"""
    if any(w in quoted for w in cues.get("scope.whole")):
        return False  # “我觉得全县…”: an official speaks of the region
    after = cues.get("speakers.not_singular_after_chars")
    return any(w in quoted and not all(quoted[i + len(w):i + len(w) + 1] in after
                                       for i in _positions(quoted, w))
               for w in cues.get("speakers.first_person"))


def _positions(text: str, word: str) -> list[int]:
    return [i for i in range(len(text)) if text.startswith(word, i)]


def _person(said: str, own: tuple[str, ...], cues: Cues) -> str | None:
    """月嫂王某说: who speaks, the words before the speech verb (not the region or one of its bodies)."""
    at = min((i for i in (said.find(w) for w in cues.get("scope.speech")) if i > 0), default=-1)
    who = said[:at] if 0 < at <= MAX_HEAD else ""
    if len(who) < 2 or not CJK_RUN.fullmatch(who) or any(b in who for b in cues.get("scope.region_bodies")) or \
            any(who.startswith(o) for o in own):
        return None
    return who


def _role_holder(said: str, own: tuple[str, ...], cues: Cues) -> str | None:
    """某某合作社负责人, 某某小分队队长: the body before a role word heading an attribution,
    unless it is the region itself or one of its government bodies (某市城管局相关负责人)."""
    at = min((i for i in (said.find(w) for w in cues.get("scope.roles")) if i > 0), default=-1)
    if at < 0 or at > MAX_HEAD:
        return None
    holder = said[:at].rstrip("相关主要的")
    if len(holder) < 2 or holder.endswith(cues.get("scope.region_bodies")) or \
            any(holder.startswith(o) or o.startswith(holder) for o in own) or not CJK_RUN.fullmatch(holder):
        return None
    return holder


def carried_unit(said: list[tuple[int, str]], i: int, topic: tuple[str, int] | None, mentioned: Mentioned,
                 fresh: int, own: tuple[str, ...], cues: Cues, pos) -> tuple[tuple[str, int] | None, tuple[str, int] | None]:
    """(topic, here) for sentence i of a paragraph (`said`: its sentences): the topic is a unit an
    anaphor heading a clause points to (该院…), held for the rest of the paragraph from that clause;
    `here` is what sentence i's figures without a scope of their own take: the speaker's unit for a
    quoted sentence, else the topic, else a unit the sentence names before 当地 (其镇…，解决了当地
    8000名群众). (unit, position in the sentence from which it holds); `fresh`: mentioned.mark()
    where the paragraph starts."""
    sentence = said[i][1]
    unit, at = referent(sentence, mentioned, cues, fresh) if pos is not None else (None, 0)
    topic = (unit, at) if unit else (topic[0], 0) if topic else None
    if pos is None or not sentence.startswith("“") or "”" in sentence:
        local = min((j for j in (sentence.find(w) for w in cues.get("scope.local")) if j > 0), default=-1)
        named = mentioned_unit(sentence[:local], own, cues, pos) if local > 0 and not topic else None
        return topic, (named, local) if named else topic
    voice = speaker_unit([s for _, s in said[i + 1:]], own, cues, pos, sentence)
    return topic, (voice, 0) if voice else topic
