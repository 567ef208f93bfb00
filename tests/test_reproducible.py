"""Two builds of the same content, as of the same day, are byte-identical."""

import filecmp
import os

from helpers import campaign_md, make_html, write_example


def tree(path):
    return sorted(p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file())


def test_two_builds_are_byte_identical(tmp_path):
    content = write_example(tmp_path)
    # Separate processes with different hash seeds, so no set or dict order can leak in.
    for name, seed in (("one", "1"), ("two", "2")):
        result = make_html(content, tmp_path / name, "2021-02-22", PYTHONHASHSEED=seed)
        assert result.returncode == 0, result.stdout + result.stderr
    first, second = tmp_path / "one", tmp_path / "two"
    files = tree(first)
    assert files == tree(second) and len(files) > 10
    match, mismatch, errors = filecmp.cmpfiles(first, second, files, shallow=False)
    assert mismatch == [] and errors == []


LANGS = ("es", "fr", "de")


def translation(lang: str) -> str:
    text = campaign_md(slug="park", title=f"Park ({lang})", letter=f"Letter in {lang}.")
    return text.replace("Slug: park", f"Slug: park\nLang: {lang}")


def three_translations(root, order: tuple[str, ...]):
    """A campaign and three translations, written in `order`, each a second apart."""
    folder = root / "content" / "campaigns"
    folder.mkdir(parents=True)
    names = {"en": "park.md", **{lang: f"park.{lang}.md" for lang in LANGS}}
    texts = {"en": campaign_md(slug="park"), **{lang: translation(lang) for lang in LANGS}}
    for number, lang in enumerate(order):
        path = folder / names[lang]
        path.write_text(texts[lang], "utf-8")
        os.utime(path, (1_600_000_000 + number, 1_600_000_000 + number))
    return root / "content"


def test_three_translations_build_the_same_bytes_and_in_language_order(tmp_path):
    """Issue 22: two builds listed translations in different orders. Each from an empty
    cache, in a process with its own hash seed, from files written in another order."""
    builds = []
    for name, seed, order in (
        ("a", "1", ("en", "es", "fr", "de")),
        ("b", "2", ("de", "fr", "es", "en")),
    ):
        content = three_translations(tmp_path / name, order)
        output = tmp_path / name / "out"
        cache = str(tmp_path / name / "cache")  # empty: each build reads every file
        result = make_html(
            content, output, "2021-01-01", PYTHONHASHSEED=seed, MEGAPHONE_CACHE_PATH=cache
        )
        assert result.returncode == 0, result.stdout + result.stderr
        builds.append(output)
    files = tree(builds[0])
    assert files == tree(builds[1])
    match, mismatch, errors = filecmp.cmpfiles(builds[0], builds[1], files, shallow=False)
    assert mismatch == [] and errors == []
    page = (builds[0] / "park" / "index.html").read_text("utf-8")
    for part in (page.split('<nav class="languages"')[1], page.split("</head>")[0]):
        where = [part.index(f'hreflang="{lang}"') for lang in sorted(LANGS)]
        assert where == sorted(where), part[:300]  # by language code: de, es, fr
