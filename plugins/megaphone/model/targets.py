"""Target lists: who represents whom, as CSV files volunteers can edit.

`content/targets/<list>.csv` has the columns area,name,title,email (one row
per representative; `email` may hold several addresses separated by commas;
further columns, such as phone, are kept and shown). An optional area map
`content/targets/<list>.postcodes.csv` has the columns postcode,area; a
postcode may map to several areas, one row each.

Everything here is pure: text in, a TargetList and plain-words problems out,
each naming the file, the line and the column."""

from __future__ import annotations

import csv
import io
import json
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import get_close_matches

from .addresses import parse_recipients
from .calls import DEFAULT_REGION, Phone, parse_phone
from .invisible import Invisible, describe, hidden_text, invisible_characters, mixed_scripts_warning
from .limits import MAX_CELL_CHARS, MAX_LIST_NAME_CHARS, MAX_MAP_SHARDS, MAX_TARGET_ROWS
from .messages import ContentError, say
from .report import Problem

COLUMNS = ("area", "name", "title", "email")
PHONE_COLUMN = "phone"
MAP_COLUMNS = ("postcode", "area")
_DIGITS = re.compile(r"^\d+$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Target:
    area: str
    name: str
    title: str
    emails: tuple[str, ...]
    extra: tuple[tuple[str, str], ...] = ()  # further columns, in file order
    line: int = 0
    phone: Phone | None = None  # the `phone` column: each page offers the call too


@dataclass(frozen=True)
class TargetList:
    name: str
    targets: tuple[Target, ...]
    postcodes: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (postcode, areas), sorted

    def by_area(self) -> dict[str, Target]:
        return {target.area: target for target in self.targets}


# Countries whose postcodes are digits only, all of one length, and some of
# them begin with 0: a spreadsheet that takes the column for numbers drops
# that 0 (02134 becomes 2134). A map whose postcodes are all in such a zone
# (Boston's all begin 02) loses every zero at once, and then no length is
# "usual" any more: only the country's own length tells.
POSTCODE_DIGITS: dict[str, tuple[str, int]] = {
    "US": ("the United States", 5),
    "PR": ("Puerto Rico", 5),
    "VI": ("the US Virgin Islands", 5),
    "GU": ("Guam", 5),
    "AS": ("American Samoa", 5),
    "MP": ("the Northern Mariana Islands", 5),
    "DE": ("Germany", 5),
    "FR": ("France", 5),
    "IT": ("Italy", 5),
    "ES": ("Spain", 5),
    "MX": ("Mexico", 5),
    "FI": ("Finland", 5),
    "MY": ("Malaysia", 5),
    "KR": ("South Korea", 5),
    "TR": ("Turkey", 5),
    "UA": ("Ukraine", 5),
    "AU": ("Australia", 4),
    "NZ": ("New Zealand", 4),
    "ZA": ("South Africa", 4),
    "NO": ("Norway", 4),
    "CN": ("China", 6),
    "KZ": ("Kazakhstan", 6),
    "BR": ("Brazil", 8),
}


@dataclass(frozen=True)
class PostcodeFormat:
    """The site's country, as far as its postcodes go: its name, how many digits
    its postcodes have, and where the build took the country from (for the message)."""

    country: str
    digits: int
    source: str


def postcode_format(code: str, source: str) -> PostcodeFormat | None:
    """The format of a country (its ISO code, such as US), or None where postcodes
    are not digits of one length, or none begins with 0."""
    known = POSTCODE_DIGITS.get(code.strip().upper())
    return PostcodeFormat(known[0], known[1], source) if known else None


@dataclass
class ListReading:
    targets: TargetList | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)  # each with its file and line


@dataclass
class _File:
    """One file of a list being read: its problems and warnings name it, the line
    and the column."""

    name: str
    reading: ListReading

    # `where`: the column's name, or "file"
    def problem(self, line: int | None, where: str, code: str, **values) -> None:
        self.reading.problems.append(Problem(self.name, where, say(code, **values), line, code))

    def warning(self, line: int | None, where: str, text: str) -> None:
        self.reading.warnings.append(Problem(self.name, where, text, line))


Rows = list[tuple[int, dict[str, str]]]


