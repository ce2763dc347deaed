"""The training modules' exercises: the answer as typed, checked by the method's rules.

- :mod:`.answers` reads what a learner typed (a string for a tuple, a decimal comma, nothing);
- :mod:`.feedback` is the verdict: tepat, varian, hampir, salah, or an empty answer;
- :mod:`.checks` grades an answer by the rules in ``docs/metode.md`` (the same functions
  ``pohon-nb validate`` reads);
- :mod:`.exercises` is the table of exercises, their keys and the typical answers;
- :mod:`.material` is what the data exercises read from the module's workbook;
- :mod:`.workshop` is what a training notebook talks to: its parameters, the views, the
  questions, the forms and the checks;
- :mod:`.guide` writes the facilitator guide's table from the typical answers.
"""

from __future__ import annotations

from .checks import (  # noqa: F401
    INDICATOR_EXAMPLE,
    check_achievement,
    check_apkl_failure,
    check_choice,
    check_condition,
    check_indicator,
    check_indicator_kind,
    check_level,
    check_levels_order,
    check_missing_link,
    check_pending,
    check_request_direction,
    check_skipped_level,
    check_usg_ranking,
)
from .exercises import BY_KEY, EXERCISES, MODULES, Exercise  # noqa: F401
from .feedback import GRADES, Feedback  # noqa: F401
from .guide import typical_answers_markdown  # noqa: F401
from .material import Material  # noqa: F401
from .workshop import Workshop  # noqa: F401
