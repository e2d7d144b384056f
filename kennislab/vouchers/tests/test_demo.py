"""The demo scheme: 11 invented good examples on three levels, demo applications, idempotent."""

from collections import Counter
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from kennislab.surveys import demo_impact
from kennislab.vouchers import demo, demo_data, services
from kennislab.vouchers.models import Application, GoodExamplePage, Scheme, Status

pytestmark = pytest.mark.django_db


def test_demo_scheme_has_eleven_examples_on_three_levels():
    demo.VoucherDemoLoader(applications=False).load()
    scheme = Scheme.objects.get()
    assert (scheme.max_vouchers, scheme.max_per_example) == (20, 2)
    assert (scheme.voucher_amount, scheme.budget_total) == (9000, 180000)
    examples = GoodExamplePage.objects.live().child_of(scheme.page)
    assert examples.count() == 11
    assert Counter(examples.values_list("level", flat=True)) == {
        "region": 4, "municipality": 4, "organisation": 3,
    }  # fmt: skip
    for page in examples:
        assert page.expert_name and page.expert_email.endswith("@kennislab.example"), page.title
        assert page.offer, page.title
        assert page.themes.exists(), page.title
    assert scheme.page.url == f"/kennisvouchers/{scheme.slug}/"


def _open_for_a_day(scheme):
    scheme.opens_at = timezone.now() - timedelta(days=1)
    scheme.closes_at = timezone.now() + timedelta(days=1)
    scheme.save()


def test_demo_applications_fill_two_examples_and_leave_one_waiting():
    demo.VoucherDemoLoader(applications=False).load()
    scheme = Scheme.objects.get()
    _open_for_a_day(scheme)
    demo.VoucherDemoLoader().load()
    state = services.availability(scheme)
    full = [
        page.slug for page in GoodExamplePage.objects.all() if not state.example(page.pk).remaining
    ]
    assert sorted(full) == ["bewoners-onderzoeken-de-kolken-heuvelrade", "gezonde-regio-veenland"]
    assert Application.objects.filter(status=Status.WAITING).count() == 1
    assert Application.objects.filter(status=Status.WITHDRAWN).count() == 1
    assert Application.objects.get(status=Status.CONFIRMED).organisation == demo.CONFIRMED
    assert Application.objects.count() == len(demo.APPLICATIONS)


def test_no_demo_applications_outside_the_scheme_dates():
    demo.VoucherDemoLoader(applications=False).load()
    scheme = Scheme.objects.get()
    scheme.opens_at = timezone.now() + timedelta(days=1)
    scheme.closes_at = None
    scheme.save()
    demo.VoucherDemoLoader().load()
    assert not Application.objects.exists()


def test_demo_applications_are_made_once():
    demo.VoucherDemoLoader(applications=False).load()
    _open_for_a_day(Scheme.objects.get())
    demo.VoucherDemoLoader().load()
    assert Application.objects.count() == len(demo.APPLICATIONS)
    demo.VoucherDemoLoader().load()  # idempotent
    assert Application.objects.count() == len(demo.APPLICATIONS)


def test_load_demo_command_loads_vouchers_too_and_is_idempotent():
    call_command("load_demo", verbosity=0)
    assert Scheme.objects.filter(slug=demo_data.SCHEME["slug"]).exists()
    pages = GoodExamplePage.objects.count()
    call_command("load_demo", verbosity=0)
    scheme = Scheme.objects.get(slug=demo_data.SCHEME["slug"])
    assert GoodExamplePage.objects.child_of(scheme.page).count() == 11
    # and the earlier, closed round of the impact follow-up (surveys/demo_impact.py)
    past = Scheme.objects.get(slug=demo_impact.PAST_SCHEME["slug"])
    assert past.phase() == "closed"
    assert GoodExamplePage.objects.count() == pages == 11 + len(demo_impact.PAST_EXAMPLES)
    assert Scheme.objects.count() == 2


def test_demo_names_are_not_the_real_funder_or_institute():
    text = repr(demo_data.SCHEME) + repr(demo_data.EXAMPLES) + repr(demo.APPLICATIONS)
    for real in ("ZonMw", "Institute for Positive Health", "iPH", "VWS"):
        assert real not in text
