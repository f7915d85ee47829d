package dev.evident.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The A2A protocol versions the endpoint speaks, chosen per request by the {@code A2A-Version}
 * header (absent: 0.3). They differ in method names and JSON shapes: 0.3 tags objects with {@code
 * kind} and writes states as {@code completed}; 1.0 wraps results by member name ({@code task},
 * {@code statusUpdate}) and writes states as {@code TASK_STATE_COMPLETED}.
 */
enum A2aVersion {
  V0_3("0.3"),
  V1_0("1.0");

  static final List<String> SUPPORTED = List.of("0.3", "1.0");

  private static final Set<String> PUSH_0_3 =
      Set.of(
          "tasks/pushNotificationConfig/set",
          "tasks/pushNotificationConfig/get",
          "tasks/pushNotificationConfig/list",
          "tasks/pushNotificationConfig/delete");
  private static final Set<String> PUSH_1_0 =
      Set.of(
          "SetTaskPushNotificationConfig",
          "CreateTaskPushNotificationConfig",
          "GetTaskPushNotificationConfig",
          "ListTaskPushNotificationConfig",
          "ListTaskPushNotificationConfigs",
          "DeleteTaskPushNotificationConfig");

  /** What a method name asks, whatever the version calls it. */
  enum Op {
    SEND,
    STREAM,
    GET,
    LIST,
    CANCEL,
    SUBSCRIBE,
    PUSH_CONFIG,
    EXTENDED_CARD
  }

  private static final Map<String, Op> OPS_0_3 =
      Map.of(
          "message/send", Op.SEND,
          "message/stream", Op.STREAM,
          "tasks/get", Op.GET,
          "tasks/cancel", Op.CANCEL,
          "tasks/resubscribe", Op.SUBSCRIBE,
          "agent/getAuthenticatedExtendedCard", Op.EXTENDED_CARD);
  private static final Map<String, Op> OPS_1_0 =
      Map.of(
          "SendMessage", Op.SEND,
          "SendStreamingMessage", Op.STREAM,
          "GetTask", Op.GET,
          "ListTasks", Op.LIST,
          "CancelTask", Op.CANCEL,
          "SubscribeToTask", Op.SUBSCRIBE,
          "GetExtendedAgentCard", Op.EXTENDED_CARD);

  private final String id;

  A2aVersion(String id) {
    this.id = id;
  }

  String id() {
    return id;
  }

  /** The version an {@code A2A-Version} header asks for; null or blank means 0.3. */
  static A2aVersion of(String header) {
    if (header == null || header.isBlank()) {
      return V0_3;
    }
    String v = header.strip();
    // Major.Minor decides; a patch number is ignored (3.6 of the specification).
    String[] parts = v.split("\\.");
    String majorMinor = parts.length >= 2 ? parts[0] + "." + parts[1] : parts[0] + ".0";
    for (A2aVersion version : values()) {
      if (version.id.equals(majorMinor)) {
        return version;
      }
    }
    throw new A2aError(
        A2aError.VERSION_NOT_SUPPORTED,
        "A2A-Version " + v + " is not supported: this agent speaks 0.3 and 1.0",
        Map.of("requestedVersion", v, "supportedVersions", SUPPORTED));
  }

  /** The operation a method of this version names; method not found otherwise. */
  Op op(String method) {
    Op op = (this == V0_3 ? OPS_0_3 : OPS_1_0).get(method);
    if (op != null) {
      return op;
    }
    if ((this == V0_3 ? PUSH_0_3 : PUSH_1_0).contains(method)) {
      return Op.PUSH_CONFIG;
    }
    A2aVersion other = this == V0_3 ? V1_0 : V0_3;
    boolean elsewhere =
        (other == V0_3 ? OPS_0_3 : OPS_1_0).containsKey(method)
            || (other == V0_3 ? PUSH_0_3 : PUSH_1_0).contains(method);
    String hint =
        elsewhere
            ? " in A2A "
                + id
                + "; it is a "
                + other.id
                + " method: send the header A2A-Version: "
                + other.id
            : " (A2A " + id + " methods: " + String.join(", ", methods()) + ")";
    throw new A2aError(
        A2aError.METHOD_NOT_FOUND, "method not found: " + method + hint, Map.of("method", method));
  }

  List<String> methods() {
    return (this == V0_3 ? OPS_0_3 : OPS_1_0).keySet().stream().sorted().toList();
  }

  /** A task state as this version writes it. */
  String state(A2aState state) {
    return this == V0_3
        ? state.name().toLowerCase(Locale.ROOT).replace('_', '-')
        : "TASK_STATE_" + state.name();
  }

  String agentRole() {
    return this == V0_3 ? "agent" : "ROLE_AGENT";
  }
}
