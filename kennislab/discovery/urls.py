"""The sitemap, robots.txt and the RSS feeds (included in kennislab/urls.py before Wagtail's
catch-all; the feed paths end in ".xml", which no page slug can)."""

from django.urls import path

from . import feeds, robots, sitemaps

app_name = "discovery"

urlpatterns = [
    path("robots.txt", robots.robots_txt, name="robots"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-<slug:section>-<int:page>.xml", sitemaps.section, name="sitemap-section-page"),
    path("sitemap-<slug:section>.xml", sitemaps.section, name="sitemap-section"),
    path("kennislab/feed.xml", feeds.ArticleFeed(), name="kennislab-feed"),
    path("kennislab/thema/<slug:slug>/feed.xml", feeds.ThemeFeed(), name="theme-feed"),
    path("kennislab/soort/<slug:item_type>/feed.xml", feeds.TypeFeed(), name="type-feed"),
    path("agenda/feed.xml", feeds.AgendaFeed(), name="agenda-feed"),
]
