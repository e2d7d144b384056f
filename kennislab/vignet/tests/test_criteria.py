"""The vignet's criteria engine: plain functions, no database."""

import copy
import datetime
import json
from fractions import Fraction

import pytest

from kennislab.vignet import criteria
from kennislab.vignet.criteria import (
    InvalidApplication,
    add_months,
    assess_data,
    dutch_date,
    parse,
    renewal_opens,
    share_percent,
    valid_until,
)

D = datetime.date.fromisoformat
TODAY = D("2026-06-01")
CONTRACT_EXAMPLE = {
    "organisation": "Voorbeeld BV",
    "assessed_on": "2026-06-01",
    "target_group_size": 200,
    "baseline": {"date": "2025-01-15", "participants": 120},
    "expert_guidance": {"name": "…", "organisation": "…"},
    "activities": [
        {
            "theme": "bewegen",
            "title": "…",
            "start": "2025-03-01",
            "end": "2025-06-01",
            "participants": 50,
            "target_group_size": 200,
        }
    ],
    "renewal_of": {"awarded_on": "2024-05-01"},
}


def activity(theme="bewegen", start="2025-03-01", participants=100, **fields):
    return {"theme": theme, "title": "", "start": start, "participants": participants, **fields}


def application(*activities, **fields):
    """A first application, baseline 15 January 2025, assessed 1 June 2026, target group 200."""
    data = {
        "organisation": "Voorbeeld BV",
        "assessed_on": "2026-06-01",
        "target_group_size": 200,
        "baseline": {"date": "2025-01-15", "participants": 120},
        "expert_guidance": {"name": "Jan Jansen", "organisation": "Vitaal Advies"},
        "activities": list(activities),
    }
    data.update(fields)
    return data


def renewal(*activities, assessed_on="2026-03-01", awarded_on="2024-05-01", **fields):
    return application(
        *activities,
        assessed_on=assessed_on,
        renewal_of={"awarded_on": awarded_on},
        **fields,
    )


def verdict_of(data):
    return assess_data(data, today=TODAY)


def explanation(data, code):
    return verdict_of(data).criterion(code).explanation


def met(data, code):
    return verdict_of(data).criterion(code).met


ELIGIBLE = application(activity("bewegen"), activity("voeding"))


# --- Dates and figures ---------------------------------------------------------------------------


def test_constants():
    assert list(criteria.THEMES.items()) == [
        ("bewegen", "Bewegen"),
        ("roken", "Roken"),
        ("alcohol-drugs-medicijnen", "Alcohol, drugs en medicijnen"),
        ("voeding", "Voeding"),
        ("ontspanning-mentale-balans", "Ontspanning en mentale balans"),
    ]
    rules = (criteria.THEMES_NEEDED, criteria.VALID_YEARS, criteria.RENEWAL_WINDOW_MONTHS)
    assert (criteria.MIN_SHARE, *rules) == (Fraction(1, 4), 2, 2, 3)
    assert type(criteria.MIN_SHARE) is Fraction


@pytest.mark.parametrize(
    ("day", "text"),
    [
        ("2025-01-15", "15 januari 2025"),
        ("2025-02-01", "1 februari 2025"),
        ("2025-03-09", "9 maart 2025"),
        ("2025-04-30", "30 april 2025"),
        ("2025-05-01", "1 mei 2025"),
        ("2025-06-02", "2 juni 2025"),
        ("2025-07-03", "3 juli 2025"),
        ("2025-08-31", "31 augustus 2025"),
        ("2025-09-10", "10 september 2025"),
        ("2025-10-11", "11 oktober 2025"),
        ("2025-11-28", "28 november 2025"),
        ("2024-12-31", "31 december 2024"),
    ],
)
def test_dutch_date(day, text):
    assert dutch_date(D(day)) == text


@pytest.mark.parametrize(
    ("participants", "size", "percent"),
    [
        (50, 200, 25),
        (49, 200, 24),
        (249, 1000, 24),
        (1, 3, 33),
        (2, 3, 66),
        (200, 200, 100),
        (0, 7, 0),
    ],
)
def test_share_percent_is_floored(participants, size, percent):
    assert share_percent(participants, size) == percent


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        ("2025-11-15", 3, "2026-02-15"),
        ("2026-01-15", -1, "2025-12-15"),
        ("2026-05-31", -3, "2026-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2024-02-29", 24, "2026-02-28"),
        ("2024-02-29", 48, "2028-02-29"),
        ("2025-12-31", 0, "2025-12-31"),
    ],
)
def test_add_months_clamps_to_month_end(day, months, expected):
    assert add_months(D(day), months) == D(expected)


