"""The tests' own shortcut (helpers.TemplateCodeCache): each template is compiled
once per test session, not once per build; a build is otherwise unchanged."""

import jinja2

from helpers import build, campaign_md, write_site


def test_a_second_build_compiles_no_template(tmp_path, monkeypatch):
    content = write_site(tmp_path, {"park.md": campaign_md(slug="park")})
    first = build(content, tmp_path / "first", "2021-02-22")
    compiled = []
    compile_template = jinja2.Environment.compile

    def counting(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return compile_template(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    second = build(content, tmp_path / "second", "2021-02-22")
    assert compiled == []
    page = "park/index.html"
    assert (second / page).read_bytes() == (first / page).read_bytes()
