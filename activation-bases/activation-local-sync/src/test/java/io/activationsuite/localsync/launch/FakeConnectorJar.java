package io.activationsuite.localsync.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles a tiny protocol-speaking connector at test time and packs it as a runnable jar. */
final class FakeConnectorJar {

  static final String JAR_NAME = "fake-connector.jar";

  private static final String SOURCE = """
      import java.io.*;
      import java.nio.charset.StandardCharsets;
      import java.nio.file.*;
      import java.util.concurrent.CountDownLatch;

      public class FakeConnector {
        static String quote(String s) {
          return "\\"" + s.replace("\\\\", "\\\\\\\\").replace("\\"", "\\\\\\"") + "\\"";
        }

        static String arg(String[] args, String name) {
          for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
              return args[i + 1];
            }
          }
          return null;
        }

        public static void main(String[] args) throws Exception {
          PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
          System.err.println("log: " + args[0]);
          out.println("starting " + args[0]);
          String config = arg(args, "--config") == null ? "" : Files.readString(Path.of(arg(args, "--config")));
          switch (args[0]) {
            case "spec" -> out.println("{\\"type\\":\\"SPEC\\",\\"spec\\":{\\"connectionSpecification\\":{}}}");
            case "check" -> {
              if (config.contains("hang")) {
                out.println("{\\"type\\":\\"LOG\\",\\"log\\":{\\"message\\":\\"hanging\\"}}");
                new CountDownLatch(1).await();
              }
              out.println("{\\"type\\":\\"CONNECTION_STATUS\\",\\"config\\":" + config
                  + ",\\"env\\":" + quote(String.valueOf(System.getenv("FAKE_ENV")))
                  + ",\\"configPath\\":" + quote(arg(args, "--config")) + "}");
              if (config.contains("fail")) {
                System.exit(3);
              }
            }
            case "write" -> {
              String catalog = Files.readString(Path.of(arg(args, "--catalog")));
              BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
              int count = 0;
              for (String line = in.readLine(); line != null; line = in.readLine()) {
                count++;
                out.println("{\\"type\\":\\"ECHO\\",\\"line\\":" + quote(line) + "}");
              }
              out.println("{\\"type\\":\\"STATE\\",\\"count\\":" + count + ",\\"catalog\\":" + catalog + "}");
            }
            default -> System.exit(2);
          }
        }
      }
      """;

  private FakeConnectorJar() {
  }

  /** Compiles the fake connector into {@code directory} and returns its runnable jar. */
  static Path build(Path directory) throws IOException {
    Path sources = Files.createDirectories(directory.resolve("src"));
    Path classes = Files.createDirectories(directory.resolve("classes"));
    Path source = Files.writeString(sources.resolve("FakeConnector.java"), SOURCE);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("tests need a JDK (javax.tools compiler), not a JRE");
    }
    int status = compiler.run(null, null, null, "--release", "21", "-d", classes.toString(), source.toString());
    if (status != 0) {
      throw new IllegalStateException("the fake connector did not compile");
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "FakeConnector");
    Path jar = directory.resolve(JAR_NAME);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      for (Path file : List.of(classes.resolve("FakeConnector.class"))) {
        out.putNextEntry(new JarEntry(file.getFileName().toString()));
        Files.copy(file, (OutputStream) out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
