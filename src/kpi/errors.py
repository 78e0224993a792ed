"""The exceptions kpi raises.

Every error is a ``ValueError`` so that callers that already guard numeric
input with ``except ValueError`` keep working; :class:`KpiError` lets them
catch kpi's own errors and nothing else.  Syntax errors carry the original
text and a caret under the offending character, aligned by display width
because CJK characters take two terminal columns.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "CriteriaError",
    "FileError",
    "KpiError",
    "KpiSyntaxError",
    "OutcomeError",
    "TableError",
    "UngradedError",
    "describe_character",
    "display_width",
]


class KpiError(ValueError):
    """Base class of every error raised by kpi."""


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

    def __init__(self, reason: str, text: str, position: int) -> None:
        self.reason = reason
        self.text = text
        self.position = position
        super().__init__(self._render())

    def _render(self) -> str:
        shown = "".join(_visible(char) for char in self.text)
        caret = " " * display_width(shown[: self.position]) + "^"
        return f"{self.reason} (column {self.position + 1})\n    {shown}\n    {caret}"

    def __reduce__(self) -> tuple[type[KpiSyntaxError], tuple[str, str, int]]:
        return (type(self), (self.reason, self.text, self.position))


class OutcomeError(KpiError):
    """An outcome that cannot be graded: NaN, empty, not a number, wrong unit."""


class CriteriaError(KpiError):
    """A tier set that reads well tier by tier but cannot form a criteria."""


class UngradedError(KpiError):
    """Raised by ``Criteria.grade(..., strict=True)`` when no tier matches directly."""


class FileError(KpiError):
    """A file that cannot be read or written at all."""


class TableError(FileError):
    """A file that holds no readable indicator table at all."""
