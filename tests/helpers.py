"""Helpers for every test: write tiny campaign sites and build them, in-process
or with `make`; the example campaigns the tests share (a copy of the
example in tests/fixtures/, never the volunteer's content/)."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import random
import re
import shutil
import subprocess
import sys
import weakref
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from unittest import mock

import blinker
from bs4 import BeautifulSoup
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket
from pelican import Pelican, signals
from PIL import Image

from settings_under_test import CONF, ROOT, markdown_settings, site_settings

DEFAULT_LETTER = "Dear Council,\n\nPlease keep the park open.\n\nThank you,\n[Your name]"
EXAMPLE_CONTENT = ROOT / "tests" / "fixtures" / "example"
EXAMPLE_SOURCE = EXAMPLE_CONTENT / "campaigns" / "ban-the-scan-nypd.md"

AWKWARD_LETTER = (
    "Dear Ms. O'Brien & team,\n\n"
    "Tom + Jerry say: 50% off? #hashtag = fun; a/b, c\n"
    "Français: déjà vu. 中文：禁止人脸识别。 العربية: أوقفوا المراقبة. 📣👩🏽‍⚖️\n"
    "A literal &bcc=evil@example.org&subject=hijack stays in the text.\n\n"
    "[Your name]\n[Your city]"
)
AWKWARD_SUBJECT = 'Café & "quotes" + 100% #1 = ¿sí? 中文 😀'


def campaign_md(
    *,
    title="Keep the park open",
    slug=None,
    to="council@example.org",
    subject="Keep the park open",
    deadline="2030-01-31",
    timezone=None,
    date="2021-01-01",
    summary=None,
    cc=None,
    bcc=None,
    letter=DEFAULT_LETTER,
    letters=None,
    body="Why this matters.",
    fields: dict[str, str] | None = None,  # more header lines: {"Docket": "EXA-1"}
) -> str:
    headers = [
        ("Title", title),
        ("Slug", slug),
        ("Date", date),
        ("Summary", summary),
        ("To", to),
        ("Cc", cc),
        ("Bcc", bcc),
        ("Subject", subject),
        ("Deadline", deadline),
        ("Timezone", timezone),
        *(fields or {}).items(),
    ]
    lines = [f"{key}: {value}" for key, value in headers if value is not None]
    blocks = letters if letters is not None else ([letter] if letter is not None else [])
    parts = ["\n".join(lines), body] + [f"```letter\n{text}\n```" for text in blocks]
    return "\n\n".join(parts) + "\n"


# --- Many campaigns: the home page at scale (tests/test_page_budget.py, bench/) ---

WORDS = (
    "park library bus lane school rent clinic river bridge housing water police budget trees "
    "bike zoning noise transit shelter heat pool garden market tenants schoolyard crossing "
    "streetlight playground ferry harbour wetland meadow"
).split()
VERBS = ("Save", "Fund", "Protect", "Stop the cuts to", "Keep", "Repair", "Reopen", "Expand")


def many_campaigns(count: int, closed: int) -> dict[str, str]:
    """`count` campaigns with varied titles and summaries (seeded), `closed` of them closed
    as of 2025-06-01, the others open within the next 60 days."""
    rng = random.Random(13)
    today = date(2025, 6, 1)
    files = {}
    for i in range(count):
        days = -(1 + i) if i < closed else 1 + i % 60
        place = f"{rng.choice(WORDS)} on {rng.choice(WORDS).title()} Street"
        files[f"c{i:04d}.md"] = campaign_md(
            slug=f"campaign-{i:04d}",
            title=f"{rng.choice(VERBS)} the {place}, district {rng.randint(1, 99)}",
            deadline=(today + timedelta(days=days)).isoformat(),
            summary=f"The council votes on the {rng.choice(WORDS)} and the {rng.choice(WORDS)} "
            f"budget for ward {rng.randint(1, 500)}: ask your member to say yes.",
        )
    return files


def letter_in_source(text: str) -> str:
    """The letter as the volunteer typed it, read straight from the Markdown."""
    return re.search(r"^```letter\n(.*?)\n```$", text, re.S | re.M).group(1)


def header(text: str, key: str) -> str:
    return re.search(rf"^{key}: (.*)$", text, re.M).group(1)


def example_campaigns() -> dict[str, str]:
    """Campaigns beside the example, for the pages the shared example site must show."""
    return {
        "awkward.md": campaign_md(
            title="Awkward characters",
            slug="awkward",
            subject=AWKWARD_SUBJECT,
            to="council@example.org; a+b@example.org",
            cc="josé@exämple.org",
            letter=AWKWARD_LETTER,
            summary="A campaign full of awkward characters.",
        ),
        "variants.md": campaign_md(
            title="Letter variants",
            slug="variants",
            summary="Three letters to choose from.",
            letters=[
                "Dear Council,\n\nKeep it open.\n\n[Your name]",
                "Hello,\n\nI go there every day.\n\n[Your name]",
                "To the Council:\n\nIt matters to [Your street].\n\n[Your name]",
            ],
        ),
        # Several subjects and letters (their data attributes side by side), named Cc.
        "copies.md": campaign_md(
            slug="copies",
            cc="Clerk <cc@example.org>",
            bcc="bcc@example.org",
            subject=None,
            letters=["Dear A,\n\nOne.\n\n[Your name]", "Dear B,\n\nTwo & more.\n\n[Your name]"],
        ).replace("Date:", "Subjects: Keep it open | Open it again\nDate:"),
        "draft.md": campaign_md(slug="draft").replace("Date:", "Status: draft\nDate:"),
        "long.md": campaign_md(slug="long", letter="Dear all,\n\n" + "Please act now. " * 150),
    }


def write_example(root: Path) -> Path:
    """The example campaigns (English and Spanish) and the ones above, as content/."""
    content = root / "content"
    shutil.copytree(EXAMPLE_CONTENT, content)
    for name, text in example_campaigns().items():
        (content / "campaigns" / name).write_text(text, "utf-8")
    return content


def render(text: str) -> str:
    """Markdown to HTML with the site's own Markdown settings, as Pelican renders a page."""
    import markdown

    config = markdown_settings()
    return markdown.Markdown(
        extensions=list(config["extension_configs"]),
        extension_configs=config["extension_configs"],
        output_format=config["output_format"],
    ).convert(text)


