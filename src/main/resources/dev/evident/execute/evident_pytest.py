"""Evident's JUnit XML writer for pytest, put on PYTHONPATH by `evident run`.

`evident run` asks pytest for `--junitxml=FILE` and names FILE in EVIDENT_PYTEST_REPORT. When
pytest loads this plugin (an entry point beside it), the plugin writes FILE itself and turns
pytest's own writer off: each test case is written as the test ends, one line each, so a run
that is killed keeps its finished tests, and it costs less than pytest's writer, which holds every
test as an element tree until the end. The XML is what pytest's writer gives for junit_family
xunit2, plus each test's file and line. Where pytest's writer is configured to do more (captured
output, a prefix, call-only durations), or when the plugin is not loaded at all (PYTHONPATH
replaced, plugin autoload disabled), pytest's own writer writes FILE as before.
"""

import os
import re
import sys
import time

import pytest

# Characters XML 1.0 cannot hold become "#xNN", as pytest's writer shows them.
_CONTROL = {c: "#x%02X" % c for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]}
_TEXT = {**_CONTROL, ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;"}
_ATTRIBUTE = {**_TEXT, ord('"'): "&quot;", 0x09: "&#9;", 0x0A: "&#10;", 0x0D: "&#13;"}
_UNENCODABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _escape(value, table):
    text = str(value).translate(table)
    if not text.isascii():
        text = _UNENCODABLE.sub(lambda m: "#x%04X" % ord(m.group()), text)
    return text


def _text(value):
    return _escape(value, _TEXT)


def _attribute(value):
    return _escape(value, _ATTRIBUTE)


def _names(nodeid):
    """classname and name as pytest's writer makes them from a node id."""
    path, bracket, params = nodeid.partition("[")
    names = path.split("::")
    names[0] = re.sub(r"\.py$", "", names[0].replace("/", "."))
    names[-1] += bracket + params
    return ".".join(names[:-1]), names[-1]


def _reason(report):
    crash = getattr(report.longrepr, "reprcrash", None)
    return crash.message if crash is not None else str(report.longrepr)


def _element(report):
    """The failure, error or skipped element of one setup, call or teardown report."""
    if report.skipped:
        if hasattr(report, "wasxfail"):
            reason = report.wasxfail
            reason = reason[8:] if reason.startswith("reason: ") else reason
            return '<skipped type="pytest.xfail" message="%s"/>' % _attribute(reason)
        if isinstance(report.longrepr, tuple):
            filename, lineno, reason = report.longrepr
            reason = reason[9:] if reason.startswith("Skipped: ") else reason
            details = "%s:%s: %s" % (filename, lineno, reason)
        else:
            reason = details = str(report.longrepr)
        return '<skipped type="pytest.skip" message="%s">%s</skipped>' % (
            _attribute(reason),
            _text(details),
        )
    if report.when == "call":
        if hasattr(report, "wasxfail"):
            return '<skipped message="xfail-marked test passes unexpectedly"/>'
        return '<failure message="%s">%s</failure>' % (
            _attribute(_reason(report)),
            _text(report.longrepr),
        )
    message = 'failed on %s with "%s"' % (report.when, _reason(report))
    return '<error message="%s">%s</error>' % (_attribute(message), _text(report.longrepr))


class _Case:
    __slots__ = ("duration", "elements", "call_failed")

    def __init__(self):
        self.duration = 0.0
        self.elements = []
        self.call_failed = False


class _Writer:
    def __init__(self, path, suite):
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        # Line-buffered: each test case is one line, on disk as soon as it is written.
        self.file = open(path, "w", encoding="utf-8", buffering=1)
        self.cases = {}
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        self.file.write(
            '<?xml version="1.0" encoding="utf-8"?>\n<testsuites name="pytest tests">'
            '<testsuite name="%s" timestamp="%s">\n' % (_attribute(suite), stamp)
        )

    def pytest_runtest_logreport(self, report):
        key = report.nodeid, getattr(report, "node", None)
        case = self.cases.get(key)
        if case is None:
            case = self.cases[key] = _Case()
        if report.failed or report.skipped:
            if report.when == "teardown" and report.failed and case.call_failed:
                # A failed test whose teardown fails too: two test cases, as pytest's writer.
                self.write(report.nodeid, report.location, case, report.user_properties)
                case = self.cases[key] = _Case()
            case.elements.append(_element(report))
            case.call_failed |= report.when == "call" and report.failed
        case.duration += getattr(report, "duration", 0.0)
        if report.when == "teardown":
            del self.cases[key]
            self.write(report.nodeid, report.location, case, report.user_properties)

    def write(self, nodeid, location, case, properties):
        """One test case; `location` is (file, 0-based line, name) or None."""
        classname, name = _names(nodeid)
        parts = ['<testcase classname="%s" name="%s"' % (_attribute(classname), _attribute(name))]
        if location:
            parts.append(' file="%s"' % _attribute(location[0]))
            if location[1] is not None:
                parts.append(' line="%d"' % (location[1] + 1))
        parts.append(' time="%.3f"' % case.duration)
        if not case.elements and not properties:
            parts.append("/>\n")
        else:
            parts.append(">")
            if properties:
                parts.append("<properties>")
                for key, value in properties:
                    parts.append(
                        '<property name="%s" value="%s"/>' % (_attribute(key), _attribute(value))
                    )
                parts.append("</properties>")
            parts.extend(case.elements)
            parts.append("</testcase>\n")
        self.file.write("".join(parts))

    def pytest_collectreport(self, report):
        if report.failed:
            element = '<error message="collection failure">%s</error>' % _text(report.longrepr)
        elif report.skipped:
            element = '<skipped message="collection skipped">%s</skipped>' % _text(report.longrepr)
        else:
            return
        case = _Case()
        case.elements.append(element)
        self.write(report.nodeid, None, case, ())

    def pytest_internalerror(self, excrepr):
        self.file.write(
            '<testcase classname="pytest" name="internal" time="0.000">'
            '<error message="internal error">%s</error></testcase>\n' % _text(excrepr)
        )

    def pytest_sessionfinish(self):
        for (nodeid, _), case in list(self.cases.items()):
            self.write(nodeid, None, case, ())
        self.cases.clear()
        self.file.write("</testsuite></testsuites>\n")
        self.file.close()


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    try:
        _runtime(config)
    except Exception:
        pass  # Evident then asks `python3 --version`, as without the plugin
    try:
        writer = _writer(config)
    except Exception:
        writer = None  # an older pytest, an unwritable path: pytest's own writer does the work
    if writer is not None:
        config.option.xmlpath = None
        config.pluginmanager.register(writer, "evident-junit")


def _runtime(config):
    """Names the interpreter running pytest in EVIDENT_PYTEST_RUNTIME, as `python --version` does."""
    path = os.environ.get("EVIDENT_PYTEST_RUNTIME")
    if path and not hasattr(config, "workerinput"):
        with open(path, "w", encoding="utf-8") as f:
            f.write("Python %s\n" % sys.version.split()[0])


def _writer(config):
    """This plugin's writer when `evident run` asked for it and pytest's needs nothing more."""
    path = os.environ.get("EVIDENT_PYTEST_REPORT")
    option = config.option
    if (
        not path
        or hasattr(config, "workerinput")
        or getattr(option, "xmlpath", None) != path
        or getattr(option, "junitprefix", None)
        or config.getini("junit_logging") != "no"
        or config.getini("junit_duration_report") != "total"
    ):
        return None
    return _Writer(path, config.getini("junit_suite_name"))
