package dev.evident.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The agent card at {@code /.well-known/agent-card.json}: two skills (run a declared suite, verify
 * a status report), streaming, no push notifications, and a bearer token scheme when the server
 * requires tokens. Without an {@code A2A-Version} header it is a 0.3 card that also lists the 1.0
 * {@code supportedInterfaces}; with {@code A2A-Version: 1.0} it is a 1.0 card.
 */
final class A2aCard {

  static final String RUN_SKILL = "run-suite";
  static final String VERIFY_SKILL = "verify-report";

  /** A declared suite as the card lists it. */
  record Suite(String name, String project, String description, List<String> parameters) {}

  private A2aCard() {}

  static Map<String, Object> card(
      A2aVersion v, String endpoint, String version, boolean tokens, List<Suite> suites) {
    Map<String, Object> card = new LinkedHashMap<>();
    card.put("name", "Evident");
    card.put(
        "description",
        "Runs the test and benchmark suites declared on this Evident server and reports honest"
            + " counts (every number with its denominator, failures grouped by cause); verifies"
            + " status reports claim by claim against the stored results.");
    List<Object> interfaces = new ArrayList<>();
    for (String protocol : List.of("1.0", "0.3")) {
      interfaces.add(
          Map.of("url", endpoint, "protocolBinding", "JSONRPC", "protocolVersion", protocol));
    }
    if (v == A2aVersion.V0_3) {
      card.put("url", endpoint);
      card.put("preferredTransport", "JSONRPC");
      card.put("protocolVersion", "0.3.0");
      card.put("additionalInterfaces", List.of(Map.of("url", endpoint, "transport", "JSONRPC")));
    }
    card.put("supportedInterfaces", interfaces);
    card.put(
        "provider", Map.of("organization", "Evident", "url", endpoint.replaceAll("/a2a$", "")));
    card.put("version", version);
    Map<String, Object> capabilities = new LinkedHashMap<>();
    capabilities.put("streaming", true);
    capabilities.put("pushNotifications", false);
    if (v == A2aVersion.V0_3) {
      capabilities.put("stateTransitionHistory", false);
    } else {
      capabilities.put("extendedAgentCard", false);
    }
    card.put("capabilities", capabilities);
    if (tokens) {
      String about = "an Evident API token (evident token create --scope run|read)";
      if (v == A2aVersion.V0_3) {
        card.put(
            "securitySchemes",
            Map.of("bearer", Map.of("type", "http", "scheme", "bearer", "description", about)));
        card.put("security", List.of(Map.of("bearer", List.of())));
      } else {
        card.put(
            "securitySchemes",
            Map.of(
                "bearer",
                Map.of(
                    "httpAuthSecurityScheme", Map.of("scheme", "Bearer", "description", about))));
        card.put(
            "securityRequirements",
            List.of(Map.of("schemes", Map.of("bearer", Map.of("list", List.of())))));
      }
    }
    card.put("defaultInputModes", List.of("application/json", "text/plain", "text/markdown"));
    card.put("defaultOutputModes", List.of("application/json", "text/plain"));
    card.put("skills", List.of(runSkill(suites), verifySkill()));
    if (v == A2aVersion.V0_3) {
      card.put("supportsAuthenticatedExtendedCard", false);
    }
    return card;
  }

  private static Map<String, Object> runSkill(List<Suite> suites) {
    StringBuilder d =
        new StringBuilder(
            "Run a test or benchmark suite declared on this server as a server task, with progress"
                + " (tests done, failed so far) streamed as status updates and the report (JSON"
                + " data part and text summary) as the artifact. A run with failing tests is"
                + " completed; failed means the harness could not run it. Send a data part"
                + " {\"suite\": NAME, \"parameters\": {...}} (or that JSON as text, or the evaluator"
                + " style {\"participants\": {ROLE: ENDPOINT}, \"config\": {\"suite\": NAME,"
                + " ...}}). Add \"models\": [M1, M2, ...] (or config.models) to run it once per"
                + " model as one task group-N whose artifact compares the models (passed of"
                + " executed, tokens, cost, per package).");
    if (suites.isEmpty()) {
      d.append(" No suite is declared on this server.");
    } else {
      d.append(" Declared suites:");
      for (Suite s : suites) {
        d.append(" ").append(s.name()).append(" (project ").append(s.project());
        if (!s.parameters().isEmpty()) {
          d.append("; parameters: ").append(String.join(", ", s.parameters()));
        }
        d.append(")");
        if (s.description() != null && !s.description().isBlank()) {
          d.append(": ").append(s.description().strip());
        }
        d.append(";");
      }
      d.setLength(d.length() - 1);
      d.append('.');
    }
    List<String> examples = new ArrayList<>();
    String first = suites.isEmpty() ? "smoke" : suites.get(0).name();
    examples.add("{\"suite\": \"" + first + "\", \"parameters\": {}}");
    examples.add(
        "{\"participants\": {\"agent\": \"http://127.0.0.1:9009\"}, \"config\": {\"suite\": \""
            + first
            + "\"}}");
    Map<String, Object> skill = new LinkedHashMap<>();
    skill.put("id", RUN_SKILL);
    skill.put("name", "run a test or benchmark suite");
    skill.put("description", d.toString());
    List<String> tags = new ArrayList<>(List.of("tests", "benchmark", "evaluation"));
    suites.forEach(s -> tags.add("suite:" + s.name()));
    skill.put("tags", tags);
    skill.put("examples", examples);
    skill.put("inputModes", List.of("application/json", "text/plain"));
    skill.put("outputModes", List.of("application/json", "text/plain"));
    return skill;
  }

  private static Map<String, Object> verifySkill() {
    Map<String, Object> skill = new LinkedHashMap<>();
    skill.put("id", VERIFY_SKILL);
    skill.put("name", "verify a status report");
    skill.put(
        "description",
        "Checks a Markdown status report claim by claim against the stored runs (the latest, or"
            + " those named) and answers each claim's verdict (SUPPORTED, CONTRADICTED,"
            + " INCONSISTENT, UNVERIFIABLE) with its evidence. Send the report as a text part,"
            + " or a data part {\"report\": MARKDOWN, \"project\": P, \"runs\": [\"12\"]}. Completes at"
            + " once.");
    skill.put("tags", List.of("verification", "status report", "claims"));
    skill.put("examples", List.of("- 18 of 20 tests pass\n- no test was skipped"));
    skill.put("inputModes", List.of("text/plain", "text/markdown", "application/json"));
    skill.put("outputModes", List.of("application/json", "text/plain"));
    return skill;
  }
}
