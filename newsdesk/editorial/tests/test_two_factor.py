"""The second factor: enrolling an authenticator app, signing in with its code, and the rule that
Chief editors and Administrators use one when NEWSDESK_REQUIRE_2FA is on."""

from datetime import timedelta

from django.test import TestCase, override_settings
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from lxml import html as lxml_html
from wagtail.models import PageViewRestriction

from newsdesk.editorial import roles
from newsdesk.testing import PASSWORD, make_article, make_section, make_user

SETUP, LOGIN, DASHBOARD = "/admin/two-factor/", "/admin/login/", "/admin/"


def code_now(device, offset=0) -> str:
    """The six digits an authenticator app shows for `device` now (`offset` steps away)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + offset):0{device.digits}d}"


def wrong_code(device) -> str:
    right = code_now(device)
    return next(c for c in ("000000", "111111") if c != right)


def errors(response) -> str:
    tree = lxml_html.fromstring(response.content)
    return " ".join(" ".join(e.text_content().split()) for e in tree.xpath('//*[contains(@class, "error")]'))


@override_settings(NEWSDESK_REQUIRE_2FA=True)
class RequiredSecondFactorTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.chief = make_user("chief", roles.CHIEF_EDITOR)
        cls.contributor = make_user("contributor", roles.CONTRIBUTOR)

    def test_a_chief_editor_without_an_authenticator_is_sent_to_enrol_before_anything_else(self):
        self.client.force_login(self.chief)
        for path in (DASHBOARD, "/admin/pages/", "/admin/images/"):
            response = self.client.get(path)
            self.assertEqual((response.status_code, response["Location"]), (302, SETUP), path)
        page = self.client.get(SETUP)
        tree = lxml_html.fromstring(page.content)
        self.assertTrue(tree.xpath("//div[@class='editorial-qr']//svg"), "a QR code to scan")
        self.assertIn("Your role requires a second factor", page.content.decode())
        self.assertFalse(TOTPDevice.objects.get(user=self.chief).confirmed)

    def test_enrolling_with_a_wrong_code_fails_and_with_the_right_one_opens_the_admin(self):
        self.client.force_login(self.chief)
        self.client.get(SETUP)
        device = TOTPDevice.objects.get(user=self.chief)

        refused = self.client.post(SETUP, {"otp_token": wrong_code(device)})
        self.assertEqual(refused.status_code, 200)
        self.assertIn("That code is wrong or has expired", errors(refused))
        self.assertEqual(self.client.get(DASHBOARD).status_code, 302)

        # django-otp throttles guessing: straight after a wrong code, even the right one is refused.
        self.assertEqual(self.client.post(SETUP, {"otp_token": code_now(device)}).status_code, 200)
        TOTPDevice.objects.filter(pk=device.pk).update(  # the user takes a few seconds to look again
            throttling_failure_timestamp=timezone.now() - timedelta(seconds=30)
        )
        accepted = self.client.post(SETUP, {"otp_token": code_now(device)})
        self.assertEqual((accepted.status_code, accepted["Location"]), (302, DASHBOARD))
        device.refresh_from_db()
        self.assertTrue(device.confirmed)
        self.assertEqual(self.client.get(DASHBOARD).status_code, 200)

    def test_a_contributor_is_not_asked_for_a_second_factor(self):
        self.client.force_login(self.contributor)
        self.assertEqual(self.client.get(DASHBOARD).status_code, 200)


@override_settings(NEWSDESK_REQUIRE_2FA=True)
class SignInWithCodeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.chief = make_user("chief", roles.CHIEF_EDITOR)
        cls.device = TOTPDevice.objects.create(user=cls.chief, name="Phone", confirmed=True)

    def sign_in(self, **extra):
        return self.client.post(LOGIN, {"username": "chief", "password": PASSWORD, **extra})

    def test_the_password_alone_is_not_enough_once_an_authenticator_is_set_up(self):
        for extra in ({}, {"otp_token": wrong_code(self.device)}, {"otp_token": "<script>"}):
            response = self.sign_in(**extra)
            self.assertEqual(response.status_code, 200, extra)
            self.assertIn("Enter the current six-digit code", errors(response))
            self.assertNotIn("_auth_user_id", self.client.session)

    def test_password_and_current_code_sign_in_verified_and_a_code_cannot_be_replayed(self):
        token = code_now(self.device)
        response = self.sign_in(otp_token=token)
        self.assertEqual(response.status_code, 302)
        self.assertEqual(self.client.get(DASHBOARD).status_code, 200)  # verified: not sent to enter a code

        self.client.logout()
        replayed = self.sign_in(otp_token=token)
        self.assertEqual(replayed.status_code, 200)
        self.assertNotIn("_auth_user_id", self.client.session)

    def test_a_session_that_skipped_the_code_is_asked_for_it(self):
        self.client.force_login(self.chief)  # signed in some other way, never verified
        self.assertEqual(self.client.get(DASHBOARD)["Location"], SETUP)
        page = self.client.get(SETUP)
        self.assertIn("Enter the six digits", page.content.decode())
        self.assertFalse(
            lxml_html.fromstring(page.content).xpath("//div[@class='editorial-qr']"),
            "no new QR code for an enrolled user",
        )


class OptionalSecondFactorTests(TestCase):
    def test_with_the_setting_off_a_chief_editor_needs_no_authenticator(self):
        self.client.force_login(make_user("chief", roles.CHIEF_EDITOR))
        self.assertEqual(self.client.get(DASHBOARD).status_code, 200)


class PrivatePageSignInTests(TestCase):
    """Wagtail's sign-in for pages restricted to logged-in readers asks for no second factor,
    so it must not open a newsroom session."""

    READER_LOGIN = "/_util/login/"

    @classmethod
    def setUpTestData(cls):
        cls.section = make_section("Members")
        cls.article = make_article(cls.section, "Members-only briefing")
        PageViewRestriction.objects.create(page=cls.article, restriction_type=PageViewRestriction.LOGIN)
        cls.reader = make_user("reader")
        cls.contributor = make_user("contributor", roles.CONTRIBUTOR)
        cls.chief = make_user("chief", roles.CHIEF_EDITOR)
        TOTPDevice.objects.create(user=cls.chief, name="Phone", confirmed=True)

    def sign_in(self, username):
        return self.client.post(
            self.READER_LOGIN, {"username": username, "password": PASSWORD, "next": self.article.url}
        )

    def test_a_reader_signs_in_and_reads_the_private_article(self):
        self.assertEqual(self.client.get(self.article.url).status_code, 302)
        response = self.sign_in("reader")
        self.assertEqual((response.status_code, response["Location"]), (302, self.article.url))
        page = lxml_html.fromstring(self.client.get(self.article.url).content)
        self.assertEqual(page.xpath("normalize-space(//h1)"), "Members-only briefing")

    def test_staff_get_no_session_there_and_are_sent_to_the_admin_sign_in(self):
        for username in ("chief", "contributor"):
            response = self.sign_in(username)
            self.assertEqual(response.status_code, 200, username)
            self.assertIn("Newsroom accounts sign in on the admin sign-in page", errors(response))
            link = lxml_html.fromstring(response.content).xpath("//*[contains(@class, 'error')]//a/@href")
            self.assertEqual(link, [LOGIN])
            self.assertNotIn("_auth_user_id", self.client.session)
            admin = self.client.get(DASHBOARD)
            self.assertEqual((admin.status_code, admin["Location"].split("?")[0]), (302, LOGIN))

    def test_a_session_opened_without_the_code_is_asked_for_it_even_when_not_required(self):
        self.client.force_login(self.chief)  # e.g. a session from before this sign-in was closed to staff
        self.assertEqual(self.client.get(DASHBOARD)["Location"], SETUP)
