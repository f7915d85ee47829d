package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizerTests {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          numbers                  | expected 3 but was 42                                   | expected <num> but was <num>
          negative and decimal     | balance -12.50 below 0                                  | balance -<num> below <num>
          ports                    | Error 111 connecting to localhost:6381.                 | Error <num> connecting to localhost:<num>.
          IPv4 address             | connect ECONNREFUSED 127.0.0.1:5432                     | connect ECONNREFUSED <ip>:<num>
          version numbers          | requires Python >=3.10, found 3.9.18                    | requires Python >=<num>, found <num>
          numbered names           | pool-3-thread-7 in user_4821                            | pool-<num>-thread-<num> in user_<num>
          digits inside words stay | python3 utf8 TS2304 log4j2 x86_64                       | python3 utf8 TS2304 log4j2 x86_<num>
          UUID                     | order 3f2a9c1e-4b5d-4a7f-9e0d-1c2b3a4d5e6f missing       | order <uuid> missing
          hex number               | mmap failed at 0x7ffe3a2b10c0                           | mmap failed at <hex>
          Python object id         | <aiohttp.ClientSession object at 0x7f3b2c1d0e10>        | <aiohttp.ClientSession object at <hex>>
          Java identity hash       | com.shop.Cart@1b6d3586 is closed                        | com.shop.Cart@<hex> is closed
          an e-mail stays          | no user bob@example.com                                 | no user bob@example.com
          git hash                 | commit 9fceb02d0ae598e95dc970b74767f19372d61af8 not found | commit <hash> not found
          short hash               | built from a1b2c3d4                                     | built from <hash>
          hex-like word stays      | deadbeef facade accepted                                | deadbeef facade accepted
          generated name           | session tmpa8f3kq2z expired                             | session <id> expired
          ISO timestamp            | at 2026-11-02T10:11:12.123Z the job stopped             | at <timestamp> the job stopped
          timestamp with zone      | 2026-11-02 10:11:12+01:00 start                         | <timestamp> start
          date                     | certificate expired on 2026/11/02                       | certificate expired on <date>
          time of day              | [10:11:12.345] worker died                              | [<time>] worker died
          durations                | Timeout of 2000ms exceeded after 12.3s                  | Timeout of <duration> exceeded after <duration>
          Go durations             | panic: test timed out after 10m0s                       | panic: test timed out after <duration>
          units that are no time   | 3rd retry of 5xx after 30 seconds                       | 3rd retry of 5xx after <num> seconds
          Java frame line          | at com.shop.Cart.total(Cart.java:123)                   | at com.shop.Cart.total(Cart.java)
          JS frame line and column | at Object.<anonymous> (/src/cart.test.js:12:5)          | at Object.<anonymous> (/src/cart.test.js)
          pytest location          | tests/test_cart.py:45: in test_total                    | tests/test_cart.py: in test_total
          Python frame             | File "/app/cart.py", line 45, in total                  | File "/app/cart.py", line <num>, in total
          temp file kept by name   | cannot open /tmp/pytest-of-ci/pytest-3/test_x0/out.csv  | cannot open <tmp>/out.csv
          generated temp name      | wrote /tmp/tmpa8f3kq2z                                  | wrote <tmp>
          macOS temp               | '/var/folders/zz/zyxvpxvq6csfxvn_n0000000000000/T/a1.txt' | '<tmp>'
          Windows temp             | C:\\Users\\ci\\AppData\\Local\\Temp\\junit123\\db.lock locked | <tmp>/db.lock locked
          other paths stay         | No such file /home/u/app/settings.yaml                  | No such file /home/u/app/settings.yaml
          words and types stay     | KeyError: 'DATABASE_URL'                                | KeyError: 'DATABASE_URL'
          long quoted text         | body was "the quick brown fox jumps over the lazy dog near the riverbank at dawn" | body was "<text>"
          short quoted text        | got 'hello world'                                       | got 'hello world'
          apostrophes              | don't retry: it's 3 times                               | don't retry: it's <num> times
          blanks                   | `  two   spaces	and a tab  `                            | two spaces and a tab
          """)
  void replacesWhatVariesAndKeepsWhatTellsCausesApart(String rule, String before, String after) {
    assertThat(Normalizer.normalize(before)).isEqualTo(after);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          one cause, other ids    | Connection to 10.0.0.7:5432 refused (pid 4242)  | Connection to 10.0.0.9:6543 refused (pid 17)
          one cause, other times  | lock held since 2026-11-02T10:11:12Z for 12s    | lock held since 2026-12-24T23:59:01Z for 3s
          one cause, other temps  | no space left writing /tmp/tmpk2j3h4x9/blob     | no space left writing /tmp/tmpq8w7e6r5/blob
          """)
  void makesTheSameCauseWithDifferentValuesEqual(String rule, String one, String other) {
    assertThat(Normalizer.normalize(one)).isEqualTo(Normalizer.normalize(other));
  }

  @org.junit.jupiter.api.Test
  void keepsLinesAndDropsTheirIndentation() {
    assertThat(Normalizer.normalize("java.net.ConnectException: refused\r\n\tat a.B.c(B.java:1)\n"))
        .isEqualTo("java.net.ConnectException: refused\nat a.B.c(B.java)\n");
  }
}
