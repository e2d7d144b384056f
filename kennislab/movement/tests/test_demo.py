"""The demo: after `load_demo` every province has data of every kind, whatever today's date is
(the test opens the voucher scheme, the relay campaign and the challenge's sign-up first, as the
other demos only add their records while those take them), and loading again adds nothing."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.conf import settings
from django.utils import timezone

from kennislab.campaigns.models import CampaignRegion
from kennislab.challenge.models import ChallengePage
from kennislab.movement import demo, rules, services
from kennislab.vouchers.models import Scheme

pytestmark = pytest.mark.django_db


def open_everything():
    now = timezone.now()
    Scheme.objects.filter(slug=demo.VOUCHER_SCHEME).update(
        opens_at=now - timedelta(hours=1), closes_at=None
    )
    first = timezone.localdate() + timedelta(days=60)
    for number, region in enumerate(CampaignRegion.objects.order_by("sort_order", "pk")):
        region.starts_on = first + timedelta(weeks=number)
        region.ends_on = region.starts_on + timedelta(days=4)
        region.save()
    ChallengePage.objects.update(
        signup_opens_at=now - timedelta(days=1), signup_closes_at=now + timedelta(days=30)
    )


def test_every_province_has_data_of_every_kind_and_loading_again_adds_nothing(client):
    loaders = [import_module(path) for path in settings.DEMO_LOADERS]
    assert loaders[-1] is demo, "the map's demo runs last"
    for loader in loaders[:-1]:
        loader.load_demo()
        if loader.__name__ == "kennislab.vouchers.demo":
            open_everything()
            loader.load_demo()  # the demo applications, now that the scheme takes them
    open_everything()
    assert not demo.database_has_content()
    report = demo.load_demo()
    assert report.created and demo.database_has_content()
    counts = services.counts()
    for kind in rules.KINDS:
        empty = [slug for slug, count in counts[kind].per_province if count == 0]
        assert empty == [], (kind, empty)
    assert counts[rules.PLEDGES].count("gelderland") == 1  # the wall's browser test filters it
    assert len({count for _slug, count in counts[rules.PLEDGES].per_province}) > 1
    # again: nothing new
    assert demo.load_demo().created == []
    assert services.counts() == counts
    html = client.get("/netwerk/kaart/").content.decode()
    assert ": 0 pledges" not in html
    for kind in rules.KINDS:
        html = client.get(f"/netwerk/kaart/?soort={kind}").content.decode()
        assert 'aria-label="Utrecht: 0 ' not in html and 'aria-label="Limburg: 0 ' not in html
