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
from .calls import DEFAULT_REGION, Phone, parse_action, parse_call
from .comment import (
    counted_length,
    docket_count,
    parse_docket,
    parse_limit,
    parse_portal,
    parse_published,
    portal_host,
    with_docket,
)
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
from .letter import Split, excerpt, fill, labels, not_blanks, placeholders, split_letters
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
from .titles import list_titles, parse_titles, with_titles

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
    # Public comment mode (comment.py): what the comment answers, in every subject...
    docket: str = ""
    portal: str = ""  # the agency's own comment form, an https:// address
    limit: int = 0  # the agency's longest comment, in characters (0: none)
    published: bool = True  # the agency publishes the comments, names and all
    # A call (calls.py): the number, what to say, and what to leave on a machine.
    call: Phone | None = None
    call_script: str = ""
    voicemail: str = ""
    action: str = "email"  # which the page offers first, when it offers both
    titles_left: tuple[str, ...] = ()  # the lists' titles this file's Titles leaves as they are

    @property
    def has_email(self) -> bool:
        """A letter to send (a campaign may be a call alone)."""
        return bool(self.variants)

    @property
    def phone(self) -> Phone | None:
        """The number this page calls: the representative's on their page, else Call;
        none without a call block (a list's phone column alone offers no call), and
        never another office's number beside a script that names a representative."""
        if not self.call_script:
            return None
        if self.target is not None and self.target.phone is not None:
            return self.target.phone
        if self.targets and self.target is None and self.names_a_target:
            return None  # the campaign's page: the representative is not chosen yet
        return self.call

    @property
    def names_a_target(self) -> bool:
        """What to say names the representative ([Target name]...)."""
        texts = (self.call_script, self.voicemail)
        return any(name in TARGET_PLACEHOLDERS for name in placeholders("\n".join(texts)))

    @property
    def calls_first(self) -> bool:
        return self.action == "call" or not self.has_email

    @property
    def says_published(self) -> bool:
        """Tell the visitor, beside the send buttons, that the comment will be public."""
        return bool(self.docket) and self.published

    @property
    def portal_host(self) -> str:
        """Where the Portal link goes, said in its text: `regulations.gov`."""
        return portal_host(self.portal)

    def display(self, addresses: tuple[str, ...]) -> str:
        """`Jane Doe <jane@city.gov>, clerk@city.gov`: how the page shows recipients."""
        named = dict(self.names)
        return ", ".join(f"{named[a]} <{a}>" if a in named else a for a in addresses)

    @property
    def letter(self) -> str:
        return self.variants[0].letter if self.variants else ""

    @property
    def subject(self) -> str:
        return self.variants[0].subject if self.variants else ""

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

        One field fills a placeholder wherever it is, in the subject as in the letter (and
        in what to say on the phone)."""
        texts = self.subjects + tuple(v.letter for v in self.variants)
        return placeholders("\n".join(texts + (self.call_script, self.voicemail)))

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


def _subject_limits(file: str, subjects: dict[str, str], field: str) -> list[Problem]:
    """Subject lines a stranger's pull request could multiply: every page carries them all.
    `subjects`: each as sent (with a docket in front) -> as written (to find its line)."""
    found = []
    if len(subjects) > MAX_SUBJECTS:
        words = say("subject-too-many", count=len(subjects), most=MAX_SUBJECTS)
        found.append(Problem(file, field, words, code="subject-too-many"))
    for subject, written in subjects.items():
        if len(subject) > MAX_SUBJECT_CHARS:
            words = say("subject-too-long", length=len(subject), most=MAX_SUBJECT_CHARS)
            found.append(Problem(file, field, words, code="subject-too-long", find=written[:60]))
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


def _own_line(letter: str, letters: tuple[str, ...]) -> str:
    """The start of the longest line that only this letter has, to find its line in the
    file (the longest line of all may be shared with another version)."""
    others = {line for other in letters if other is not letter for line in other.split("\n")}
    own = [line for line in letter.split("\n") if line.strip() and line not in others]
    return max(own, key=len).strip()[:60] if own else _telling_line(letter)


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


@dataclass
class _Found:
    """What the header's readers have found so far in one file, and its problems."""

    file: str
    metadata: dict
    html: str
    default_timezone: str
    today: date | None
    budget: int
    target_lists: dict[str, TargetList]
    broken_lists: frozenset[str]
    reading: Reading = field(default_factory=lambda: Reading())
    recipients: dict[str, tuple[str, ...]] = field(default_factory=dict)
    names: list[tuple[str, str]] = field(default_factory=list)
    count: tuple[str, ...] = ()
    count_name: str = ""
    chosen: list[TargetList] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    subject_field: str = "Subject"
    zone: ZoneInfo | None = None
    deadline: datetime | None = None
    split: Split | None = None
    docket: str = ""
    portal: str = ""
    limit: int = 0
    published: bool = True
    phone_region: str = DEFAULT_REGION
    call: Phone | None = None
    action: str = "email"
    titles_left: tuple[str, ...] = ()  # the lists' titles that Titles does not translate

    @property
    def call_only(self) -> bool:
        """A call (a Call line or a call block), with nothing of an email: no To,
        Targets, Subject or letter. Then those are not missing."""
        emails = ("to", "targets", "subject", "subjects")
        split = self.split
        calls = bool(split and split.calls) or "call" in self.metadata
        letters = bool(split and split.letters)
        return calls and not letters and not any(key in self.metadata for key in emails)

    def problem(self, name: str, code: str, find: str = "", **values) -> None:
        self.reading.problems.append(
            Problem(self.file, name, say(code, **values), code=code, find=find)
        )

    def problem_from(self, name: str, error: ContentError) -> None:
        self.reading.problems.append(Problem(self.file, name, str(error), code=error.code))

    def text(self, key: str) -> str:
        return _text(self.metadata.get(key))


