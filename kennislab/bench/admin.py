"""make bench-admin: the back office with a full inbox.

Loads the demo content into a scratch database and adds WAITING items that wait for a decision,
spread over six kinds (voucher applications provisionally granted, vignet applications, relay
activities, pledges, practice stories, questions), received over the last six weeks so that part
of them is overdue, and a staff of STAFF colleagues (moderators in a group with every inbox
permission, and advisers who may only answer questions) with part of the items assigned to them,
so that the inbox's colleague lists and permission checks cost what they cost in use. Then
times, as a signed-in superuser through Django's test client (full middleware, Wagtail's admin
templates): the inbox (first page, every kind, sorted by deadline), the inbox filtered to what
is overdue, the dashboard with the inbox panel, the voucher listing and a voucher application's
detail page. The baseline is a bare Django view through the same
client. Goal (issue 11): the inbox with 1,000 waiting items at most 150 ms median.
"""

import io
import itertools
import logging
from datetime import timedelta

from .common import median, out, p95, row, seconds, setup_django

WAITING = 1000
STAFF = 10  # colleagues besides the superuser: 7 moderators, 3 advisers
REQUESTS = 30
WARMUP = 3


def add_waiting_items(total: int) -> dict[str, int]:
    """Bulk-create `total` waiting items over six sources (no mail, no audit rows: the inbox
    reads only the items)."""
    from django.utils import timezone

    from kennislab.campaigns.models import Activity, ActivityStatus, RelayCampaignPage
    from kennislab.content.models import Theme
    from kennislab.core.tokens import new_token
    from kennislab.network.models import Pledge, PledgeStatus, Story, StoryStatus
    from kennislab.questions.models import Question
    from kennislab.vignet.models import Application as VignetApplication
    from kennislab.vignet.models import Status as VignetStatus
    from kennislab.vouchers.models import Application, GoodExamplePage, Scheme, Status

    now = timezone.now()
    per_kind = total // 6
    counter = itertools.count()

    def moment():  # spread over six weeks: the oldest are overdue
        return now - timedelta(hours=(next(counter) * 7) % (42 * 24))

    def token():
        return new_token()[1]

    expires = now + timedelta(days=365)
    scheme = Scheme.objects.order_by("pk").first()
    example = GoodExamplePage.objects.order_by("pk").first()
    last = Application.objects.filter(scheme=scheme).order_by("-sequence").first()
    start = (last.sequence if last else 0) + 1
    Application.objects.bulk_create(
        Application(scheme=scheme, example=example, sequence=start + n, received_at=moment(),
                    status=Status.GRANTED, amount=scheme.voucher_amount,
                    reference=f"KV-BENCH-{n:04d}", organisation=f"Bankorganisatie {n}",
                    organisation_key=f"bankorganisatie {n}", organisation_type="other",
                    contact_name="Bench Persoon", email=f"bench{n}@kennislab.example",
                    motivation="Motivatie.", own_contribution="Inzet.", consent=True,
                    token_hash=token(), token_expires_at=expires)
        for n in range(per_kind)
    )  # fmt: skip
    VignetApplication.objects.bulk_create(
        VignetApplication(reference=f"VV-BENCH-{n:04d}", status=VignetStatus.SUBMITTED,
                          organisation=f"Bankbedrijf {n}", contact_name="Bench Persoon",
                          email=f"vignet{n}@kennislab.example", submitted_at=moment(),
                          token_hash=token(), token_expires_at=expires)
        for n in range(per_kind)
    )  # fmt: skip
    campaign = RelayCampaignPage.objects.first()
    Activity.objects.bulk_create(
        Activity(campaign=campaign, status=ActivityStatus.SUBMITTED, province="utrecht",
                 organiser=f"Organisator {n}", contact_name="Bench Persoon",
                 email=f"activiteit{n}@kennislab.example", title=f"Bench-activiteit {n}",
                 created_at=moment(), token_hash=token(), token_expires_at=expires)
        for n in range(per_kind)
    )  # fmt: skip
    Pledge.objects.bulk_create(
        Pledge(status=PledgeStatus.SUBMITTED, slug=f"bench-pledge-{n}",
               organisation=f"Pledgeorganisatie {n}", contact_name="Bench Persoon",
               email=f"pledge{n}@kennislab.example", province="utrecht",
               commitments="Afspraken.", consent_text="Ja.", created_at=(when := moment()),
               updated_at=when, token_hash=token(), token_expires_at=expires)
        for n in range(per_kind)
    )  # fmt: skip
    Story.objects.bulk_create(
        Story(status=StoryStatus.SUBMITTED, title=f"Bench-verhaal {n}", summary="S.",
              what_was_done="D.", what_worked="W.", lessons="L.", contact_name="Bench Persoon",
              email=f"verhaal{n}@kennislab.example", organisation="Organisatie",
              consent_text="Ja.", created_at=moment())
        for n in range(per_kind)
    )  # fmt: skip
    theme = Theme.objects.order_by("pk").first()
    rest = total - 5 * per_kind
    Question.objects.bulk_create(
        Question(theme=theme, name="Bench Persoon", email=f"vraag{n}@kennislab.example",
                 question="Een vraag?", created_at=moment())
        for n in range(rest)
    )  # fmt: skip
    return {"vouchers": per_kind, "vignet": per_kind, "activities": per_kind,
            "pledges": per_kind, "stories": per_kind, "questions": rest}  # fmt: skip


