"""factory_boy factories for the content app. Pages are added to the tree and published."""

from datetime import date

import factory
from django.utils.text import slugify

from kennislab.content.models import (
    ArticlePage,
    ContentPage,
    PeopleIndexPage,
    Person,
    Theme,
    ThemeIndexPage,
    ThemePage,
)
from kennislab.content.site import ensure_home, ensure_kennislab_index


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Adviseur Nummer{n}")
    role = "Netwerkadviseur"
    organisation = "Netwerk Gezond Samen"
    email = factory.Sequence(lambda n: f"adviseur{n}@kennislab.example")
    phone = "030 000 00 10"
    bio = "Helpt organisaties op weg."

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes = list(extracted)
            self.save()


class PageFactory(factory.Factory):
    """Base: `parent` (default from parent_default()) receives the page, which is published."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.title))

    @classmethod
    def parent_default(cls):
        return ensure_home()

    @classmethod
    def _create(cls, model_class, *args, parent=None, many_to_many=None, **kwargs):
        parent = parent or cls.parent_default()
        page = model_class(**kwargs)
        for name, values in (many_to_many or {}).items():
            setattr(page, name, list(values))
        parent.add_child(instance=page)
        page.save_revision().publish()
        return model_class.objects.get(pk=page.pk)


class ArticlePageFactory(PageFactory):
    class Meta:
        model = ArticlePage

    title = factory.Sequence(lambda n: f"Artikel {n} over gezondheid")
    date = date(2025, 3, 18)
    item_type = "news"
    intro = "Een korte inleiding bij dit artikel."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": {"text": "Wat we deden", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Een alinea met uitleg.</p>"},
        ]
    )

    @classmethod
    def parent_default(cls):
        return ensure_kennislab_index()

    @classmethod
    def _create(cls, model_class, *args, themes=(), domains=(), **kwargs):
        return super()._create(
            model_class, *args, many_to_many={"themes": themes, "domains": domains}, **kwargs
        )


class ThemeIndexPageFactory(PageFactory):
    class Meta:
        model = ThemeIndexPage

    title = "Thema's"
    slug = "themas"
    show_in_menus = True


class ThemePageFactory(PageFactory):
    class Meta:
        model = ThemePage

    title = factory.LazyAttribute(lambda o: o.theme.name)
    slug = factory.LazyAttribute(lambda o: o.theme.slug)
    intro = "Alles over dit thema."


class PeopleIndexPageFactory(PageFactory):
    class Meta:
        model = PeopleIndexPage

    title = "Netwerkadviseurs"
    slug = "netwerkadviseurs"
    show_in_menus = True


class ContentPageFactory(PageFactory):
    class Meta:
        model = ContentPage

    title = "Privacyverklaring"
    intro = "Hoe we met gegevens omgaan."


def theme(slug: str) -> Theme:
    return Theme.objects.get(slug=slug)
