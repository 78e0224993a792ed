"""Pausing Python's cyclic garbage collector while a large table is built.

Loading and scoring a table of 100,000 indicators creates millions of small
immutable objects, none of them in a reference cycle.  Each time the cyclic
collector runs it walks every one of them, and it runs more often the more
there are: a third of a large run went to collections that found nothing.
Reference counting still frees every object that is dropped.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

__all__ = ["collection_paused"]


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """Run the body with the cyclic collector off, and back on afterwards.

    Nested uses leave the collector off until the outermost ends; a caller
    that turned the collector off itself finds it still off.
    """
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        # Everything allocated meanwhile sits in the youngest generation, which
        # the next collection would walk whole; move it to the oldest instead,
        # where the survivors of a few collections would have ended up anyway.
        gc.freeze()
        gc.unfreeze()
        gc.enable()
