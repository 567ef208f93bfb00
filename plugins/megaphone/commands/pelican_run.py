"""The one way the commands run Pelican, so that no failure passes quietly.

Pelican logs some failures and then carries on: a plugin that cannot be
imported, a page it could not read. Its `--fatal errors` stops at the first
one and prints a traceback. Here every error Pelican logs is counted, a
plugin that failed to load stops the run before anything is read or
written, and the campaign report (CampaignProblems) comes back as data.
Importing this module changes nothing: no handler, no signal, until a run."""

from __future__ import annotations

import contextlib
import logging
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field

from jinja2 import TemplateSyntaxError
from pelican import Pelican
from pelican.log import LimitFilter, console
from pelican.settings import read_settings

from ..model.report import WARNINGS_LOGGER, CampaignProblems, MegaphoneError, Problem
from ..site.contents import shown_path
from ..site.settings import SETTINGS_FILE_SETTING


class _ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _WarningCollector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.warnings: list[Problem] = []

    def emit(self, record: logging.LogRecord) -> None:
        problem = getattr(record, "campaign_problem", None)
        if problem is not None:
            self.warnings.append(problem)


@dataclass
class Outcome:
    problems: list[Problem] = field(default_factory=list)  # in campaign files
    warnings: list[Problem] = field(default_factory=list)  # the commands print them
    errors: int = 0  # other errors Pelican logged (shown by its own log)
    failure: str = ""  # why the run stopped, in plain words, if it did
    settings: dict = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not (self.problems or self.errors or self.failure)


class PluginFailed(MegaphoneError):
    """Raised before anything is read if a plugin failed to load."""


class _Pelican(Pelican):
    """Pelican that does not add the folder it runs in to Python's path: a module
    committed there (a compiled `nh3.pyc` beside the Makefile) would be imported in
    place of the real one. Plugins come from PLUGIN_PATHS, settings by their path.

    It stops before anything is read if a plugin could not be loaded, which Pelican
    only logs: checked here, on this run's own Pelican, not by a receiver connected to
    Pelican's signals for the whole process (Pelican used directly is left alone)."""

    def __init__(self, settings: dict, errors: _ErrorCounter) -> None:
        self._errors = errors
        super().__init__(settings)

    def init_path(self) -> None:
        pass

    def init_plugins(self) -> None:
        before = self._errors.count
        super().init_plugins()
        if self._errors.count > before:  # "Cannot load plugin", "Cannot register plugin"
            raise PluginFailed("a plugin could not be loaded (the error is shown above)")


@contextlib.contextmanager
def without_pelicans_summary() -> Iterator[None]:
    """Pelican's "Done: Processed 3 articles, 0 drafts..." line means nothing to a
    volunteer: the commands say it in their own words. Everything else Pelican prints
    (its errors among them: "the error is shown above") still shows."""
    original = console.print

    def print_(*objects, **options) -> None:
        if objects and str(objects[0]).startswith("Done: Processed"):
            return
        original(*objects, **options)

    console.print = print_
    try:
        yield
    finally:
        console.print = original


def in_a_template(error: BaseException) -> str:
    """Where in a theme's template a rendering error happened, which Jinja keeps as the
    traceback's frames of the template itself: ` (in theme/templates/x.html, line 4)`."""
    if isinstance(error, TemplateSyntaxError) and error.filename and error.lineno:
        return f" (in {shown_path(error.filename)}, line {error.lineno})"
    frames = [
        frame
        for frame in traceback.extract_tb(error.__traceback__)
        if frame.filename.endswith((".html", ".xml", ".txt", ".j2", ".jinja"))
    ]
    if not frames:
        return ""
    return f" (in {shown_path(frames[-1].filename)}, line {frames[-1].lineno})"


def run_pelican(settings_file: str, override: dict) -> Outcome:
    """Read the settings, build (or only check), and say how it went.

    Everything it counts or collects belongs to this run: its handlers are added to
    the loggers for the run only, and removed whatever happens."""
    # Pelican says a repeated warning once per process; each run is a new build
    # (the devserver's rebuilds, `make check` after `make html` in the tests).
    # Pelican has no public way to start its once-only list afresh: these are its
    # private class attributes (pelican/log.py, LimitFilter), emptied as they are.
    LimitFilter._raised_messages.clear()
    LimitFilter._group_count.clear()
    outcome = Outcome()
    errors = _ErrorCounter()
    pelicans_logger = logging.getLogger("pelican")
    # Campaign warnings come back as data, to be printed one per line (not Pelican's log).
    collector = _WarningCollector()
    warnings_logger = logging.getLogger(WARNINGS_LOGGER)
    pelicans_logger.addHandler(errors)
    warnings_logger.addHandler(collector)
    warnings_logger.propagate = False
    try:
        # The settings' problems name the file they are in (site/settings.py).
        named = {SETTINGS_FILE_SETTING: shown_path(settings_file), **override}
        outcome.settings = read_settings(settings_file, override=named)
        _Pelican(outcome.settings, errors).run()
    except CampaignProblems as stop:
        outcome.problems = stop.problems
    except PluginFailed as stop:
        outcome.failure = str(stop)
    except Exception as error:  # a theme or settings mistake: say it, no traceback
        outcome.failure = f"{type(error).__name__}: {error}{in_a_template(error)}"
    finally:
        pelicans_logger.removeHandler(errors)
        warnings_logger.removeHandler(collector)
        warnings_logger.propagate = True
    outcome.errors = errors.count
    outcome.warnings = sorted(collector.warnings, key=lambda w: (w.file, w.line or 0))
    return outcome