def _read_blocks(found: _Found) -> None:
    """The letter, call and voicemail blocks, out of the page (read once, first: whether
    the campaign is a call alone decides what else it needs)."""
    found.split = split_letters(found.html)


def _read_dates(found: _Found) -> None:
    for key, name in (("date", "Date"), ("modified", "Modified")):
        moment = found.metadata.get(key)
        # Written into the feed and the calendar file in UTC: year 1 in Tokyo is year 0 there.
        if isinstance(moment, datetime) and not FIRST_YEAR <= moment.year <= LAST_YEAR:
            day = str(moment.date())
            found.problem(name, "date-out-of-range", text=day, first=FIRST_YEAR, last=LAST_YEAR)


def _read_recipients(found: _Found) -> None:
    for key, name in ADDRESS_FIELDS:
        read = parse_recipients(found.metadata.get(key, ""))
        found.recipients[key] = read.addresses
        found.names.extend(read.names)
        found.reading.warnings.extend(read.warnings)
        for error in read.problems:
            found.problem_from(name, error)


def _read_count(found: _Found) -> None:
    written = found.text("count")
    count, bad_count = parse_address_list(written)
    for error in bad_count:
        found.problem_from("Count", error)
    if len(count) > 1 or (count and bad_count):
        found.problem("Count", "count-one-address", text=written)
    name_match = _COUNT_NAME.match(written)
    found.count, found.count_name = tuple(count), name_match.group(1).strip() if name_match else ""
    for invisible in text_errors(found.count_name):
        found.problem_from("Count", invisible)


def _read_targets(found: _Found) -> None:
    metadata = found.metadata
    for name in dict.fromkeys(list_names(metadata.get("targets"))):
        if name in found.target_lists:
            found.chosen.append(found.target_lists[name])
        elif name not in found.broken_lists:  # a broken list's own problems say what is wrong
            words = unknown_list(name, list(found.target_lists))
            found.reading.problems.append(
                Problem(found.file, "Targets", words, code="targets-unknown-list")
            )
    if "targets" in metadata and not list_names(metadata.get("targets")):
        found.problem("Targets", "targets-empty")
    # With Targets, each representative's page writes to them: To is for fixed
    # recipients besides them (a committee clerk), and may be left out.
    if found.call_only:
        return
    if "to" not in metadata and not found.chosen and "targets" not in metadata:
        found.problem("To", "to-missing")
    elif (
        "to" in metadata
        and not found.recipients["to"]
        and not any(p.field == "To" for p in found.reading.problems)
    ):
        found.problem("To", "to-empty")


