def test_adds_an_item():
    assert [1] + [2] == [1, 2]


def test_totals():
    assert sum([1, 2]) == 4, "the total is off"


def test_empty_cart():
    assert sum([]) == 0
