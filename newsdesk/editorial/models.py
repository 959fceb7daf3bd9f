from django.contrib.auth.models import Group
from django.db import models


class SectionDesk(models.Model):
    """The editors' group and review workflow that belong to one section."""

    section = models.OneToOneField("sections.SectionPage", on_delete=models.CASCADE, related_name="desk")
    group = models.OneToOneField(Group, on_delete=models.CASCADE, related_name="section_desk")
    workflow = models.ForeignKey("wagtailcore.Workflow", null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = "section desk"

    def __str__(self):
        return self.group.name
