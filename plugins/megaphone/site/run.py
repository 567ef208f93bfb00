"""What one build keeps while it runs, and nothing after: no module holds build state.

One process builds many sites, or one site many times: the tests build hundreds,
`make devserver` makes a new Pelican for each rebuild, and `pelican -r` runs the same
Pelican again after each change (it sends `initialized` once, then `get_generators`
at the start of every run). So what the plugin learns while building (the build
cache, the pages Pelican could not read, each page's address) lives on a BuildRun,
held in the build's own settings under a key of ours (RUN). `initialized` makes it
and starts the first build; `get_generators` starts each later build of the same
Pelican afresh (hooks.py), from the settings as they were given (`given`), never from
the ones the plugin changed for the build before."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from .build_cache import BuildCache
from .read_failures import CollectReadFailures

RUN = "_MEGAPHONE_RUN"  # Pelican's own settings are upper case without a leading _
# Where Pelican logs "Could not process" and "Skipping ...: could not find information".
READ_FAILURE_LOGGERS = ("pelican.generators", "pelican.contents")


class BuildRun:
    def __init__(self, given: dict) -> None:
        # The settings as given, before the plugin changed any of them for a build (a dict
        # it updates is copied too): a later build of this Pelican starts from these.
        self.given = {k: dict(v) if isinstance(v, dict) else v for k, v in given.items()}
        self.fresh = False  # started by `initialized`: its first `get_generators` is the same build
        self.cache = BuildCache.off()
        self.read_failures = CollectReadFailures()
        self.places: dict[int, tuple[Any, str, str]] = {}  # see contents.url_of
        self.catalogues: dict[tuple[str, str], Any] = {}  # see i18n.page_catalogue
        self.marks_english: dict[str, bool] = {}  # theme -> Megaphone's? (i18n)
        # The watched files as the build running now found them, until it finishes
        # (hooks.save_cache): a run of this Pelican that finds it set follows one that
        # stopped, and waits for a change to them (rebuild.py).
        self.files_at_start: dict[str, tuple[int, int, int]] | None = None

    def start(
        self,
        cache: BuildCache,
        content_path: str,
        extra_fields: tuple[str, ...],
        owns: Callable[[str], bool] | None = None,
    ) -> None:
        """A new build: nothing of the one before, and Pelican's read failures collected."""
        self.cache = cache
        self.places = {}
        self.catalogues = {}
        self.marks_english = {}
        self.stop_collecting()  # a build stopped before reading everything left it on
        self.read_failures = CollectReadFailures()
        self.read_failures.start(content_path, extra_fields, owns)
        for name in READ_FAILURE_LOGGERS:
            logging.getLogger(name).addFilter(self.read_failures)

    def stop_collecting(self) -> None:
        """Every page is read: Pelican's log is left as it was (any build's filter)."""
        for name in READ_FAILURE_LOGGERS:
            target = logging.getLogger(name)
            for stale in [f for f in target.filters if isinstance(f, CollectReadFailures)]:
                target.removeFilter(stale)

    def __getstate__(self) -> dict:
        """Pelican may pickle what holds the settings (its content cache): nothing of ours."""
        return {}

    def __setstate__(self, state: dict) -> None:
        self.__init__({})  # type: ignore[misc]


def of(settings: Any) -> BuildRun:
    """The build these settings are for; outside a build (a check run alone, a unit
    test), an empty one: no cache, nothing collected."""
    found = settings.get(RUN) if hasattr(settings, "get") else None
    return found if isinstance(found, BuildRun) else BuildRun({})
