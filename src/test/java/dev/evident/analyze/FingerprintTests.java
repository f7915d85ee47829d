package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Failure;
import org.junit.jupiter.api.Test;

class FingerprintTests {

  private static final String JAVA_TRACE =
      """
      redis.clients.jedis.exceptions.JedisConnectionException: Failed to connect to localhost:%d
      \tat redis.clients.jedis.Connection.connect(Connection.java:%d)
      \tat com.shop.CacheTest.%s(CacheTest.java:41)
      \tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
      \tat org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:728)
      Caused by: java.net.ConnectException: Connection refused
      \tat java.base/sun.nio.ch.Net.connect0(Native Method)
      \tat java.base/sun.nio.ch.Net.connect(Net.java:589)
      \tat java.base/sun.nio.ch.Net.connect(Net.java:578)
      \tat java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:583)
      \tat java.base/java.net.SocksSocketImpl.connect(SocksSocketImpl.java:327)
      \tat java.base/java.net.Socket.connect(Socket.java:751)
      \tat redis.clients.jedis.DefaultJedisSocketFactory.connectToFirstSuccessfulHost(DefaultJedisSocketFactory.java:%d)
      \t... 12 more
      """;

  private static Failure jedis(int port, int line, String test) {
    return new Failure(
        "redis.clients.jedis.exceptions.JedisConnectionException",
        "Failed to connect to localhost:" + port,
        JAVA_TRACE.formatted(port, line, test, line));
  }

  @Test
  void takesTypeFirstLineAndTheTopFramesOfTheDeepestJavaCause() {
    Fingerprint f = Fingerprint.of(jedis(6381, 77, "reads"));

    assertThat(f.text())
        .isEqualTo(
            """
            redis.clients.jedis.exceptions.JedisConnectionException
            Failed to connect to localhost:<num>
            java.net.ConnectException: Connection refused
            sun.nio.ch.Net.connect0
            sun.nio.ch.Net.connect
            sun.nio.ch.NioSocketImpl.connect
            java.net.SocksSocketImpl.connect
            java.net.Socket.connect""");
    assertThat(f.id()).hasSize(16).matches("[0-9a-f]{16}");
    assertThat(f.type()).isEqualTo("redis.clients.jedis.exceptions.JedisConnectionException");
    assertThat(f.shortId()).isEqualTo(f.id().substring(0, 8));
  }

  @Test
  void isTheSameForOneCauseWithOtherPortsLineNumbersAndTests() {
    assertThat(Fingerprint.of(jedis(6381, 77, "reads")))
        .isEqualTo(Fingerprint.of(jedis(32768, 80, "writes")));
  }

  @Test
  void differsWhenTheDeepestCauseDiffers() {
    Failure refused = jedis(6381, 77, "reads");
    Failure unknownHost =
        new Failure(
            refused.type(),
            refused.message(),
            refused
                .details()
                .replace(
                    "java.net.ConnectException: Connection refused",
                    "java.net.UnknownHostException: redis"));

    assertThat(Fingerprint.of(unknownHost).id()).isNotEqualTo(Fingerprint.of(refused).id());
  }

  @Test
  void skipsTestFrameworkFramesSoThatTheTestMethodCounts() {
    Failure failure =
        new Failure(
            "org.opentest4j.AssertionFailedError",
            "expected: <3> but was: <4>",
            """
            org.opentest4j.AssertionFailedError: expected: <3> but was: <4>
            \tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
            \tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)
            \tat com.shop.CartTest.totals(CartTest.java:25)
            \tat java.base/java.lang.reflect.Method.invoke(Method.java:580)
            """);

    assertThat(Fingerprint.of(failure).text())
        .isEqualTo(
            """
            org.opentest4j.AssertionFailedError
            expected: <<num>> but was: <<num>>
            \ncom.shop.CartTest.totals""");
  }

