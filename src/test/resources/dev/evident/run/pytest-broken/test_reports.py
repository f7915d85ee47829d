import evident_no_such_module_xyz


def test_report():
    assert evident_no_such_module_xyz.report() == "ok"