@pytest.mark.parametrize(
    ("awarded", "until", "opens"),
    [
        ("2024-05-01", "2026-05-01", "2026-02-01"),
        ("2024-02-29", "2026-02-28", "2025-11-28"),
        ("2024-05-31", "2026-05-31", "2026-02-28"),
        ("2024-08-31", "2026-08-31", "2026-05-31"),
        ("2023-12-15", "2025-12-15", "2025-09-15"),
    ],
)
def test_valid_until_and_renewal_opens(awarded, until, opens):
    assert valid_until(D(awarded)) == D(until)
    assert renewal_opens(D(awarded)) == D(opens)


# --- Themes --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("participants", "size", "counts"),
    [
        (50, 200, True),  # exactly 25%
        (49, 200, False),  # one participant below
        (1, 4, True),
        (25, 100, True),
        (24, 100, False),
        (250, 999, True),  # 25.03%
        (249, 997, False),  # 24.97%, shown as 24%
        (200, 200, True),
    ],
)
def test_an_activity_counts_from_exactly_a_quarter_of_its_target_group(participants, size, counts):
    data = application(
        activity("voeding"),
        activity("bewegen", participants=participants, target_group_size=size),
    )
    verdict = verdict_of(data)
    assert verdict.criterion("themes").met is counts
    assert verdict.themes_met == (("bewegen", "voeding") if counts else ("voeding",))


def test_themes_met_explanation_lists_the_themes_with_their_share():
    data = application(activity("voeding", participants=80), activity("bewegen", participants=50))
    assert explanation(data, "themes") == (
        "Voldaan: 2 thema's met minstens 25% van de doelgroep: Bewegen (25%), Voeding (40%)."
    )


def test_a_theme_shows_its_best_counting_activity():
    data = application(
        activity("bewegen", participants=50),
        activity("bewegen", participants=150),
        activity("roken", participants=60),
        activity("voeding", participants=70),
    )
    assert explanation(data, "themes") == (
        "Voldaan: 3 thema's met minstens 25% van de doelgroep: "
        "Bewegen (75%), Roken (30%), Voeding (35%)."
    )


@pytest.mark.parametrize(
    ("second", "text"),
    [
        (
            activity("voeding", participants=36),
            "Nog 1 thema nodig: Voeding haalt 18% van de doelgroep, 25% is nodig.",
        ),
        (
            activity("voeding", participants=249, target_group_size=1000, title="Fruitweek"),
            "Nog 1 thema nodig: Voeding (‘Fruitweek’) haalt 24% van de doelgroep, 25% is nodig.",
        ),
        (
            activity("roken", start="2025-01-03"),
            "Nog 1 thema nodig: Roken begon op 3 januari 2025, vóór de nulmeting van "
            "15 januari 2025.",
        ),
        (
            activity("ontspanning-mentale-balans", start="2026-09-01"),
            "Nog 1 thema nodig: Ontspanning en mentale balans begint pas op 1 september 2026, "
            "telt nog niet mee.",
        ),
        (
            activity("alcohol-drugs-medicijnen", start="2025-01-03", participants=10),
            "Nog 1 thema nodig: Alcohol, drugs en medicijnen begon op 3 januari 2025, vóór de "
            "nulmeting van 15 januari 2025 en haalt 5% van de doelgroep, 25% is nodig.",
        ),
        (
            activity("bewegen", participants=200),
            "Nog 1 thema nodig: er zijn nog geen activiteiten op een ander thema ingevuld.",
        ),
    ],
)
def test_an_unmet_theme_is_explained_with_figures(second, text):
    verdict = verdict_of(application(activity("bewegen"), second))
    assert verdict.criterion("themes").met is False
    assert verdict.criterion("themes").explanation == text
    assert verdict.eligible is False


def test_every_unmet_theme_names_its_best_activity():
    data = application(
        activity("voeding", participants=20),
        activity("voeding", participants=36),
        activity("roken", participants=20),
    )
    assert explanation(data, "themes") == (
        "Nog 2 thema's nodig: Roken haalt 10% van de doelgroep, 25% is nodig; "
        "Voeding haalt 18% van de doelgroep, 25% is nodig."
    )