def _read_titles(found: _Found) -> None:
    """Titles: the lists' titles in this file's words (a translation's, mostly)."""
    found.titles_left = tuple(list_titles(found.chosen))
    written = found.text("titles")
    if not written:  # an empty line is the header's own problem (field-empty)
        return
    if "targets" not in found.metadata:
        found.problem("Titles", "titles-without-targets")
        return
    if not found.chosen:  # an unknown list says so already
        return
    try:
        given = parse_titles(written, found.chosen)
    except ContentError as error:
        found.problem_from("Titles", error)
        return
    found.chosen = with_titles(found.chosen, given)
    found.titles_left = tuple(t for t in found.titles_left if t not in given)


def _read_comment(found: _Found) -> None:
    """Docket, Portal, Limit and Published: a public comment's own fields."""
    readers = (
        ("docket", "Docket", parse_docket),
        ("portal", "Portal", parse_portal),
        ("limit", "Limit", parse_limit),
        ("published", "Published", parse_published),
    )
    for key, name, parse in readers:
        written = found.text(key)
        if not written:  # an empty line is the header's own problem (field-empty)
            continue
        try:
            setattr(found, key, parse(written))
        except ContentError as error:
            found.problem_from(name, error)
        # Without a Docket the page would send visitors to a form, or count for one,
        # and not tell them that comments are usually published.
        if key != "docket" and "docket" not in found.metadata:
            found.problem(name, "docket-missing", field=name)


def _read_subjects(found: _Found) -> None:
    metadata, subject = found.metadata, found.text("subject")
    written = list(
        dict.fromkeys(([subject] if subject else []) + _subject_lines(metadata.get("subjects")))
    )
    if not written and "subject" in metadata:
        found.problem("Subject", "subject-empty")
    elif not written and not found.call_only:
        found.problem("Subject", "subject-missing")
    if "subjects" in metadata and "subject" not in metadata:
        found.subject_field = "Subjects"
    for each in written:
        for invisible in text_errors(each):
            found.problem_from("Subject", invisible)
        if _only_a_note(each):
            found.problem("Subject", "subject-instruction", find=each, text=each)
    _docket_problems(found, written)
    # What every link carries: with a Docket, each subject names it (comment.py).
    sent = {with_docket(each, found.docket): each for each in written}
    found.subjects = list(sent)
    found.reading.problems += _subject_limits(found.file, sent, found.subject_field)


def _docket_problems(found: _Found, written: list[str]) -> None:
    """Each subject names the docket at most once as written, and once filled in for
    each representative (a name could hold it too)."""
    if not found.docket:
        return
    subjects_line = _subject_lines(found.metadata.get("subjects"))
    values = [target_values(t) for target_list in found.chosen for t in target_list.targets]
    for each in written:
        field_name = "Subjects" if each in subjects_line else "Subject"
        sent = with_docket(each, found.docket)
        filled = [fill(sent, value) for value in values]
        if max(docket_count(text, found.docket) for text in filled + [sent]) > 1:
            found.problem(field_name, "docket-twice", find=each, text=each, docket=found.docket)


def _read_deadline(found: _Found) -> None:
    try:
        found.zone = parse_timezone(found.text("timezone") or found.default_timezone)
    except DeadlineError as error:
        found.problem_from("Timezone", error)
    written = found.text("deadline")
    if not written:
        found.problem("Deadline", "deadline-missing")
        return
    try:  # with a bad time zone, still check the date itself
        found.deadline = parse_deadline(written, found.zone or ZoneInfo("UTC"))
    except DeadlineError as error:
        found.problem_from("Deadline", error)


def _read_letters(found: _Found) -> None:
    split = found.split
    assert split is not None  # _read_blocks
    if not split.letters and not found.call_only:
        found.problem("letter", "letter-missing")
    too_many = len(split.letters) > MAX_LETTER_VERSIONS
    sized = _letter_limits(found.file, split.letters)
    found.reading.problems += sized
    if found.chosen and not sized and found.subjects:
        shared = len(split.explanation.encode()) + SUMMARY_COPIES * len(found.text("summary"))
        found.reading.problems += _target_page_limits(
            found.file, split.letters, found.subjects, found.chosen, shared
        )
    for number, letter in enumerate(() if too_many else split.letters, start=1):
        if not letter.strip():
            found.problem("letter", "letter-empty", number=number)
        else:
            for invisible in letter_errors(letter, number):
                found.problem_from("letter", invisible)


