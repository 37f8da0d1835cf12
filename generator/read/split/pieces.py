"""The records a page is cut into: Pieces (runs of body blocks printed together) under
Heads (an article's title block as printed)."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.lexicon.text import ends_finished
from generator.records import Block, BlockKind


@dataclass
class Piece:
    """A run of body blocks printed together."""

    blocks: list[Block]
    owner: int | None  # index of the article whose title precedes it on the page
    starts_mid: bool = False  # first paragraph starts mid-sentence
    after_title: bool = False  # printed right after its owner's title block
    next: "Piece | None" = None
    prev: "Piece | None" = None
    gap_before: bool = False  # text is missing before this piece (a cut word's tail opens it)
    glued: bool = False  # its first paragraph continues the sentence its prev piece left open
    bylines: list[str] = field(default_factory=list)  # a closing byline printed after it
    moved: bool = False  # split off another article's run by topic: may continue an open end

    @property
    def paragraphs(self) -> list[Block]:
        return [b for b in self.blocks if b.kind == BlockKind.PARAGRAPH]

    @property
    def ends_open(self) -> bool:
        last = self.blocks[-1]
        return last.kind == BlockKind.PARAGRAPH and not ends_finished(last.text) and not last.text.endswith(("：", "——"))

    @property
    def text(self) -> str:
        return "".join(b.text for b in self.blocks)


@dataclass
class Head:
    """An article's title block as printed."""

    title: str = ""
    title_line: int = 0
    kicker: list[str] = field(default_factory=list)
    subtitle: str = ""
    bylines: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