@pytest.mark.parametrize("activities", [{"activities": []}, {}])
def test_no_activities_at_all(activities):
    data = application()
    del data["activities"]
    data.update(activities)
    assert explanation(data, "themes") == (
        "Er zijn nog geen activiteiten ingevuld; activiteiten op minstens 2 van de 5 thema's "
        "zijn nodig, elk met minstens 25% van de doelgroep."
    )
    assert verdict_of(data).themes_met == ()


@pytest.mark.parametrize(
    ("start", "counts"),
    [
        ("2025-01-14", False),  # the day before the baseline
        ("2025-01-15", True),  # the baseline day itself
        ("2026-06-01", True),  # started on the assessment day: carried out
        ("2026-06-02", False),  # starts after the assessment day: only planned
    ],
)
def test_an_activity_counts_from_the_baseline_day_until_the_assessment_day(start, counts):
    verdict = verdict_of(application(activity("voeding"), activity("bewegen", start=start)))
    assert ("bewegen" in verdict.themes_met) is counts
    assert verdict.criterion("themes").met is counts


def test_an_ongoing_activity_counts_and_end_may_be_missing_or_null():
    data = application(
        activity("bewegen", start="2026-05-01", end="2026-12-31"),
        activity("voeding", end=None),
        activity("roken"),
    )
    assert verdict_of(data).themes_met == ("bewegen", "roken", "voeding")


def test_the_same_theme_twice_counts_once():
    twice = application(activity("bewegen"), activity("bewegen", participants=60))
    verdict = verdict_of(twice)
    assert verdict.themes_met == ("bewegen",)
    assert verdict.criterion("themes").met is False
    assert verdict.criterion("themes").explanation.startswith("Nog 1 thema nodig")
    verdict = verdict_of(application(activity("bewegen"), activity("bewegen"), activity("roken")))
    assert verdict.themes_met == ("bewegen", "roken")
    assert verdict.criterion("themes").met is True


def test_themes_met_are_in_canonical_order():
    codes = list(criteria.THEMES)
    data = application(*(activity(code) for code in reversed(codes)))
    verdict = verdict_of(data)
    assert verdict.themes_met == tuple(codes)
    assert verdict.criterion("themes").explanation == (
        "Voldaan: 5 thema's met minstens 25% van de doelgroep: Bewegen (50%), Roken (50%), "
        "Alcohol, drugs en medicijnen (50%), Voeding (50%), Ontspanning en mentale balans (50%)."
    )


@pytest.mark.parametrize(
    ("organisation_size", "fields", "counts", "resolved"),
    [
        (200, {}, True, 200),  # falls back to the organisation's 200: 50 is 25%
        (200, {"target_group_size": None}, True, 200),
        (201, {}, False, 201),  # 50 of 201 is below 25%
        (1000, {"target_group_size": 200}, True, 200),  # the activity's own target group
        (100, {"target_group_size": 201}, False, 201),
    ],
)
def test_activity_target_group_falls_back_to_the_organisations(
    organisation_size, fields, counts, resolved
):
    data = application(
        activity("voeding"),
        activity("bewegen", participants=50, **fields),
        target_group_size=organisation_size,
    )
    data["baseline"]["participants"] = 10
    assert parse(data, today=TODAY).activities[1].target_group_size == resolved
    assert ("bewegen" in verdict_of(data).themes_met) is counts


def test_without_a_baseline_activities_are_judged_on_their_share_alone():
    verdict = verdict_of(application(activity("bewegen"), activity("voeding"), baseline=None))
    assert verdict.criterion("themes").met is True
    assert verdict.criterion("baseline").met is False
    assert verdict.eligible is False


