package io.activationsuite.destination.slack;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.activationsuite.protocol.errors.ConfigErrorException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The Mustache templates of one stream (jmustache): mrkdwn text, Block Kit JSON, digest header and footer.
 * Values are escaped for Slack ({@code & < >}) and, in Block Kit templates, also for JSON strings;
 * {@code {{{triple}}}} inserts a value as is. {@code {{#mention}}{{email_field}}{{/mention}}} becomes the
 * user's {@code <@U...>} mention (or the plain email when Slack has no such user). Every column of a row is a
 * variable; JSON objects and arrays can be navigated ({@code {{account.name}}}) and looped over.
 */
final class MessageTemplates {

  /** Looks a user up by email for a mention; empty when Slack has no such user. */
  @FunctionalInterface
  interface Mentions {
    java.util.Optional<String> of(String email) throws InterruptedException;
  }

  /** A template that could not be rendered for a row (the row is rejected with this message). */
  static final class RenderException extends Exception {
    private static final long serialVersionUID = 1L;

    RenderException(String message) {
      super(message);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Mustache.Escaper MRKDWN = raw -> raw.replace("&", "&amp;").replace("<", "&lt;")
      .replace(">", "&gt;");
  private static final Mustache.Escaper JSON_MRKDWN = raw -> new String(
      JsonStringEncoder.getInstance().quoteAsString(MRKDWN.escape(raw)));

  private final Template text;
  private final Template blocks;
  private final Template header;
  private final Template footer;
  private final Set<String> variables = new LinkedHashSet<>();

  MessageTemplates(MessageSettings settings) {
    String stream = settings.sourceStream();
    this.text = compile(settings.textTemplate(), MRKDWN, stream, "text_template");
    this.blocks = compile(settings.blocksTemplate(), JSON_MRKDWN, stream, "blocks_template");
    this.header = compile(settings.digestHeader(), MRKDWN, stream, "digest_header");
    this.footer = compile(settings.digestFooter(), MRKDWN, stream, "digest_footer");
    if (text == null && blocks == null) {
      throw new ConfigErrorException("messages entry for stream '" + stream + "' needs a text_template or a "
          + "blocks_template: they say what each message shows.");
    }
    collect(text);
    collect(blocks);
    try {
      header(1, "C0");
      footer(1, "C0");
    } catch (RenderException | InterruptedException e) {
      throw new ConfigErrorException("messages entry for stream '" + stream + "': the digest_header and "
          + "digest_footer may only use {{count}} and {{channel}} (" + e.getMessage() + ").");
    }
  }

  boolean hasBlocks() {
    return blocks != null;
  }

  /** The mrkdwn text of one row, or null without a text template. */
  String text(JsonNode row, Mentions mentions) throws RenderException, InterruptedException {
    return text == null ? null : render(text, context(row, mentions), "text_template");
  }

  /** The Block Kit blocks of one row (a JSON array), or null without a blocks template. */
  JsonNode blocks(JsonNode row, Mentions mentions) throws RenderException, InterruptedException {
    if (blocks == null) {
      return null;
    }
    String rendered = render(blocks, context(row, mentions), "blocks_template");
    try {
      JsonNode parsed = JSON.readTree(rendered);
      if (parsed == null || !parsed.isArray()) {
        throw new RenderException("The blocks_template must render a JSON array of blocks, got: " + snippet(rendered));
      }
      return parsed;
    } catch (IOException e) {
      throw new RenderException("The blocks_template rendered text that is not JSON (" + e.getClass().getSimpleName()
          + "): " + snippet(rendered));
    }
  }

  /** A digest's header line. */
  String header(int count, String channel) throws RenderException, InterruptedException {
    return render(header, Map.of("count", count, "channel", channel), "digest_header");
  }

  /** A digest's footer line, or null. */
  String footer(int count, String channel) throws RenderException, InterruptedException {
    return footer == null ? null : render(footer, Map.of("count", count, "channel", channel), "digest_footer");
  }

  private Map<String, Object> context(JsonNode row, Mentions mentions) {
    Map<String, Object> context = new HashMap<>();
    for (String name : variables) {
      context.put(name, null);
    }
    Iterator<Map.Entry<String, JsonNode>> fields = row.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      context.put(field.getKey(), value.isContainerNode() ? JSON.convertValue(value, Object.class)
          : value.isBoolean() || "true".equals(value.asText()) || "false".equals(value.asText())
          ? (Object) Boolean.valueOf(value.asText()) : value.isNull() ? null : value.asText());
    }
    context.put("mention", (Mustache.Lambda) (fragment, out) -> {
      String email = fragment.execute().trim();
      try {
        out.write(email.isEmpty() ? "" : mentions.of(email).orElse(email));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UncheckedIOException(new java.io.InterruptedIOException("interrupted during a user lookup"));
      }
    });
    return context;
  }

  private static String render(Template template, Object context, String which)
      throws RenderException, InterruptedException {
    try {
      return template.execute(context);
    } catch (MustacheException e) {
      throw new RenderException("The " + which + " could not be rendered for this row: " + e.getMessage());
    } catch (UncheckedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("interrupted while rendering");
      }
      throw e;
    }
  }

  private void collect(Template template) {
    if (template == null) {
      return;
    }
    template.visit(new Mustache.Visitor() {
      @Override
      public void visitText(String text) {
      }

      @Override
      public void visitVariable(String name) {
        add(name);
      }

      @Override
      public boolean visitInclude(String name) {
        return false;
      }

      @Override
      public boolean visitSection(String name) {
        add(name);
        return true;
      }

      @Override
      public boolean visitInvertedSection(String name) {
        add(name);
        return true;
      }
    });
  }

  private void add(String name) {
    String top = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    if (!top.equals("mention") && !top.equals("this") && !top.startsWith("-") && !top.isEmpty()) {
      variables.add(top);
    }
  }

  private static Template compile(String source, Mustache.Escaper escaper, String stream, String field) {
    if (source == null) {
      return null;
    }
    try {
      return Mustache.compiler().withEscaper(escaper).nullValue("").emptyStringIsFalse(true).compile(source);
    } catch (MustacheException e) {
      throw new ConfigErrorException("messages entry for stream '" + stream + "': the " + field
          + " is not a valid Mustache template (" + e.getMessage() + ").");
    }
  }

  private static String snippet(String text) {
    return text.length() <= 120 ? text : text.substring(0, 120) + "...";
  }
}
