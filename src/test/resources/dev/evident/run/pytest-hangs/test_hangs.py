import sys
import time


def test_first():
    pass


def test_second():
    assert False, "the second one fails"


def test_hangs():
    print("HANGING", flush=True)
    sys.stdout.flush()
    time.sleep(600)