# --- Baseline ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("baseline", "is_met", "text"),
    [
        (
            {"date": "2025-01-15", "participants": 120},
            True,
            "Nulmeting gedaan op 15 januari 2025 met 120 deelnemers.",
        ),
        (
            {"date": "2025-01-15", "participants": 1},
            True,
            "Nulmeting gedaan op 15 januari 2025 met 1 deelnemer.",
        ),
        (
            {"date": "2026-06-01", "participants": 5},
            True,
            "Nulmeting gedaan op 1 juni 2026 met 5 deelnemers.",
        ),
        (
            None,
            False,
            "Er is nog geen nulmeting ingevuld. Een nulmeting van de vitaliteit van de "
            "medewerkers is nodig vóór de activiteiten.",
        ),
        (
            {"date": "2026-06-02", "participants": 120},
            False,
            "De nulmeting staat gepland op 2 juni 2026 en is dus nog niet gedaan. Een nulmeting "
            "van de vitaliteit van de medewerkers is nodig vóór de activiteiten.",
        ),
        (
            {"date": "2025-01-15", "participants": 0},
            False,
            "De nulmeting van 15 januari 2025 heeft geen deelnemers. Een nulmeting met "
            "medewerkers uit de doelgroep is nodig vóór de activiteiten.",
        ),
    ],
)
def test_baseline(baseline, is_met, text):
    data = application(
        activity("bewegen", start="2026-06-01"), activity("voeding", start="2026-06-01")
    )
    data["baseline"] = baseline
    verdict = verdict_of(data)
    assert verdict.criterion("baseline") == criteria.Criterion("baseline", is_met, text)
    assert verdict.eligible is is_met


def test_missing_baseline_key_is_the_same_as_null():
    data = copy.deepcopy(ELIGIBLE)
    del data["baseline"]
    assert verdict_of(data).criterion("baseline") == verdict_of(
        {**ELIGIBLE, "baseline": None}
    ).criterion("baseline")
    assert met(data, "baseline") is False


# --- Guidance ------------------------------------------------------------------------------------

NO_GUIDANCE = (
    "Er is nog geen deskundige begeleiding ingevuld. Het proces moet begeleid worden door een "
    "deskundige; vul de naam of de organisatie van de begeleider in."
)


@pytest.mark.parametrize(
    ("guidance", "is_met", "text"),
    [
        (
            {"name": "Jan Jansen", "organisation": "Vitaal Advies"},
            True,
            "Het proces is begeleid door een deskundige: Jan Jansen (Vitaal Advies).",
        ),
        ({"name": "Jan Jansen"}, True, "Het proces is begeleid door een deskundige: Jan Jansen."),
        (
            {"name": "", "organisation": "Vitaal Advies"},
            True,
            "Het proces is begeleid door een deskundige: Vitaal Advies.",
        ),
        (None, False, NO_GUIDANCE),
        ({}, False, NO_GUIDANCE),
        ({"name": "", "organisation": "   "}, False, NO_GUIDANCE),
        ({"name": None, "organisation": None}, False, NO_GUIDANCE),
    ],
)
def test_guidance(guidance, is_met, text):
    verdict = verdict_of({**ELIGIBLE, "expert_guidance": guidance})
    assert verdict.criterion("guidance") == criteria.Criterion("guidance", is_met, text)
    assert verdict.eligible is is_met


def test_missing_guidance_key_is_the_same_as_null():
    data = copy.deepcopy(ELIGIBLE)
    del data["expert_guidance"]
    assert verdict_of(data).criterion("guidance").explanation == NO_GUIDANCE


# --- Renewal -------------------------------------------------------------------------------------

RENEWAL_ACTIVITIES = (
    activity("bewegen", start="2024-06-01"),
    activity("voeding", start="2025-06-01"),
)


