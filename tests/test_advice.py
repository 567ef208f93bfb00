"""Advice that does what it says: two seats that share a name are told apart, not
merged."""

from megaphone.model.targets import read_target_list
from settings_under_test import ROOT

TWO_AURANGABADS = (
    "area,name,title,email\n"
    "Aurangabad,Abhay Kumar Sinha,MP,bihar@example.org\n"
    "Aurangabad,Sandipanrao Bhumre,MP,maharashtra@example.org\n"
)


def test_two_seats_that_share_a_name_are_told_apart_not_merged():
    reading = read_target_list("lok-sabha", "content/targets/lok-sabha.csv", TWO_AURANGABADS)
    (problem,) = reading.problems
    assert (problem.line, problem.code) == (3, "targets-area-twice")
    said = problem.text
    assert "two seats that share a name" in said and "tell them apart" in said
    assert "'Aurangabad (state)'" in said  # the fix names the state or the number
    assert said.index("tell them apart") < said.index("separated by commas")  # merging is last
    assert "Only if both rows are for one seat" in said


def test_the_guide_says_not_to_merge_two_seats():
    guide = (ROOT / "docs" / "errors.md").read_text("utf-8")
    entry = guide.split("#### `targets-area-twice`")[1].split("####")[0]
    assert "do not merge them" in entry and "Aurangabad (Bihar)" in entry