def _read_call(found: _Found) -> None:
    """Call, Action and the call and voicemail blocks: what a call needs, together."""
    split = found.split
    assert split is not None
    written = found.text("call")
    if written:  # an empty line is the header's own problem (field-empty)
        try:
            found.call = parse_call(written, found.phone_region)
        except ContentError as error:
            found.problem_from("Call", error)
    if found.text("action"):  # an empty line is the header's own problem (field-empty)
        try:
            found.action = parse_action(found.text("action"))
        except ContentError as error:
            found.problem_from("Action", error)
    with_phones = any(t.phone for target_list in found.chosen for t in target_list.targets)
    at_call, at_voicemail = "```call", "```voicemail"  # found on the block's first line
    if len(split.calls) > 1:
        found.problem("call", "call-script-twice", find=at_call, count=len(split.calls))
    if len(split.voicemails) > 1:
        count = len(split.voicemails)
        found.problem("voicemail", "voicemail-twice", find=at_voicemail, count=count)
    if split.voicemails and not split.calls:
        found.problem("voicemail", "voicemail-without-call", find=at_voicemail)
    if "call" in found.metadata and not split.calls:
        found.problem("Call", "call-script-missing")
    if split.calls and "call" not in found.metadata and not with_phones:
        found.problem("call", "call-number-none", find=at_call)
    if found.action == "call" and not split.calls:
        found.problem("Action", "action-without-call")
    if found.call_only:
        _email_fields_in_a_call(found)
    for name, texts in (("call", split.calls), ("voicemail", split.voicemails)):
        for text in texts[:1]:
            _script_problems(found, name, text)


# Fields that say something of the email only: in a call alone, nothing would read them.
_EMAIL_FIELDS = (
    ("cc", "Cc"),
    ("bcc", "Bcc"),
    ("count", "Count"),
    ("docket", "Docket"),
    ("portal", "Portal"),
    ("limit", "Limit"),
    ("published", "Published"),
)


def _email_fields_in_a_call(found: _Found) -> None:
    for key, name in _EMAIL_FIELDS:
        if key in found.metadata:
            found.problem(name, "call-only-email-field", field=name)
    if found.text("action") and found.action == "email":
        found.problem("Action", "call-only-email-field", field="Action")


def _script_problems(found: _Found, name: str, text: str) -> None:
    """What to say: not empty, nothing invisible on any line, not longer than a letter."""
    fence = f"```{name}"
    if not text.strip():
        found.problem(name, "call-script-empty", find=fence, block=name)
    for line in text.split("\n"):
        for invisible in text_errors(line):
            found.reading.problems.append(
                Problem(found.file, name, str(invisible), code=invisible.code, find=line[:60])
            )
    if len(text) > MAX_LETTER_CHARS:
        most, length = MAX_LETTER_CHARS, len(text)
        found.problem(
            name, "call-script-too-long", find=fence, block=name, length=length, most=most
        )


def _read_limit(found: _Found) -> None:
    """Each letter, its blanks filled as a sender fills them, within the agency's Limit."""
    if not found.limit or not found.split:
        return
    known: dict[str, int] = {}
    for target_list in found.chosen:
        for target in target_list.targets:
            for name, value in target_values(target).items():
                known[name] = max(known.get(name, 0), len(value))
    many = len(found.split.letters) > 1
    for number, letter in enumerate(found.split.letters, start=1):
        length = counted_length(letter, known)
        if length > found.limit:
            found.reading.problems.append(
                Problem(
                    found.file,
                    "letter",
                    say(
                        "limit-letter-too-long",
                        which=f"Letter {number}" if many else "The letter",
                        length=length,
                        limit=found.limit,
                        cut=length - found.limit,
                    ),
                    code="limit-letter-too-long",
                    find=_own_line(letter, found.split.letters),
                )
            )


def _read_words(found: _Found) -> None:
    """Title, Summary and the explanation: words the page shows."""
    for name in ("Title", "Summary"):
        for invisible in text_errors(found.text(name.lower())):
            found.problem_from(name, invisible)
    explanation = found.split.explanation if found.split else ""
    if control_characters(explanation):  # feeds cannot carry them
        first = next(c for c in explanation if control_characters(c))
        found.problem(
            "explanation", "text-control", find=first, characters=control_characters(explanation)
        )


