"""The exceptions kpi raises, and the notices its readers give.

Every error is a ``ValueError`` so that callers that already guard numeric
input with ``except ValueError`` keep working; :class:`KpiError` lets them
catch kpi's own errors and nothing else.  Syntax errors carry the original
text and a caret under the offending character, aligned by display width
because CJK characters take two terminal columns.
"""

from __future__ import annotations

import unicodedata
from typing import Final

import attrs

__all__ = [
    "CriteriaError",
    "FileError",
    "KpiError",
    "KpiSyntaxError",
    "Notice",
    "OutcomeError",
    "TableError",
    "UngradedError",
    "describe_character",
    "display_width",
    "kind_zh",
    "too_long",
]


class KpiError(ValueError):
    """Base class of every error raised by kpi.

    Its message (``str(error)``) is English, for programmers; ``zh`` carries
    the same in Chinese where one was written, for reports:
    :meth:`says` gives the one a reader of *lang* should see.
    """

    def __init__(self, message: object = "", *args: object, zh: str | None = None) -> None:
        super().__init__(message, *args)
        self.zh = zh

    def says(self, lang: str = "zh") -> str:
        """The message for a reader of *lang*: Chinese where it was written, else English."""
        return self.zh if lang == "zh" and self.zh else str(self)

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuilt, (type(self), self.args, self.zh))


def _rebuilt(kind: type[KpiError], args: tuple[object, ...], zh: str | None) -> KpiError:
    """An unpickled error, its Chinese message kept (multiprocessing carries errors pickled)."""
    error = kind.__new__(kind)
    Exception.__init__(error, *args)
    error.zh = zh
    return error


@attrs.frozen
class Notice:
    """What a reader read past or read in a way worth saying (a repeated heading, a GBK file):
    not an error, but an evaluator should know.  Like an error, it is said in English
    (``str()``, for programmers and logs) and in Chinese (:meth:`says`, for reports)."""

    en: str
    zh: str

    def __str__(self) -> str:
        return self.en

    def says(self, lang: str = "zh") -> str:
        """The notice for a reader of *lang*."""
        return self.zh if lang == "zh" else self.en


#: What each *kind* of text kpi reads is called in Chinese messages.
_KIND_ZH: Final = {"tier text": "评价标准", "outcome": "实际值", "indicator": "绩效指标"}


def kind_zh(kind: str) -> str:
    """The Chinese name of a *kind* of text (``tier text`` is 评价标准)."""
    return _KIND_ZH.get(kind, kind)


def too_long(text: str, kind: str, limit: int) -> KpiSyntaxError | None:
    """The error for a *kind* of text longer than *limit*, told before any pattern runs over it
    (a pasted document is no tier text); ``None`` for a text of a length kpi reads."""
    if len(text) <= limit:
        return None
    return KpiSyntaxError(
        f"cannot read {kind}: longer than {limit} characters",
        text[:60] + "…",
        60,
        zh=f"无法读取{kind_zh(kind)}：超过 {limit} 个字符",
    )


def display_width(text: str) -> int:
    """Terminal columns taken by *text*: wide and full-width characters take two.

    >>> display_width("≥95%"), display_width("设备完好率")
    (4, 10)
    """
    width = 0
    for char in text:
        if unicodedata.combining(char):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _visible(char: str) -> str:
    """A stand-in one column wide for characters a terminal would not show."""
    if char in "\t\r\n":
        return " "
    return char if char.isprintable() or char == " " else "\ufffd"


def describe_character(char: str) -> str:
    """A character as an error message shows it: itself, or its code point if invisible."""
    return f"“{char}”" if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"


class KpiSyntaxError(KpiError):
    """A tier text that kpi cannot read.

    ``text`` is the text as the caller gave it, ``position`` the index of the
    offending character in it (``len(text)`` when the text ended too early)
    and ``reason`` what went wrong and what was expected there.
    """

    def __init__(self, reason: str, text: str, position: int, *, zh: str | None = None) -> None:
        self.reason = reason
        self.text = text
        self.position = position
        #: The reason in Chinese, where one was written.
        self.reason_zh = zh
        super().__init__(self._render(reason, "column"), zh=None if zh is None else self._render(zh, "第", "列"))

    def _render(self, reason: str, before: str, after: str = "") -> str:
        shown = "".join(_visible(char) for char in self.text)
        caret = " " * display_width(shown[: self.position]) + "^"
        place = f"column {self.position + 1}" if before == "column" else f"{before}{self.position + 1}{after}"
        return f"{reason} ({place})\n    {shown}\n    {caret}"

    def __reduce__(self) -> tuple[object, ...]:
        return (_syntax_error, (type(self), self.reason, self.text, self.position, self.reason_zh))


def _syntax_error(kind: type[KpiSyntaxError], reason: str, text: str, position: int, zh: str | None) -> KpiSyntaxError:
    return kind(reason, text, position, zh=zh)


class OutcomeError(KpiError):
    """An outcome that cannot be graded: NaN, empty, not a number, wrong unit."""


class MissingOutcome(OutcomeError):
    """No outcome is given for a metric that a condition reads."""


class CriteriaError(KpiError):
    """A tier set that reads well tier by tier but cannot form a criteria."""


class UngradedError(KpiError):
    """Raised by ``Criteria.grade(..., strict=True)`` when no tier matches directly and alone,
    or the grade was read on a guess (its message names the note: ``fraction``, …)."""


class FileError(KpiError):
    """A file that cannot be read or written at all."""


class TableError(FileError):
    """A file that holds no readable indicator table at all."""
