package dev.evident.server;

import dev.evident.model.EvidentException;
import java.util.Map;

/**
 * A JSON-RPC error of the A2A endpoint: the standard codes of JSON-RPC 2.0 and the A2A-specific
 * ones (-32001 to -32009), answered with HTTP 200 as JSON-RPC over HTTP does.
 */
final class A2aError extends EvidentException {

  static final int PARSE_ERROR = -32700;
  static final int INVALID_REQUEST = -32600;
  static final int METHOD_NOT_FOUND = -32601;
  static final int INVALID_PARAMS = -32602;
  static final int INTERNAL_ERROR = -32603;
  static final int TASK_NOT_FOUND = -32001;
  static final int TASK_NOT_CANCELABLE = -32002;
  static final int PUSH_NOTIFICATION_NOT_SUPPORTED = -32003;
  static final int UNSUPPORTED_OPERATION = -32004;
  static final int CONTENT_TYPE_NOT_SUPPORTED = -32005;
  static final int EXTENDED_CARD_NOT_CONFIGURED = -32007;
  static final int VERSION_NOT_SUPPORTED = -32009;

  private final int code;
  private final Map<String, Object> data;

  A2aError(int code, String message, Map<String, Object> data) {
    super(message);
    this.code = code;
    this.data = data == null ? Map.of() : Map.copyOf(data);
  }

  A2aError(int code, String message) {
    this(code, message, null);
  }

  int code() {
    return code;
  }

  Map<String, Object> data() {
    return data;
  }

  static A2aError invalidParams(String message) {
    return new A2aError(INVALID_PARAMS, message);
  }

  static A2aError taskNotFound(String id) {
    return new A2aError(
        TASK_NOT_FOUND,
        "task not found: " + id + " (ListTasks or GET /api/v1/tasks shows the tasks you may see)",
        Map.of("taskId", id));
  }
}