def _code(function) -> object:
    """A function by what it does, not by its name or address: its code (a code
    object's hash is of its contents), a partial's function and arguments, a
    callable object's class, __call__ and state (Pelican makes its strftime filter
    and plugin_enabled test anew for each build, as such)."""
    code = getattr(function, "__code__", None)
    if code is not None:
        return hash(code)
    if isinstance(function, functools.partial):
        return (_code(function.func), repr(function.args), repr(sorted(function.keywords.items())))
    call = vars(type(function)).get("__call__")  # a class written in Python
    if call is not None and hasattr(call, "__code__") and hasattr(function, "__dict__"):
        return (
            type(function).__qualname__,
            hash(call.__code__),
            repr(sorted(vars(function).items())),
        )
    return id(function)


class TemplateCodeCache(BytecodeCache):
    """Jinja's compiled templates, kept in memory for the whole test session.

    Pelican compiles every template again for each generator of each build, and
    the tests build hundreds of sites in one process: a third of a small build.
    The key is the template's file, the environment's options and the code of
    its filters and tests; the checksum is the template's text. A changed
    template, or a build with other options, compiles afresh: what a build
    renders never changes, only how often the same text is compiled."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        options = (
            environment.block_start_string,
            environment.block_end_string,
            environment.variable_start_string,
            environment.variable_end_string,
            environment.comment_start_string,
            environment.comment_end_string,
            environment.line_statement_prefix,
            environment.line_comment_prefix,
            environment.trim_blocks,
            environment.lstrip_blocks,
            environment.newline_sequence,
            environment.keep_trailing_newline,
            environment.optimized,
            environment.is_async,
            repr(environment.autoescape),
            repr(environment.finalize),
            sorted(environment.extensions),
            # Jinja runs a filter on constant text when it compiles ({{ "x"|f }}):
            # a filter whose code changed must compile afresh.
            sorted((name, _code(f)) for name, f in environment.filters.items()),
            sorted((name, _code(t)) for name, t in environment.tests.items()),
        )
        fingerprint = hashlib.sha1(repr(options).encode()).hexdigest()
        key = f"{self.get_cache_key(name, filename)}-{fingerprint}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()

    def __deepcopy__(self, memo):  # Pelican deep-copies its default settings
        return self


def _signals() -> list[blinker.Signal]:
    """Pelican's own signals, and the named ones plugins share (pelican-precompress's
    "compress", sent by pelican-granular-signals)."""
    own = [sent for sent in vars(signals).values() if isinstance(sent, blinker.Signal)]
    return own + list(blinker.default_namespace.values())


def signal_receivers() -> dict[int, set]:
    return {id(sent): set(sent.receivers) for sent in _signals()}


def disconnect_receivers_since(before: dict[int, set]) -> None:
    """Undo what plugins connected since `before` (Pelican never does)."""
    for sent in _signals():
        for key in set(sent.receivers) - before.get(id(sent), set()):
            receiver = sent.receivers.get(key)
            if isinstance(receiver, weakref.ref):
                receiver = receiver()
            if receiver is not None:
                sent.disconnect(receiver)


def write_site(root: Path, files: dict[str, str]) -> Path:
    content = root / "content"
    for name, text in files.items():
        path = content / "campaigns" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return content


def build(content: Path, output: Path, today: str | None = None, **override) -> Path:
    """Build in-process, the way pelican-plugins' own tests do."""
    settings = site_settings(
        PATH=str(content),
        OUTPUT_PATH=str(output),
        MEGAPHONE_TODAY=today or "",
        CACHE_CONTENT=False,
        **override,
    )
    Pelican(settings).run()
    return output


