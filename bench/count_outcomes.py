#!/usr/bin/env python3
"""The baseline: Python's standard-library iterparse merely counting test outcomes in a JUnit XML."""
import collections, sys
import xml.etree.ElementTree as ET

counts = collections.Counter()
for _, el in ET.iterparse(sys.argv[1], events=("end",)):
    if el.tag == "testcase":
        kinds = {child.tag for child in el}
        if "failure" in kinds:
            counts["failed"] += 1
        elif "error" in kinds:
            counts["errored"] += 1
        elif "skipped" in kinds:
            counts["skipped"] += 1
        else:
            counts["passed"] += 1
        el.clear()
    elif el.tag == "testsuite":
        el.clear()
print(sum(counts.values()), dict(counts))
