"""Shared test set-up: the Hypothesis profiles.

CI (``CI=true``) uses a fixed example budget and no deadline, so a slow shared
machine cannot make a property test flaky; ``HYPOTHESIS_PROFILE`` picks one by
name.
"""

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))