@contextlib.contextmanager
def build_day(today: str | None) -> Iterator[None]:
    """CAMPAIGN_TODAY as `make` would pass it (pelicanconf.py reads it), then as it was."""
    before = os.environ.get("CAMPAIGN_TODAY")
    os.environ["CAMPAIGN_TODAY"] = today or ""
    try:
        yield
    finally:
        if before is None:
            del os.environ["CAMPAIGN_TODAY"]
        else:
            os.environ["CAMPAIGN_TODAY"] = before


def build_as_make_does(content: Path, output: Path, today: str | None = None) -> tuple[int, str]:
    """`make html`'s own code (pelican.plugins.megaphone.commands.build), in-process and so much
    faster than a subprocess: its exit status, and everything it printed."""
    from pelican.plugins.megaphone.commands.build import build as build_command

    printed = io.StringIO()
    as_make = mock.patch.dict(os.environ, {"MEGAPHONE_MAKE": "1"})  # as the Makefile runs it
    with build_day(today), as_make, contextlib.redirect_stdout(printed):
        with contextlib.redirect_stderr(printed):
            status = build_command(str(content), str(output), str(CONF))
    return status, printed.getvalue()


def write_files(root: Path, campaigns: dict[str, str], files: dict | None = None) -> Path:
    """Campaign files, then any other file of content/ (bytes or text) by its path there."""
    content = write_site(root, campaigns)
    for name, data in (files or {}).items():
        path = content / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return content


def both_commands(content: Path, output: Path, today: str = "2021-01-01"):
    """`make html` then `make check`, in-process: (html's status, what it printed,
    check's status, what check printed)."""
    from pelican.plugins.megaphone.commands.check import check

    status, built = build_as_make_does(content, output, today)
    printed = io.StringIO()
    with build_day(today), contextlib.redirect_stdout(printed), contextlib.redirect_stderr(printed):
        checked = check(str(content), str(CONF))
    return status, built, checked, printed.getvalue()


def make(*arguments: str, cwd: Path = ROOT, **env_vars) -> subprocess.CompletedProcess:
    """Run a make target exactly as a volunteer does, in a subprocess: at the top
    level, even when the tests themselves run under `make test`."""
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS")}
    env.update(env_vars)
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(cwd), *arguments, f"PY={sys.executable}"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def make_html(content: Path, output: Path, today: str | None = None, conffile=None, **env_vars):
    """`make html` on a given content folder, into a given output folder."""
    extra = [f"CONFFILE={conffile}"] if conffile else []
    return make(
        "html",
        f"INPUTDIR={content}",
        f"OUTPUTDIR={output}",
        *extra,
        CAMPAIGN_TODAY=today or "",
        **env_vars,
    )


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def picture(kind: str = "PNG", size: tuple[int, int] = (120, 63), **options) -> bytes:
    """A real picture, `kind` as Pillow names formats (PNG, JPEG, GIF, WEBP, AVIF):
    left half red, right half blue, so a turned or mirrored copy tells."""
    image = Image.new("RGB", size, "red")
    image.paste((0, 0, 255), (size[0] // 2, 0, size[0], size[1]))
    out = io.BytesIO()
    image.save(out, format=kind, **options)
    return out.getvalue()


RTL_FIXTURES = ROOT / "tests" / "fixtures" / "rtl"


def write_rtl_site(root: Path) -> Path:
    """The right-to-left test campaigns (tests/fixtures/rtl: English, Arabic, Hebrew)."""
    folder = root / "content" / "campaigns"
    folder.mkdir(parents=True)
    for path in sorted(RTL_FIXTURES.glob("park*.md")):
        shutil.copy(path, folder / path.name)
    return root / "content"


HINDI_FIXTURES = ROOT / "tests" / "fixtures" / "hindi"


def write_hindi_site(root: Path) -> Path:
    """The Hindi test campaigns (tests/fixtures/hindi), with the list their
    representatives' campaign names; build them with DEFAULT_LANG="hi"."""
    folder = root / "content" / "campaigns"
    folder.mkdir(parents=True)
    for path in sorted(HINDI_FIXTURES.glob("*.md")):
        if path.name != "README.md":
            shutil.copy(path, folder / path.name)
    (root / "content" / "targets").mkdir()
    shutil.copy(ROOT / "tests/fixtures/targets/ny-senate.csv", root / "content/targets")
    return root / "content"
