"""Test-wide set-up lives in newsdesk/settings_test.py (a private data folder per test process)."""
