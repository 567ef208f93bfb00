"""The target lists of a site: `content/targets/<list>.csv`, each with its
optional area map `<list>.postcodes.csv`, read once per build.

The model (model/targets.py) reads each file; this finds them, reads them
from disk and hands back the lists, the problems and the warnings. The
folder is neither a campaign folder nor a static one: nothing in it is
published as it is."""

from __future__ import annotations

import functools
import os
import zoneinfo
from dataclasses import dataclass, field
from importlib import resources

from ..model.calls import DEFAULT_REGION
from ..model.limits import MAX_LIST_BYTES, MAX_MAP_BYTES, in_megabytes
from ..model.messages import say
from ..model.report import Problem
from ..model.targets import (
    PostcodeFormat,
    TargetList,
    list_name_problem,
    postcode_format,
    read_target_list,
)
from .contents import shown_path

TARGETS_FOLDER = "targets"
MAP_SUFFIX = ".postcodes.csv"


@dataclass
class SiteTargets:
    lists: dict[str, TargetList] = field(default_factory=dict)
    broken: set[str] = field(default_factory=set)  # lists whose own problems are reported
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)


class TooLarge(Exception):
    """A file larger than a list or a map may be: not read at all."""

    def __init__(self, most: int):
        super().__init__()
        self.most = most


def _read(path: str, most: int) -> str:
    """The file's text; never more than `most` bytes read (a stranger's pull
    request cannot fill the build machine's memory)."""
    with open(path, "rb") as source:
        data = source.read(most + 1)
    if len(data) > most:
        raise TooLarge(most)
    return data.decode("utf-8")


def site_postcode_format(settings) -> PostcodeFormat | None:
    """The country whose postcodes the maps hold: MEGAPHONE_POSTCODE_COUNTRY if the
    site sets it ("" for none), else the country of MEGAPHONE_TIMEZONE, the one
    setting that names a place (America/New_York: US). site/settings.py checked both."""
    chosen = settings.get("MEGAPHONE_POSTCODE_COUNTRY")
    if chosen is not None:
        code = str(chosen)
        return postcode_format(code, f"MEGAPHONE_POSTCODE_COUNTRY = {code!r}")
    zone = str(settings.get("MEGAPHONE_TIMEZONE") or "")
    code = _zone_countries().get(zone, "")
    return postcode_format(code, f"the country of MEGAPHONE_TIMEZONE = {zone!r}")


@functools.cache  # the same table for every build of a devserver's run
def _zone_countries() -> dict[str, str]:
    """Each time zone's country, from the time zone database's zone.tab (the
    tzdata package's copy, else the system's); {} if neither has one."""
    try:
        text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    except (ModuleNotFoundError, OSError):
        text = ""
    for folder in () if text else zoneinfo.TZPATH:
        try:
            with open(os.path.join(folder, "zone.tab"), encoding="utf-8") as table:
                text = table.read()
            break
        except OSError:
            continue
    rows = (line.split("\t") for line in text.splitlines() if not line.startswith("#"))
    return {row[2]: row[0] for row in rows if len(row) >= 3}


def read_site_targets(
    content: str, postcodes: PostcodeFormat | None = None, phone_region: str = DEFAULT_REGION
) -> SiteTargets:
    """Every list in <content>/targets/, in name order (`postcodes`: the country's
    format, for the maps; `phone_region`: where the lists' phone numbers are)."""
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
                alone = say("targets-map-alone", list=name[: -len(MAP_SUFFIX)])
                found.warnings.append(Problem(shown_path(path), "", alone))
        elif not name.endswith(".csv"):
            found.warnings.append(Problem(shown_path(path), "", say("targets-not-csv")))
        else:
            _read_list(found, folder, name[: -len(".csv")], postcodes, phone_region)
    return found


def _file_problem(found: SiteTargets, path: str, list_name: str, text: str, code: str) -> None:
    """A list that cannot be read at all: said once, on its file's first line."""
    found.problems.append(Problem(shown_path(path), "file", text, 1, code))
    found.broken.add(list_name)


def _read_list(
    found: SiteTargets,
    folder: str,
    list_name: str,
    postcodes: PostcodeFormat | None,
    phone_region: str,
) -> None:
    """One list and its map, if its name can be a list's and both files can be read."""
    path = os.path.join(folder, list_name + ".csv")
    wrong_name = list_name_problem(list_name)
    if wrong_name:
        _file_problem(found, path, list_name, wrong_name, "targets-list-name")
        return
    map_path = os.path.join(folder, list_name + MAP_SUFFIX)
    reading_path = path
    try:
        text = _read(path, MAX_LIST_BYTES)
        reading_path = map_path
        map_text = _read(map_path, MAX_MAP_BYTES) if os.path.isfile(map_path) else None
    except TooLarge as error:
        words = say("targets-file-too-large", most=in_megabytes(error.most))
        _file_problem(found, reading_path, list_name, words, "targets-file-too-large")
        return
    except (OSError, UnicodeDecodeError) as error:
        reason = (
            "it is not saved as UTF-8 text"
            if isinstance(error, UnicodeDecodeError)
            else str(error.strerror or error)
        )
        words = say("targets-unreadable", reason=reason)
        _file_problem(found, reading_path, list_name, words, "targets-unreadable")
        return
    reading = read_target_list(
        list_name, shown_path(path), text, shown_path(map_path), map_text, postcodes, phone_region
    )
    found.problems.extend(reading.problems)
    found.warnings.extend(reading.warnings)
    if reading.targets is not None:
        found.lists[list_name] = reading.targets
    else:
        found.broken.add(list_name)
