"""Making frozen value objects in the loops that make one per row.

attrs' ``__init__`` for a frozen, slotted class sets every field through
``object.__setattr__``, which looks the slot up again on every call; setting
the slots through their descriptors directly takes about a quarter less
time.  Scoring 100,000 indicators makes a million such objects, so the hot
loops use :func:`maker`.  It is only for classes whose fields need no
converter, validator or post-init step, and the maker takes every field,
in order: the objects are the very ones ``__init__`` would make.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import attrs

__all__ = ["maker"]

T = TypeVar("T")


def maker(cls: type[T]) -> Callable[..., T]:
    """A function taking every field of *cls* positionally, in order, and
    returning the instance ``cls(...)`` would return for them."""
    fields = attrs.fields(cls)  # type: ignore[arg-type]
    for field in fields:
        if field.converter is not None or field.validator is not None:
            raise TypeError(f"{cls.__name__}.{field.name} converts or validates: use {cls.__name__}(...)")
    if hasattr(cls, "__attrs_post_init__"):
        raise TypeError(f"{cls.__name__} has a post-init step: use {cls.__name__}(...)")
    # One generated function per class, as attrs writes its own __init__: no loop per object.
    names = [f"v{index}" for index in range(len(fields))]
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = [f"def make({', '.join(names)}):", "    self = new(cls)"]
    for index, field in enumerate(fields):
        namespace[f"set{index}"] = cls.__dict__[field.name].__set__
        lines.append(f"    set{index}(self, v{index})")
    lines.append("    return self")
    exec("\n".join(lines), namespace)  # generated from attrs' own field names
    made: Callable[..., T] = namespace["make"]
    made.__qualname__ = f"maker({cls.__name__})"
    return made
