"""The index follows changes that do not save the indexed object itself: a view restriction on a
page or an ancestor, a renamed theme or person, a parent's new slug. Checked on the search
service, the search page and the API; one task per batch of keys."""

import html

import pytest
from wagtail.models import PageViewRestriction

from kennislab.content.models import ArticleContact
from kennislab.content.site import ensure_kennislab_index
from kennislab.content.tests.factories import (
    ArticlePageFactory,
    ContentPageFactory,
    PeopleIndexPageFactory,
    PersonFactory,
    theme,
)
from kennislab.search import service, signals, tasks
from kennislab.search.models import SearchDocument

pytestmark = pytest.mark.django_db


def found(query) -> list[tuple[str, str]]:
    return [(r.title, r.url) for r in service.search(query).results]


def api(client, query) -> list[tuple[str, str]]:
    response = client.get("/api/v1/search", {"q": query})
    assert response.status_code == 200
    return [(r["title"], r["url"]) for r in response.json()["results"]]


def page_titles(client, query) -> str:
    response = client.get("/zoeken/", {"q": query})
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.fixture
def tasks_sent(monkeypatch):
    """The key batches handed to index_keys_task (which still runs)."""
    sent = []
    real = tasks.index_keys_task

    class Recorder:
        def enqueue(self, keys):
            sent.append(sorted(keys))
            return real.enqueue(keys)

    monkeypatch.setattr(tasks, "index_keys_task", Recorder())
    return sent


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run the block and then its on-commit callbacks (the index updates), as a commit does."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_a_restriction_on_an_ancestor_hides_its_items_and_its_removal_brings_them_back(
    client, commit, tasks_sent
):
    with commit():
        first = ArticlePageFactory(title="Vertrouwelijk jaarplan buurtzorg")
        second = ArticlePageFactory(title="Vertrouwelijk verslag buurtzorg")
    assert len(found("vertrouwelijk")) == 2
    assert len(api(client, "vertrouwelijk")) == 2
    tasks_sent.clear()

    with commit():
        restriction = PageViewRestriction.objects.create(
            page=ensure_kennislab_index(), restriction_type="password", password="geheim"
        )
    assert found("vertrouwelijk") == []
    assert api(client, "vertrouwelijk") == []
    assert "Vertrouwelijk jaarplan" not in page_titles(client, "vertrouwelijk")
    # one task for the whole subtree
    assert len(tasks_sent) == 1
    assert {f"content.articlepage:{first.pk}", f"content.articlepage:{second.pk}"} <= set(
        tasks_sent[0]
    )

    with commit():
        restriction.delete()
    assert {title for title, _ in found("vertrouwelijk")} == {first.title, second.title}
    assert len(api(client, "vertrouwelijk")) == 2
    assert "Vertrouwelijk jaarplan buurtzorg" in page_titles(client, "vertrouwelijk")


def test_a_restriction_on_the_page_itself(client, commit):
    with commit():
        page = ContentPageFactory(title="Interne werkafspraken")
    assert found("werkafspraken") == [("Interne werkafspraken", page.url)]
    with commit():
        PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert found("werkafspraken") == [] and api(client, "werkafspraken") == []


def test_renaming_a_theme_reaches_its_items_and_advisers(client, commit):
    PeopleIndexPageFactory()
    leefstijl = theme("leefstijl")
    with commit():
        article = ArticlePageFactory(title="Samen koken", themes=[leefstijl])
        adviser = PersonFactory(name="Noor Adviseur", themes=[leefstijl])
    assert found("vitaliteitsbeleid") == []
    with commit():
        leefstijl.name = "Vitaliteitsbeleid"
        leefstijl.slug = "vitaliteit"
        leefstijl.save()
    titles = {title for title, _ in found("vitaliteitsbeleid")}
    assert {article.title, adviser.name} <= titles
    assert {article.title, adviser.name} <= {title for title, _ in api(client, "vitaliteitsbeleid")}
    result = next(r for r in service.search("samen koken").results if r.title == article.title)
    assert result.themes == ["vitaliteit"]  # the facet follows the new slug
    filtered = service.search("koken", filters={"thema": ["vitaliteit"]}).results
    assert [r.title for r in filtered] == [article.title]


def test_renaming_a_person_reaches_the_person_and_their_items(client, commit):
    PeopleIndexPageFactory()
    with commit():
        person = PersonFactory(name="Sanne Veldkamp")
        article = ArticlePageFactory(title="Groen in de wijk")
        ArticleContact.objects.create(page=article, person=person)
        article.save_revision().publish()
    assert {title for title, _ in found("veldkamp")} == {"Sanne Veldkamp", article.title}
    with commit():
        person.name = "Sanne Kloosterboer"
        person.save()
    assert found("veldkamp") == [] and api(client, "veldkamp") == []
    assert {title for title, _ in found("kloosterboer")} == {"Sanne Kloosterboer", article.title}
    assert {title for title, _ in api(client, "kloosterboer")} == {
        "Sanne Kloosterboer",
        article.title,
    }


def test_a_parent_slug_changes_the_childrens_urls_in_one_task(client, commit, tasks_sent):
    with commit():
        parent = ContentPageFactory(title="Over het netwerk", slug="over")
        child = ContentPageFactory(title="Werkwijze van het netwerk", parent=parent)
    assert found("werkwijze") == [(child.title, "/over/werkwijze-van-het-netwerk/")]
    tasks_sent.clear()
    with commit():
        parent.slug = "netwerk"
        parent.save_revision().publish()
    assert found("werkwijze") == [(child.title, "/netwerk/werkwijze-van-het-netwerk/")]
    assert api(client, "werkwijze") == [(child.title, "/netwerk/werkwijze-van-het-netwerk/")]
    # page_published and page_slug_changed share one task
    assert tasks_sent == [
        sorted([f"content.contentpage:{parent.pk}", f"content.contentpage:{child.pk}"])
    ]


def test_the_advisers_follow_the_people_page(commit):
    people = PeopleIndexPageFactory()
    with commit():
        person = PersonFactory(name="Sanne Veldkamp")
    with commit():
        people.slug = "adviseurs"
        people.save_revision().publish()
    assert found("veldkamp") == [("Sanne Veldkamp", f"/adviseurs/#persoon-{person.pk}")]


def test_batches_are_split(monkeypatch, tasks_sent):
    monkeypatch.setattr(signals, "BATCH", 2)
    assert signals.enqueue_keys(["a.b:1", "a.b:2", "a.b:3", "a.b:2"]) == 2
    assert tasks_sent == [["a.b:1", "a.b:2"], ["a.b:3"]]


def test_a_rolled_back_change_sends_nothing_and_loses_nothing(commit, tasks_sent):
    from django.db import transaction

    with commit():
        kept = ContentPageFactory(title="Blijft openbaar")
        dropped = ContentPageFactory(title="Zichtbare moestuin")
    tasks_sent.clear()
    with commit():
        with pytest.raises(RuntimeError), transaction.atomic():
            PageViewRestriction.objects.create(page=dropped, restriction_type="login")
            raise RuntimeError
        # the batch of the rolled-back savepoint is gone; this change gets a new one
        PageViewRestriction.objects.create(page=kept, restriction_type="login")
    assert tasks_sent == [[f"content.contentpage:{kept.pk}"]]
    indexed = set(SearchDocument.objects.values_list("key", flat=True))
    assert f"content.contentpage:{kept.pk}" not in indexed  # now private
    assert f"content.contentpage:{dropped.pk}" in indexed  # its restriction was rolled back
