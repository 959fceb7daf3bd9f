"""Editorial rules for the article edit form: corrections for substantive changes, and edit conflicts."""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format

CONFLICT_MESSAGE = (
    "{who} saved a newer version of this article at {when}, after you opened it. Nothing has been saved: "
    "your text is still in this form. Compare it with their version (History), then save again to replace "
    "theirs with yours, or reload to start from theirs."
)
CORRECTION_REQUIRED = (
    "A substantive change to a published article needs a correction note: under Corrections, say what was "
    "wrong and what changed. Your edits are still in this form; you can also save them as a draft."
)


class EditorialPageFormMixin(forms.Form):
    substantive_change = forms.BooleanField(
        required=False,
        label="Substantive change",
        help_text="Tick when this edit changes facts readers relied on: a correction note is then required "
        "and the article shows as updated.",
    )

    def clean(self):
        cleaned = super().clean()
        self._refuse_conflicting_save()
        if cleaned.get("substantive_change") and not self.is_deferred_validation:
            self._require_correction_note()
        return cleaned

    def save(self, commit=True):
        if self.cleaned_data.get("substantive_change") and not self.is_deferred_validation:
            self.instance.updated_at = timezone.now()
        return super().save(commit=commit)

    # -- concurrent editing -------------------------------------------------------------------

    def _refuse_conflicting_save(self):
        """Someone else saved since this form was loaded: refuse, so neither version is silently lost.

        Wagtail only refuses conflicting autosaves; a full save would overwrite the other editor's work.
        """
        loaded = self.data.get("loaded_revision_id")
        latest = self.instance.latest_revision if self.instance.pk else None
        if not loaded or latest is None or str(latest.pk) == loaded:
            return
        if self.data.get("overwrite_revision_id") == str(latest.pk):
            return  # this session's own autosave is the latest revision
        who = latest.user.get_full_name() or latest.user.get_username() if latest.user else "Someone"
        when = date_format(timezone.localtime(latest.created_at), "DATETIME_FORMAT")
        raise forms.ValidationError(CONFLICT_MESSAGE.format(who=who, when=when), code="edit_conflict")

    # -- corrections --------------------------------------------------------------------------

    def _require_correction_note(self):
        if not self.instance.pk or not self.instance.live:
            return
        corrections = self.formsets.get("corrections")
        new_notes = [
            f for f in (corrections.forms if corrections is not None else [])
            if f.is_valid() and not corrections._should_delete_form(f)
            and f.instance.pk is None and (f.cleaned_data.get("note") or "").strip()
        ]
        if not new_notes:
            self.add_error("substantive_change", CORRECTION_REQUIRED)
