"""The target lists of a site: `content/targets/<list>.csv`, each with its
optional area map `<list>.postcodes.csv`, read once per build.

The model (model/targets.py) reads each file; this finds them, reads them
from disk and hands back the lists, the problems and the warnings. The
folder is neither a campaign folder nor a static one: nothing in it is
published as it is."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..model.messages import say
from ..model.report import Problem
from ..model.targets import TargetList, read_target_list
from .contents import shown_path

TARGETS_FOLDER = "targets"
MAP_SUFFIX = ".postcodes.csv"


@dataclass
class SiteTargets:
    lists: dict[str, TargetList] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # lists whose own problems are reported
    problems: list[Problem] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (file, text)


def _read(path: str) -> str:
    with open(path, encoding="utf-8", newline="") as source:
        return source.read()


def read_site_targets(content: str) -> SiteTargets:
    """Every list in <content>/targets/, in name order."""
    found = SiteTargets()
    folder = os.path.join(content, TARGETS_FOLDER)
    if not os.path.isdir(folder):
        return found
    names = sorted(os.listdir(folder))
    for name in names:
        path = os.path.join(folder, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        if name.endswith(MAP_SUFFIX):
            if name[: -len(MAP_SUFFIX)] + ".csv" not in names:
                found.warnings.append(
                    (shown_path(path), say("targets-map-alone", list=name[: -len(MAP_SUFFIX)]))
                )
            continue
        if not name.endswith(".csv"):
            found.warnings.append((shown_path(path), say("targets-not-csv")))
            continue
        list_name = name[: -len(".csv")]
        map_path = os.path.join(folder, list_name + MAP_SUFFIX)
        try:
            text = _read(path)
            map_text = _read(map_path) if os.path.isfile(map_path) else None
        except (OSError, UnicodeDecodeError) as error:
            reason = (
                "it is not saved as UTF-8 text"
                if isinstance(error, UnicodeDecodeError)
                else str(error.strerror or error)
            )
            found.problems.append(
                Problem(
                    shown_path(path),
                    "file",
                    say("targets-unreadable", reason=reason),
                    1,
                    "targets-unreadable",
                )
            )
            found.broken.add(list_name)
            continue
        reading = read_target_list(
            list_name, shown_path(path), text, shown_path(map_path), map_text
        )
        found.problems.extend(reading.problems)
        found.warnings.extend(reading.warnings)
        if reading.targets is not None:
            found.lists[list_name] = reading.targets
        else:
            found.broken.add(list_name)
    return found
