import pytest

def test_passes():
    assert True

def test_fails():
    assert 1 + 1 == 3, "arithmetic\nis hard <&> \"quoted\" \x07bell"

@pytest.fixture
def broken_setup():
    raise RuntimeError("setup went wrong")

def test_setup_error(broken_setup):
    pass

@pytest.fixture
def broken_teardown():
    yield
    raise RuntimeError("teardown went wrong")

def test_fails_and_teardown_errors(broken_teardown):
    assert False

def test_teardown_errors(broken_teardown):
    pass

@pytest.mark.skip(reason="not today")
def test_skipped():
    pass

def test_skips_inside():
    pytest.skip("Skipped: inside")

@pytest.mark.xfail(reason="known bug")
def test_xfails():
    assert False

@pytest.mark.xfail(reason="fixed already")
def test_xpasses():
    pass

@pytest.mark.xfail(reason="strict one", strict=True)
def test_xpasses_strictly():
    pass

@pytest.mark.parametrize("value", ["a", "ü", "x y", "<b>"])
def test_params(value):
    assert value != "x y"

class TestGroup:
    def test_method(self, record_property):
        record_property("ticket", "EV-1")
        print("out")
        assert True

    class TestInner:
        def test_nested(self):
            pass
