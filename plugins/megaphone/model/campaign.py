"""The validated campaign: everything the theme shows, checked once.

`read_campaign` turns one page's metadata and rendered HTML into a Campaign,
or into problems said in plain words. It knows nothing of Pelican's objects:
the hooks hand it plain values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

from . import links as link_builder
from .addresses import parse_address_list, parse_recipients
from .blanks import blank_warnings, respelled, target_blank_problems
from .deadline import (
    FIRST_YEAR,
    LAST_YEAR,
    DeadlineError,
    Timing,
    in_words,
    parse_deadline,
    parse_timezone,
    timing,
    zone_of,
)
from .invisible import control_characters, letter_errors, mixed_scripts_warning, text_errors
from .letter import excerpt, fill, labels, not_blanks, placeholders, split_letters
from .limits import (
    MAX_CAMPAIGN_BYTES,
    MAX_LETTER_CHARS,
    MAX_LETTER_VERSIONS,
    MAX_SUBJECT_CHARS,
    MAX_SUBJECTS,
    MAX_TARGET_PAGES,
    SUMMARY_COPIES,
    in_megabytes,
)
from .messages import ContentError, say
from .page_size import target_pages_bytes
from .report import Problem
from .targets import (
    TARGET_PLACEHOLDERS,
    Target,
    TargetList,
    area_slugs,
    doubled_area_warnings,
    list_names,
    target_values,
    unknown_list,
)

ADDRESS_FIELDS = (("to", "To"), ("cc", "Cc"), ("bcc", "Bcc"))
# Mail apps and inboxes cut longer subject lines; offices skim them.
LONGEST_SUBJECT = 150
_PLACEHOLDER_BRACKETS = re.compile(r"\[([^\[\]\n]+)\]")


@dataclass(frozen=True)
class Variant:
    """One version of the letter, with the subject and links that go with it."""

    letter: str
    subject: str
    links: link_builder.Links
    counted: link_builder.Links | None = None  # the links with the Count address as Bcc

    @property
    def excerpt(self) -> str:
        """A line that tells variants apart: the first after the greeting."""
        return excerpt(self.letter)


@dataclass(frozen=True)
class Campaign:
    to: tuple[str, ...]
    cc: tuple[str, ...]
    bcc: tuple[str, ...]
    variants: tuple[Variant, ...]  # the first is the one shown without JavaScript
    subjects: tuple[str, ...]  # every subject line; the script picks one at random
    deadline: datetime  # aware, in the campaign's own time zone
    is_open: bool
    explanation: str  # the page's HTML without the letter blocks
    days_left: int = 0  # calendar days from the build date to the deadline, there
    names: tuple[tuple[str, str], ...] = ()  # (address, name) as written: shown, never sent
    count: str = ""  # Count: the organisers' address, as Bcc only if the visitor chooses
    count_name: str = ""  # the name written before it, if any (else the site's name)
    targets: tuple[TargetList, ...] = ()  # Targets: the lists a visitor chooses from
    target: Target | None = None  # on one target's page: who this letter goes to
    target_list: str = ""  # the name of that target's list
    budget: int = link_builder.DEFAULT_BUDGET  # the link budget the links were built with

    def display(self, addresses: tuple[str, ...]) -> str:
        """`Jane Doe <jane@city.gov>, clerk@city.gov`: how the page shows recipients."""
        named = dict(self.names)
        return ", ".join(f"{named[a]} <{a}>" if a in named else a for a in addresses)

    @property
    def letter(self) -> str:
        return self.variants[0].letter

    @property
    def subject(self) -> str:
        return self.variants[0].subject

    @property
    def links(self) -> link_builder.Links:
        return self.variants[0].links

    @property
    def labels(self) -> tuple[str, ...]:
        """What the chooser calls each version: never two the same."""
        return tuple(labels([v.letter for v in self.variants]))

    @property
    def placeholders(self) -> tuple[str, ...]:
        """Every distinct [Placeholder] in any subject, then in any variant, in order.

        One field fills a placeholder wherever it is, in the subject as in the letter."""
        return placeholders("\n".join(self.subjects + tuple(v.letter for v in self.variants)))

    @property
    def visitor_placeholders(self) -> tuple[str, ...]:
        """The blanks the visitor fills in: with target lists, not those each
        representative fills (the script's placeholderNames leaves them out too)."""
        if not self.targets:
            return self.placeholders
        return tuple(name for name in self.placeholders if name not in TARGET_PLACEHOLDERS)

    @property
    def target_pages(self) -> tuple[tuple[TargetList, Target, str], ...]:
        """(list, target, folder under /<slug>/) for every target: `to/<area>/` with
        one list, `to/<list>/<area>/` with several (their areas share numbers)."""
        pages = []
        for target_list in self.targets:
            slugs = area_slugs(target_list.targets)
            prefix = "to/" if len(self.targets) == 1 else f"to/{target_list.name}/"
            for target in target_list.targets:
                pages.append((target_list, target, f"{prefix}{slugs[target.area]}/"))
        return tuple(pages)

    @property
    def next_list(self) -> TargetList | None:
        """On a target's page: the campaign's next list, to write to after this one."""
        names = [t.name for t in self.targets]
        if self.target_list not in names:
            return None
        index = names.index(self.target_list) + 1
        return self.targets[index] if index < len(self.targets) else None

    @property
    def deadline_words(self) -> str:
        return in_words(self.deadline)

    @property
    def timezone(self) -> str:
        return zone_of(self.deadline).key


@dataclass
class Reading:
    """The outcome for one file: a campaign, or the problems that stop it.

    Problems carry no line number yet: the caller finds lines in the source,
    and only for files that have problems."""

    campaign: Campaign | None = None
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Warnings about one line of the file: each with the text that finds its line.
    placed: list[Problem] = field(default_factory=list)
    timing: Timing | None = None  # what of the campaign depends on the moment of the build


def _text(value) -> str:
    if isinstance(value, (list, tuple)):  # several lines of metadata
        value = " ".join(value)
    return str(value or "").strip()


def _subject_lines(value) -> list[str]:
    """`Subjects:` as one line split by |, or one subject per line."""
    lines = value if isinstance(value, (list, tuple)) else [value or ""]
    return [s.strip() for line in lines for s in re.split(r"[|\n]", str(line)) if s.strip()]


def _only_a_note(subject: str) -> bool:
    """A subject that is nothing but a note in brackets, such as
    [*** INSERT UNIQUE SUBJECT LINE ***]: every email would carry it as it is."""
    notes = [b.text for b in not_blanks(subject) if b.kind == "instruction"]
    rest = subject
    for note in notes:
        rest = rest.replace(note, "")
    return bool(notes) and not any(c.isalnum() for c in rest)


def _bracket_warnings(texts: list[tuple[str, str]]) -> list[str]:
    """Brackets that look like a blank but are not one: escaped, or a note."""
    warnings = []
    for where, text in texts:
        for found in not_blanks(text):
            place = " in the Subject" if where == "Subject" else ""
            if found.kind == "escaped":
                fixed = found.text.replace("\\[", "[").replace("\\]", "]")
                warnings.append(
                    say("placeholder-escaped", text=found.text, where=place, fixed=fixed)
                )
            else:
                warnings.append(say("placeholder-instruction", text=found.text, where=place))
    return list(dict.fromkeys(warnings))


def _where_each_text(subjects: list[str], variants: list[Variant]) -> list[tuple[str, str]]:
    """Each subject and letter, with where it is in words ({line}: its line)."""
    named = [("the Subject", subjects[0])] if len(subjects) == 1 else []
    named += [(f"Subject {n}", s) for n, s in enumerate(subjects, 1) if len(subjects) > 1]
    if len(variants) == 1:
        return named + [("line {line} of the letter", variants[0].letter)]
    return named + [(f"line {{line}} of letter {n}", v.letter) for n, v in enumerate(variants, 1)]


_COUNT_NAME = re.compile(r"^\s*\"?([^<>\"]*?)\"?\s*<")
_PLATFORMS = (("chromeos", "on Chromebooks"), ("roomy", "on Mac, iPhone, Android and Linux"))
_SERVICES = dict(link_builder.MAIL_SERVICES)


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def link_reach(which: str, links: link_builder.Links, budget: int) -> str:
    """Where one letter's link carries it whole, and where visitors paste it."""
    length = links.mailto_full_length
    app_yes, app_no = [], ["on Windows", "without JavaScript"]
    if links.mailto_has_body:
        app_yes, app_no = ["everywhere"], []
    else:
        for platform, names in _PLATFORMS:
            cap = max(link_builder.MAIL_APP_CAPS[platform], budget)
            (app_yes if length <= cap else app_no).insert(0, names)
    parts = []
    if app_yes:
        parts.append(f"the mail-app button carries it {_and(app_yes)}")
    if app_no:
        parts.append(
            f"{'it' if app_yes else 'the mail-app button'} asks to paste it {_and(app_no)}"
        )
    yes = [_SERVICES[k] for k in _SERVICES if links.has_body(k)]
    no = [_SERVICES[k] for k in _SERVICES if not links.has_body(k)]
    services = [f"{_and(yes)} carr{'ies' if len(yes) == 1 else 'y'} it"] if yes else []
    services += [f"{_and(no)} ask{'s' if len(no) == 1 else ''} to paste it"] if no else []
    return f"{which} is {length:,} characters as a link: " + "; ".join(
        [", and ".join(parts)] + services
    )


def _subject_limits(file: str, subjects: list[str], field: str) -> list[Problem]:
    """Subject lines a stranger's pull request could multiply: every page carries them all."""
    found = []
    if len(subjects) > MAX_SUBJECTS:
        words = say("subject-too-many", count=len(subjects), most=MAX_SUBJECTS)
        found.append(Problem(file, field, words, code="subject-too-many"))
    for subject in subjects:
        if len(subject) > MAX_SUBJECT_CHARS:
            words = say("subject-too-long", length=len(subject), most=MAX_SUBJECT_CHARS)
            found.append(Problem(file, field, words, code="subject-too-long", find=subject[:60]))
    return found


def _letter_limits(file: str, letters: tuple[str, ...]) -> list[Problem]:
    """Too many versions is said once (each one's own problems would only repeat it)."""
    if len(letters) > MAX_LETTER_VERSIONS:
        words = say("letter-too-many", count=len(letters), most=MAX_LETTER_VERSIONS)
        return [Problem(file, "letter", words, code="letter-too-many")]
    return [
        Problem(
            file,
            "letter",
            say("letter-too-long", number=number, length=len(letter), most=MAX_LETTER_CHARS),
            code="letter-too-long",
            find=_telling_line(letter),
        )
        for number, letter in enumerate(letters, start=1)
        if len(letter) > MAX_LETTER_CHARS
    ]


def _telling_line(letter: str) -> str:
    """The start of a letter's longest line: likely its own, so the problem's line
    is in that letter and not the first one (which shares the greeting)."""
    return max(letter.split("\n"), key=len).strip()[:60]


def _target_page_limits(
    file: str,
    letters: tuple[str, ...],
    subjects: list[str],
    lists: list[TargetList],
    on_every_page: int,
) -> list[Problem]:
    """The representatives' pages this campaign would write: how many, and their bytes."""
    pages = sum(len(target_list.targets) for target_list in lists)
    if pages > MAX_TARGET_PAGES:
        words = say("targets-too-many-pages", pages=pages, most=MAX_TARGET_PAGES)
        return [Problem(file, "Targets", words, code="targets-too-many-pages")]
    size = target_pages_bytes(letters, tuple(subjects), tuple(lists), on_every_page)
    if size <= MAX_CAMPAIGN_BYTES:
        return []
    words = say(
        "campaign-too-large",
        size=in_megabytes(size),
        pages=pages,
        versions=len(letters),
        most=in_megabytes(MAX_CAMPAIGN_BYTES),
    )
    return [Problem(file, "Targets", words, code="campaign-too-large")]


def read_campaign(
    *,
    file: str,
    metadata: dict,
    html: str,
    default_timezone: str,
    today: date | None,
    budget: int = link_builder.DEFAULT_BUDGET,
    target_lists: dict[str, TargetList] | None = None,
    broken_lists: frozenset[str] = frozenset(),
) -> Reading:
    reading = Reading()

    def problem(name: str, code: str, find: str = "", **values) -> None:
        reading.problems.append(Problem(file, name, say(code, **values), code=code, find=find))

    def problem_from(name: str, error: ContentError) -> None:
        reading.problems.append(Problem(file, name, str(error), code=error.code))

    for key, name in (("date", "Date"), ("modified", "Modified")):
        moment = metadata.get(key)
        # Written into the feed and the calendar file in UTC: year 1 in Tokyo is year 0 there.
        if isinstance(moment, datetime) and not FIRST_YEAR <= moment.year <= LAST_YEAR:
            day = str(moment.date())
            problem(name, "date-out-of-range", text=day, first=FIRST_YEAR, last=LAST_YEAR)
    recipients = {}
    names: list[tuple[str, str]] = []
    for key, name in ADDRESS_FIELDS:
        read = parse_recipients(metadata.get(key, ""))
        recipients[key] = read.addresses
        names.extend(read.names)
        reading.warnings.extend(read.warnings)
        for error in read.problems:
            problem_from(name, error)
    count_value = _text(metadata.get("count"))
    count, bad_count = parse_address_list(count_value)
    for error in bad_count:
        problem_from("Count", error)
    if len(count) > 1 or (count and bad_count):
        problem("Count", "count-one-address", text=count_value)
    name_match = _COUNT_NAME.match(count_value)
    count_name = name_match.group(1).strip() if name_match else ""
    for invisible in text_errors(count_name):
        problem_from("Count", invisible)
    chosen: list[TargetList] = []
    known = dict(target_lists or {})
    for name in dict.fromkeys(list_names(metadata.get("targets"))):
        if name in known:
            chosen.append(known[name])
        elif name not in broken_lists:  # a broken list's own problems say what is wrong
            reading.problems.append(
                Problem(
                    file, "Targets", unknown_list(name, list(known)), code="targets-unknown-list"
                )
            )
    if "targets" in metadata and not list_names(metadata.get("targets")):
        problem("Targets", "targets-empty")
    # With Targets, each representative's page writes to them: To is for fixed
    # recipients besides them (a committee clerk), and may be left out.
    if "to" not in metadata and not chosen and "targets" not in metadata:
        problem("To", "to-missing")
    elif (
        "to" in metadata
        and not recipients["to"]
        and not any(p.field == "To" for p in reading.problems)
    ):
        problem("To", "to-empty")

    subjects = list(
        dict.fromkeys(
            ([_text(metadata.get("subject"))] if _text(metadata.get("subject")) else [])
            + _subject_lines(metadata.get("subjects"))
        )
    )
    if not subjects and "subject" in metadata:
        problem("Subject", "subject-empty")
    elif not subjects:
        problem("Subject", "subject-missing")
    subject_field = (
        "Subjects" if "subjects" in metadata and "subject" not in metadata else "Subject"
    )
    reading.problems += _subject_limits(file, subjects, subject_field)
    for subject in subjects:
        for invisible in text_errors(subject):
            problem_from("Subject", invisible)
        if _only_a_note(subject):
            problem("Subject", "subject-instruction", find=subject, text=subject)

    deadline = None
    zone_name = _text(metadata.get("timezone")) or default_timezone
    try:
        zone = parse_timezone(zone_name)
    except DeadlineError as error:
        problem_from("Timezone", error)
        zone = None
    deadline_text = _text(metadata.get("deadline"))
    if not deadline_text:
        problem("Deadline", "deadline-missing")
    else:
        try:  # with a bad time zone, still check the date itself
            deadline = parse_deadline(deadline_text, zone or ZoneInfo("UTC"))
        except DeadlineError as error:
            problem_from("Deadline", error)

    split = split_letters(html)
    if not split.letters:
        problem("letter", "letter-missing")
    too_many = len(split.letters) > MAX_LETTER_VERSIONS
    sized = _letter_limits(file, split.letters)
    reading.problems += sized
    if chosen and not sized and subjects:
        shared = len(split.explanation.encode()) + SUMMARY_COPIES * len(
            _text(metadata.get("summary"))
        )
        reading.problems += _target_page_limits(file, split.letters, subjects, chosen, shared)
    for number, letter in enumerate(() if too_many else split.letters, start=1):
        if not letter.strip():
            problem("letter", "letter-empty", number=number)
        else:
            for invisible in letter_errors(letter, number):
                problem_from("letter", invisible)

    for name in ("Title", "Summary"):
        for invisible in text_errors(_text(metadata.get(name.lower()))):
            problem_from(name, invisible)
    if control_characters(split.explanation):  # feeds cannot carry them
        first = next(c for c in split.explanation if control_characters(c))
        problem(
            "explanation",
            "text-control",
            find=first,
            characters=control_characters(split.explanation),
        )

    # The blanks of every subject and letter, read together: one box per blank meant.
    texts = [(subject_field, s) for s in subjects] + [("letter", x) for x in split.letters]
    with_targets = "targets" in metadata
    reading.problems += target_blank_problems(file, texts, with_targets)
    if reading.problems:
        return reading
    reading.placed += blank_warnings(file, texts, with_targets)
    written = respelled(texts, with_targets)
    letters = tuple(written[len(subjects) :])
    subjects = list(dict.fromkeys(written[: len(subjects)]))  # two may now be the same

    variants = []
    reach = []  # one clause per letter that some link cannot carry
    for number, letter in enumerate(letters, start=1):
        subject = subjects[(number - 1) % len(subjects)]
        message = link_builder.Message(
            recipients["to"], subject, letter, recipients["cc"], recipients["bcc"]
        )
        try:
            built = link_builder.build_links(message, budget)
            counted = (
                link_builder.build_links(replace(message, bcc=message.bcc + count), budget)
                if count
                else None
            )
        except link_builder.LinkError as error:
            problem("letter", "letter-unencodable", reason=str(error))
            continue
        which = f"letter {number}" if len(letters) > 1 else "the letter"
        if not built.all_carry_body:
            reach.append(link_reach(which, built, budget))
        if not built.mailto_has_body and len(built.mailto) > budget:
            reading.warnings.append(say("link-long-without-letter", length=len(built.mailto)))
        variants.append(Variant(letter, subject, built, counted))
    if reach:  # once per campaign
        reading.warnings.append(say("link-over-budget", letters="; ".join(reach), budget=budget))
    if reading.problems or deadline is None or zone is None:
        return reading

    when = timing(deadline, zone, today)
    reading.campaign = Campaign(
        to=recipients["to"],
        cc=recipients["cc"],
        bcc=recipients["bcc"],
        variants=tuple(variants),
        subjects=tuple(subjects),
        deadline=deadline,
        is_open=when.is_open,
        explanation=split.explanation,
        days_left=when.days_left,
        names=tuple(names),
        count=count[0] if count else "",
        count_name=count_name,
        targets=tuple(chosen),
        budget=budget,
    )
    reading.timing = when
    draft = _text(metadata.get("status")).lower() == "draft"
    if when.is_open and when.soon:
        reading.warnings.append(say("deadline-soon", when=in_words(deadline)))
    elif not when.is_open and not draft:
        reading.warnings.append(say("deadline-passed", when=in_words(deadline)))
    elif when.far:
        reading.warnings.append(say("deadline-far", when=in_words(deadline)))
    for subject in subjects:
        if len(_PLACEHOLDER_BRACKETS.sub(r"\1", subject)) > LONGEST_SUBJECT:
            reading.warnings.append(
                say("subject-long", length=len(subject), longest=LONGEST_SUBJECT)
            )
    for address in recipients["to"] + recipients["cc"] + recipients["bcc"]:
        warning = mixed_scripts_warning(address)
        if warning:
            reading.warnings.append(warning)
    reading.warnings += doubled_area_warnings(chosen, _where_each_text(subjects, variants))
    reading.warnings += _bracket_warnings(
        [("Subject", s) for s in subjects if not _only_a_note(s)]
        + [("letter", v.letter) for v in variants]
    )
    if not _text(metadata.get("summary")):
        reading.warnings.append(say("summary-missing"))
    if not _text(metadata.get("image")):
        reading.warnings.append(say("image-missing"))
    return reading


def for_target(campaign: Campaign, target_list: TargetList, target: Target) -> Campaign:
    """The campaign as one representative's page sends it: To is the target's
    addresses, then the campaign's fixed To; `[Target name]`, `[Target title]`
    and `[Area]` are filled in the subjects and every letter."""
    values = target_values(target)
    to = tuple(dict.fromkeys(target.emails + campaign.to))
    subjects = tuple(fill(subject, values) for subject in campaign.subjects)
    count = (campaign.count,) if campaign.count else ()
    variants = []
    for number, variant in enumerate(campaign.variants):
        message = link_builder.Message(
            to,
            subjects[number % len(subjects)],
            fill(variant.letter, values),
            campaign.cc,
            campaign.bcc,
        )
        built = link_builder.build_links(message, campaign.budget)
        counted = (
            link_builder.build_links(replace(message, bcc=message.bcc + count), campaign.budget)
            if count
            else None
        )
        variants.append(Variant(message.body, message.subject, built, counted))
    named = tuple((address, target.name) for address in target.emails if target.name)
    return replace(
        campaign,
        to=to,
        subjects=subjects,
        variants=tuple(variants),
        names=named + campaign.names,
        target=target,
        target_list=target_list.name,
    )
