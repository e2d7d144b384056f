"""Erasing is safe under concurrency, on SQLite and PostgreSQL: an erase while the same person
and others submit new applications keeps the caps and the arrival order, never leaves a record
half-erased; two erases (or two purges) at once do the work once and fail nowhere."""

from collections import Counter
from datetime import timedelta

import pytest
from django.utils import timezone

from kennislab.core.testing import run_in_threads
from kennislab.privacy import register, services
from kennislab.vouchers import services as voucher_services
from kennislab.vouchers.models import Application, Status
from kennislab.vouchers.tests.factories import application_data, build_voucher_site
from kennislab.vouchers.tests.factories import submit as submit_voucher

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ADDRESS = "anna.jansen@voorbeeld.example"
PLACEHOLDER = f"@{register.ANONYMOUS_DOMAIN}"


def person_with_decided_applications(site, count=4):
    """`count` applications of ADDRESS, rejected (so an erase anonymises them at once)."""
    pks = []
    for number in range(count):
        application, _token = submit_voucher(site.examples[number % len(site.examples)],
                                             email=ADDRESS, contact_name="Anna Jansen",
                                             organisation=f"Stichting Anna {number}")  # fmt: skip
        voucher_services.decide(application.pk, "reject", note="Past niet.")
        pks.append(application.pk)
    return pks


def submitter(example, organisation, email):
    def job():
        try:
            application, _token = voucher_services.submit(
                example, application_data(organisation=organisation, email=email,
                                          contact_name="Kees Toets"), "Toestemming.",
            )  # fmt: skip
            return ("accepted", application.pk)
        except voucher_services.ApplicationRefused as refused:
            return ("refused", refused.message)

    return job


def assert_whole_or_erased(application):
    """A record is either fully anonymised or fully intact, never half."""
    erased = application.email.endswith(PLACEHOLDER)
    assert erased == (application.contact_name == ""), application.pk
    assert erased == application.organisation_key.startswith(register.PLACEHOLDER_PREFIX)


def test_an_erase_while_people_apply_keeps_caps_and_order():
    site = build_voucher_site(examples=3, max_vouchers=6, max_per_example=3)
    mine = person_with_decided_applications(site)
    jobs = [lambda: services.erase(ADDRESS, reason="test")]
    jobs += [submitter(site.examples[n % 3], f"Gemeente {n}", f"kees{n}@voorbeeld.example")
             for n in range(8)]  # fmt: skip
    jobs.append(submitter(site.examples[0], "Stichting Anna nieuw", ADDRESS))  # the same person

    results = run_in_threads(jobs)

    errors = [result for result in results if isinstance(result, Exception)]
    assert errors == []
    applications = list(Application.objects.filter(scheme=site.scheme))
    assert sorted(a.sequence for a in applications) == list(range(1, len(applications) + 1))
    granted = [a for a in applications if a.status == Status.GRANTED]
    assert len(granted) <= 6
    assert max(Counter(a.example_id for a in granted).values()) <= 3
    for application in applications:
        assert_whole_or_erased(application)
    # the applications decided before the erase are anonymised, in their place
    for application in Application.objects.filter(pk__in=mine):
        assert application.email.endswith(PLACEHOLDER)
        assert application.status == Status.REJECTED
    # the new one of the same person is either erased whole or there whole (not refused)
    newest = results[-1]
    assert newest[0] == "accepted"


def test_two_erases_at_once_do_the_work_once():
    site = build_voucher_site(examples=2, max_vouchers=10, max_per_example=10)
    mine = person_with_decided_applications(site, count=5)

    results = run_in_threads([lambda: services.erase(ADDRESS, reason="a"),
                              lambda: services.erase(ADDRESS, reason="b")])  # fmt: skip

    assert not [result for result in results if isinstance(result, Exception)]
    done = sum(result.per_entry.get("vouchers.application", {}).get("anonymised", 0)
               for result in results)  # fmt: skip
    assert done == len(mine)  # each record once
    assert not Application.objects.filter(email__iexact=ADDRESS).exists()


def test_two_purges_at_once_leave_the_same_result_as_one():
    site = build_voucher_site(examples=2, max_vouchers=40, max_per_example=40)
    long_ago = timezone.now() - timedelta(days=800)
    pks = []
    for number in range(30):
        application, _token = submit_voucher(site.examples[number % 2],
                                             organisation=f"Organisatie {number}")  # fmt: skip
        voucher_services.decide(application.pk, "reject", note="Past niet.")
        pks.append(application.pk)
    Application.objects.filter(pk__in=pks).update(decided_at=long_ago)

    results = run_in_threads([services.purge, services.purge])

    assert not [result for result in results if isinstance(result, Exception)]
    counts = [next(r.count for r in result if r.rule.key == "vouchers_not_granted")
              for result in results]  # fmt: skip
    assert sum(counts) == 30  # every record once
    assert Application.objects.filter(pk__in=pks, email__endswith=PLACEHOLDER).count() == 30
    assert Application.objects.filter(scheme=site.scheme).count() == 30  # rows stay
    again = {result.rule.key: result.count for result in services.purge()}
    assert again["vouchers_not_granted"] == 0  # nothing left to do
