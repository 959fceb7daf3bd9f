"""Test-wide set-up lives in newsdesk/settings_test.py (a private data and media folder per test process)."""
