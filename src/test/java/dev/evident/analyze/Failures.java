package dev.evident.analyze;

import dev.evident.model.Category;
import dev.evident.model.Diagnosis;
import dev.evident.model.Failure;
import dev.evident.model.Outcome;
import dev.evident.model.TestId;
import java.util.Map;

/** Realistic failures for the analysis tests: one cause each, with the values that vary. */
final class Failures {

  private Failures() {}

  static Failure redis(String host, int port, String test) {
    String message =
        "redis.exceptions.ConnectionError: Error 111 connecting to "
            + host
            + ":"
            + port
            + ". Connection refused.";
    return new Failure(
        "redis.exceptions.ConnectionError",
        message,
        """
        Traceback (most recent call last):
          File "/app/.venv/lib/python3.12/site-packages/redis/connection.py", line 357, in connect
            sock = self.retry.call_with_retry(
          File "/usr/lib/python3.12/socket.py", line 850, in create_connection
            raise exceptions[0]
        ConnectionRefusedError: [Errno 111] Connection refused

        During handling of the above exception, another exception occurred:

        Traceback (most recent call last):
          File "/app/tests/test_cache.py", line 12, in %s
            cache.get("k")
        %s
        """
            .formatted(test, message));
  }

  static Failure assertion(String testClass, String method, int expected, int actual) {
    String message = "expected: <" + expected + "> but was: <" + actual + ">";
    return new Failure(
        "org.opentest4j.AssertionFailedError",
        message,
        """
        org.opentest4j.AssertionFailedError: %s
        \tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
        \tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)
        \tat com.shop.%s.%s(%s.java:%d)
        \tat java.base/java.lang.reflect.Method.invoke(Method.java:580)
        """
            .formatted(message, testClass, method, testClass, 20 + expected));
  }

  static Failure missingSetting(String name) {
    return new Failure(
        "KeyError",
        "KeyError: '" + name + "'",
        """
        Traceback (most recent call last):
          File "/app/tests/conftest.py", line 9, in app
            settings = load()
          File "/app/shop/settings.py", line 31, in load
            url = os.environ["%s"]
          File "/usr/lib/python3.12/os.py", line 714, in __getitem__
            raise KeyError(key) from None
        KeyError: '%s'
        """
            .formatted(name, name));
  }

  static Failure missingModule(String module) {
    return new Failure(
        "ModuleNotFoundError",
        "ModuleNotFoundError: No module named '" + module + "'",
        """
        Traceback (most recent call last):
          File "/app/tests/conftest.py", line 3, in <module>
            import %s
        ModuleNotFoundError: No module named '%s'
        """
            .formatted(module, module));
  }

  static Failure mochaTimeout(String file) {
    return new Failure(
        "Error",
        "Timeout of 2000ms exceeded. For async tests and hooks, ensure \"done()\" is called;"
            + " if returning a Promise, ensure it resolves. ("
            + file
            + ")",
        """
        Error: Timeout of 2000ms exceeded.
            at listOnTimeout (node:internal/timers:573:17)
            at process.processTimers (node:internal/timers:514:7)
        """);
  }

  static Diagnosis diagnosis(Category category, double confidence) {
    return new Diagnosis(category, confidence, "", Map.of(), "", "");
  }

  static TestFailure failed(String test, Failure failure, Category category) {
    return new TestFailure(
        new TestId("suite", test), Outcome.FAILED, failure, diagnosis(category, 0.9));
  }
}
