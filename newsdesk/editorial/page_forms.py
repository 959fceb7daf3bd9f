"""Editorial rules for the article edit form: corrections for substantive changes, and edit conflicts."""

from django import forms
from django.utils import timezone

from newsdesk.editorial import edit_conflicts

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
        """Another editor saved since this form was loaded: refuse, naming them, so neither version is lost.

        Wagtail itself only refuses conflicting automatic saves. The admin runs this check and the save in
        one transaction holding the page's row (see edit_conflicts), so two saves cannot both pass it.
        """
        if not self.instance.pk:
            return
        newer = edit_conflicts.newer_revision_by_another(
            self.instance,
            self.data.get("loaded_revision_id"),
            self.data.get("loaded_revision_created_at"),
            self.for_user,
        )
        if newer is not None:
            raise forms.ValidationError(edit_conflicts.refused_save_message(newer), code="edit_conflict")

    # -- corrections --------------------------------------------------------------------------

    def _require_correction_note(self):
        if not self.instance.pk or not self.instance.live:
            return
        corrections = self.formsets.get("corrections")
        new_notes = [
            f
            for f in (corrections.forms if corrections is not None else [])
            if f.is_valid()
            and not corrections._should_delete_form(f)
            and f.instance.pk is None
            and (f.cleaned_data.get("note") or "").strip()
        ]
        if not new_notes:
            self.add_error("substantive_change", CORRECTION_REQUIRED)
