package dev.evident.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import dev.evident.model.Category;
import dev.evident.model.Diagnosis;
import dev.evident.service.Rules;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in rules, as specifications: one realistic failure per category and ecosystem (files in
 * examples/RUNNER/CATEGORY.txt), root-cause cases, entities and remediation.
 */
class RuleClassifierTests {

  private static final RuleClassifier RULES = new RuleClassifier(Rules.builtIn());

  private static final Map<String, String> ECOSYSTEM =
      Map.ofEntries(
          Map.entry("pytest", "python"),
          Map.entry("unittest", "python"),
          Map.entry("maven", "java"),
          Map.entry("gradle", "java"),
          Map.entry("testng", "java"),
          Map.entry("jest", "javascript"),
          Map.entry("vitest", "javascript"),
          Map.entry("mocha", "javascript"),
          Map.entry("playwright", "javascript"),
          Map.entry("go", "go"),
          Map.entry("cargo", "rust"),
          Map.entry("nextest", "rust"));

  private static Diagnosis classify(String runner, String text) {
    return RULES.classify(FailureInput.ofText(runner, text));
  }

  static Stream<Arguments> examples() throws IOException, URISyntaxException {
    Path root = Path.of(RuleClassifierTests.class.getResource("examples").toURI());
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .sorted()
          .map(
              f -> {
                String runner = f.getParent().getFileName().toString();
                String category = f.getFileName().toString().split("[.-]")[0];
                try {
                  return Arguments.of(runner, category, Files.readString(f));
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              })
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("examples")
  void classifiesEachExampleByItsRootCause(String runner, String category, String text) {
    Diagnosis d = classify(runner, text);

    assertThat(d.category().id()).as(d.toString()).isEqualTo(category);
    if (d.category() == Category.OTHER) {
      assertThat(d.confidence()).isLessThanOrEqualTo(0.4);
    } else {
      assertThat(d.confidence()).isGreaterThanOrEqualTo(0.6);
      assertThat(d.rule()).isNotEmpty();
      assertThat(d.remediation()).isNotEmpty().doesNotContainPattern("<[A-Za-z][A-Za-z0-9]*>");
    }
    assertThat(text).contains(d.evidence());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("examples")
  void givesTheSameAnswerWhenTheRunnerIsUnknown(String runner, String category, String text) {
    assertThat(classify("", text).category().id()).isEqualTo(category);
    assertThat(classify("junit", text).category().id()).isEqualTo(category);
  }

  @Test
  void examplesCoverEveryCategoryInEveryEcosystem() throws Exception {
    Map<String, Set<String>> covered = new HashMap<>();
    examples()
        .forEach(
            a ->
                covered
                    .computeIfAbsent(ECOSYSTEM.get((String) a.get()[0]), k -> new TreeSet<>())
                    .add((String) a.get()[1]));
    Set<String> all =
        Arrays.stream(Category.values()).map(Category::id).collect(Collectors.toSet());

    assertThat(covered.keySet())
        .containsExactlyInAnyOrder("python", "java", "javascript", "go", "rust");
    covered.forEach((ecosystem, categories) -> assertThat(categories).as(ecosystem).isEqualTo(all));
  }

  @Test
  void aMissingModuleInsideAnAssertionMessageIsAMissingDependency() {
    Diagnosis d =
        classify(
            "pytest",
            """
            >       assert result.returncode == 0, result.stderr
            E       AssertionError: Traceback (most recent call last):
            E           File "/app/cli.py", line 3, in <module>
            E             import requests
            E         ModuleNotFoundError: No module named 'requests'
            E       assert 1 == 0
            """);

    assertThat(d.category()).isEqualTo(Category.MISSING_DEPENDENCY);
    assertThat(d.entities()).containsEntry("package", "requests");
  }

  @Test
  void theDeepestCausedByDecidesAJavaStackTrace() {
    Diagnosis d =
        classify(
            "maven",
            """
            java.lang.NoClassDefFoundError: org/slf4j/LoggerFactory
            \tat com.acme.shop.Checkout.<clinit>(Checkout.java:12)
            Caused by: java.lang.ClassNotFoundException: org.slf4j.LoggerFactory
            \tat java.base/jdk.internal.loader.BuiltinClassLoader.loadClass(BuiltinClassLoader.java:641)
            """);

    assertThat(d.category()).isEqualTo(Category.MISSING_DEPENDENCY);
    assertThat(d.evidence()).startsWith("Caused by: java.lang.ClassNotFoundException");
    assertThat(d.entities()).containsEntry("class", "org.slf4j.LoggerFactory");
  }

  @Test
  void aNoClassDefFoundErrorWithoutAMissingClassIsAVersionClash() {
    Diagnosis d =
        classify(
            "gradle",
            "java.lang.NoClassDefFoundError: com/google/common/collect/ImmutableMap$Builder\n"
                + "\tat com.acme.Registry.load(Registry.java:40)");

    assertThat(d.category()).isEqualTo(Category.DEPENDENCY_CONFLICT);
  }

  @Test
  void aNoSuchMethodErrorIsAnApiChangeOnlyWhenTheTextSaysTheMemberWasRemoved() {
    String error =
        "java.lang.NoSuchMethodError: 'void com.acme.client.Client.connect(java.util.Map)'\n";

    assertThat(classify("maven", error).category()).isEqualTo(Category.DEPENDENCY_CONFLICT);
    assertThat(classify("maven", error + "connect(Map) was removed in client 3.0").category())
        .isEqualTo(Category.API_BREAKING_CHANGE);
  }

  @Test
  void aRefusedConnectionToAnUnsetHostIsMissingConfigurationNotADownService() {
    assertThat(classify("jest", "Error: getaddrinfo ENOTFOUND undefined").category())
        .isEqualTo(Category.CONFIGURATION_MISSING);
    assertThat(
            classify("pytest", "E   ValueError: Port could not be cast to integer value as 'None'")
                .category())
        .isEqualTo(Category.CONFIGURATION_MISSING);
    assertThat(classify("jest", "Error: getaddrinfo ENOTFOUND db.internal").category())
        .isEqualTo(Category.SERVICE_UNAVAILABLE);
  }

  @Test
  void noDockerEnvironmentBecauseOfTheSocketsPermissionIsPermissionDenied() {
    String noEnvironment =
        "java.lang.IllegalStateException: Could not find a valid Docker environment. Please see"
            + " logs and check configuration\n";
    String socket =
        "ERROR: permission denied while trying to connect to the Docker daemon socket at"
            + " unix:///var/run/docker.sock: Get \"http://%2Fvar%2Frun%2Fdocker.sock/v1.24/info\"\n";

    assertThat(classify("maven", noEnvironment).category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
    Diagnosis d = classify("maven", noEnvironment + socket);
    assertThat(d.category()).isEqualTo(Category.PERMISSION_DENIED);
    assertThat(d.entities()).containsEntry("socket", "unix:///var/run/docker.sock");
  }

  @Test
  void aTimeoutThatFollowsARefusedConnectionIsTheUnavailableService() {
    Diagnosis d =
        classify(
            "pytest",
            """
            ConnectionRefusedError: [Errno 111] Connect call failed ('127.0.0.1', 5432)

            During handling of the above exception, another exception occurred:

            E   TimeoutError: timed out waiting for the database
            """);

    assertThat(d.category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
    assertThat(d.entities()).containsEntry("address", "127.0.0.1:5432");
  }

  @Test
  void aCauseFoundOnlyInTheTestsOutputCountsForLess() {
    FailureInput failure =
        new FailureInput(
            "pytest",
            "AssertionError",
            "assert 0 == 3",
            "",
            "retrying: [Errno 111] Connection refused\n",
            "",
            "");
    Diagnosis d = RULES.classify(failure);

    assertThat(d.category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
    assertThat(d.confidence()).isLessThan(0.8);
  }

  @Test
  void theRunnerNarrowsTheRulesToItsEcosystem() {
    String text = "cart/total.go:14:9: undefined: roundCents";

    assertThat(classify("go", text).category()).isEqualTo(Category.SYNTAX_OR_COMPILE_ERROR);
    assertThat(classify("pytest", text).category()).isEqualTo(Category.OTHER);
  }

  @Test
  void unknownTextIsOtherWithLowConfidenceAndTheRootLineAsEvidence() {
    Diagnosis java =
        classify(
            "maven",
            """
            java.lang.RuntimeException: wrapper
            \tat com.acme.A.run(A.java:3)
            Caused by: java.lang.IllegalStateException: ledger is frozen
            \tat com.acme.Ledger.post(Ledger.java:9)
            """);
    Diagnosis python =
        classify(
            "pytest",
            """
            Traceback (most recent call last):
              File "app.py", line 9, in post
                ledger.post(entry)
            app.errors.LedgerFrozen: ledger 7 is frozen
            """);

    assertThat(java.category()).isEqualTo(Category.OTHER);
    assertThat(java.confidence()).isLessThanOrEqualTo(0.2);
    assertThat(java.evidence())
        .isEqualTo("Caused by: java.lang.IllegalStateException: ledger is frozen");
    assertThat(python.category()).isEqualTo(Category.OTHER);
    assertThat(python.evidence()).isEqualTo("app.errors.LedgerFrozen: ledger 7 is frozen");
    assertThat(classify("", "").category()).isEqualTo(Category.OTHER);
  }

  @Test
  void redisOnAnUnusualPortNamesTheAddressAndTheVariableToSet() {
    Diagnosis d =
        classify(
            "pytest",
            "E   redis.exceptions.ConnectionError: Error 111 connecting to localhost:6381. Connection refused.");

    assertThat(d.entities())
        .containsEntry("address", "localhost:6381")
        .containsEntry("host", "localhost")
        .containsEntry("port", "6381")
        .containsEntry("service", "redis");
    assertThat(d.remediation()).contains("localhost:6381").contains("set REDIS_URL");
  }

  @Test
  void aRefusedConnectionOnAWellKnownPortNamesTheServiceAndItsVariable() {
    Diagnosis d = classify("jest", "Error: connect ECONNREFUSED 127.0.0.1:5432");

    assertThat(d.entities())
        .containsEntry("address", "127.0.0.1:5432")
        .containsEntry("service", "postgresql")
        .containsEntry("env", "DATABASE_URL");
    assertThat(d.remediation())
        .isEqualTo("nothing listens on 127.0.0.1:5432: start postgresql there or set DATABASE_URL");
  }

  @Test
  void aRenamedParameterNamesItsReplacement() {
    Diagnosis d =
        classify(
            "pytest", "TypeError: connect() got an unexpected keyword argument 'extra_headers'");

    assertThat(d.category()).isEqualTo(Category.API_BREAKING_CHANGE);
    assertThat(d.entities())
        .containsEntry("parameter", "extra_headers")
        .containsEntry("replacement", "additional_headers")
        .containsEntry("package", "websockets");
    assertThat(d.remediation())
        .isEqualTo(
            "websockets 14 renamed extra_headers to additional_headers: pass"
                + " additional_headers, or pin websockets<14");
  }

  @Test
  void aMissingModuleNamesThePackageThatInstallsIt() {
    Diagnosis d = classify("pytest", "E   ModuleNotFoundError: No module named 'yaml'");

    assertThat(d.entities()).containsEntry("module", "yaml").containsEntry("package", "pyyaml");
    assertThat(d.remediation()).startsWith("pip install pyyaml (the module yaml)");
    assertThat(classify("pytest", "No module named 'requests.adapters'").entities())
        .containsEntry("package", "requests");
  }

  @Test
  void aVersionConflictNamesBothPackagesAndVersions() {
    Diagnosis d =
        classify(
            "pytest",
            "ERROR: pip's dependency resolver does not currently take into account all the"
                + " packages that are installed.\n"
                + "langchain 0.2.1 requires pydantic<3,>=2.7, but you have pydantic 1.10.13 which"
                + " is incompatible.");

    assertThat(d.category()).isEqualTo(Category.DEPENDENCY_CONFLICT);
    assertThat(d.entities())
        .containsEntry("package", "langchain")
        .containsEntry("version", "0.2.1")
        .containsEntry("requirement", "pydantic<3,>=2.7")
        .containsEntry("other", "pydantic")
        .containsEntry("installed", "1.10.13");
  }

  @Test
  void aPeerConflictNamesThePackageTheRangeAndWhoNeedsIt() {
    Diagnosis d =
        classify("npm-script", "npm ERR! peer react@\"^17.0.0\" from react-beautiful-dnd@13.1.1");

    assertThat(d.entities())
        .containsEntry("package", "react")
        .containsEntry("required", "^17.0.0")
        .containsEntry("dependent", "react-beautiful-dnd@13.1.1");
  }

  @Test
  void missingConfigurationNamesTheVariableOrFile() {
    assertThat(classify("", "RuntimeError: E2E_OAUTH_SIMULATION_KEY not set").entities())
        .containsEntry("env", "E2E_OAUTH_SIMULATION_KEY");
    Diagnosis file =
        classify("pytest", "FileNotFoundError: [Errno 2] No such file or directory: '.env'");
    assertThat(file.category()).isEqualTo(Category.CONFIGURATION_MISSING);
    assertThat(file.entities()).containsEntry("file", ".env");
  }

  @Test
  void aMissingCommandIsAMissingDependencyNotAMissingFile() {
    for (String text :
        List.of(
            "sh: 1: codex: not found",
            "FileNotFoundError: [Errno 2] No such file or directory: 'codex'",
            "exec: \"codex\": executable file not found in $PATH",
            "Error: spawn codex ENOENT")) {
      Diagnosis d = classify("", text);
      assertThat(d.category()).as(text).isEqualTo(Category.MISSING_DEPENDENCY);
      assertThat(d.entities()).as(text).containsEntry("command", "codex");
    }
  }

  @Test
  void aClassFileVersionNamesTheJavaReleasesInvolved() {
    Diagnosis d =
        classify(
            "maven",
            "java.lang.UnsupportedClassVersionError: com/acme/App has been compiled by a more"
                + " recent version of the Java Runtime (class file version 65.0), this version of"
                + " the Java Runtime only recognizes class file versions up to 61.0");

    assertThat(d.entities()).containsEntry("java", "21").containsEntry("runtime", "17");
    assertThat(d.remediation()).contains("need Java 21 but run on 17");
  }

  @Test
  void findsTheCauseAtTheEndOfAHugeLogAndCutsLongLines() {
    String noise = "INFO building module 42 of 900\n".repeat(200_000);
    String line = "x".repeat(30_000) + " Connection refused " + "y".repeat(1_000_000);

    Diagnosis atTheEnd = classify("", noise + "E   ModuleNotFoundError: No module named 'jwt'\n");
    Diagnosis inALongLine = classify("", line);

    assertThat(atTheEnd.entities()).containsEntry("package", "pyjwt");
    assertThat(inALongLine.category()).isEqualTo(Category.SERVICE_UNAVAILABLE);
    assertThat(inALongLine.evidence().length()).isLessThan(400);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failuresThatNeverPassed")
  void aFailureIsFlakyOnlyWhenTheSameTestLaterPassed(String what, String runner, String text) {
    assertThat(classify(runner, text).category())
        .as(what)
        .isNotEqualTo(Category.FLAKY_NONDETERMINISM);
  }

  static Stream<Arguments> failuresThatNeverPassed() {
    return Stream.of(
        Arguments.of(
            "gradle: another test passed",
            "gradle",
            """
            CartTest > totals() FAILED
                org.opentest4j.AssertionFailedError: expected: <3> but was: <4>
            CartTest > discounts() PASSED
            BUILD FAILED in 3s
            """),
        Arguments.of(
            "jest: the file failed and nothing ran again",
            "jest",
            " FAIL  src/cart.test.js\n  ● cart › totals\n\n    expect(received).toBe(expected)\n"
                + "\nTests:       1 failed, 4 passed, 5 total\n"),
        Arguments.of(
            "jest: a retry that failed again",
            "jest",
            "  ● cart › totals\n\n    RETRY 1\n\n    expect(received).toBe(expected)\n"
                + "\nTests:       1 failed, 4 passed, 5 total\n"),
        Arguments.of(
            "pytest: reruns that still failed",
            "pytest",
            "tests/test_cart.py::test_total RERUN\ntests/test_cart.py::test_total FAILED\n"
                + "E   assert 3 == 4\n=== 1 failed, 3 passed, 2 rerun in 0.4s ===\n"),
        Arguments.of(
            "go: the same test failed twice",
            "go",
            "--- FAIL: TestTotal (0.00s)\n    cart_test.go:9: got 3, want 4\n"
                + "--- FAIL: TestTotal (0.00s)\n    cart_test.go:9: got 3, want 4\n"),
        Arguments.of(
            "vitest: a test that failed after its retries",
            "vitest",
            "   × cart > totals 12ms (retry x2)\n     → expected 3 to be 4\n"));
  }

  @Test
  void theRerunEvidenceNamesTheSameTestEvenWithCharactersThatMeanSomethingInPatterns() {
    String failedThenPassed =
        """
        PriceTest > rounds(BigDecimal) > [1] 1.005 FAILED
            org.opentest4j.AssertionFailedError: expected: <1.01> but was: <1.00>
        PriceTest > rounds(BigDecimal) > [1] 1.005 PASSED
        """;
    String anotherCasePassed = failedThenPassed.replace("[1] 1.005 PASSED", "[2] 2.5 PASSED");

    Diagnosis d = classify("gradle", failedThenPassed);
    assertThat(d.category()).isEqualTo(Category.FLAKY_NONDETERMINISM);
    assertThat(d.entities()).containsEntry("test", "PriceTest > rounds(BigDecimal) > [1] 1.005");
    assertThat(classify("gradle", anotherCasePassed).category())
        .isEqualTo(Category.ASSERTION_FAILURE);
  }

  @Test
  void aNameInCodeAndAnAdviceToSetAVariableAreNotMissingConfiguration() {
    assertThat(classify("pytest", "E   NameError: name 'MAX_RETRIES' is not defined").category())
        .isEqualTo(Category.SYNTAX_OR_COMPILE_ERROR);
    assertThat(classify("jest", "ReferenceError: config is not defined").category())
        .isEqualTo(Category.SYNTAX_OR_COMPILE_ERROR);
    Diagnosis openssl =
        classify(
            "cargo",
            """
            Could not find directory of OpenSSL installation, and this `-sys` crate cannot
            proceed without this knowledge. If OpenSSL is installed and this crate had
            trouble finding it, you can set the `OPENSSL_DIR` environment variable for the
            compilation process.
            """);
    assertThat(openssl.category()).isEqualTo(Category.MISSING_DEPENDENCY);
  }

  @Test
  void missingConfigurationNamesTheSettingTheRegionOrThePackageToTransform() {
    assertThat(
            classify("mocha", "Error: Configuration property \"db.pool.max\" is not defined")
                .entities())
        .containsEntry("setting", "db.pool.max");
    assertThat(classify("go", "    main_test.go:9: SENTRY_DSN must have a value").entities())
        .containsEntry("env", "SENTRY_DSN");
    assertThat(classify("jest", "ConfigError: Missing region in config").entities())
        .containsEntry("env", "AWS_REGION");
    assertThat(
            classify("maven", "Caused by: java.net.UnknownHostException: ${env.QUEUE_HOST}")
                .entities())
        .containsEntry("host", "${env.QUEUE_HOST}");
    Diagnosis esm =
        classify(
            "jest",
            "    Jest encountered an unexpected token\n\n    Details:\n\n"
                + "    /app/node_modules/@acme/icons/index.js:1\n"
                + "    SyntaxError: Cannot use import statement outside a module\n");
    assertThat(esm.category()).isEqualTo(Category.CONFIGURATION_MISSING);
    assertThat(esm.entities()).containsEntry("package", "@acme/icons");
    assertThat(esm.remediation()).contains("node_modules/(?!@acme/icons)");
  }

  @Test
  void aCallThatBrokeIsAnApiChangeFromTheProjectsCodeAndAConflictBetweenLibraries() {
    String fromProject =
        """
        java.lang.NoSuchMethodError: 'void com.squareup.okhttp.Client.connect(int)'
        \tat com.acme.sync.Uploader.open(Uploader.java:20)
        \tat com.acme.sync.UploaderTest.opens(UploaderTest.java:11)
        """;
    String fromLibrary =
        fromProject.replace("com.acme.sync.Uploader.open(Uploader", "io.retro.Call.run(Call");
    assertThat(classify("maven", fromProject).category()).isEqualTo(Category.API_BREAKING_CHANGE);
    assertThat(classify("maven", fromLibrary).category()).isEqualTo(Category.DEPENDENCY_CONFLICT);

    String esm =
        "Error [ERR_REQUIRE_ESM]: require() of ES Module /app/node_modules/chalk/source/index.js"
            + " from %s not supported.";
    assertThat(classify("mocha", esm.formatted("/app/test/log.spec.js")).category())
        .isEqualTo(Category.API_BREAKING_CHANGE);
    Diagnosis between = classify("mocha", esm.formatted("/app/node_modules/old-logger/index.js"));
    assertThat(between.category()).isEqualTo(Category.DEPENDENCY_CONFLICT);
    assertThat(between.entities())
        .containsEntry("package", "chalk")
        .containsEntry("dependent", "old-logger");

    String importError =
        "%s\n    from markdown_it import escapeHtml\n"
            + "E   ImportError: cannot import name 'escapeHtml' from 'markdown_it'"
            + " (/app/.venv/lib/python3.12/site-packages/markdown_it/__init__.py)\n";
    assertThat(classify("pytest", importError.formatted("app/render.py:3: in <module>")).category())
        .isEqualTo(Category.API_BREAKING_CHANGE);
    assertThat(
            classify(
                    "pytest",
                    importError.formatted(
                        ".venv/lib/python3.12/site-packages/mdformat/render.py:3: in <module>"))
                .category())
        .isEqualTo(Category.DEPENDENCY_CONFLICT);
  }

  @Test
  void aVersionConflictReportedByTheBuildNamesTheArtifactAndBothVersions() {
    Diagnosis d =
        classify(
            "gradle",
            """
            > Could not resolve all dependencies for configuration ':app:testRuntimeClasspath'.
               > Conflict(s) found for the following module(s):
                   - com.squareup.okio:okio between versions 3.9.0 and 2.10.0
            """);

    assertThat(d.category()).isEqualTo(Category.DEPENDENCY_CONFLICT);
    assertThat(d.entities())
        .containsEntry("artifact", "com.squareup.okio:okio")
        .containsEntry("version", "3.9.0")
        .containsEntry("other", "2.10.0");
  }

  @Test
  void aPanicOutsideTheTestsOwnFilesWithoutACheckStaysToInvestigate() {
    Diagnosis d =
        classify(
            "cargo",
            "thread 'tests::totals' panicked at src/cart.rs:40:9:\nbasket must not be empty\n");

    assertThat(d.category()).isEqualTo(Category.OTHER);
    assertThat(d.confidence()).isLessThanOrEqualTo(0.2);
  }

  @Test
  void everyBuiltInRuleHasALiteralToRejectTextsQuickly() {
    for (Rule rule : Rules.builtIn()) {
      boolean derived = rule.patterns().stream().allMatch(p -> Literals.derive(p).isPresent());
      assertThat(!rule.literals().isEmpty() || derived).as(rule.id()).isTrue();
    }
  }
}
