"""Time travel through the worker: scheduled articles appear on time, expired ones disappear."""

import os
import signal
import threading
import time
from datetime import timedelta
from io import StringIO
from unittest import mock

from django.core.management import call_command
from django.test import TestCase
from django.utils import timezone
from wagtail.models import PageLogEntry

from newsdesk.articles.models import ArticlePage
from newsdesk.testing import DeskPersonas


def run_worker_at(moment):
    out = StringIO()
    with mock.patch("django.utils.timezone.now", return_value=moment):
        call_command("scheduler", "--once", stdout=out)
    return out.getvalue()


class SchedulerCommandTests(DeskPersonas, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.make_desk()

    def setUp(self):
        self.start = timezone.now()
        self.go_live = self.start + timedelta(hours=3)
        self.expiry = self.start + timedelta(days=2)
        self.article = self.article_by(self.editor, self.business, title="Quarterly results embargoed")
        self.article.go_live_at = self.go_live
        self.article.expire_at = self.expiry
        self.article.save_revision(user=self.editor).publish(user=self.editor)

    def is_live(self):
        return ArticlePage.objects.get(pk=self.article.pk).live

    def test_it_keeps_a_scheduled_article_offline_until_its_go_live_time(self):
        run_worker_at(self.go_live - timedelta(minutes=1))
        self.assertFalse(self.is_live())
        self.assertEqual(self.client.get(self.article.url).status_code, 404)

    def test_it_publishes_a_scheduled_article_once_its_time_has_come(self):
        moment = self.go_live + timedelta(seconds=30)
        output = run_worker_at(moment)
        self.assertIn("1 pass", output)
        self.assertTrue(self.is_live())
        with mock.patch("django.utils.timezone.now", return_value=moment):  # a reader at the same moment
            response = self.client.get(ArticlePage.objects.get(pk=self.article.pk).url)
        self.assertContains(response, "Quarterly results embargoed")

    def test_it_unpublishes_an_article_after_its_expiry(self):
        run_worker_at(self.go_live + timedelta(seconds=30))
        run_worker_at(self.expiry + timedelta(seconds=30))
        article = ArticlePage.objects.get(pk=self.article.pk)
        self.assertFalse(article.live)
        self.assertTrue(article.expired)

    def test_it_records_the_scheduled_publication_in_the_audit_log(self):
        run_worker_at(self.go_live + timedelta(seconds=30))
        actions = set(PageLogEntry.objects.filter(page=self.article).values_list("action", flat=True))
        self.assertLessEqual({"wagtail.publish.schedule", "wagtail.publish.scheduled"}, actions)


class SchedulerSignalTests(TestCase):
    """The command's SIGTERM handler belongs to its loop: a process that ran it is still ended by SIGTERM, and
    so are processes it forks later (an extraction pool's workers, which terminate() ends that way)."""

    def test_one_pass_leaves_the_callers_sigterm_handler_alone(self):
        before = signal.getsignal(signal.SIGTERM)
        call_command("scheduler", "--once", stdout=StringIO())
        self.assertIs(signal.getsignal(signal.SIGTERM), before)

    def test_the_loop_puts_the_previous_handler_back_when_it_stops(self):
        before = signal.getsignal(signal.SIGTERM)
        with mock.patch("threading.Event.wait", side_effect=KeyboardInterrupt):
            call_command("scheduler", "--interval", "1", stdout=StringIO())
        self.assertIs(signal.getsignal(signal.SIGTERM), before)

    def test_sigterm_ends_the_loop_at_once_not_after_its_interval(self):
        # The server's shutdown sends SIGTERM; the scheduler must not outlive it by an interval.
        sender = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGTERM))
        started = time.monotonic()
        sender.start()
        try:
            out = StringIO()
            call_command("scheduler", "--interval", "300", stdout=out)
        finally:
            sender.cancel()
        self.assertLess(time.monotonic() - started, 60)  # the interval is 300 s
        self.assertIn("1 pass", out.getvalue())