@pytest.mark.parametrize(
    ("awarded_on", "assessed_on", "is_met", "text"),
    [
        (
            "2024-05-01",
            "2026-01-31",
            False,
            "Verlenging kan vanaf 1 februari 2026 (drie maanden voor de vervaldatum 1 mei 2026).",
        ),
        (
            "2024-05-01",
            "2026-02-01",
            True,
            "Het vignet is toegekend op 1 mei 2024 en geldig tot en met 1 mei 2026; verlengen "
            "kan sinds 1 februari 2026.",
        ),
        (
            "2024-05-01",
            "2026-05-01",
            True,
            "Het vignet is toegekend op 1 mei 2024 en geldig tot en met 1 mei 2026; verlengen "
            "kan sinds 1 februari 2026.",
        ),
        (
            "2024-05-01",
            "2026-05-02",
            True,
            "Het vignet is toegekend op 1 mei 2024 en is verlopen op 1 mei 2026 (het was geldig "
            "tot en met die dag); verlengen kan nog steeds.",
        ),
        (
            "2024-02-29",
            "2025-11-27",
            False,
            "Verlenging kan vanaf 28 november 2025 (drie maanden voor de vervaldatum "
            "28 februari 2026).",
        ),
        (
            "2024-02-29",
            "2025-11-28",
            True,
            "Het vignet is toegekend op 29 februari 2024 en geldig tot en met 28 februari 2026; "
            "verlengen kan sinds 28 november 2025.",
        ),
        (
            "2024-02-29",
            "2026-03-01",
            True,
            "Het vignet is toegekend op 29 februari 2024 en is verlopen op 28 februari 2026 (het "
            "was geldig tot en met die dag); verlengen kan nog steeds.",
        ),
    ],
)
def test_renewal_window(awarded_on, assessed_on, is_met, text):
    data = renewal(*RENEWAL_ACTIVITIES, awarded_on=awarded_on, assessed_on=assessed_on)
    verdict = verdict_of(data)
    assert verdict.criterion("renewal") == criteria.Criterion("renewal", is_met, text)
    assert verdict.eligible is is_met


def test_a_renewal_needs_no_new_baseline():
    for data in (renewal(*RENEWAL_ACTIVITIES, baseline=None), renewal(*RENEWAL_ACTIVITIES)):
        verdict = verdict_of(data)
        assert [c.code for c in verdict.criteria] == ["baseline", "themes", "guidance", "renewal"]
        assert verdict.criterion("baseline") == criteria.Criterion(
            "baseline",
            True,
            "Bij een verlenging is geen nieuwe nulmeting nodig; activiteiten tellen mee vanaf de "
            "toekenning op 1 mei 2024.",
        )
        assert verdict.eligible is True


@pytest.mark.parametrize(
    ("start", "counts"),
    [("2024-04-30", False), ("2024-05-01", True), ("2026-03-01", True), ("2026-03-02", False)],
)
def test_a_renewal_counts_only_activities_since_the_award(start, counts):
    data = renewal(
        activity("voeding", start="2025-01-01"),
        activity("bewegen", start=start),
        baseline={"date": "2023-01-01", "participants": 100},
    )
    verdict = verdict_of(data)
    assert ("bewegen" in verdict.themes_met) is counts
    assert verdict.eligible is counts


def test_an_activity_before_the_award_is_explained():
    data = renewal(
        activity("voeding", start="2025-01-01"),
        activity("bewegen", start="2024-04-30"),
        baseline={"date": "2023-01-01", "participants": 100},
    )
    assert explanation(data, "themes") == (
        "Nog 1 thema nodig: Bewegen begon op 30 april 2024, vóór de toekenning van 1 mei 2024."
    )


def test_a_first_application_has_no_renewal_criterion():
    verdict = verdict_of(ELIGIBLE)
    assert [c.code for c in verdict.criteria] == ["baseline", "themes", "guidance"]
    assert verdict.criterion("renewal") is None
    assert verdict.eligible is True
    assert verdict_of({**ELIGIBLE, "renewal_of": None}).criterion("renewal") is None


# --- Eligibility and the verdict's shape ---------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "failing"),
    [
        ({}, []),
        ({"baseline": None}, ["baseline"]),
        ({"expert_guidance": None}, ["guidance"]),
        ({"activities": [activity("bewegen")]}, ["themes"]),
        (
            {"baseline": None, "expert_guidance": None, "activities": []},
            ["baseline", "themes", "guidance"],
        ),
    ],
)
def test_eligible_only_when_every_criterion_is_met(change, failing):
    verdict = verdict_of({**ELIGIBLE, **change})
    assert [c.code for c in verdict.criteria if not c.met] == failing
    assert verdict.eligible is (not failing)


def test_as_dict_has_exactly_the_contract_shape():
    result = verdict_of(ELIGIBLE).as_dict()
    assert json.loads(json.dumps(result)) == result
    assert list(result) == ["eligible", "criteria", "themes_met"]
    assert result["eligible"] is True
    assert result["themes_met"] == ["bewegen", "voeding"]
    assert [list(c) for c in result["criteria"]] == [["code", "met", "explanation"]] * 3
    assert [c["code"] for c in result["criteria"]] == ["baseline", "themes", "guidance"]
    assert all(c["met"] is True and c["explanation"] for c in result["criteria"])


