"""Every lesson's self-check, in lesson order: lesson 04 combines their saved answers."""

from upperback.models.arm_carriage_check import ARM_CARRIAGE_CHECK
from upperback.models.breathing_check import BREATHING_CHECK
from upperback.models.posture_check import POSTURE_CHECK
from upperback.models.start_here_check import START_HERE_CHECK

SELF_CHECKS = (START_HERE_CHECK, ARM_CARRIAGE_CHECK, BREATHING_CHECK, POSTURE_CHECK)
