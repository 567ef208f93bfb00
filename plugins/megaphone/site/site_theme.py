"""A campaign page in the site's own theme (a site not only of campaigns, whose THEME is
not Megaphone's): the page extends the theme's base template and fills its content block.

Jinja names a block only in the template's text, never from a variable, so each build
writes a few templates of its own into a folder of its own, which Pelican's public
THEME_TEMPLATES_OVERRIDES puts before the theme's. Everything in it is under
`megaphone/`, a prefix no theme uses:

- `megaphone/campaign.html`: `{% extends MEGAPHONE_BASE_TEMPLATE %}` and
  `{% block MEGAPHONE_CONTENT_BLOCK %}` holding the campaign (each campaign's
  `template`; Pelican renders an article with its template);
- `megaphone/flyer.html`: the same, for the printable flyer;
  (a theme with a `templates/megaphone/campaign.html` or `flyer.html` of its own, made
  of the macros, keeps it: neither is written then);
- `megaphone/macros.html`: the page's pieces, for a theme author's own templates;
- `megaphone/partials/`: Megaphone's theme's partials, the very files, with their
  includes renamed under the prefix.

The campaign's stylesheet and script come from the package (theme_path()), whatever
THEME is, and are written to `megaphone/` in the output (output.publish_assets)."""

from __future__ import annotations

import atexit
import glob
import os
import re
import shutil
import tempfile
from collections.abc import Sequence
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

from jinja2 import Environment, TemplateSyntaxError, meta, nodes
from jinja2.exceptions import TemplateNotFound
from pelican import __file__ as pelican_file

from ..model.messages import say
from ..model.report import Problem

BASE_TEMPLATE = "MEGAPHONE_BASE_TEMPLATE"
CONTENT_BLOCK = "MEGAPHONE_CONTENT_BLOCK"
TEMPLATES = "MEGAPHONE_SITE_THEME_TEMPLATES"  # the build's own folder of templates
PREFIX = "megaphone"
CAMPAIGN_TEMPLATE = f"{PREFIX}/campaign"  # an article's template, without .html
FLYER_TEMPLATE = f"{PREFIX}/flyer"
ASSETS_FOLDER = PREFIX  # in the output: megaphone/megaphone.<hash>.css and .js

# The templates of Megaphone's theme copied, and the ones made only for a site's theme.
_PARTIALS = "partials"
_OWN = PREFIX  # theme/templates/megaphone/: macros.html

_WRAPPER = """{{# Written by the build (plugins/megaphone/site/site_theme.py): a campaign's {what}
   in the site's own theme, in its {block!r} block. The blocks that Pelican's own themes
   give a page's language, title and <head> are filled too, where the theme has them. #}}
{{% extends {base!r} %}}
{{% import "megaphone/macros.html" as megaphone with context %}}
{{% block html_lang %}}{{{{ article.lang }}}}{{% endblock %}}
{{% block title %}}{{{{ article.title|striptags }}}}{{% endblock %}}
{{% block head %}}{{{{ super() }}}}
{{{{ megaphone.head(article) }}}}
{{% endblock %}}
{{% block {block} %}}
{{{{ megaphone.{macro}(article{extra}) }}}}
{{% endblock %}}
"""


class EscapeMegaphone:
    """Jinja's `autoescape`, as a function of the template's name: on for Megaphone's
    templates (megaphone/...), whatever the site's theme has for its own."""

    def __init__(self, site: Any) -> None:
        self.site: Any = site.site if isinstance(site, EscapeMegaphone) else site

    def __call__(self, name: str | None) -> bool:
        if name and name.startswith(PREFIX + "/"):
            return True
        return bool(self.site(name) if callable(self.site) else self.site)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, EscapeMegaphone) and other.site == self.site

    def __hash__(self) -> int:
        return hash((EscapeMegaphone, repr(self.site)))

    def __repr__(self) -> str:  # the build cache's key of the settings
        return f"EscapeMegaphone({self.site!r})"


def megaphone_templates() -> str:
    from .. import theme_path

    return os.path.join(theme_path(), "templates")


def uses_site_theme(settings) -> bool:
    """Campaign pages in the site's own theme: a site not only of campaigns whose
    theme is not Megaphone's (nor one made from it)."""
    from .scope import megaphone_theme, strict

    return not strict(settings) and not megaphone_theme(settings)


def _renamed(text: str) -> str:
    """Megaphone's partials, as they include one another under the prefix."""
    return re.sub(r"""(["'])partials/""", rf"\1{PREFIX}/partials/", text)


