package dev.evident.formats;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evident.model.Failure;
import dev.evident.model.Location;
import dev.evident.model.Outcome;
import dev.evident.model.RunError;
import dev.evident.model.TestResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RSpec's JSON formatter output ({@code rspec --format json}), streaming: each element of
 * {@code examples} is read on its own and emitted at once. Identity is the spec file and the full
 * description. {@code summary} is checked against the content (the content wins), and errors
 * outside of examples (a spec file that fails to load, a failing {@code before(:suite)}) become
 * setup errors with the text RSpec put in {@code messages}.
 */
final class RspecJsonReader implements ResultReader {

  /** "An error occurred while loading ./spec/a_spec.rb." names the file that failed to load. */
  private static final Pattern LOADING = Pattern.compile("while loading (\\S+?)\\.?(?:\\s|$)");

  /** The exception's class on a line of its own, as RSpec prints it: "NameError:". */
  private static final Pattern CLASS_LINE = Pattern.compile("(?m)^([A-Z]\\w*(?:::[A-Z]\\w*)*):$");

  private static final int MAX_MESSAGES = 100;

  @Override
  public Format format() {
    return Format.RSPEC;
  }

  @Override
  public void read(ResultInput input, ResultSink sink) {
    new Parse(input, sink).read();
  }

  private static final class Parse extends JsonParse {
    final Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    final List<String> messages = new ArrayList<>();
    long messagesLine;
    JsonNode summary;
    long summaryLine;

    Parse(ResultInput input, ResultSink sink) {
      super(input, sink);
    }

    @Override
    void run(JsonParser p) throws IOException {
      startObject(p, "not RSpec JSON: the JSON is not an object with \"examples\" and \"summary\"");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "examples" -> {
            if (value == JsonToken.START_ARRAY) {
              recognized = true;
              objects(p, RspecExample::read, this::emit);
            } else {
              p.skipChildren();
            }
          }
          case "summary" -> {
            summaryLine = JsonInput.line(p);
            summary = JsonInput.tree(p);
            recognized |= summary.has("example_count");
          }
          case "messages" -> {
            messagesLine = JsonInput.line(p);
            messages(p);
          }
          default -> p.skipChildren();
        }
      }
      if (!recognized) {
        throw new UnreadableResultFileException(
            file, "JSON without \"examples\": not RSpec JSON formatter output");
      }
      finish();
    }

    private void messages(JsonParser p) throws IOException {
      if (p.currentToken() != JsonToken.START_ARRAY) {
        p.skipChildren();
        return;
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        BoundedText text = new BoundedText(16 * 1024, 16 * 1024);
        JsonInput.textInto(p, text);
        if (messages.size() < MAX_MESSAGES) {
          messages.add(text.text());
        }
      }
    }

    private void emit(RspecExample e) {
      String name = e.name();
      if (name == null) {
        problems.warn("example without a description", e.line, "example without a description");
        name = "(unnamed)";
      }
      Outcome outcome = e.outcome();
      if (outcome == null) {
        outcome = Outcome.ERRORED;
        problems.warn(
            "unknown status",
            e.line,
            "unknown status '%s' of example '%s'; counted as errored".formatted(e.status, name));
      }
      Duration duration = Values.seconds(e.runTime);
      if (duration == null && e.runTime != null) {
        problems.warn(
            "invalid run_time",
            e.line,
            "invalid run_time \"%s\" on example '%s'; stored as unknown"
                .formatted(e.runTime, name));
      }
      TestResult result = e.result(outcome, name, duration);
      counts.merge(result.outcome(), 1L, Long::sum);
      recovered++;
      sink.test(result);
    }

    private void finish() {
      long outside =
          summary == null
              ? 0
              : Values.count(summary.path("errors_outside_of_examples_count").asText(null));
      if (outside > 0) {
        outsideErrors();
      }
      if (summary == null || !summary.isObject()) {
        return;
      }
      StringBuilder off = new StringBuilder();
      JsonInput.mismatch(off, summary, "example_count", recovered);
      JsonInput.mismatch(
          off, summary, "failure_count", count(Outcome.FAILED) + count(Outcome.ERRORED));
      JsonInput.mismatch(off, summary, "pending_count", count(Outcome.SKIPPED));
      problems.countsDisagree(summaryLine, "summary", off, "examples");
    }

    /** One setup error per "An error occurred ..." message; all messages when none says so. */
    private void outsideErrors() {
      List<String> errors = messages.stream().filter(m -> m.contains("error occurred")).toList();
      if (errors.isEmpty()) {
        String all = String.join("\n", messages).strip();
        errors =
            List.of(
                all.isEmpty()
                    ? "RSpec reports errors outside of examples, and no message about them"
                    : all);
      }
      for (String text : errors) {
        Matcher loading = LOADING.matcher(text);
        Matcher type = CLASS_LINE.matcher(text);
        sink.runError(
            new RunError(
                RunError.Kind.SETUP,
                loading.find() ? loading.group(1) : "",
                new Failure(
                    type.find() ? type.group(1) : "",
                    new Failure("", text, "").firstLine(),
                    text.strip()),
                Location.of(file, messagesLine > 0 ? messagesLine : summaryLine)));
      }
    }

    private long count(Outcome outcome) {
      return counts.getOrDefault(outcome, 0L);
    }

    @Override
    void damaged(JsonProcessingException e) {
      reportDamage(e, inside("example"), recovered + " examples recovered", "rspec");
    }
  }
}