def add_staff(total: int) -> list:
    """`total` active staff members: most in a moderators' group holding every inbox source's
    permission, three advisers who may only answer questions; every seventh waiting item is
    assigned to one of the moderators."""
    from django.contrib.auth.models import Group, Permission, User

    from kennislab.core import inbox

    names = {tuple(source.permission.split(".", 1)) for source in inbox.SOURCES.values()}
    names.add(("wagtailadmin", "access_admin"))
    permissions = [Permission.objects.get(content_type__app_label=app, codename=codename)
                   for app, codename in sorted(names)]  # fmt: skip
    moderators = Group.objects.create(name="Bench-moderatoren")
    moderators.permissions.set(permissions)
    advisers = Group.objects.create(name="Bench-adviseurs")
    advisers.permissions.set([p for p in permissions
                              if p.codename in ("answer_question", "access_admin")])  # fmt: skip
    people = []
    for n in range(total):
        user = User.objects.create_user(f"collega{n}", f"collega{n}@kennislab.example", "x",
                                        first_name="Collega", last_name=f"Nummer {n}",
                                        is_staff=True)  # fmt: skip
        user.groups.add(advisers if n >= total - 3 else moderators)
        people.append(user)
    helpers = people[: max(1, total - 3)]
    for source in inbox.SOURCES.values():
        model = source.waiting().model
        pks = list(source.waiting().order_by("pk").values_list("pk", flat=True)[::7])
        for n, pk in enumerate(pks):
            model.objects.filter(pk=pk).update(**{source.assignee: helpers[n % len(helpers)]})
    return people


class QueryCounter(list):
    """An execute wrapper that remembers each query (whatever DEBUG says)."""

    def __call__(self, execute, sql, params, many, context):
        self.append(sql)
        return execute(sql, params, many, context)


def main():
    engine = setup_django("admin")
    logging.getLogger("django.request").setLevel(logging.ERROR)
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.http import HttpResponse
    from django.test import Client
    from django.urls import clear_url_caches, path

    from kennislab import urls as root_urls
    from kennislab.core import inbox
    from kennislab.vouchers.models import Application

    call_command("load_demo", stdout=io.StringIO())
    added = add_waiting_items(WAITING)
    add_staff(STAFF)
    root_urls.urlpatterns.insert(0, path("__bench__/", lambda request: HttpResponse("ok")))
    clear_url_caches()

    boss = User.objects.create_superuser("bench", "bench@kennislab.example", "x")
    client = Client()
    client.force_login(boss)
    counts = inbox.counts_for(boss)
    waiting = sum(count.waiting for count in counts)
    overdue = sum(count.overdue for count in counts)
    application = Application.objects.filter(reference__startswith="KV-BENCH").first()
    pages = [
        ("baseline: bare Django view", "/__bench__/"),
        ("inbox, first page", "/admin/inbox/"),
        ("inbox, overdue only", "/admin/inbox/?te_laat=ja"),
        ("inbox, one kind", "/admin/inbox/?soort=vouchers"),
        ("dashboard (with the inbox panel)", "/admin/"),
        ("voucher applications listing", "/admin/voucheraanvragen/"),
        ("voucher application detail", f"/admin/voucheraanvragen/inspect/{application.pk}/"),
    ]
    out(
        f"Back-office benchmark — {engine}; {waiting} items waiting in the inbox "
        f"({', '.join(f'{k} {v}' for k, v in added.items())} added to the demo), {overdue} "
        f"overdue; {STAFF} colleagues; signed in as a superuser; {REQUESTS} requests per page "
        f"after {WARMUP} warm-up"
    )
    out(row("page", "median ms", "p95 ms", "× bare", "queries", "status"))
    baseline = None
    for label, url in pages:
        response = client.get(url)
        for _ in range(WARMUP):
            client.get(url)
        queries = QueryCounter()
        with connection.execute_wrapper(queries):
            client.get(url)
        timings = seconds(lambda url=url: client.get(url), REQUESTS)
        middle = median(timings)
        baseline = baseline or middle
        out(row(label, f"{middle * 1000:.1f}", f"{p95(timings) * 1000:.1f}",
                f"{middle / baseline:.0f}", len(queries), response.status_code))  # fmt: skip
    out()
    out("Goal: the inbox with 1,000 waiting items at most 150 ms median.")


if __name__ == "__main__":
    main()


def profile(url: str = "/admin/inbox/"):
    """python -c 'from kennislab.bench.admin import profile; profile()': where the time goes."""
    import cProfile
    import pstats

    setup_django("admin")
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.test import Client

    call_command("load_demo", stdout=io.StringIO())
    add_waiting_items(WAITING)
    add_staff(STAFF)
    client = Client()
    client.force_login(User.objects.create_superuser("bench", "bench@kennislab.example", "x"))
    client.get(url)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(5):
        client.get(url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
