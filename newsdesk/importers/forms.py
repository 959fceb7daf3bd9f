from django import forms

from newsdesk.sections.models import SectionPage

MAX_PAGE_BYTES = 5 * 1024 * 1024


class ImportHTMLForm(forms.Form):
    page = forms.FileField(label="Saved web page (.html)", help_text="Use your browser's Save Page As… (HTML only).")
    url = forms.URLField(
        label="Original address", required=False, assume_scheme="https", help_text="Where the article was published."
    )
    section = forms.ModelChoiceField(queryset=SectionPage.objects.none(), help_text="The draft is created here.")

    def __init__(self, *args, sections=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["section"].queryset = sections if sections is not None else SectionPage.objects.all()

    def clean_page(self):
        upload = self.cleaned_data["page"]
        if upload.size > MAX_PAGE_BYTES:
            raise forms.ValidationError("That file is larger than 5 MB; save the page as HTML only.")
        data = upload.read()
        if b"<" not in data[:4096]:
            raise forms.ValidationError("That file does not look like an HTML page.")
        return data
