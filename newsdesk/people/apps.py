from django.apps import AppConfig


class PeopleConfig(AppConfig):
    """Authors: people and desks, with their profile pages."""

    name = "newsdesk.people"
    label = "people"
    verbose_name = "People"
