from axes.backends import AxesStandaloneBackend


class ThrottledLoginBackend(AxesStandaloneBackend):
    """django-axes lock-out for every sign-in that comes over HTTP.

    Authentication without a request (management commands, the test client's login()) cannot be
    brute-forced from outside, so it is passed on to the next backend instead of being an error.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
