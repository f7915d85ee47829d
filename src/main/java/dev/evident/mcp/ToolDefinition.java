package dev.evident.mcp;

import dev.evident.model.EvidentException;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One tool: its name, schemas and what a call does. A call's structured result is checked against
 * the output schema by the SDK; a wrong argument or a failing use case becomes an error result
 * (isError) whose text says what to do, never a protocol error.
 *
 * @param readOnly whether the tool only reads (annotated readOnlyHint)
 * @param call from the arguments to the structured result
 */
record ToolDefinition(
    String name,
    String title,
    String description,
    Map<String, Object> input,
    Map<String, Object> output,
    boolean readOnly,
    Function<Args, Map<String, Object>> call) {

  private static final Logger LOG = Logger.getLogger(ToolDefinition.class.getName());

  ToolDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(call, "call");
  }

  McpSchema.Tool tool() {
    return McpSchema.Tool.builder()
        .name(name)
        .title(title)
        .description(description)
        .inputSchema(input)
        .outputSchema(output)
        .annotations(new McpSchema.ToolAnnotations(title, readOnly, false, readOnly, false, null))
        .build();
  }

  SyncToolSpecification specification() {
    @SuppressWarnings("unchecked")
    Map<String, Object> properties = (Map<String, Object>) input.get("properties");
    return SyncToolSpecification.builder()
        .tool(tool())
        .callHandler(
            (exchange, request) -> {
              try {
                Args args =
                    new Args(
                        name,
                        request.arguments(),
                        properties.keySet(),
                        ToolAccess.of(exchange.transportContext()));
                return McpSchema.CallToolResult.builder()
                    .structuredContent(call.apply(args))
                    .build();
              } catch (EvidentException e) {
                return error(e.getMessage());
              } catch (RuntimeException e) {
                LOG.log(Level.WARNING, name + " failed", e);
                return error(
                    "internal error in "
                        + name
                        + ": "
                        + e
                        + " (the server's stderr has the trace)");
              }
            })
        .build();
  }

  private static McpSchema.CallToolResult error(String message) {
    return McpSchema.CallToolResult.builder().addTextContent(message).isError(true).build();
  }
}
