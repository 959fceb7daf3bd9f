from django.core.management import call_command
from django_tasks import task


@task()
def publish_scheduled():
    """Publish what has reached its go-live time and unpublish what has expired (Wagtail's own command)."""
    call_command("publish_scheduled", verbosity=0)
