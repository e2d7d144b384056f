import pytest

from kennislab.content.demo.loader import DemoLoader
from kennislab.network import demo
from kennislab.network.models import Pledge, PledgeUpdate, Story

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once():
    DemoLoader().load()  # the demo articles, one of which a pledge links to
    report = demo.load_demo()
    assert len(report.created) == 6
    assert Pledge.objects.filter(status="approved").count() == 3
    assert Pledge.objects.filter(status="submitted").count() == 1
    assert PledgeUpdate.objects.filter(status="approved").count() == 2
    assert Pledge.objects.filter(related_pages__isnull=False).count() == 1
    assert Story.objects.filter(status="submitted").count() == 1
    accepted = Story.objects.get(status="accepted")
    assert accepted.article is not None and not accepted.article.live
    emails = set(Pledge.objects.values_list("email", flat=True))
    assert all(email.endswith("@kennislab.example") for email in emails)
    again = demo.load_demo()
    assert again.created == []
    assert Pledge.objects.count() == 4 and Story.objects.count() == 2
