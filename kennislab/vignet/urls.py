"""Public vignet URLs under /vignet/ (included before Wagtail's catch-all)."""

from django.urls import path

from . import views

app_name = "vignet"

urlpatterns = [
    path("aanvragen/", views.apply, name="apply"),
    path("aanvragen/oordeel/", views.preview, name="preview"),
    path("aanvraag/<str:token>/", views.draft, name="draft"),
    path("aanvraag/<str:token>/stap/<int:number>/", views.draft_step, name="step"),
    path("aanvraag/<str:token>/bewijs/<int:pk>/", views.evidence_file, name="evidence"),
    path("aanvraag/<str:token>/30dagengezonder/", views.team, name="team"),
    path("team/<str:token>/", views.team_confirm, name="team-confirm"),
    path("register/", views.register_list, name="register"),
    path("controle/<str:public_id>/", views.verify, name="verify"),
    path("controle/<str:public_id>/badge.svg", views.badge_svg, name="badge"),
    path("houder/<str:token>/", views.holder, name="holder"),
]
