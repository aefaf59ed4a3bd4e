package io.activationsuite.sink.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A compiled text template: literal text with {@code {{path}}} placeholders, each optionally followed by
 * pure filters ({@code {{ email | lower }}}, {@code {{ nickname | default: "friend" }}}). Substitution
 * only: a template can never run code. Missing or null values render as empty text; a template made only
 * of placeholders that all resolve to nothing renders as null, so the field's null policy applies.
 */
public final class Template {
  private static final String OPEN = "{{";
  private static final String CLOSE = "}}";

  private final List<Part> parts;
  private final boolean hasLiteralText;

  private Template(List<Part> parts) {
    this.parts = List.copyOf(parts);
    this.hasLiteralText = parts.stream().anyMatch(p -> p instanceof Literal l && !l.text().isBlank());
  }

  /** Compiles a template; throws {@link IllegalArgumentException} naming what is wrong. */
  public static Template compile(String template) {
    if (template == null) {
      throw new IllegalArgumentException("a template cannot be empty");
    }
    List<Part> parts = new ArrayList<>();
    int position = 0;
    while (position < template.length()) {
      int open = template.indexOf(OPEN, position);
      if (open < 0) {
        parts.add(new Literal(template.substring(position)));
        break;
      }
      if (open > position) {
        parts.add(new Literal(template.substring(position, open)));
      }
      int close = template.indexOf(CLOSE, open + OPEN.length());
      if (close < 0) {
        throw new IllegalArgumentException("template '" + template + "' has a '{{' without a matching '}}'");
      }
      parts.add(placeholder(template, template.substring(open + OPEN.length(), close)));
      position = close + CLOSE.length();
    }
    if (parts.stream().noneMatch(p -> p instanceof Placeholder)) {
      throw new IllegalArgumentException("template '" + template + "' has no {{placeholder}}: use a constant");
    }
    return new Template(parts);
  }

  /** The source paths of the template's placeholders, in order. */
  public List<SourcePath> paths() {
    return parts.stream().filter(p -> p instanceof Placeholder).map(p -> ((Placeholder) p).path()).toList();
  }

  /** Renders the template against a record; null when it is only placeholders and all are empty. */
  public String render(JsonNode record) {
    StringBuilder out = new StringBuilder();
    boolean anyValue = false;
    for (Part part : parts) {
      if (part instanceof Literal literal) {
        out.append(literal.text());
      } else if (part instanceof Placeholder placeholder) {
        String value = placeholder.render(record);
        if (value != null && !value.isEmpty()) {
          anyValue = true;
          out.append(value);
        }
      }
    }
    return anyValue || hasLiteralText ? out.toString() : null;
  }

  private static Placeholder placeholder(String template, String body) {
    String[] pieces = body.split("\\|", -1);
    SourcePath path;
    try {
      path = SourcePath.compile(pieces[0]);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("template '" + template + "': " + e.getMessage());
    }
    List<Filter> filters = new ArrayList<>();
    for (int i = 1; i < pieces.length; i++) {
      filters.add(filter(template, pieces[i].trim()));
    }
    return new Placeholder(path, filters);
  }

  private static Filter filter(String template, String spec) {
    String name = spec.contains(":") ? spec.substring(0, spec.indexOf(':')).trim() : spec;
    String argument = spec.contains(":") ? spec.substring(spec.indexOf(':') + 1).trim() : null;
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "lower" -> value -> value == null ? null : value.toLowerCase(Locale.ROOT);
      case "upper" -> value -> value == null ? null : value.toUpperCase(Locale.ROOT);
      case "trim" -> value -> value == null ? null : value.strip();
      case "default" -> {
        String fallback = unquote(template, argument);
        yield value -> value == null || value.isEmpty() ? fallback : value;
      }
      default -> throw new IllegalArgumentException("template '" + template + "' uses unknown filter '" + name
          + "' (known: lower, upper, trim, default: \"text\")");
    };
  }

  private static String unquote(String template, String argument) {
    if (argument == null || argument.length() < 2 || argument.charAt(0) != '"'
        || argument.charAt(argument.length() - 1) != '"') {
      throw new IllegalArgumentException("template '" + template + "': the default filter takes a quoted text, "
          + "e.g. default: \"n/a\"");
    }
    return argument.substring(1, argument.length() - 1);
  }

  /** A piece of a compiled template. */
  private sealed interface Part permits Literal, Placeholder {}

  private record Literal(String text) implements Part {}

  private record Placeholder(SourcePath path, List<Filter> filters) implements Part {
    String render(JsonNode record) {
      JsonNode node = path.read(record);
      String value = node == null || node.isNull() ? null
          : node.isValueNode() ? node.asText() : node.toString();
      for (Filter filter : filters) {
        value = filter.apply(value);
      }
      return value;
    }
  }

  /** A pure text function. */
  @FunctionalInterface
  private interface Filter {
    String apply(String value);
  }
}
