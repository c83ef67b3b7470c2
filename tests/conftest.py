"""Shared test set-up: the Hypothesis profiles.

The default profile ("ci", also what CI runs) uses a fixed, derandomized
example budget and no deadline, so the README's test command gives the same
result on every machine and a slow shared machine cannot make a property test
flaky.  ``HYPOTHESIS_PROFILE=dev`` explores new random examples (use it when
working on a step; what it finds goes into the tests as an ``@example``).
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
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