def _blank_texts(found: _Found) -> list[tuple[str, str]]:
    letters = found.split.letters if found.split else ()
    return [(found.subject_field, s) for s in found.subjects] + [("letter", x) for x in letters]


def _read_blanks(found: _Found) -> None:
    """The blanks of every subject and letter, read together: one box per blank meant."""
    with_targets = "targets" in found.metadata
    split = found.split
    scripts = (
        [("call", t) for t in split.calls[:1]] + [("voicemail", t) for t in split.voicemails[:1]]
        if split
        else []
    )
    texts = _blank_texts(found) + scripts
    found.reading.problems += target_blank_problems(found.file, texts, with_targets)


# The header's readers, in order: each reads its fields and says its problems. A new
# field is one more reader here (and one line in schema.py).
READERS = (
    _read_blocks,
    _read_dates,
    _read_recipients,
    _read_count,
    _read_targets,
    _read_titles,
    _read_comment,
    _read_subjects,
    _read_deadline,
    _read_letters,
    _read_call,
    _read_limit,
    _read_words,
    _read_blanks,
)


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
    phone_region: str = DEFAULT_REGION,
) -> Reading:
    found = _Found(
        file,
        metadata,
        html,
        default_timezone,
        today,
        budget,
        dict(target_lists or {}),
        broken_lists,
        phone_region=phone_region,
    )
    for reader in READERS:
        reader(found)
    if found.reading.problems:
        return found.reading
    with_targets = "targets" in metadata
    texts = _blank_texts(found)
    found.reading.placed += blank_warnings(file, texts, with_targets)
    written = respelled(texts, with_targets)
    letters = tuple(written[len(found.subjects) :])
    found.subjects = list(dict.fromkeys(written[: len(found.subjects)]))  # two may now agree
    variants = _variants(found, letters)
    if found.reading.problems or found.deadline is None or found.zone is None:
        return found.reading
    _make_campaign(found, variants)
    return found.reading


def _variants(found: _Found, letters: tuple[str, ...]) -> list[Variant]:
    """Each letter version with its subject and its links."""
    variants = []
    reach = []  # one clause per letter that some link cannot carry
    recipients, budget, count = found.recipients, found.budget, found.count
    longest = _longest_target(found, letters)
    for number, letter in enumerate(letters, start=1):
        subject = found.subjects[(number - 1) % len(found.subjects)]
        message = link_builder.Message(
            recipients["to"], subject, letter, recipients["cc"], recipients["bcc"]
        )
        try:
            built = link_builder.build_links(message, budget)
            # With Targets, the links that send are each representative's: said for the
            # one whose name, title and addresses make the longest (for_target's links).
            sent = (
                built
                if longest is None
                else link_builder.build_links(addressed_to(message, longest), budget)
            )
            counted = (
                link_builder.build_links(replace(message, bcc=message.bcc + count), budget)
                if count
                else None
            )
        except link_builder.LinkError as error:
            found.problem("letter", "letter-unencodable", reason=str(error))
            continue
        which = f"letter {number}" if len(letters) > 1 else "the letter"
        if not sent.all_carry_body:
            reach.append(link_reach(which, sent, budget))
        if not built.mailto_has_body and len(built.mailto) > budget:
            words = say("link-long-without-letter", length=len(built.mailto))
            found.reading.warnings.append(words)
        variants.append(Variant(letter, subject, built, counted))
    if reach:  # once per campaign
        words = say("link-over-budget", letters="; ".join(reach), budget=budget)
        found.reading.warnings.append(words)
    return variants


def _longest_target(found: _Found, letters: tuple[str, ...]) -> Target | None:
    """The representative whose page's links are the longest: their name, title, area
    and addresses filled in, as encoded (a translated title of accented letters, `Titles`,
    takes six link characters each)."""
    targets = [t for target_list in found.chosen for t in target_list.targets]
    if not targets:
        return None
    texts = (*found.subjects, *letters)

    def encoded(target: Target) -> int:
        values = target_values(target)
        filled = sum(len(link_builder.encode_value(fill(text, values))) for text in texts)
        return filled + sum(len(address) for address in target.emails)

    return max(targets, key=encoded)


