import io

import pytest
from django.core.management import call_command

from kennislab.content.demo.loader import DemoLoader
from kennislab.network import demo
from kennislab.network.models import Pledge, PledgeLink, PledgeUpdate, Story

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once():
    DemoLoader().load()  # the demo articles, one of which a pledge links to
    report = demo.load_demo()
    # 4 pledges and 2 stories; 3 pledges that show deeds, of which only the practice story
    # (this app's own) can be linked without the other apps' demo content
    assert len(report.created) == 10
    assert Pledge.objects.filter(status="approved").count() == 6
    assert Pledge.objects.filter(status="submitted").count() == 1
    assert PledgeUpdate.objects.filter(status="approved").count() == 4
    assert Pledge.objects.filter(related_pages__isnull=False).count() == 1
    assert Story.objects.filter(status="submitted").count() == 1
    accepted = Story.objects.get(status="accepted", title="Samen koken in de wijk")
    assert accepted.article is not None and not accepted.article.live
    published = Story.objects.get(status="accepted", title="Een watertap op elk schoolplein")
    assert published.article.live
    assert list(PledgeLink.objects.values_list("kind", "target_id")) == [("story", published.pk)]
    emails = set(Pledge.objects.values_list("email", flat=True))
    assert all(email.endswith("@kennislab.example") for email in emails)
    again = demo.load_demo()
    assert again.created == []
    assert Pledge.objects.count() == 7 and Story.objects.count() == 3


def test_the_whole_demo_has_a_pledge_with_a_timeline_of_deeds(client):
    call_command("load_demo", stdout=io.StringIO())
    linked = dict(PledgeLink.objects.values_list("pledge__organisation", "kind")
                  .filter(kind__in=["vignet", "activity"]))  # fmt: skip
    assert linked == {"Drukkerij Kleurrijk (verzonnen)": "vignet",
                      "Gemeente Zeeuwse Delta (verzonnen)": "activity"}  # fmt: skip
    pledge = Pledge.objects.get(organisation="Gemeente Turfhaven (verzonnen)")
    assert sorted(pledge.links.values_list("kind", flat=True)) == ["story", "voucher"]
    html = client.get(pledge.get_absolute_url()).content.decode()
    for text in ("Kennisvoucher toegekend voor", "Praktijkverhaal", "Een watertap op elk "
                 "schoolplein", "Zes scholen hebben nu een watertap", 'class="timeline"',
                 "Voortgang bij 2 van 3 afspraken"):  # fmt: skip
        assert text in html, text
    assert pledge.contact_name not in html and pledge.email not in html
    wall = client.get("/netwerk/pledges/").content.decode()
    assert wall.count("<progress") == Pledge.objects.filter(status="approved").count()