  @Test
  void readsThePythonTracebackThatCameFirstAsTheDeepestCause() {
    Failure failure =
        new Failure(
            "redis.exceptions.ConnectionError",
            "redis.exceptions.ConnectionError: Error 111 connecting to localhost:6381. Connection refused.",
            """
            Traceback (most recent call last):
              File "/home/ci/app/.venv/lib/python3.12/site-packages/redis/connection.py", line 357, in connect
                sock = self.retry.call_with_retry(
              File "/usr/lib/python3.12/socket.py", line 850, in create_connection
                raise exceptions[0]
            ConnectionRefusedError: [Errno 111] Connection refused

            During handling of the above exception, another exception occurred:

            Traceback (most recent call last):
              File "/home/ci/app/tests/test_cache.py", line 12, in test_reads
                cache.get("k")
            redis.exceptions.ConnectionError: Error 111 connecting to localhost:6381. Connection refused.
            """);

    assertThat(Fingerprint.of(failure).text())
        .isEqualTo(
            """
            redis.exceptions.ConnectionError
            Error <num> connecting to localhost:<num>. Connection refused.
            ConnectionRefusedError: [Errno <num>] Connection refused
            socket.py:create_connection
            connection.py:connect""");
  }

  @Test
  void readsPytestLocationsAndTheFirstErrorLine() {
    Failure failure =
        new Failure(
            "AssertionError",
            "assert 4 == 3",
            """
            def test_total():
            >       assert add(2, 2) == 3
            E       assert 4 == 3
            E        +  where 4 = add(2, 2)

            tests/test_cart.py:12: AssertionError
            """);

    assertThat(Fingerprint.of(failure).text())
        .isEqualTo("AssertionError\nassert <num> == <num>\n\ntest_cart.py");
  }

  @Test
  void readsJavaScriptFramesWithoutPathsAndSkipsNodeInternals() {
    Failure failure =
        new Failure(
            "Error",
            "connect ECONNREFUSED 127.0.0.1:5432",
            """
            Error: connect ECONNREFUSED 127.0.0.1:5432
                at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)
                at Client._connect (/home/ci/app/node_modules/pg/lib/client.js:132:11)
                at async Object.<anonymous> (/home/ci/app/test/db.test.js:8:5)
                at process.processTicksAndRejections (node:internal/process/task_queues:95:5)
            """);

    assertThat(Fingerprint.of(failure).text())
        .isEqualTo(
            """
            Error
            connect ECONNREFUSED <ip>:<num>

            TCPConnectWrap.afterConnect [as oncomplete]
            Client._connect client.js
            Object.<anonymous> db.test.js""");
  }

  @Test
  void readsGoTestLinesAndRustPanics() {
    Failure go =
        new Failure(
            "",
            "Failed",
            "=== RUN   TestCache\n    cache_test.go:21: dial tcp 127.0.0.1:6379: connect: connection refused\n--- FAIL: TestCache (0.00s)\n");
    Failure rust =
        new Failure(
            "",
            "",
            "thread 'tests::adds' panicked at src/lib.rs:12:5:\nassertion `left == right` failed\n  left: 4\n right: 3\n");

    assertThat(Fingerprint.of(go).text())
        .isEqualTo("\nFailed\ndial tcp <ip>:<num>: connect: connection refused\ncache_test.go");
    assertThat(Fingerprint.of(rust).text())
        .isEqualTo(
            "\nthread 'tests::adds' panicked at src/lib.rs:\nassertion `left == right` failed\nlib.rs");
  }

  @Test
  void readsTheSameFailureAlikeWhetherTheTypeIsInTheMessageOrNot() {
    Failure typed = new Failure("KeyError", "'DATABASE_URL'", "");
    Failure inMessage = new Failure("KeyError", "KeyError: 'DATABASE_URL'", "");

    assertThat(Fingerprint.of(typed)).isEqualTo(Fingerprint.of(inMessage));
  }
}
