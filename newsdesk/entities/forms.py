from django import forms
from wagtail.admin.forms import WagtailAdminModelForm

from newsdesk.entities.models import clean_urls


class EntityForm(WagtailAdminModelForm):
    """The registry's edit form: "same as" links typed one a line rather than as JSON."""

    same_as = forms.CharField(
        required=False,
        label="Same as",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Pages that identify this entity elsewhere (Wikidata, Wikipedia, an official site): one URL a line.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.initial["same_as"] = "\n".join(self.instance.same_as or [])

    def clean_same_as(self):
        try:
            return clean_urls(self.cleaned_data["same_as"])
        except forms.ValidationError as error:
            raise forms.ValidationError(error.message_dict["same_as"]) from None
