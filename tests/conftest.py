"""Hypothesis profiles: pick one with ``HYPOTHESIS_PROFILE=dev|default|ci``.

Without the variable, Hypothesis's own choice stands: ``ci`` when it detects a CI service (the
``CI`` variable and others), ``default`` otherwise. ``pytest --hypothesis-profile=NAME`` overrides
both. ``.ci/run`` sets ``HYPOTHESIS_PROFILE=ci``.
"""

import os

from hypothesis import settings

# Fast and thorough enough for a local run.
settings.register_profile("default", max_examples=100)
# More examples, no deadline (shared CI machines are slow and noisy), not derandomized so that
# every CI run explores new inputs, and a reproduction blob printed with each failure. 250, not
# more: the whole CI run must stay under 15 minutes on a 2-core machine (at 500 the tests alone
# took 13 minutes there).
settings.register_profile(
    "ci",
    settings.get_profile("ci"),
    max_examples=250,
    deadline=None,
    derandomize=False,
    print_blob=True,
)
# Quick feedback while editing.
settings.register_profile("dev", max_examples=20)

settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or settings.get_current_profile_name())
