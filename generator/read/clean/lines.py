"""TextLines: the non-empty lines of a page (or pieces of a glued line), before they are joined.

A TextLine keeps its source line numbers, the blank lines before it, its role so far and the
text with punctuation as printed next to the normalised text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.read.clean.punctuation import SPACES, normalize_punctuation
from generator.records import BlockKind

HEADING_MAX = 32  # longest section heading / title seen in print, in characters
CAPTION_MAX = 60


@dataclass
class TextLine:
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

    def piece(self, start: int, end: int | None = None, **kw) -> "TextLine":
        """A piece text[start:end] (stripped), keeping the printed punctuation."""
        end = len(self.text) if end is None else end
        text, raw = self.text[start:end], self.raw[start:end]
        lead = len(text) - len(text.lstrip())
        text, raw = text.strip(), raw[lead:lead + len(text.strip())]
        return TextLine(text, self.line, self.end_line, kw.pop("gap", self.gap), raw=raw, **kw)

    def append(self, other: "TextLine", sep: str = "") -> None:
        self.text += sep + other.text
        self.raw += sep + other.raw
        self.end_line = other.end_line


def text_lines(text: str) -> list[TextLine]:
    lines: list[TextLine] = []
    gap = 0
    for n, raw in enumerate(text.split("\n"), 1):
        line = SPACES.sub(" ", raw).strip()
        if not line:
            gap += 1
            continue
        lines.append(TextLine(normalize_punctuation(line), n, n, gap, raw=line))
        gap = 0
    return lines
