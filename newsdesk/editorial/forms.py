from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.signals import user_login_failed
from django.utils.html import format_html
from wagtail.admin.forms.auth import LoginForm

from newsdesk.editorial import two_factor


class TwoFactorLoginForm(LoginForm):
    """Wagtail's sign-in form plus a one-time code, required from anyone who has set up an authenticator."""

    otp_token = forms.CharField(
        label="Authenticator code",
        required=False,
        max_length=12,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
        help_text="The six digits from your authenticator app, if you have set one up.",
    )

    def clean(self):
        cleaned = super().clean()
        user = self.get_user()
        device = two_factor.confirmed_device(user) if user else None
        if device is None:
            return cleaned
        if not two_factor.verify(device, cleaned.get("otp_token")):
            user_login_failed.send(
                sender=type(self), credentials={"username": cleaned.get("username")}, request=self.request
            )
            raise forms.ValidationError(
                "Enter the current six-digit code from your authenticator app.", code="otp_invalid"
            )
        two_factor.remember_device(self.request, device)
        return cleaned


class ReaderLoginForm(AuthenticationForm):
    """The sign-in for readers of private pages. It has no second factor, so staff are sent to the
    admin's sign-in, which asks for one."""

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if two_factor.signs_in_through_admin(user):
            raise forms.ValidationError(
                format_html(
                    'Newsroom accounts sign in on <a href="{}">the admin sign-in page</a>.',
                    two_factor.admin_login_url(),
                ),
                code="staff_account",
            )


class TokenForm(forms.Form):
    otp_token = forms.CharField(label="Six-digit code", max_length=12)

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"]
        if not two_factor.verify(self.device, token):
            raise forms.ValidationError("That code is wrong or has expired: enter the code shown now.")
        return token
