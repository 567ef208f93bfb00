"""Invisible text is never sent: what a reader cannot see is an error, named and placed."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pelican.plugins.megaphone.model.invisible import (
    control_characters,
    hidden_text,
    invisible_characters,
    letter_errors,
    mixed_scripts,
    mixed_scripts_warning,
    text_errors,
)


def tags(text: str) -> str:
    """ASCII spelled in Unicode tag characters (U+E0020 to U+E007E)."""
    return "".join(chr(0xE0000 + ord(c)) for c in text)


ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"
SCOTLAND = "\U0001f3f4" + tags("gbsct") + "\U000e007f"
FAMILY = "\U0001f469\u200d\U0001f469\u200d\U0001f467"  # 👩‍👩‍👧
PERSIAN = "می\u200cخواهم این نامه را بفرستم"  # "I want to send this letter", with ZWNJ
LETTER = "Dear Commissioner,\n\nPlease ban facial recognition.\n\nSincerely,\n[Your name]"


def test_a_sentence_hidden_in_tag_characters_is_found_and_spelled_out():
    letter = LETTER + tags(" I withdraw my support.")
    errors = letter_errors(letter, 1)
    assert [e.code for e in errors] == ["letter-invisible"]
    message = str(errors[0])
    assert "letter 1, line 6" in message
    assert "'I withdraw my support.'" in message
    assert "U+E0000 to U+E007F" in message and "23 times" in message


def test_each_line_with_invisible_characters_is_its_own_error():
    letter = "Dear\u200b Sir,\nfine line\nend\u2060 here\u2060"
    errors = letter_errors(letter, 2)
    assert [str(e).split(" contains")[0] for e in errors] == [
        "letter 2, line 1",
        "letter 2, line 3",
    ]
    assert "WORD JOINER (U+2060) 2 times" in str(errors[1])


def test_right_to_left_override_in_a_subject_is_named():
    errors = text_errors("Ban facial recognition \u202enoitingocer")
    assert [e.code for e in errors] == ["invisible-characters"]
    assert "RIGHT-TO-LEFT OVERRIDE (U+202E)" in str(errors[0])


@pytest.mark.parametrize(
    "char",
    [
        "\u202a",
        "\u202b",
        "\u202c",
        "\u202d",
        "\u202e",  # embeddings and overrides
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",  # isolates
        "\u200b",
        "\u2060",
        "\ufeff",
        "\u00ad",
        "\u2061",
        "\u206a",
        "\ufff9",  # other Cf
        "\u2028",
        "\u2029",
        "\u3164",
        "\uffa0",  # separators and fillers that draw as nothing
        "\x00",
        "\x07",
        "\x1b",
        "\x7f",
        "\x85",  # control characters
        "\U000e0001",
        "\U000e0041",
        "\U000e007f",  # tag characters on their own
    ],
)
def test_characters_a_reader_cannot_see_are_errors(char):
    found = invisible_characters(f"Save the{char} park")
    assert [(f.char, f.line, f.column) for f in found] == [(char, 1, 9)]
    assert found[0].code_point == f"U+{ord(char):04X}"


@pytest.mark.parametrize(
    "text",
    [
        ENGLAND,
        SCOTLAND,
        f"Support {ENGLAND} and Wales",
        FAMILY,
        PERSIAN,
        "שלום\u200f (2021)",  # RLM places the brackets in Hebrew text
        "ملف\u061c 2021",  # ARABIC LETTER MARK
        "\u0600\u0661\u0662",  # ARABIC NUMBER SIGN before digits: visible
        "क्\u200dष",  # ZWJ in Devanagari
        "❤\ufe0f \u263a\ufe0e",  # variation selectors
        "ᠮᠣᠩ\u180eᠭᠣᠯ",  # Mongolian vowel separator between Mongolian letters
        "line one\r\n\tline two\n",
        "Café – “quotes” — 中文 😀 \u00a0\u202f!",  # NBSP and narrow NBSP are seen as spaces
    ],
)
def test_text_people_write_passes(text):
    assert invisible_characters(text) == []
    assert text_errors(text) == [] and letter_errors(text, 1) == []


@pytest.mark.parametrize(
    "fake_flag",
    [
        "\U0001f3f4" + tags(" I withdraw my support.") + "\U000e007f",  # a sentence, not a code
        "\U0001f3f4" + tags("gbeng"),  # no cancel tag
        "\U0001f600" + tags("gbeng") + "\U000e007f",  # not the black flag
        "\U0001f3f4" + tags("GBENG") + "\U000e007f",  # capitals: not a subdivision code
        "\U0001f3f4" + tags("gbengland") + "\U000e007f",  # too long
        "\U0001f3f4\U000e007f",  # nothing to spell
    ],
)
def test_only_a_real_flag_may_carry_tag_characters(fake_flag):
    assert invisible_characters(f"Hello {fake_flag}")


def test_hidden_text_ignores_real_flags():
    assert hidden_text(f"Go {ENGLAND}!") == ""
    assert hidden_text(f"Go {ENGLAND}" + tags("secret")) == "secret"


def test_mongolian_vowel_separator_elsewhere_is_an_error():
    assert invisible_characters("abc\u180edef")


def test_lines_and_columns_count_from_one():
    found = invisible_characters("ab\ncd\u200bef\n\u202e")
    assert [(f.line, f.column) for f in found] == [(2, 3), (3, 1)]


def test_control_characters_keeps_its_old_format():
    assert control_characters("a\x07b\x1bc\x07\n\t\r") == "U+0007, U+001B"
    assert control_characters(LETTER) == ""


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cf", "Cs", "Zl", "Zp"))))
def test_no_format_or_control_character_means_no_error(text):
    found = invisible_characters(text)
    assert all(f.char in "\u3164\uffa0" for f in found)


@given(st.text())
def test_every_error_is_a_character_of_the_text_at_its_place(text):
    lines = text.split("\n")
    for item in invisible_characters(text):
        assert lines[item.line - 1][item.column - 1] == item.char
        assert unicodedata.category(item.char) in ("Cc", "Cf", "Zl", "Zp", "Lo")


# --- Addresses that mix alphabets ------------------------------------------


@pytest.mark.parametrize(
    "address, words",
    [
        ("info@p\u0430ypal.com", "Latin and Cyrillic letters (\u0430) in 'p\u0430ypal'"),
        ("p\u043estact@nypd.org", "Latin and Cyrillic letters (\u043e) before the @"),
        ("info@xn--pypal-4ve.com", "Latin and Cyrillic letters (\u0430) in 'p\u0430ypal'"),
        ("mayor@\u03bfffice.gov", "Latin and Greek letters (\u03bf)"),
    ],
)
def test_an_address_mixing_alphabets_is_described(address, words):
    assert words in mixed_scripts(address)
    warning = mixed_scripts_warning(address)
    assert warning.endswith("[address-mixed-scripts]") and "imitate" in warning


@pytest.mark.parametrize(
    "address",
    [
        "postact@nypd.org",
        "josé@exämple.org",
        "info@пример.рф",
        "info@пример.com",
        "ab@例え.jp",
        "메일@한국.kr",
        "info@xn--e1afmkfd.xn--p1ai",
        "first.last-2@example.org",
        "user@ひらがな漢字カタカナ.jp",
    ],
)
def test_an_address_in_one_alphabet_per_part_is_fine(address):
    assert mixed_scripts(address) is None and mixed_scripts_warning(address) is None
