package dev.evident.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** JSON-RPC 2.0 envelopes: a result or an error for a request id (null when it had none). */
final class A2aRpc {

  private A2aRpc() {}

  static Map<String, Object> result(Object id, Object result) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jsonrpc", "2.0");
    m.put("id", id);
    m.put("result", result);
    return m;
  }

  static Map<String, Object> error(Object id, A2aError e) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("code", e.code());
    error.put("message", e.getMessage());
    if (!e.data().isEmpty()) {
      error.put("data", e.data());
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("jsonrpc", "2.0");
    m.put("id", id);
    m.put("error", error);
    return m;
  }
}
