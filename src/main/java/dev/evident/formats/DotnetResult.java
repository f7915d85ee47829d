package dev.evident.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What NUnit and xUnit.net XML say alike about a result while it is read (xUnit.net took these
 * elements from NUnit): {@code <failure>} with {@code <message>} and {@code <stack-trace>}, {@code
 * <reason>} with its {@code <message>}, and named properties (NUnit) or traits (xUnit.net), a
 * category among them. Not thread safe.
 */
abstract class DotnetResult {

  final Map<String, String> properties = new LinkedHashMap<>();
  final List<String> tags = new ArrayList<>();
  BoundedText message;
  BoundedText stackTrace;
  BoundedText reason;

  /**
   * The buffer for a {@code <message>} or {@code <stack-trace>} element inside {@code parent}, made
   * when first needed; null when the element holds nothing kept there.
   */
  final BoundedText textFor(String name, String parent) {
    if (name.equals("message") && "reason".equals(parent)) {
      return reason = XmlParse.details(reason);
    }
    if (!"failure".equals(parent)) {
      return null;
    }
    return switch (name) {
      case "message" -> message = XmlParse.details(message);
      case "stack-trace" -> stackTrace = XmlParse.details(stackTrace);
      default -> null;
    };
  }

  /** Keeps a property; a repeated name keeps every value, and a {@code category} is a tag too. */
  final void property(String name, String value, boolean category) {
    if (name == null || value == null) {
      return;
    }
    if (category) {
      tags.add(value);
    }
    properties.merge(name, value, (a, b) -> a + ", " + b);
  }
}