def test_the_contract_example_gives_a_well_formed_verdict():
    result = verdict_of(copy.deepcopy(CONTRACT_EXAMPLE)).as_dict()
    assert result == {
        "eligible": False,
        "criteria": [
            {
                "code": "baseline",
                "met": True,
                "explanation": "Bij een verlenging is geen nieuwe nulmeting nodig; activiteiten "
                "tellen mee vanaf de toekenning op 1 mei 2024.",
            },
            {
                "code": "themes",
                "met": False,
                "explanation": "Nog 1 thema nodig: er zijn nog geen activiteiten op een ander "
                "thema ingevuld.",
            },
            {
                "code": "guidance",
                "met": True,
                "explanation": "Het proces is begeleid door een deskundige: … (…).",
            },
            {
                "code": "renewal",
                "met": True,
                "explanation": "Het vignet is toegekend op 1 mei 2024 en is verlopen op 1 mei 2026 "
                "(het was geldig tot en met die dag); verlengen kan nog steeds.",
            },
        ],
        "themes_met": ["bewegen"],
    }


def test_parse_gives_the_application():
    parsed = parse(copy.deepcopy(CONTRACT_EXAMPLE))
    assert parsed == criteria.Application(
        organisation="Voorbeeld BV",
        assessed_on=D("2026-06-01"),
        target_group_size=200,
        baseline=criteria.Baseline(D("2025-01-15"), 120),
        expert_guidance=criteria.Guidance("…", "…"),
        activities=(criteria.Activity("bewegen", "…", D("2025-03-01"), D("2025-06-01"), 50, 200),),
        renewal_of=D("2024-05-01"),
    )


@pytest.mark.parametrize("assessed_on", [{}, {"assessed_on": None}])
def test_assessed_on_defaults_to_today(assessed_on):
    data = {key: value for key, value in ELIGIBLE.items() if key != "assessed_on"}
    data.update(assessed_on)
    assert parse(data, today=D("2025-12-24")).assessed_on == D("2025-12-24")
    before = datetime.date.today()
    assert before <= parse(data).assessed_on <= datetime.date.today()


def test_unknown_keys_title_and_end_are_optional():
    data = application(
        {"theme": "bewegen", "start": "2025-03-01", "participants": 50, "kleur": "groen"},
        activity("voeding", title=None, end="2025-03-01"),
        extra={"anything": [1, 2]},
    )
    verdict = verdict_of(data)
    assert verdict.eligible is True
    assert parse(data).activities[0].title == ""


# --- Invalid input -------------------------------------------------------------------------------

THEME_CHOICES = (
    "kies uit bewegen, roken, alcohol-drugs-medicijnen, voeding, ontspanning-mentale-balans"
)


def with_activity(**fields):
    return application(activity("bewegen"), {**activity("voeding"), **fields})


