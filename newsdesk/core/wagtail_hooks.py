from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_js")
def accessible_names_for_admin_widgets():
    return format_html('<script src="{}"></script>', static("newsdesk/admin/accessible-names.js"))
