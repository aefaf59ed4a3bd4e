package io.activationsuite.sink.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.activationsuite.sink.api.FieldMapping;
import java.util.List;

/** Where one destination field's raw value comes from, compiled once per stream. */
@FunctionalInterface
public interface ValueSource {

  /** The raw value for this record, or null / JSON null when there is none. */
  JsonNode read(JsonNode record);

  /** The source paths a mapping source reads (none for a constant); throws when it is malformed. */
  static List<SourcePath> paths(FieldMapping.Source source) {
    return switch (source) {
      case FieldMapping.Source.Path path -> List.of(SourcePath.compile(path.path()));
      case FieldMapping.Source.Constant constant -> List.of();
      case FieldMapping.Source.Template template -> Template.compile(template.template()).paths();
    };
  }

  /** Compiles a mapping source; throws {@link IllegalArgumentException} when it is malformed. */
  static ValueSource of(FieldMapping.Source source) {
    return switch (source) {
      case FieldMapping.Source.Path path -> SourcePath.compile(path.path())::read;
      case FieldMapping.Source.Constant constant -> {
        JsonNode value = constant.value();
        yield record -> value;
      }
      case FieldMapping.Source.Template template -> {
        Template compiled = Template.compile(template.template());
        yield record -> {
          String text = compiled.render(record);
          return text == null ? null : TextNode.valueOf(text);
        };
      }
    };
  }
}
