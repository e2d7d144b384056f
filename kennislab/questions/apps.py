from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QuestionsConfig(AppConfig):
    name = "kennislab.questions"
    label = "questions"
    verbose_name = "Vragen en interesse"

    def ready(self):
        from django.urls import reverse

        from kennislab.core import inbox

        from .models import InterestRegistration, InterestStatus, Question, QuestionStatus

        inbox.register(inbox.InboxSource(
            key="questions", term="question", label=_("Vragen"),
            permission="questions.answer_question",
            waiting=lambda: Question.objects.filter(status=QuestionStatus.OPEN),
            title=lambda question: str(question),
            select_related=("theme",),
            admin_url=lambda question: reverse("questions_admin:inspect", args=[question.pk]),
            # an adviser without view_question sees only the questions assigned to them
            restrict=lambda user, waiting: (
                waiting if user.has_perm("questions.view_question")
                else waiting.filter(assigned_to=user)
            ),
        ))  # fmt: skip
        inbox.register(inbox.InboxSource(
            key="interest", term="interest", label=_("Interesse-aanmeldingen"),
            permission="questions.handle_interest",
            waiting=lambda: InterestRegistration.objects.filter(status=InterestStatus.NEW),
            title=lambda registration: str(registration),
            select_related=("community",),
            admin_url=lambda registration: reverse("questions_interest_admin:inspect",
                                                   args=[registration.pk]),
        ))  # fmt: skip