def _target_to(target: Target, to: tuple[str, ...]) -> tuple[str, ...]:
    """A representative's page writes to them, then to the campaign's fixed To."""
    return tuple(dict.fromkeys(target.emails + to))


def addressed_to(message: link_builder.Message, target: Target) -> link_builder.Message:
    """The campaign's message as one representative's page sends it: to them first,
    and `[Target name]`, `[Target title]` and `[Area]` filled in."""
    values = target_values(target)
    return replace(
        message,
        to=_target_to(target, message.to),
        subject=fill(message.subject, values),
        body=fill(message.body, values),
    )


def _make_campaign(found: _Found, variants: list[Variant]) -> None:
    """The campaign itself, and what the volunteer should know about it."""
    assert found.deadline is not None and found.zone is not None and found.split is not None
    deadline, recipients, reading = found.deadline, found.recipients, found.reading
    when = timing(deadline, found.zone, found.today)
    reading.campaign = Campaign(
        to=recipients["to"],
        cc=recipients["cc"],
        bcc=recipients["bcc"],
        variants=tuple(variants),
        subjects=tuple(found.subjects),
        deadline=deadline,
        is_open=when.is_open,
        explanation=found.split.explanation,
        days_left=when.days_left,
        names=tuple(found.names),
        count=found.count[0] if found.count else "",
        count_name=found.count_name,
        targets=tuple(found.chosen),
        budget=found.budget,
        docket=found.docket,
        portal=found.portal,
        limit=found.limit,
        published=found.published,
        call=found.call,
        call_script=found.split.calls[0] if found.split.calls else "",
        voicemail=found.split.voicemails[0] if found.split.voicemails else "",
        action=found.action,
        titles_left=found.titles_left,
    )
    reading.timing = when
    draft = found.text("status").lower() == "draft"
    if when.is_open and when.soon:
        reading.warnings.append(say("deadline-soon", when=in_words(deadline)))
    elif not when.is_open and not draft:
        reading.warnings.append(say("deadline-passed", when=in_words(deadline)))
    elif when.far:
        reading.warnings.append(say("deadline-far", when=in_words(deadline)))
    for subject in found.subjects:
        if len(_PLACEHOLDER_BRACKETS.sub(r"\1", subject)) > LONGEST_SUBJECT:
            reading.warnings.append(
                say("subject-long", length=len(subject), longest=LONGEST_SUBJECT)
            )
    for address in recipients["to"] + recipients["cc"] + recipients["bcc"]:
        warning = mixed_scripts_warning(address)
        if warning:
            reading.warnings.append(warning)
    reading.warnings += doubled_area_warnings(
        found.chosen, _where_each_text(found.subjects, variants)
    )
    reading.warnings += _bracket_warnings(
        [("Subject", s) for s in found.subjects if not _only_a_note(s)]
        + [("letter", v.letter) for v in variants]
    )
    if not found.text("summary"):
        reading.warnings.append(say("summary-missing"))
    if not found.text("image"):
        reading.warnings.append(say("image-missing"))


def for_target(campaign: Campaign, target_list: TargetList, target: Target) -> Campaign:
    """The campaign as one representative's page sends it: To is the target's
    addresses, then the campaign's fixed To; `[Target name]`, `[Target title]`
    and `[Area]` are filled in the subjects and every letter."""
    values = target_values(target)
    subjects = tuple(fill(subject, values) for subject in campaign.subjects)
    count = (campaign.count,) if campaign.count else ()
    variants = []
    for number, variant in enumerate(campaign.variants):
        subject = campaign.subjects[number % len(campaign.subjects)]
        message = addressed_to(
            link_builder.Message(campaign.to, subject, variant.letter, campaign.cc, campaign.bcc),
            target,
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
        to=_target_to(target, campaign.to),
        subjects=subjects,
        variants=tuple(variants),
        names=named + campaign.names,
        target=target,
        target_list=target_list.name,
        call_script=fill(campaign.call_script, values),
        voicemail=fill(campaign.voicemail, values),
        # Without their own number, Call would reach another office while the script
        # names them: then their page offers the email alone.
        call=None if target.phone is None and campaign.names_a_target else campaign.call,
    )