def without(key):
    return {k: v for k, v in ELIGIBLE.items() if k != key}


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ([], "aanvraag", "moet een JSON-object zijn, niet een lijst"),
        ("aanvraag", "aanvraag", "moet een JSON-object zijn, niet tekst"),
        (None, "aanvraag", "moet een JSON-object zijn, niet null"),
        # organisation
        (without("organisation"), "organisation", "ontbreekt; vul de naam van de organisatie in"),
        (
            {**ELIGIBLE, "organisation": ""},
            "organisation",
            "moet de naam van de organisatie zijn (niet leeg)",
        ),
        (
            {**ELIGIBLE, "organisation": "  "},
            "organisation",
            "moet de naam van de organisatie zijn (niet leeg)",
        ),
        (
            {**ELIGIBLE, "organisation": 7},
            "organisation",
            "moet de naam van de organisatie zijn (niet leeg)",
        ),
        # themes
        (
            with_activity(theme="zwemmen"),
            "activities[1].theme",
            f'onbekend thema "zwemmen"; {THEME_CHOICES}',
        ),
        (
            with_activity(theme="Bewegen"),
            "activities[1].theme",
            f'onbekend thema "Bewegen"; {THEME_CHOICES}',
        ),
        (with_activity(theme=5), "activities[1].theme", f"onbekend thema 5; {THEME_CHOICES}"),
        (
            with_activity(theme=["roken"]),
            "activities[1].theme",
            f'onbekend thema ["roken"]; {THEME_CHOICES}',
        ),
        (with_activity(theme=None), "activities[1].theme", f"ontbreekt; {THEME_CHOICES}"),
        # counts
        (
            with_activity(participants=-1),
            "activities[1].participants",
            "mag niet negatief zijn, niet -1",
        ),
        (
            with_activity(participants=50.0),
            "activities[1].participants",
            "moet een geheel getal zijn, niet 50.0",
        ),
        (
            with_activity(participants=True),
            "activities[1].participants",
            "moet een geheel getal zijn, niet true",
        ),
        (
            with_activity(participants="50"),
            "activities[1].participants",
            'moet een geheel getal zijn, niet "50"',
        ),
        (
            with_activity(participants=None),
            "activities[1].participants",
            "ontbreekt; vul een aantal in",
        ),
        (
            with_activity(target_group_size=0),
            "activities[1].target_group_size",
            "moet minstens 1 zijn, niet 0",
        ),
        (
            with_activity(target_group_size=-3),
            "activities[1].target_group_size",
            "moet minstens 1 zijn, niet -3",
        ),
        (
            with_activity(target_group_size=99.5),
            "activities[1].target_group_size",
            "moet een geheel getal zijn, niet 99.5",
        ),
        ({**ELIGIBLE, "target_group_size": 0}, "target_group_size", "moet minstens 1 zijn, niet 0"),
        (
            {**ELIGIBLE, "target_group_size": -200},
            "target_group_size",
            "moet minstens 1 zijn, niet -200",
        ),
        (
            {**ELIGIBLE, "target_group_size": 200.0},
            "target_group_size",
            "moet een geheel getal zijn, niet 200.0",
        ),
        (
            {**ELIGIBLE, "target_group_size": True},
            "target_group_size",
            "moet een geheel getal zijn, niet true",
        ),
        (without("target_group_size"), "target_group_size", "ontbreekt; vul een aantal in"),
        (
            {**ELIGIBLE, "baseline": {"date": "2025-01-15", "participants": -1}},
            "baseline.participants",
            "mag niet negatief zijn, niet -1",
        ),
        (
            {**ELIGIBLE, "baseline": {"date": "2025-01-15"}},
            "baseline.participants",
            "ontbreekt; vul een aantal in",
        ),
        # participants above the target group
        (
            with_activity(participants=41, target_group_size=40),
            "activities[1].participants",
            "41 deelnemers is meer dan de doelgroep van de activiteit (40)",
        ),
        (
            with_activity(participants=201),
            "activities[1].participants",
            "201 deelnemers is meer dan de doelgroep van de activiteit (200)",
        ),
        (
            {**ELIGIBLE, "baseline": {"date": "2025-01-15", "participants": 201}},
            "baseline.participants",
            "201 deelnemers is meer dan de doelgroep van de organisatie (200)",
        ),
        # dates
        (
            with_activity(start="2025-1-15"),
            "activities[1].start",
            'ongeldige datum "2025-1-15"; gebruik JJJJ-MM-DD, bijvoorbeeld 2025-01-15',
        ),
        (
            with_activity(start="15-01-2025"),
            "activities[1].start",
            'ongeldige datum "15-01-2025"; gebruik JJJJ-MM-DD, bijvoorbeeld 2025-01-15',
        ),
        (
            with_activity(start="20250115"),
            "activities[1].start",
            'ongeldige datum "20250115"; gebruik JJJJ-MM-DD, bijvoorbeeld 2025-01-15',
        ),
        (
            with_activity(start="2025-01-15T10:00"),
            "activities[1].start",
            'ongeldige datum "2025-01-15T10:00"; gebruik JJJJ-MM-DD, bijvoorbeeld 2025-01-15',
        ),
        (
            with_activity(start="２０２５-01-15"),
            "activities[1].start",
            'ongeldige datum "２０２５-01-15"; gebruik JJJJ-MM-DD, bijvoorbeeld 2025-01-15',
        ),
        (
            with_activity(start=20250115),
            "activities[1].start",
            "ongeldige datum 20250115; gebruik JJJJ-MM-DD, bijvoorbeeld 2025-01-15",
        ),
        (
            with_activity(start=""),
            "activities[1].start",
            'ongeldige datum ""; gebruik JJJJ-MM-DD, bijvoorbeeld 2025-01-15',
        ),
        (
            with_activity(start=None),
            "activities[1].start",
            "ontbreekt; gebruik een datum als JJJJ-MM-DD",
        ),
        (
            with_activity(start="2025-02-29"),
            "activities[1].start",
            '"2025-02-29" is geen bestaande datum',
        ),
        (
            with_activity(end="2025-13-01"),
            "activities[1].end",
            '"2025-13-01" is geen bestaande datum',
        ),
        (
            with_activity(end="2025-02-28"),
            "activities[1].end",
            "de einddatum 28 februari 2025 ligt vóór de begindatum 1 maart 2025",
        ),
        (
            {**ELIGIBLE, "baseline": {"date": "15 januari 2025", "participants": 5}},
            "baseline.date",
            'ongeldige datum "15 januari 2025"; gebruik JJJJ-MM-DD, bijvoorbeeld 2025-01-15',
        ),
        (
            {**ELIGIBLE, "baseline": {"participants": 5}},
            "baseline.date",
            "ontbreekt; gebruik een datum als JJJJ-MM-DD",
        ),
        (
            {**ELIGIBLE, "assessed_on": "2026-06-31"},
            "assessed_on",
            '"2026-06-31" is geen bestaande datum',
        ),
        (
            {**ELIGIBLE, "renewal_of": {"awarded_on": "1-5-2024"}},
            "renewal_of.awarded_on",
            'ongeldige datum "1-5-2024"; gebruik JJJJ-MM-DD, bijvoorbeeld 2025-01-15',
        ),
        (
            {**ELIGIBLE, "renewal_of": {}},
            "renewal_of.awarded_on",
            "ontbreekt; gebruik een datum als JJJJ-MM-DD",
        ),
        # structure
        (
            {**ELIGIBLE, "baseline": "2025-01-15"},
            "baseline",
            "moet een object zijn of null, niet tekst",
        ),
        (
            {**ELIGIBLE, "expert_guidance": "Jan Jansen"},
            "expert_guidance",
            "moet een object zijn of null, niet tekst",
        ),
        (
            {**ELIGIBLE, "renewal_of": "2024-05-01"},
            "renewal_of",
            "moet een object zijn of null, niet tekst",
        ),
        (
            {**ELIGIBLE, "renewal_of": ["2024-05-01"]},
            "renewal_of",
            "moet een object zijn of null, niet een lijst",
        ),
        (
            {**ELIGIBLE, "activities": {"theme": "bewegen"}},
            "activities",
            "moet een lijst zijn, niet een object",
        ),
        ({**ELIGIBLE, "activities": "bewegen"}, "activities", "moet een lijst zijn, niet tekst"),
        (
            application(activity("bewegen"), "yoga"),
            "activities[1]",
            "moet een object zijn, niet tekst",
        ),
        (
            application(activity("bewegen"), None),
            "activities[1]",
            "moet een object zijn, niet null",
        ),
        (with_activity(title=5), "activities[1].title", "moet tekst zijn, niet een getal"),
        (
            {**ELIGIBLE, "expert_guidance": {"name": ["Jan"]}},
            "expert_guidance.name",
            "moet tekst zijn, niet een lijst",
        ),
        (
            {**ELIGIBLE, "expert_guidance": {"organisation": False}},
            "expert_guidance.organisation",
            "moet tekst zijn, niet true/false",
        ),
    ],
)
def test_invalid_input_names_the_field(data, field, message):
    with pytest.raises(InvalidApplication) as raised:
        assess_data(data, today=TODAY)
    assert raised.value.problems == [(field, message)]
    assert str(raised.value) == f"{field}: {message}"


def test_every_problem_is_reported_not_just_the_first():
    data = {
        "organisation": "",
        "target_group_size": 100,
        "baseline": {"date": "2025-01-32", "participants": 101},
        "activities": [
            activity("zwemmen", participants=-2),
            activity("roken", start="2025-06-01", end="2025-05-01"),
        ],
    }
    with pytest.raises(InvalidApplication) as raised:
        parse(data, today=TODAY)
    assert [field for field, _ in raised.value.problems] == [
        "organisation",
        "baseline.date",
        "baseline.participants",
        "activities[0].theme",
        "activities[0].participants",
        "activities[1].end",
    ]
    assert str(raised.value).splitlines() == [f"{f}: {m}" for f, m in raised.value.problems]
    assert isinstance(raised.value, ValueError)
