"""/netwerk/kaart/: the map's and the table's figures equal the database's counts (per kind, per
year), a province's list shows public information only, bad parameters are explained, the page
meets the accessibility rules a checker would test, and the home page shows the small map."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.db.models import Count
from django.utils import timezone

from kennislab.campaigns.models import ActivityStatus
from kennislab.campaigns.rules import PROVINCE_NAMES
from kennislab.challenge.models import Participant
from kennislab.content.site import ensure_home
from kennislab.core.pagecache import LIVE_SECONDS
from kennislab.movement import rules, services
from kennislab.network.models import Pledge
from kennislab.vignet import criteria
from kennislab.vouchers.models import Application

from . import records

pytestmark = pytest.mark.django_db
URL = "/netwerk/kaart/"
NAME_TO_SLUG = {name: slug for slug, name in PROVINCE_NAMES.items()}
LABEL = re.compile(r"^(?P<name>[^:]+): (?P<count>[\d.]+) ")


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def get(client, url=URL) -> BeautifulSoup:
    return soup_of(client.get(url))


def map_counts(soup, prefix="kaart") -> dict[str, int]:
    """Province slug → the number in the accessible name of its link on the drawing."""
    found = {}
    for link in soup.select(f"svg[aria-labelledby='{prefix}-svg-titel'] a"):
        match = LABEL.match(link["aria-label"])
        found[NAME_TO_SLUG[match["name"]]] = int(match["count"].replace(".", ""))
    return found


def table_counts(soup) -> dict[str, dict[str, int]]:
    """Kind (in the order of the columns) → province slug → count; "totaal" for the footer."""
    table = soup.select_one("table.kaart-tabel__tabel")
    columns = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    found = {column: {} for column in columns}
    for row in table.select("tbody tr, tfoot tr"):
        name = row.th.get_text(strip=True)
        slug = NAME_TO_SLUG.get(name, name.lower())
        for column, cell in zip(columns, row.select("td"), strict=True):
            value = cell.contents[-1].strip()  # after the label for small screens
            found[column][slug] = int(value.replace(".", ""))
    return found


COLUMNS = {
    rules.PLEDGES: "Pledges",
    rules.ACTIVITIES: "Estafette-activiteiten",
    rules.VIGNETS: "Vignethouders",
    rules.VOUCHERS: "Organisaties met een kennisvoucher",
    rules.CHALLENGE: "Deelnemers 30DagenGezonder",
}


@pytest.fixture
def world(db):
    """Records of every kind: some that count, some that do not (wrong status, unpublished,
    expired, revoked, another year), some without a province."""
    this_year = timezone.localdate().year
    w = {"this_year": this_year}
    # pledges: Utrecht 2 on the wall (2026), 1 waiting; Limburg 1 (2025); 1 without a province
    records.pledge("utrecht", organisation="Gemeente Eerstedorp")
    records.pledge("utrecht", organisation="Gemeente Tweededorp")
    records.pledge("utrecht", status="submitted", organisation="Gemeente Wachtdorp")
    records.pledge("limburg", year=2025)
    records.pledge("")
    # relay activities: Gelderland 1 published and 1 waiting, Zeeland 1; one in an unpublished
    # campaign does not count
    live, draft = records.campaign(), records.campaign(live=False)
    records.activity(live, "gelderland", title="Beeldbellen in Lindedorp")
    records.activity(live, "gelderland", status=ActivityStatus.SUBMITTED)
    records.activity(live, "zeeland")
    records.activity(draft, "zeeland")
    # vignets: Friesland 1 current + 1 expired; Drenthe 1 revoked; 1 current without a province
    today = timezone.localdate()
    records.vignet("friesland", organisation="Drukkerij Huidig")
    old = today - timedelta(days=3 * 365)
    records.vignet("friesland", awarded_on=old, organisation="Drukkerij Oud")
    w["old_years"] = range(old.year, criteria.valid_until(old).year + 1)
    records.vignet("drenthe", revoked_at=timezone.now())
    records.vignet("")
    # vouchers: Utrecht: organisation A twice (one organisation), B confirmed, C waiting,
    # D withdrawn; Noord-Brabant E (2025)
    site = records.voucher_site()
    w["site"] = site
    records.voucher(site, "utrecht", organisation="Welzijn Aa", example=0)
    records.voucher(site, "utrecht", organisation="Welzijn Aa", example=1)
    records.voucher(site, "utrecht", status="confirmed", organisation="GGD Bee")
    records.voucher(site, "utrecht", status="waiting", organisation="Buurtwerk Cee")
    records.voucher(site, "utrecht", status="withdrawn", organisation="Stichting Dee")
    records.voucher(site, "noord-brabant", organisation="Gemeente Ee", year=2025)
    # challenge: the 2027 edition: Overijssel 2 confirmed, 1 pending, 1 without a province;
    # an unpublished 2026 edition does not count
    edition, hidden = records.edition(2027), records.edition(2026, live=False)
    records.participant(edition, "overijssel", name="Geheime Fietser")
    records.participant(edition, "overijssel")
    records.participant(edition, "overijssel", status="pending")
    records.participant(edition, "")
    records.participant(hidden, "overijssel")
    return w


EXPECTED = {
    rules.PLEDGES: ({"utrecht": 2, "limburg": 1}, 1),
    rules.ACTIVITIES: ({"gelderland": 1, "zeeland": 1}, 0),
    rules.VIGNETS: ({"friesland": 1}, 1),
    rules.VOUCHERS: ({"utrecht": 2, "noord-brabant": 1}, 0),
    rules.CHALLENGE: ({"overijssel": 2}, 1),
}


def test_the_figures_equal_the_database_counts(client, world):
    soup = get(client)
    table = table_counts(soup)
    for kind, (per_province, unknown) in EXPECTED.items():
        column = table[COLUMNS[kind]]
        expected = {slug: per_province.get(slug, 0) for slug in rules.PROVINCE_SLUGS}
        assert {slug: column[slug] for slug in rules.PROVINCE_SLUGS} == expected, kind
        assert column["totaal"] == sum(per_province.values()) + unknown, kind
        shown = map_counts(get(client, f"{URL}?soort={kind}"))
        assert shown == expected, kind
    # the same figures, counted here straight from the database
    pledges = dict(
        Pledge.objects.filter(status="approved").exclude(province="")
        .values_list("province").annotate(n=Count("pk"))
    )  # fmt: skip
    assert {k: v for k, v in table[COLUMNS[rules.PLEDGES]].items() if v and k != "totaal"} == (
        pledges
    )
    organisations = dict(
        Application.objects.filter(status__in=["granted", "confirmed"])
        .values_list("province").annotate(n=Count("organisation_key", distinct=True))
    )  # fmt: skip
    assert {k: v for k, v in table[COLUMNS[rules.VOUCHERS]].items() if v and k != "totaal"} == (
        organisations
    )
    people = Participant.objects.filter(status="confirmed", page__live=True).exclude(province="")
    assert table[COLUMNS[rules.CHALLENGE]]["overijssel"] == people.count()
    footnote = soup.select_one(".kaart-tabel__voetnoot").get_text(" ", strip=True)
    assert "1 pledge" in footnote and "1 vignethouder" in footnote
    assert "1 deelnemer aan 30DagenGezonder" in footnote


def test_the_year_filter(client, world):
    soup = get(client, f"{URL}?jaar=2025")
    table = table_counts(soup)
    assert table[COLUMNS[rules.PLEDGES]]["limburg"] == 1
    assert table[COLUMNS[rules.PLEDGES]]["utrecht"] == 0
    assert table[COLUMNS[rules.VOUCHERS]]["noord-brabant"] == 1
    assert table[COLUMNS[rules.VOUCHERS]]["utrecht"] == 0
    assert table[COLUMNS[rules.CHALLENGE]]["totaal"] == 0
    assert soup.select_one("#kaart-jaar option[selected]")["value"] == "2025"
    assert "in 2025" in soup.select_one("table caption").get_text()
    table = table_counts(get(client, f"{URL}?jaar=2027"))
    assert table[COLUMNS[rules.CHALLENGE]]["overijssel"] == 2
    # a vignet counts in every year it was valid, the expired one too
    year = world["old_years"][0]
    assert table_counts(get(client, f"{URL}?jaar={year}"))[COLUMNS[rules.VIGNETS]]["friesland"] == 1
    assert table_counts(get(client, f"{URL}?jaar=2021"))[COLUMNS[rules.ACTIVITIES]]["zeeland"] == 1
    assert 2021 in services.years() and 2027 in services.years()


def test_colour_classes_follow_the_counts(client, world):
    soup = get(client, f"{URL}?soort=vouchers")
    classes = {
        NAME_TO_SLUG[LABEL.match(a["aria-label"])["name"]]: a["class"][-1]
        for a in soup.select("svg[aria-labelledby='kaart-svg-titel'] a")
    }
    # counts 2 (Utrecht) and 1 (Noord-Brabant): two classes, the higher one darkest
    assert classes["utrecht"] == "kaart__provincie--n4"
    assert classes["noord-brabant"] == "kaart__provincie--n2"
    assert classes["limburg"] == "kaart__provincie--n0"
    legend = [li.get_text(strip=True) for li in soup.select(".kaart__legenda-lijst li")]
    assert legend == ["geen", "1", "2"]


def test_a_province_lists_public_information_only(client, world):
    response = client.get(f"{URL}?soort=pledges&provincie=utrecht")
    html = response.content.decode()
    section = soup_of(response).select_one("#provincie")
    names = [a.get_text() for a in section.select("li a")]
    assert names == ["Gemeente Eerstedorp", "Gemeente Tweededorp"]
    assert section.select_one("li a")["href"].startswith("/netwerk/pledges/kaart-pledge-")
    assert "Wachtdorp" not in html and "Geheime" not in html and "@voorbeeld.example" not in html

    section = get(client, f"{URL}?soort=vouchers&provincie=utrecht").select_one("#provincie")
    lines = [li.get_text(" ", strip=True) for li in section.select("li")]
    assert len(lines) == 2 and lines[0].startswith("GGD Bee") and "Welzijn Aa" in lines[1]
    titles = [example.title for example in world["site"].examples[:2]]
    assert all(title in lines[1] for title in titles)  # one organisation, both examples
    assert "Utrecht: 2 organisaties met een kennisvoucher." in section.get_text(" ", strip=True)

    section = get(client, f"{URL}?soort=activiteiten&provincie=gelderland").select_one("#provincie")
    assert [a.get_text() for a in section.select("li a")] == ["Beeldbellen in Lindedorp"]

    section = get(client, f"{URL}?soort=vignetten&provincie=friesland").select_one("#provincie")
    assert [a.get_text() for a in section.select("li a")] == ["Drukkerij Huidig"]
    assert section.select_one("li a")["href"].startswith("/vignet/controle/")


def test_challenge_participants_show_as_a_number_only(client, world):
    response = client.get(f"{URL}?soort=uitdaging&provincie=overijssel")
    section = soup_of(response).select_one("#provincie")
    text = section.get_text(" ", strip=True)
    assert "Overijssel: 2 deelnemers aan 30DagenGezonder." in text
    assert not section.select("li")
    html = response.content.decode()
    assert "Geheime" not in html and "@example.org" not in html


def test_an_empty_province(client, world):
    section = get(client, f"{URL}?provincie=groningen").select_one("#provincie")
    assert "Groningen: 0 pledges." in section.get_text(" ", strip=True)
    assert "Hier staat nog niets." in section.get_text()


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?soort=raketten", "Deze soort kennen we niet"),
        ("?jaar=abc", "Kies een jaar uit de lijst"),
        ("?jaar=1850", "Over 1850 hebben we geen gegevens"),
        ("?provincie=atlantis", "Deze provincie kennen we niet"),
        ("?jaar=" + "9" * 500, "Kies een jaar uit de lijst"),
        ("?soort=pledges&soort=%00&provincie=%C3%A9", "Deze soort kennen we niet"),
    ],
)
def test_bad_parameters_are_explained_never_an_error(client, world, query, message):
    soup = get(client, URL + query)
    notice = soup.select_one(".notice")
    assert message in notice.get_text()
    assert len(map_counts(soup)) == 12 and not soup.select("#provincie")


def test_the_page_may_be_cached_briefly_only(client, world):
    response = client.get(URL)
    assert "no-cache" in response["Cache-Control"]
    assert response.page_cache_seconds == LIVE_SECONDS


def test_the_page_cache_keeps_figures_no_longer_than_live_seconds(client, world, cached, later):
    before = table_counts(get(client))[COLUMNS[rules.VOUCHERS]]["utrecht"]
    records.voucher(world["site"], "utrecht", organisation="Nieuwe Organisatie")
    assert table_counts(get(client))[COLUMNS[rules.VOUCHERS]]["utrecht"] == before  # cached
    later.seconds = LIVE_SECONDS + 1
    assert table_counts(get(client))[COLUMNS[rules.VOUCHERS]]["utrecht"] == before + 1


def test_accessibility_rules_a_checker_tests(client, world):
    response = client.get(f"{URL}?provincie=utrecht")
    html = response.content.decode()
    soup = soup_of(response)
    assert soup.html["lang"] == "nl"
    assert len(soup.select("h1")) == 1
    # each province a link with an accessible name, in the order of the provinces
    links = soup.select("svg[aria-labelledby='kaart-svg-titel'] a")
    assert [LABEL.match(a["aria-label"])["name"] for a in links] == list(PROVINCE_NAMES.values())
    assert all(a.get("href", "").startswith(URL) for a in links)
    assert all(not a.has_attr("tabindex") for a in links)  # keyboard: links are focusable
    assert [a for a in links if a.get("aria-current") == "true"] == [links[6]]  # Utrecht
    svg = soup.select_one("svg.kaart__svg")
    assert svg.title.get_text().startswith("Kaart van Nederland")
    assert soup.select_one("#kaart-svg-titel") is svg.title
    assert soup.select_one("g.kaart__getallen")["aria-hidden"] == "true"
    # the table: a caption, every header cell with its scope
    table = soup.select_one("table")
    assert table.caption.get_text(strip=True)
    headers = table.select("th")
    assert headers and all(th.get("scope") in ("col", "row") for th in headers)
    assert len(table.select("tbody th[scope=row] a")) == 12
    # the form: every control labelled, a legend for the radio buttons, a submit button
    for control in soup.select("form.kaart-keuze input[type=radio], form.kaart-keuze select"):
        assert soup.select_one(f"label[for='{control['id']}']"), control
    assert soup.select_one("form.kaart-keuze legend").get_text(strip=True)
    assert soup.select_one("form.kaart-keuze")["method"] == "get"
    assert soup.select_one("form.kaart-keuze button[type=submit]")
    # strict CSP: no style attributes, no inline script, nothing from elsewhere
    assert not re.search(r"\sstyle=", html)
    inline = [s for s in soup.select("script") if not s.has_attr("src")]
    assert all(s.get("type") == "application/ld+json" for s in inline)  # data, not script
    assert not re.search(r'(src|href)="https?://', html.split("<main", 1)[1])
    # unique ids, the credit
    ids = [tag["id"] for tag in soup.select("[id]")]
    assert len(ids) == len(set(ids))
    assert "CBS / PDOK, CC BY 4.0" in soup.get_text()
    assert soup.select_one("link[href$='movement/css/map.css']")


def test_the_home_page_shows_the_small_map(client, world):
    ensure_home()
    soup = get(client, "/")
    block = soup.select_one("section.kaart-home")
    assert block.h2.get_text(strip=True) == "De beweging in kaart"
    assert map_counts(soup, "kaart-home") == {
        slug: EXPECTED[rules.PLEDGES][0].get(slug, 0) for slug in rules.PROVINCE_SLUGS
    }
    links = block.select("svg a")
    assert all(a["href"].startswith(f"{URL}?provincie=") for a in links) and len(links) == 12
    totals = [li.get_text(strip=True) for li in block.select(".kaart-home__totalen li")]
    assert totals[0] == "4 pledges" and "3 organisaties met een kennisvoucher" in totals
    assert soup.select_one("link[href$='movement/css/map.css']")
    assert "CBS / PDOK, CC BY 4.0" in block.get_text()
    # a new pledge empties the kept figures (it changes what public pages show)
    records.pledge("limburg")
    assert map_counts(get(client, "/"), "kaart-home")["limburg"] == 2
