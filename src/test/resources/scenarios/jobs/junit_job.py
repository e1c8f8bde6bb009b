"""Stands in for a team's own unit suite (`pytest --junitxml=...`): writes a JUnit file."""
import sys

with open(sys.argv[1], "w", encoding="utf-8") as out:
    out.write("""<?xml version="1.0" encoding="UTF-8"?>
<testsuite name="team_unit_tests" tests="2" failures="1" errors="0" skipped="0" time="0.01">
  <testcase classname="tests.test_scores" name="test_should_round" time="0.001"/>
  <testcase classname="tests.test_scores" name="test_should_fail_on_purpose" time="0.002">
    <failure message="assert 1 == 2" type="AssertionError">expected 1, got 2</failure>
  </testcase>
</testsuite>
""")
print("unit suite ran")
