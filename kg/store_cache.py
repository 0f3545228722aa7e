"""What is computed from a store once and kept until its data changes: the search index, the
name-ordered lists, the network. One place drops all of it after an update (`forget`)."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from kg.store import Store

V = TypeVar("V")
_CACHES: list[StoreCache] = []


class StoreCache(Generic[V]):
    """Values computed from a store, by key; kept while the store lives, at most `limit` a store."""

    def __init__(self, limit: int = 64) -> None:
        self.limit = limit
        self._values: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._lock = threading.Lock()
        _CACHES.append(self)

    def get(self, store: Store, key: Hashable, make: Callable[[], V]) -> V:
        """The value for `key`, made (once, under the lock) when it is not there."""
        with self._lock:
            values = self._values.setdefault(store, {})
            if key not in values:
                if len(values) >= self.limit:
                    values.clear()
                values[key] = make()
            return values[key]

    def drop(self, store: Store) -> None:
        with self._lock:
            self._values.pop(store, None)


def forget(store: Store) -> None:
    """Drop everything kept for `store` (after an update changed its data)."""
    for cache in _CACHES:
        cache.drop(store)
