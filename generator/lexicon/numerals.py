"""Chinese numerals to numbers: 十二 -> 12, 两千零五 -> 2005, 三百五 -> 350, 一二三 -> 123.

The figure readers meet numerals written with digits and 十/百/千 (chinese.yml's
numeral_digits and numeral_units; 万 and 亿 are read as units after a number). Those are read
here, with the rules of cn2an's "smart" mode, which read them before: cn2an's import compiles
patterns for every numeral it knows (~0.3 s of every build that reads figures). Arabic
numbers (10, 2.5) are read as cn2an reads them, as floats; any other text is still given to
cn2an (imported then). tests/test_numerals.py compares the two on
every numeral of up to four characters and on a sample of longer ones.

A numeral is read when it is
- a standard numeral (一千零五十, 两百, 十二) once the usual omissions are filled in: 零 before
  a tens after 千 (一千五十 -> 一千零五十), 一 before a tens after 百 or 零 (一百十 -> 一百一十);
- a string of digits, read digit by digit (一二三 -> 123, 二〇二四 -> 2024);
- a spoken abbreviation, the last digit counting in the unit below the last unit (三千五 ->
  3500, 一百二 -> 120); one ending on tens and a digit that is no standard numeral (十十五)
  is not a number;
and nothing else (十四五, 五六千: None).
"""

from __future__ import annotations

import re

from generator.lexicon.datafile import read_yaml
from generator.settings import PACKAGE_DIR

_DATA = read_yaml(PACKAGE_DIR / "data" / "chinese.yml")
DIGITS: dict[str, int] = dict(_DATA["numeral_digits"])
UNITS: dict[str, int] = dict(_DATA["numeral_units"])
_BELOW = {value: unit for unit, value in UNITS.items()}  # 1000 -> 千

_ZERO_CHAR = next(d for d, v in DIGITS.items() if v == 0)  # 零: what the omissions fill in
_ONE_CHAR = next(d for d, v in DIGITS.items() if v == 1)  # 一
_ZERO = "[" + "".join(d for d, v in DIGITS.items() if v == 0) + "]"
_NONZERO = "[" + "".join(d for d, v in DIGITS.items() if v) + "]"
_DIGIT = "[" + "".join(DIGITS) + "]"
_TEN, _HUNDRED, _THOUSAND = (_BELOW[v] for v in (10, 100, 1000))

# Standard numerals from 零 to 9999.
_TENS = f"{_NONZERO}?{_TEN}{_NONZERO}?"  # 十, 十二, 二十, 二十三
_TENS_WITH_DIGIT = f"{_NONZERO}{_TEN}{_NONZERO}?"  # 二十, 一十二 (after 百)
_UP_TO_99 = f"(?:{_TENS}|{_NONZERO})"
_HUNDREDS = f"(?:{_NONZERO}{_HUNDRED}(?:{_ZERO}{_NONZERO})?|{_NONZERO}{_HUNDRED}{_TENS_WITH_DIGIT})"
_THOUSANDS = f"(?:{_NONZERO}{_THOUSAND}(?:{_ZERO}{_UP_TO_99})?|{_NONZERO}{_THOUSAND}{_HUNDREDS})"
_STANDARD = re.compile(f"{_ZERO}|{_THOUSANDS}|{_HUNDREDS}|{_UP_TO_99}")
_ALL_DIGITS = re.compile(f"{_DIGIT}+")
_SPOKEN = re.compile(f"(?:{_DIGIT}{{0,2}}[{''.join(UNITS)}])+{_DIGIT}")
_DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_UNIT_RE = re.compile(f"[{''.join(UNITS)}]")
# The omissions filled in before a numeral is matched against the standard form.
_ZERO_AFTER_THOUSAND = re.compile(f"({_THOUSAND})({_DIGIT}?{_TEN})")  # 一千五十 -> 一千零五十
_ONE_AFTER_HUNDRED = re.compile(f"({_HUNDRED})({_TEN})")  # 一百十 -> 一百一十


def value(text: str) -> int | float | None:
    """The number a numeral (or, through cn2an, any number text) writes; None when it is none."""
    if not text:
        return None  # (cn2an: a ValueError)
    if all(c in DIGITS or c in UNITS for c in text):
        return _read(text)
    if _DECIMAL.fullmatch(text):
        return float(text)  # as cn2an reads arabic numbers (10 -> 10.0)
    import cn2an  # here: only text other than the numerals above needs it (~0.3 s import)

    try:
        return cn2an.cn2an(text, "smart")
    except (ValueError, KeyError, TypeError):
        return None


def _read(text: str) -> int | None:
    zero_ten, zero_hundred = _ZERO_CHAR + _TEN, _ZERO_CHAR + _HUNDRED
    text = text.replace(zero_ten, _ZERO_CHAR + _ONE_CHAR + _TEN).replace(zero_hundred, _ZERO_CHAR + _ONE_CHAR + _HUNDRED)
    text = _ZERO_AFTER_THOUSAND.sub(rf"\1{_ZERO_CHAR}\2", text)
    text = _ONE_AFTER_HUNDRED.sub(rf"\1{_ONE_CHAR}\2", text)
    text = text.replace(zero_ten, _ZERO_CHAR + _ONE_CHAR + _TEN)
    if _STANDARD.fullmatch(text):
        return _positional(text)
    if _ALL_DIGITS.fullmatch(text):
        return int("".join(str(DIGITS[c]) for c in text))
    if len(text) >= 3 and _SPOKEN.fullmatch(text):
        last_unit = UNITS[_UNIT_RE.findall(text)[-1]]
        if last_unit // 10 not in _BELOW:
            return None  # 十十五: no unit below tens to count the last digit in
        return _positional(text + _BELOW[last_unit // 10])
    return None


def _positional(text: str) -> int:
    """Digits times the unit after them, summed (a unit with no digit before it counts once)."""
    total, unit = 0, 1
    for i, c in enumerate(reversed(text)):
        if c in DIGITS:
            total += DIGITS[c] * unit
        else:
            unit = UNITS[c]
            if i == len(text) - 1:
                total += unit
    return total
