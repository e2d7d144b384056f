"""A line break typed or pasted into a one-line field (name, organisation, place …) of a public
form is flattened to a space (core.forms.AccessibleFormMixin), so it can never reach a mail
header, and a name with a line break ends up in a mail that is sent, on one line."""

import importlib
import inspect
import pkgutil

import pytest
from django import forms

import kennislab
from kennislab.core.forms import AccessibleFormMixin, PublicForm, is_one_line

# Forms in the apps' forms.py that are not public: GET filters and search boxes (they never
# reach a mail or a header).
NOT_PUBLIC = {"SearchForm", "ArticleFilterForm", "StepDecisionForm"}  # + a staff base form
STAFF_APPS = {"accounts", "privacy"}  # forms of the back office only (sign-in, register)


def forms_modules():
    for app in pkgutil.iter_modules(kennislab.__path__):
        if app.name in STAFF_APPS:
            continue
        try:
            yield importlib.import_module(f"kennislab.{app.name}.forms")
        except ModuleNotFoundError:
            continue


def public_form_classes():
    found = {}
    for module in forms_modules():
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if cls.__module__ == module.__name__ and issubclass(cls, forms.BaseForm):
                found[f"{module.__name__}.{name}"] = cls
    return found


def test_every_public_form_flattens_its_one_line_fields(db):
    classes = public_form_classes()
    assert len(classes) >= 15, sorted(classes)
    checked = 0
    for path, cls in sorted(classes.items()):
        if cls.__name__ in NOT_PUBLIC:
            continue
        assert issubclass(cls, AccessibleFormMixin), f"{path} is not an AccessibleFormMixin form"
        try:
            form = cls()
        except TypeError:
            continue  # needs arguments (a survey page, a participant): same mixin, checked above
        for name, field in form.fields.items():
            if not is_one_line(field) or isinstance(field, forms.EmailField | forms.URLField):
                continue
            if getattr(field, "choices", None) is not None:
                continue
            value = field.to_python("  Organisatie\r\nBcc: x@example.org\t en\n\n zo ")
            assert value == "Organisatie Bcc: x@example.org en zo", (path, name, value)
            checked += 1
    assert checked >= 20, checked


class Example(PublicForm):
    name = forms.CharField(max_length=100)
    email = forms.EmailField()
    story = forms.CharField(widget=forms.Textarea)


def test_a_text_area_keeps_its_line_breaks_and_an_address_with_one_is_refused():
    form = Example({"name": "A\r\nBcc: x@example.org", "email": "a@example.org\r\nBcc: b@c.d",
                    "story": "Regel 1\nRegel 2"})  # fmt: skip
    assert not form.is_valid()
    assert form.cleaned_data["name"] == "A Bcc: x@example.org"
    assert form.cleaned_data["story"] == "Regel 1\nRegel 2"
    assert "email" in form.errors


@pytest.mark.django_db
def test_a_name_with_a_line_break_is_mailed_on_one_line(client, mailoutbox,
                                                         django_capture_on_commit_callbacks):  # fmt: skip
    """Through a real public form: the newsletter sign-up with "A\\r\\nBcc: …" as the name."""
    from kennislab.core.models import OutgoingEmail
    from kennislab.newsletter.models import Subscriber

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/nieuwsbrief/aanmelden/", {
            "email": "lezer@example.org", "name": "A\r\nBcc: x@example.org", "consent": "on"})  # fmt: skip
    assert response.status_code in (200, 302, 303), response.status_code
    subscriber = Subscriber.objects.get()
    assert subscriber.name == "A Bcc: x@example.org"
    email = OutgoingEmail.objects.get()
    assert email.status == OutgoingEmail.Status.SENT
    (sent,) = mailoutbox
    assert sent.bcc == [] and sent.message()["Bcc"] is None
    assert all("\n" not in value and "\r" not in value for value in sent.message().values())
