package io.activationsuite.sandbox.salesforce;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of SOQL the emulator answers on the REST {@code query} resource:
 * {@code SELECT f1, f2 FROM Object WHERE a = 'x' AND b IN ('y', 'z') AND c = true [LIMIT n]}. Text compares
 * case-insensitively, as in Salesforce; anything else is a {@code MALFORMED_QUERY} error.
 *
 * @param fields selected field names as written
 * @param object the FROM object
 * @param conditions AND-ed conditions
 * @param limit the LIMIT, or null
 */
public record SoqlQuery(List<String> fields, String object, List<Condition> conditions, Integer limit) {
  private static final Pattern TOKEN = Pattern.compile(
      "\\s*(?:('(?:[^'\\\\]|\\\\.)*')|([A-Za-z_][A-Za-z0-9_.]*)|(\\d+)|([,()=]))");

  /** One condition: {@code field = value} or {@code field IN (values)}; values are String or Boolean. */
  public record Condition(String field, List<Object> values) {
    /** Whether the record's value equals one of the values (text case-insensitively). */
    public boolean matches(Map<String, Object> record) {
      Object actual = record.get(field);
      for (Object value : values) {
        if (value instanceof String text && actual != null && text.equalsIgnoreCase(actual.toString())) {
          return true;
        }
        if (value instanceof Boolean flag && flag.equals(actual)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Parses {@code soql}; throws a 400 {@code MALFORMED_QUERY} error for anything outside the subset. */
  public static SoqlQuery parse(String soql) {
    List<String> tokens = tokens(soql == null ? "" : soql);
    Cursor in = new Cursor(tokens, soql);
    in.keyword("SELECT");
    List<String> fields = new ArrayList<>();
    do {
      fields.add(in.identifier());
    } while (in.accept(","));
    in.keyword("FROM");
    String object = in.identifier();
    List<Condition> conditions = new ArrayList<>();
    if (in.acceptKeyword("WHERE")) {
      do {
        String field = in.identifier();
        List<Object> values = new ArrayList<>();
        if (in.accept("=")) {
          values.add(in.value());
        } else {
          in.keyword("IN");
          in.expect("(");
          do {
            values.add(in.value());
          } while (in.accept(","));
          in.expect(")");
        }
        conditions.add(new Condition(field, values));
      } while (in.acceptKeyword("AND"));
    }
    Integer limit = null;
    if (in.acceptKeyword("LIMIT")) {
      limit = Integer.parseInt(in.next());
    }
    if (!in.done()) {
      throw in.malformed("unexpected token: '" + in.peek() + "'");
    }
    return new SoqlQuery(List.copyOf(fields), object, List.copyOf(conditions), limit);
  }

  private static List<String> tokens(String soql) {
    List<String> tokens = new ArrayList<>();
    Matcher m = TOKEN.matcher(soql);
    int at = 0;
    while (at < soql.length()) {
      if (!m.find(at) || m.start() != at) {
        if (soql.substring(at).isBlank()) {
          break;
        }
        throw SalesforceApiException.badRequest("MALFORMED_QUERY", "unexpected character at column " + (at + 1));
      }
      tokens.add(m.group().trim());
      at = m.end();
    }
    return tokens;
  }

  /** Reads tokens in order. */
  private static final class Cursor {
    private final List<String> tokens;
    private final String soql;
    private int at;

    Cursor(List<String> tokens, String soql) {
      this.tokens = tokens;
      this.soql = soql;
    }

    boolean done() {
      return at >= tokens.size();
    }

    String peek() {
      return done() ? "" : tokens.get(at);
    }

    String next() {
      if (done()) {
        throw malformed("unexpected end of query");
      }
      return tokens.get(at++);
    }

    boolean accept(String token) {
      if (peek().equals(token)) {
        at++;
        return true;
      }
      return false;
    }

    boolean acceptKeyword(String keyword) {
      if (peek().equalsIgnoreCase(keyword)) {
        at++;
        return true;
      }
      return false;
    }

    void keyword(String keyword) {
      if (!acceptKeyword(keyword)) {
        throw malformed("expecting '" + keyword + "', found '" + peek() + "'");
      }
    }

    void expect(String token) {
      if (!accept(token)) {
        throw malformed("expecting '" + token + "', found '" + peek() + "'");
      }
    }

    String identifier() {
      String token = next();
      if (!Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
        throw malformed("expecting a field or object name, found '" + token + "'");
      }
      return token;
    }

    Object value() {
      String token = next();
      if (token.startsWith("'")) {
        return token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
      }
      return switch (token.toLowerCase(Locale.ROOT)) {
        case "true" -> Boolean.TRUE;
        case "false" -> Boolean.FALSE;
        default -> throw malformed("unsupported value '" + token + "' (the emulator takes quoted text and booleans)");
      };
    }

    SalesforceApiException malformed(String problem) {
      return SalesforceApiException.badRequest("MALFORMED_QUERY", "\n" + soql + "\n" + problem);
    }
  }
}