def _copy_renamed(source: str, target: str) -> None:
    os.makedirs(target, exist_ok=True)
    for name in sorted(os.listdir(source)):
        with open(os.path.join(source, name), encoding="utf-8") as template:
            text = _renamed(template.read())
        with open(os.path.join(target, name), "w", encoding="utf-8") as out:
            out.write(text)


_FOLDER_PREFIX = "megaphone-templates-"


def remove_orphaned_template_folders() -> None:
    """Folders of builds whose process is gone: atexit does not run when a process is
    killed (a `pelican -r` stopped with SIGTERM), so each would be left behind."""
    for path in glob.glob(os.path.join(tempfile.gettempdir(), _FOLDER_PREFIX + "*-*")):
        pid = os.path.basename(path)[len(_FOLDER_PREFIX) :].split("-", 1)[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: running, and not ours to clear
        return True
    return True


def write_templates(settings) -> None:
    """At the start of each build: the folder of templates, before the theme's."""
    if not uses_site_theme(settings):
        return
    folder = settings.get(TEMPLATES)
    if not folder or not os.path.isdir(folder):
        remove_orphaned_template_folders()
        folder = tempfile.mkdtemp(prefix=f"{_FOLDER_PREFIX}{os.getpid()}-")
        atexit.register(shutil.rmtree, folder, True)
        settings[TEMPLATES] = folder
    ours = os.path.join(folder, PREFIX)
    shutil.rmtree(ours, ignore_errors=True)
    source = megaphone_templates()
    _copy_renamed(os.path.join(source, _PARTIALS), os.path.join(ours, _PARTIALS))
    _copy_renamed(os.path.join(source, _OWN), ours)
    base, block = settings[BASE_TEMPLATE], settings[CONTENT_BLOCK]
    theme = os.path.join(settings["THEME"], "templates", PREFIX)
    for name, what, macro, extra in (
        ("campaign.html", "page", "page", ""),
        ("flyer.html", "flyer", "flyer", ", qr"),
    ):
        if os.path.isfile(os.path.join(theme, name)):  # the theme's own, made of the macros
            continue
        text = _WRAPPER.format(what=what, base=base, block=block, macro=macro, extra=extra)
        with open(os.path.join(ours, name), "w", encoding="utf-8") as out:
            out.write(text)
    overrides = [p for p in settings.get("THEME_TEMPLATES_OVERRIDES") or [] if p != folder]
    settings["THEME_TEMPLATES_OVERRIDES"] = [folder, *overrides]


def use_campaign_template(articles, campaigns) -> None:
    """Each campaign is shown with megaphone/campaign.html, in a site's own theme."""
    if not uses_site_theme(articles.settings):
        return
    for article in campaigns:
        article.template = CAMPAIGN_TEMPLATE


def _templates(settings) -> str:
    """The theme's own top-level templates, for a message."""
    folder = os.path.join(settings["THEME"], "templates")
    names = (
        sorted(n for n in os.listdir(folder) if n.endswith(".html"))
        if os.path.isdir(folder)
        else []
    )
    return ", ".join(names) or "none"


def _from_pelicans_simple_theme(env: Environment, name: str, settings) -> bool:
    """A template the theme lacks, which Pelican's loader finds in its own `simple`
    theme instead (its implicit fallback), unless that is the site's theme."""
    found = env.get_template(name).filename or ""
    simple = os.path.join(os.path.dirname(os.path.abspath(pelican_file)), "themes", "simple")
    inside = os.path.realpath(found).startswith(os.path.realpath(simple) + os.sep)
    return inside and os.path.realpath(settings["THEME"]) != os.path.realpath(simple)


def _blocks(env: Environment, name: str, seen: tuple[str, ...] = ()) -> set[str]:
    """The blocks a template defines, its parents' included."""
    if name in seen:
        return set()
    source = env.loader.get_source(env, name)[0] if env.loader else ""
    tree = env.parse(source)
    found = {block.name for block in tree.find_all(nodes.Block)}
    for parent in meta.find_referenced_templates(tree):
        extends = any(
            isinstance(node.template, nodes.Const) and node.template.value == parent
            for node in tree.find_all(nodes.Extends)
        )
        if parent and extends:
            found |= _blocks(env, parent, (*seen, name))
    return found


def template_problems(generator, campaigns: list, calls: Sequence = ()) -> list[Problem]:
    """The base template and its block, as the site's theme has them, or a plain problem
    (on the first campaign) before any page is rendered. `calls`: the campaigns with a
    call, which a theme's own campaign page must place."""
    from .contents import shown_path

    settings = generator.settings
    if not campaigns or not uses_site_theme(settings):
        return []
    if os.path.isfile(os.path.join(settings["THEME"], "templates", CAMPAIGN_TEMPLATE + ".html")):
        found = own_template_problems(generator.env, settings)  # it places the pieces itself
        if calls and not found:
            found = _call_not_placed(generator.env, settings, calls)
        return found
    first = sorted(shown_path(a.source_path) for a in campaigns)[0]
    base, block = settings[BASE_TEMPLATE], settings[CONTENT_BLOCK]
    theme = f"THEME is {str(settings.get('THEME', ''))!r}"
    missing = Problem(
        first,
        "file",
        say("site-theme-template-missing", name=base, theme=theme, templates=_templates(settings)),
        1,
        "site-theme-template-missing",
    )
    try:
        if _from_pelicans_simple_theme(generator.env, base, settings):
            return [missing]  # Pelican would quietly show it in another theme's page
        blocks = _blocks(generator.env, base)
    except TemplateNotFound:
        return [missing]
    except TemplateSyntaxError as error:
        text = say(
            "site-theme-template-missing",
            name=base,
            theme=f"it does not read: {error}",
            templates=_templates(settings),
        )
        return [Problem(first, "file", text, 1, "site-theme-template-missing")]
    if block not in blocks:
        shown = ", ".join(sorted(blocks)) or "none"
        text = say("site-theme-block-missing", name=base, block=block, blocks=shown)
        return [Problem(first, "file", text, 1, "site-theme-block-missing")]
    return []


MACROS = f"{PREFIX}/macros.html"


def own_template_problems(env: Environment, settings) -> list[Problem]:
    """A theme's own megaphone/campaign.html and flyer.html, read before any page is
    rendered: a Jinja mistake in one, a template it names that is nowhere, or a piece
    it takes from the macros that is not one of them, is a plain problem at its line.
    Rendering would stop the build on the first campaign with Jinja's own words."""
    found: list[Problem] = []
    for name in ("campaign.html", "flyer.html"):
        path = os.path.join(settings["THEME"], "templates", PREFIX, name)
        if os.path.isfile(path):
            found += _own_template_problems(env, path, f"{PREFIX}/{name}")
    return found


def _own_template_problems(env: Environment, path: str, name: str) -> list[Problem]:
    from .contents import shown_path

    shown = shown_path(path)
    try:
        with open(path, encoding="utf-8") as file:
            source = file.read()
        tree = env.parse(source, name, path)
        env.compile(source, name, path)  # what only compiling finds: a block named twice
    except TemplateSyntaxError as error:
        text = say("site-theme-template-broken", error=error.message or str(error))
        return [Problem(shown, "", text, error.lineno, "site-theme-template-broken")]
    except (OSError, UnicodeDecodeError) as error:
        text = say("site-theme-template-broken", error=str(error))
        return [Problem(shown, "", text, 1, "site-theme-template-broken")]
    return _missing_templates(env, tree, shown) + _unknown_pieces(env, tree, shown)


def _call_not_placed(env: Environment, settings, calls: Sequence) -> list[Problem]:
    """A theme's own campaign page without the call (the `call` piece, or `page`, which
    holds it) would show a call campaign with no number and nothing to say."""
    from .contents import shown_path

    path = os.path.join(settings["THEME"], "templates", CAMPAIGN_TEMPLATE + ".html")
    with open(path, encoding="utf-8") as file:
        tree = env.parse(file.read())
    if {"call", "page"} & {name for name, _ in _pieces_used(tree)}:
        return []
    first = sorted(shown_path(a.source_path) for a in calls)[0]
    text = say("site-theme-piece-missing", piece="call", template=shown_path(path))
    return [Problem(first, "file", text, 1, "site-theme-piece-missing")]


def _pieces_used(tree: nodes.Template) -> list[tuple[str, int]]:
    """Each piece of megaphone/macros.html the template takes, with its line."""
    used: list[tuple[str, int]] = []
    for taken in tree.find_all(nodes.FromImport):
        if _is_macros(taken.template):
            used += [(n[0] if isinstance(n, tuple) else n, taken.lineno) for n in taken.names]
    aliases = {node.target for node in tree.find_all(nodes.Import) if _is_macros(node.template)}
    for piece in tree.find_all(nodes.Getattr):
        if isinstance(piece.node, nodes.Name) and piece.node.name in aliases:
            used.append((piece.attr, piece.lineno))
    return used


def _missing_templates(env: Environment, tree: nodes.Template, shown: str) -> list[Problem]:
    found = []
    for node in tree.find_all((nodes.Extends, nodes.Include, nodes.Import, nodes.FromImport)):
        template = getattr(node, "template", None)
        if not isinstance(template, nodes.Const) or not isinstance(template.value, str):
            continue  # a name worked out while rendering: Jinja says it then
        if getattr(node, "ignore_missing", False):
            continue
        try:
            env.get_template(template.value)
        except TemplateNotFound:
            text = say("site-theme-template-names-nothing", name=template.value)
            found.append(Problem(shown, "", text, node.lineno, "site-theme-template-names-nothing"))
        except TemplateSyntaxError:
            continue  # another template's own mistake: Jinja names it when rendering
    return found


def _unknown_pieces(env: Environment, tree: nodes.Template, shown: str) -> list[Problem]:
    """`megaphone.send_bx(article)` (as the macros were imported) or
    `{% from "megaphone/macros.html" import send_bx %}`: each name checked."""
    pieces = macro_names(env)
    used = _pieces_used(tree)
    shown_pieces = ", ".join(sorted(pieces))
    return [
        Problem(
            shown,
            "",
            say("site-theme-piece-unknown", name=name, pieces=shown_pieces),
            line,
            "site-theme-piece-unknown",
        )
        for name, line in used
        if name not in pieces
    ]


def _is_macros(template: nodes.Expr) -> bool:
    return isinstance(template, nodes.Const) and template.value == MACROS


def macro_names(env: Environment) -> set[str]:
    """The pieces megaphone/macros.html offers: its macros, as Megaphone ships them."""
    with open(os.path.join(megaphone_templates(), _OWN, "macros.html"), encoding="utf-8") as file:
        tree = env.parse(file.read())
    return {node.name for node in tree.body if isinstance(node, nodes.Macro)}


# What a page loads: (tag, attribute) pairs, and the <link rel> values that load.
_LOADS = {
    ("script", "src"),
    ("img", "src"),
    ("iframe", "src"),
    ("frame", "src"),
    ("embed", "src"),
    ("source", "src"),
    ("audio", "src"),
    ("video", "src"),
    ("video", "poster"),
    ("object", "data"),
    ("input", "src"),
    ("track", "src"),
}
_LINK_LOADS = {"stylesheet", "preconnect", "dns-prefetch", "preload", "prefetch", "icon"}
_LINK_LOADS |= {"modulepreload", "manifest", "apple-touch-icon", "shortcut"}
_CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


class _Loads(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.inline: set[str] = set()  # the kinds of code written into the page itself
        self._in_style = False

    def handle_starttag(self, tag: str, attrs) -> None:
        values = {name: value or "" for name, value in attrs}
        self._note_inline(tag, values)
        if tag == "link" and _LINK_LOADS & set(values.get("rel", "").lower().split()):
            self.urls.append(values.get("href", ""))
        for name, value in values.items():
            if (tag, name) in _LOADS:
                self.urls.append(value)
            elif name == "srcset":
                self.urls += [part.split()[0] for part in value.split(",") if part.split()]
            elif name == "style":
                self.urls += _css_urls(value)
        self._in_style = tag == "style"

    def _note_inline(self, tag: str, values: dict[str, str]) -> None:
        data_only = values.get("type", "").lower() in ("application/json", "application/ld+json")
        if tag == "script" and not values.get("src") and not data_only:
            self.inline.add("<script>")
        elif tag == "style":
            self.inline.add("<style>")
        if "style" in values:
            self.inline.add("style=")
        if any(name.startswith("on") for name in values):
            self.inline.add("on…=")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += _css_urls(data)


def _css_urls(text: str) -> list[str]:
    return [a or b for a, b in _CSS_URL.findall(text)]


def other_hosts(html: str, own_hosts: set[str]) -> list[str]:
    """The hosts, other than the site's own, that a page loads anything from."""
    parser = _Loads()
    parser.feed(html)
    parser.close()
    hosts = set()
    for url in parser.urls:
        parts = urlsplit(url.strip())
        if url.strip().startswith("//") or parts.scheme in ("http", "https"):
            host = (parts.hostname or "").lower()
            if host and host not in own_hosts:
                hosts.add(host)
    return sorted(hosts)


def own_hosts(settings) -> set[str]:
    from .contents import public_base

    hosts = set()
    for address in (settings.get("SITEURL") or "", public_base(settings)):
        host = urlsplit(str(address)).hostname
        if host:
            hosts.add(host.lower())
    return hosts


def theme_warnings(html: str, context) -> list[str]:
    """A written campaign page in the site's theme: the warnings for the other sites
    it loads from, and for the code the theme writes into the page itself, which the
    campaign pages' policy in _headers blocks too. (Megaphone's parts write none.)"""
    found = []
    hosts = other_hosts(html, own_hosts(context))
    if hosts:
        found.append(say("site-theme-other-hosts", hosts=", ".join(hosts)))
    parser = _Loads()
    parser.feed(html)
    parser.close()
    if parser.inline:
        kinds = ", ".join(sorted(parser.inline))
        found.append(say("site-theme-inline-code", kinds=kinds))
    return found


# The page-wide rules of megaphone.css: Megaphone's theme's page, not a campaign's
# parts. In a site's own theme the theme styles its page; the campaign keeps the rest.
_PAGE_WIDE = re.compile(
    r"^(?:\* \{|body \{|main, \.site-header|a \{|a:hover \{|h1 \{|h2 \{|\.site-header|"
    r"\.site-name|\.site-footer|\.skip-link)"
)
_ROOT_PAGE_WIDE = re.compile(r"^\s+(?:font-family|line-height|color|background):")


def site_theme_stylesheet(text: str) -> str:
    """megaphone.css for a campaign in a site's own theme: its custom properties and
    every rule for the campaign's parts, without the rules for the whole page."""
    kept, in_root = [], False
    for line in text.split("\n"):
        if line.startswith(":root {"):
            in_root = True
        elif in_root and line.startswith("}"):
            in_root = False
        if _PAGE_WIDE.match(line) or (in_root and _ROOT_PAGE_WIDE.match(line)):
            continue
        kept.append(line)
    return scoped_to_the_campaign("\n".join(kept)) + _IN_A_SITE_THEME


# Where a campaign's parts sit in a site's page; a selector that starts at one of
# these, or at an attribute or id of Megaphone's own, touches nothing of the theme's.
SCOPES = (".campaign", ".flyer")
# The language links and the privacy note may stand outside the campaign (the macros
# `languages` and `privacy`), each inside an element of this class: a theme's own
# `.languages` or `.privacy` is left as it is.
PART = ".megaphone-part"
_OWN_CLASSES = (".languages", ".privacy")
_OWN_START = (*SCOPES, "[data-", "#", ":root")


def scoped_to_the_campaign(css: str) -> str:
    """Each rule for an element or a plain class (`button`, `.summary`, `[hidden]`) made
    a rule for it inside the campaign or its flyer, so that the theme's own buttons and
    summaries keep their look on a campaign page. Megaphone's own stylesheet, whose
    rules are written one to a prelude, with no `{` or `}` in a comment or a string."""
    out, i = [], 0
    while i < len(css):
        if css.startswith("/*", i):
            end = css.index("*/", i) + 2
        elif css[i] == "}" or css[i].isspace():
            end = i + 1
        else:
            brace = css.index("{", i)
            prelude = css[i:brace]
            if prelude.lstrip().startswith("@"):  # @media: its rules follow, each scoped
                out.append(css[i : brace + 1])
                i = brace + 1
                continue
            end = css.index("}", brace) + 1
            out.append(_scoped_prelude(prelude) + css[brace:end])
            i = end
            continue
        out.append(css[i:end])
        i = end
    return "".join(out)


def _scoped_prelude(prelude: str) -> str:
    selectors = [part.strip() for part in _top_level_commas(prelude)]
    return ", ".join(_scoped_selector(part) for part in selectors) + " "


def _scoped_selector(selector: str) -> str:
    if selector.startswith(_OWN_START):
        return selector
    scopes = (*SCOPES, PART) if selector.startswith(_OWN_CLASSES) else SCOPES
    return ", ".join(f"{scope} {selector}" for scope in scopes)


def _top_level_commas(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    return parts + [text[start:]]


# Where the theme's content block is the whole width of its page (notmyidea's is), the
# campaign is as wide as a line of text, in the middle, as Megaphone's own theme has it.
_IN_A_SITE_THEME = """
/* In a site's own theme: as wide as a line of text, in the middle of its content. */
.campaign { max-width: 46rem; margin-left: auto; margin-right: auto; }
"""
