"""Aggregation on plain data: counts, percentages (of those who answered), several answers adding
up to more than 100%, scales with their mean, open answers, no responses, the region filter."""

from kennislab.surveys.results import (
    NOT_SAID,
    Question,
    Response,
    aggregate,
    by_region,
    display,
    region_counts,
)

THEMES = Question("themas", "Thema's", "checkboxes", (("a", "Roken"), ("b", "Overgewicht"),
                                                     ("c", "Eenzaamheid")))  # fmt: skip
ROLE = Question("rol", "Rol", "radio", (("Gemeente", "Gemeente"), ("GGD", "GGD")))
SCALE = Question(
    "urgentie", "Urgentie", "scale", (("1", "1 – Laag"), ("2", "2"), ("3", "3 – Hoog"))
)
TEXT = Question("toelichting", "Toelichting", "multiline")
QUESTIONS = [THEMES, ROLE, SCALE, TEXT]

RESPONSES = [
    Response({"themas": ["a", "b"], "rol": "Gemeente", "urgentie": "3", "toelichting": "Eén"},
             "utrecht"),
    Response({"themas": ["a"], "rol": "GGD", "urgentie": "1", "toelichting": ""}, "utrecht"),
    Response({"themas": ["a", "c"], "rol": "Gemeente", "urgentie": "2", "toelichting": "Twee"},
             "limburg"),
    Response({"themas": [], "rol": "", "toelichting": "  "}, ""),
]  # fmt: skip


def options(result):
    return [(option.label, option.count, option.percent) for option in result.options]


def test_single_choice_counts_and_percentages_of_those_who_answered():
    role = aggregate(QUESTIONS, RESPONSES)[1]
    assert (role.respondents, role.answered) == (4, 3)
    assert options(role) == [("Gemeente", 2, 67), ("GGD", 1, 33)]


def test_several_answers_add_up_to_more_than_100_percent():
    themes = aggregate(QUESTIONS, RESPONSES)[0]
    assert themes.answered == 3
    assert options(themes) == [("Roken", 3, 100), ("Overgewicht", 1, 33), ("Eenzaamheid", 1, 33)]
    assert sum(option.percent for option in themes.options) > 100


def test_the_same_answer_twice_in_one_response_counts_once():
    themes = aggregate([THEMES], [Response({"themas": ["a", "a"]})])[0]
    assert options(themes)[0] == ("Roken", 1, 100)


def test_a_scale_has_counts_per_point_and_a_mean():
    scale = aggregate(QUESTIONS, RESPONSES)[2]
    assert options(scale) == [("1 – Laag", 1, 33), ("2", 1, 33), ("3 – Hoog", 1, 33)]
    assert scale.mean == 2.0


def test_open_answers_are_listed_without_empty_ones():
    text = aggregate(QUESTIONS, RESPONSES)[3]
    assert text.texts == ["Eén", "Twee"]
    assert text.options == [] and not text.is_choice


def test_an_answer_no_longer_offered_is_counted_under_its_own_value():
    role = aggregate([ROLE], [Response({"rol": "Werkgever"}), Response({"rol": "GGD"})])[0]
    assert options(role) == [("Gemeente", 0, 0), ("GGD", 1, 50), ("Werkgever", 1, 50)]


def test_no_responses():
    results = aggregate(QUESTIONS, [])
    assert [result.answered for result in results] == [0, 0, 0, 0]
    assert options(results[1]) == [("Gemeente", 0, 0), ("GGD", 0, 0)]
    assert results[2].mean is None and results[3].texts == []


def test_a_survey_without_questions():
    assert aggregate([], RESPONSES) == []


def test_filter_by_region():
    assert len(by_region(RESPONSES, "utrecht")) == 2
    assert len(by_region(RESPONSES, "")) == 4 and len(by_region(RESPONSES, None)) == 4
    assert by_region(RESPONSES, NOT_SAID) == [RESPONSES[3]]
    assert by_region(RESPONSES, "zeeland") == []
    role = aggregate(QUESTIONS, by_region(RESPONSES, "utrecht"))[1]
    assert options(role) == [("Gemeente", 1, 50), ("GGD", 1, 50)]


def test_region_counts():
    counts = [(option.label, option.count, option.percent) for option in region_counts(RESPONSES)]
    assert counts == [("Utrecht", 2, 50), ("Limburg", 1, 25), ("Wil ik niet zeggen", 1, 25)]


def test_display_for_exports():
    assert display(THEMES, ["a", "c"]) == "Roken; Eenzaamheid"
    assert display(SCALE, "2") == "2"
    assert display(TEXT, "Hallo") == "Hallo"
    assert display(ROLE, None) == ""