def _spreadsheet_column(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the letters a spreadsheet shows above the column."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _header_problems(at: _File, header: list[str], wanted: tuple[str, ...]) -> bool:
    """Each column named twice (the second would silently win), each wanted one
    missing: True if the file cannot be read."""
    line = 1  # the header's
    first: dict[str, int] = {}
    twice = False
    for index, name in enumerate(header):
        if name and name in first:
            at.problem(
                line,
                name,
                "targets-column-twice",
                column=name,
                first=_spreadsheet_column(first[name]),
                second=_spreadsheet_column(index),
            )
            twice = True
        first.setdefault(name, index)
    missing = [column for column in wanted if column not in header]
    for column in missing:
        at.problem(line, column, "targets-column-missing", column=column, columns=",".join(wanted))
    return twice or bool(missing)


def _unseen(value: str) -> list[Invisible]:
    """The invisible characters of a cell (most cells are plain ASCII: no need to look)."""
    if value.isascii() and value.isprintable():
        return []
    return invisible_characters(value)


def _cell_problems(at: _File, line: int, cells: dict[str, str], checked: tuple[str, ...]) -> bool:
    """Cells too long, and invisible characters in the cells shown or sent as they are
    (`checked`: an address has its own check, which says more). True if any."""
    whole = "".join(cells.values())
    if len(whole) <= MAX_CELL_CHARS and whole.isascii() and whole.isprintable():
        return False  # most rows: nothing to look at cell by cell
    found = False
    for column, value in cells.items():
        if len(value) > MAX_CELL_CHARS:
            what = f"the {column!r} cell ({len(value):,} characters)"
            at.problem(line, column, "targets-cell-too-long", what=what, most=MAX_CELL_CHARS)
            found = True
            continue
        unseen = _unseen(value) if column in checked else []
        if unseen:
            _invisible_problem(at, line, column, value, unseen)
            found = True
    return found


def _invisible_problem(
    at: _File, line: int, where: str, value: str, unseen: list[Invisible]
) -> None:
    """As for the Subject: each character named, and a sentence hidden in tags spelled out."""
    words = hidden_text(value)
    hidden = f", which spell out {words!r}" if words else ""
    at.problem(line, where, "invisible-characters", characters=describe(unseen), hidden=hidden)


def _header(at: _File, values: list[str]) -> list[str]:
    """The column names, trimmed and lower-cased. A name with invisible characters
    is reported, and called by its spreadsheet letter from then on ("column B"):
    printed as it is, a right-to-left override would reverse the report's line."""
    header = []
    line = 1
    for index, value in enumerate(values):
        name = value.strip().lower()
        unseen = _unseen(name)
        too_long = len(name) > MAX_CELL_CHARS
        if unseen or too_long:
            name = f"column {_spreadsheet_column(index)}"
        if unseen:
            _invisible_problem(at, line, name, value, unseen)
        elif too_long:
            what = f"the name of {name} ({len(value.strip()):,} characters)"
            at.problem(line, name, "targets-cell-too-long", what=what, most=MAX_CELL_CHARS)
        header.append(name)
    return header


def _rows(at: _File, text: str, most: int | None = None) -> tuple[list[str], Rows]:
    """The header (trimmed, lower-cased) and each row with its line number.

    Read with newline="", as the csv module asks: a file saved with old Mac line
    ends (CR alone) reads as lines, not as an error. A cell too long for the csv
    module, or more than `most` rows, is a problem, and the rest is not read."""
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    header: list[str] | None = None
    rows: Rows = []
    last_line = 0  # the last line read whole: the next row starts after it
    try:
        for values in reader:
            if header is None:
                header = _header(at, values)
            elif any(value.strip() for value in values):
                if most is not None and len(rows) == most:
                    next_line = last_line + 1
                    at.problem(next_line, "file", "targets-too-many-rows", most=most)
                    break
                cells = {name: value.strip() for name, value in zip(header, values, strict=False)}
                rows.append((reader.line_num, cells))
            last_line = reader.line_num
    except csv.Error as error:
        _unreadable_row(at, last_line + 1, error)
    return header or [], rows


def _unreadable_row(at: _File, line: int, error: csv.Error) -> None:
    if "field larger than field limit" in str(error):
        what = f"a cell that starts on this line (over {csv.field_size_limit():,} characters)"
        at.problem(line, "file", "targets-cell-too-long", what=what, most=MAX_CELL_CHARS)
    else:  # none known since newline="": said as the csv module says it
        at.problem(line, "file", "targets-unreadable", reason=f"this line is not CSV ({error})")


def read_target_list(
    name: str,
    file: str,
    text: str,
    map_file: str = "",
    map_text: str | None = None,
    postcodes: PostcodeFormat | None = None,
    phone_region: str = DEFAULT_REGION,
) -> ListReading:
    """One list, and its area map if it has one (`postcodes`: the site's country's
    format, if the build knows it; `phone_region`: where its phone numbers are)."""
    reading = ListReading()
    at = _File(file, reading)
    header, rows = _rows(at, text, MAX_TARGET_ROWS)
    if _no_rows(at, header, rows) or _header_problems(at, header, COLUMNS):
        return reading
    shown = tuple(column for column in header if column != "email")
    targets: list[Target] = []
    seen_areas: dict[str, int] = {}
    for line, cells in rows:
        area = cells.get("area", "")
        if not area:
            at.problem(line, "area", "targets-area-empty")
            continue
        if area in seen_areas:
            at.problem(line, "area", "targets-area-twice", area=area, first=seen_areas[area])
            continue
        seen_areas[area] = line
        if _cell_problems(at, line, cells, shown):
            continue
        if not cells.get("email"):
            at.problem(line, "email", "targets-email-empty", area=area)
            continue
        target = _target(at, line, cells, header, phone_region)
        if target is not None:
            targets.append(target)
    _shared_addresses(at, targets)
    _phones_partly_empty(at, header, targets)
    mapped_postcodes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    if map_text is not None:
        map_at = _File(map_file, reading)
        areas = {t.area for t in targets} | set(seen_areas)
        mapped_postcodes = _read_map(map_at, map_text, areas, postcodes)
        mapped = {area for _, found in mapped_postcodes for area in found}
        for target in targets:
            if target.area not in mapped:
                unmapped = say(
                    "targets-area-unmapped", area=target.area, line=target.line, map=map_file
                )
                at.warning(target.line, "area", unmapped)
    if not reading.problems:
        reading.targets = TargetList(name, tuple(targets), mapped_postcodes)
    return reading


def _no_rows(at: _File, header: list[str], rows: Rows) -> bool:
    """A list with nobody in it: every campaign naming it would offer "Write to
    your own representative" over an empty list. True if so (said once: an empty
    file would otherwise be four missing columns)."""
    if rows or at.reading.problems:  # a row too many, or unreadable: said already
        return False
    why = "it has only its first line, the column names" if any(header) else "the file is empty"
    line = 1  # the header's: the rows would start below it
    at.problem(line, "file", "targets-list-empty", why=why)
    return True


def _target(
    at: _File, line: int, cells: dict[str, str], header: list[str], phone_region: str
) -> Target | None:
    """One row's representative, or None if an address or the phone is wrong. An
    address that mixes alphabets is a warning, as it is in `To`."""
    read = parse_recipients(cells["email"])
    for error in read.problems:
        at.reading.problems.append(Problem(at.name, "email", str(error), line, error.code))
    phone = None
    if cells.get(PHONE_COLUMN, "").strip():
        try:
            phone = parse_phone(cells[PHONE_COLUMN], phone_region)
        except ContentError as error:
            at.reading.problems.append(Problem(at.name, PHONE_COLUMN, str(error), line, error.code))
            return None
    if read.problems:
        return None
    for warning in read.warnings:
        at.warning(line, "email", warning)
    for address in read.addresses:
        mixed = mixed_scripts_warning(address)
        if mixed:
            at.warning(line, "email", mixed)
    extra = tuple(
        (column, cells.get(column, ""))
        for column in header
        if column not in COLUMNS and column != PHONE_COLUMN and cells.get(column, "")
    )
    return Target(
        cells["area"],
        cells.get("name", ""),
        cells.get("title", ""),
        read.addresses,
        extra,
        line,
        phone,
    )


def _phones_partly_empty(at: _File, header: list[str], targets: list[Target]) -> None:
    """A phone column with some cells empty: those representatives' pages offer the
    email alone, which the volunteer should know (one warning naming the lines)."""
    if PHONE_COLUMN not in header or not any(t.phone for t in targets):
        return
    empty = [t.line for t in targets if t.phone is None]
    if empty:
        shown = ", ".join(str(line) for line in empty[:20]) + (" ..." if len(empty) > 20 else "")
        words = say("targets-phone-missing", count=len(empty), lines=shown)
        at.warning(empty[0], PHONE_COLUMN, words)


def _shared_addresses(at: _File, targets: list[Target]) -> None:
    """Real lists have this: two members of one chamber listing the same inbox."""
    owners: dict[str, list[Target]] = defaultdict(list)
    for target in targets:
        for address in target.emails:
            owners[address.lower()].append(target)
    for address, found in owners.items():
        if len(found) > 1:
            text = say(
                "targets-address-shared",
                address=address,
                areas=", ".join(t.area for t in found),
                lines=", ".join(str(t.line) for t in found),
            )
            at.warning(found[1].line, "email", text)


def _postcode_length(at: _File, rows: Rows, country: PostcodeFormat | None) -> tuple[int, bool]:
    """How many digits a postcode of this map should have: the map's most usual
    number, or the country's where the build knows it and it is more; and True if
    every postcode of the map is shorter (said here, once, not on every line)."""
    lengths = Counter(
        len(cells.get("postcode", ""))
        for _, cells in rows
        if _DIGITS.match(cells.get("postcode", ""))
    )
    usual = lengths.most_common(1)[0][0] if lengths else 0
    wanted = max(usual, country.digits) if country else usual
    if not lengths or country is None or max(lengths) >= wanted:
        return wanted, False
    line, cells = next((n, c) for n, c in rows if _DIGITS.match(c.get("postcode", "")))
    short = cells["postcode"]
    at.problem(
        line,
        "postcode",
        "targets-postcodes-all-short",
        count=len({c["postcode"] for _, c in rows if _DIGITS.match(c.get("postcode", ""))}),
        length=_lengths_in_words(lengths),
        country=country.country,
        digits=country.digits,
        source=country.source,
        short=short,
        fixed=short.zfill(country.digits),
    )
    return wanted, True


def _lengths_in_words(lengths: Counter) -> str:
    """{4: 310, 3: 2} -> "3 or 4"."""
    found = sorted(lengths)
    return (
        str(found[0]) if len(found) == 1 else ", ".join(map(str, found[:-1])) + f" or {found[-1]}"
    )


def _read_map(
    at: _File, text: str, areas: set[str], country: PostcodeFormat | None = None
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    header, rows = _rows(at, text)
    if _header_problems(at, header, MAP_COLUMNS):
        return ()
    rows = [
        (line, {**cells, "postcode": zip_code(cells.get("postcode", ""))}) for line, cells in rows
    ]
    usual, all_short = _postcode_length(at, rows, country)
    if all_short:
        return ()
    by_postcode: dict[str, list[str]] = defaultdict(list)
    unknown: dict[str, int] = {}
    beginnings: dict[str, int] = {}  # how postcodes begin (as the script reads them): first line
    for line, cells in rows:
        if _cell_problems(at, line, cells, MAP_COLUMNS):
            continue
        postcode, area = cells.get("postcode", ""), cells.get("area", "")
        if not postcode or not area:
            column = "postcode" if not postcode else "area"
            at.problem(line, column, "targets-map-empty", column=column)
            continue
        if _DIGITS.match(postcode) and len(postcode) < usual:
            fixed = postcode.zfill(usual)
            at.problem(line, "postcode", "targets-postcode-number", postcode=postcode, fixed=fixed)
            continue
        if area not in areas:
            unknown.setdefault(area, line)
            continue
        if area not in by_postcode[postcode]:
            by_postcode[postcode].append(area)
        beginnings.setdefault(normal_postcode(postcode)[:SHARD_PREFIX], line)
    for area, line in unknown.items():
        at.problem(line, "area", "targets-map-unknown-area", area=area)
    if len(by_postcode) > INLINE_POSTCODES:
        _shard_problems(at, beginnings)
    return tuple(sorted((postcode, tuple(found)) for postcode, found in by_postcode.items()))


def _shard_problems(at: _File, beginnings: dict[str, int]) -> None:
    """A large map is published as one file per shard: at most MAX_MAP_SHARDS of them."""
    shards: dict[str, int] = {}
    for beginning, line in beginnings.items():  # in the order of their lines
        shards.setdefault(shard_name(beginning), line)
    if len(shards) > MAX_MAP_SHARDS:
        first_over = list(shards.values())[MAX_MAP_SHARDS]
        at.problem(first_over, "postcode", "targets-map-too-many-shards", most=MAX_MAP_SHARDS)


# A list's name goes unencoded into addresses (/<slug>/targets/<list>/100.json,
# /<slug>/to/<list>/12/) and into `Targets:`. Lower-case ASCII letters, digits
# and dashes only, as area folders: `#`, `?`, `%` and spaces break an address
# (`#` ends it: the postcode lookup fetched nothing); `.` could name the
# campaign's own `data.json`, or `..`; `_` and capitals look like `-` and
# small letters, and macOS and Windows take `NY-Senate` for `ny-senate`.
_LIST_NAME = re.compile(rf"^[a-z0-9-]{{1,{MAX_LIST_NAME_CHARS}}}$")


def list_name_problem(name: str) -> str | None:
    """The words for a list's file name that cannot be a list name, or None."""
    if _LIST_NAME.match(name):
        return None
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    suggestion = _NOT_SLUG.sub("-", plain).strip("-")[:MAX_LIST_NAME_CHARS].strip("-")
    return say(
        "targets-list-name",
        name=name,
        most=MAX_LIST_NAME_CHARS,
        suggestion=suggestion or "my-list",
    )


def list_names(value) -> list[str]:
    """`Targets: ny-senate, ny-assembly` as names."""
    if isinstance(value, (list, tuple)):
        value = ",".join(value)
    return [name.strip() for name in str(value or "").split(",") if name.strip()]


def unknown_list(name: str, known: list[str]) -> str:
    """The words for a `Targets:` name with no list in content/targets/."""
    guess = get_close_matches(name, known, n=1, cutoff=0.6)
    hint = (
        f" Did you mean '{guess[0]}'?"
        if guess
        else (
            f" The lists are: {', '.join(sorted(known))}."
            if known
            else " Put the list in content/targets/<name>.csv first."
        )
    )
    return say("targets-unknown-list", name=name, hint=hint)


# The placeholders a target fills by itself, on its own page.
TARGET_PLACEHOLDERS = ("Target name", "Target title", "Area")


def target_values(target: Target) -> dict[str, str]:
    """What `[Target name]`, `[Target title]` and `[Area]` become for one target."""
    return {"Target name": target.name, "Target title": target.title, "Area": target.area}


def area_slugs(targets: tuple[Target, ...]) -> dict[str, str]:
    """Each area's folder name under /<slug>/to/: ASCII letters, digits and dashes only,
    never empty, never two the same (`District 1` -> `district-1`; `Área 7` -> `area-7`)."""
    slugs: dict[str, str] = {}
    taken: set[str] = set()
    for number, target in enumerate(targets, start=1):
        plain = unicodedata.normalize("NFKD", target.area).encode("ascii", "ignore").decode()
        base = _NOT_SLUG.sub("-", plain.lower()).strip("-")[:60].strip("-") or f"area-{number}"
        slug, suffix = base, 2
        while slug in taken:
            slug, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(slug)
        slugs[target.area] = slug
    return slugs


# A map up to this many postcodes goes whole into the campaign's one data
# file; a larger one is split by the postcode's first characters, so that a
# visitor downloads only the shard of the postcode they typed.
INLINE_POSTCODES = 2000
SHARD_PREFIX = 3


# A US ZIP+4 (12345-6789) is in the ZIP's area: it is read as its first five
# digits, in the map as in what a visitor types. Only this shape: Japan's
# 100-0001 and Brazil's 01000-000 are whole postcodes. The script has the
# same rule (normalPostcode), without a lookbehind; [0-9], not \d, since the
# script's \d is ASCII digits only and Python's any script's.
_ZIP_PLUS_FOUR = re.compile(r"([0-9]{5})-[0-9]{4}")


def zip_code(postcode: str) -> str:
    """12345-6789 -> 12345; any other postcode as it is."""
    plus_four = _ZIP_PLUS_FOUR.fullmatch(postcode)
    return plus_four.group(1) if plus_four else postcode


def normal_postcode(text: str) -> str:
    """As the page's script reads a typed postcode: no spaces, capitals, a ZIP+4 as its ZIP."""
    return zip_code("".join(text.split()).upper())


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def target_data(lists: tuple[TargetList, ...], pages: dict[tuple[str, str], str]) -> dict:
    """The files the campaign page's script may fetch, from the site itself:
    `data.json` (every target: area, name, title, addresses and page; and each
    small map) and, for a large map, `<list>/<prefix>.json` shards.
    `pages` maps (list, area) to the target page's path. Same data, same bytes."""
    files: dict[str, bytes] = {}
    data: dict = {"lists": [], "postcodes": {}, "shards": {}}
    for target_list in lists:
        data["lists"].append(
            {
                "name": target_list.name,
                "targets": [
                    [t.area, t.name, t.title, list(t.emails), pages[(target_list.name, t.area)]]
                    for t in target_list.targets
                ],
            }
        )
        if not target_list.postcodes:
            continue
        by_postcode: dict[str, list[str]] = defaultdict(list)
        for written, found in target_list.postcodes:
            known = by_postcode[normal_postcode(written)]
            for area in found:
                if area not in known:
                    known.append(area)
        if len(by_postcode) <= INLINE_POSTCODES:
            data["postcodes"][target_list.name] = dict(by_postcode)
            continue
        data["shards"][target_list.name] = SHARD_PREFIX
        shards: dict[str, dict[str, list[str]]] = defaultdict(dict)
        for postcode, in_areas in by_postcode.items():
            shards[shard_name(postcode)][postcode] = in_areas
        for prefix, shard in shards.items():
            files[f"{target_list.name}/{prefix}.json"] = _json(shard)
    files["data.json"] = _json(data)
    return files


def target_file_names(lists: tuple[TargetList, ...]) -> list[str]:
    """The names of the files `target_data` writes, without making them."""
    names = ["data.json"]
    for target_list in lists:
        postcodes = {normal_postcode(written) for written, _ in target_list.postcodes}
        if len(postcodes) > INLINE_POSTCODES:
            names += sorted({f"{target_list.name}/{shard_name(p)}.json" for p in postcodes})
    return names


def shard_name(postcode: str) -> str:
    """The shard file of a (normalised) postcode: its first characters, safe as
    a file name (the script does the same)."""
    head = postcode[:SHARD_PREFIX].lower()
    return "".join(c if c.isascii() and c.isalnum() else "_" for c in head)


# "I live in Ward [Area]" with areas written "Ward 3" sends "I live in Ward
# Ward 3": the words just before [Area] repeat the start of the area.
_AREA_BLANK = re.compile(r"(?<!\\)\[ *Area *\]")


def _word(text: str) -> str:
    """A word as compared: without the punctuation around it, in any case."""
    return text.strip(".,:;!?()\"'#-\u2013\u2014\u2019").casefold()


def _repeated_start(before: list[str], area: str) -> int:
    """How many words of the area's start the words before [Area] end with
    (the longest match; 0 if none). The area's last word never counts: "3"
    before an area "3" is not a doubling anyone writes."""
    words = area.split()
    for count in range(len(words) - 1, 0, -1):
        if [_word(w) for w in before[-count:]] == [_word(w) for w in words[:count]]:
            return count
    return 0


def _doubling(line: str, target_list: TargetList) -> tuple[str, Target, int] | None:
    """The first [Area] on the line whose words before it double an area's start:
    the text before it, the first such area and how many words repeat."""
    for blank in _AREA_BLANK.finditer(line):
        before = line[: blank.start()]
        for target in target_list.targets:
            count = _repeated_start(before.split(), target.area)
            if count:
                return before, target, count
    return None


def doubled_area_warnings(
    lists: tuple[TargetList, ...] | list[TargetList], texts: list[tuple[str, str]]
) -> list[str]:
    """A warning for each line of a letter or subject (`texts`: where it is, in
    words, and its text) whose [Area] would repeat the words before it."""
    warnings = []
    for where, text in texts:
        for number, line in enumerate(text.split("\n"), start=1):
            for target_list in lists:
                found = _doubling(line, target_list)
                if found:
                    warnings.append(_doubled_words(where, number, target_list, found))
    return list(dict.fromkeys(warnings))


def _doubled_words(
    where: str, number: int, target_list: TargetList, found: tuple[str, Target, int]
) -> str:
    """The warning, quoting a few words of the line: as sent, and as it could be."""
    before, target, count = found
    words = before.split()
    lead = words[-count - 3 : -count]
    return say(
        "area-said-twice",
        where=where.replace("{line}", str(number)),
        before=" ".join(words[-count:]),
        list=target_list.name,
        example=target.area,
        doubled=" ".join(words[-count - 3 :] + [target.area]),
        instead=" ".join([*lead, "[Area]"]),
        start=" ".join(target.area.split()[:count]),
        short=" ".join(target.area.split()[count:]),
    )
