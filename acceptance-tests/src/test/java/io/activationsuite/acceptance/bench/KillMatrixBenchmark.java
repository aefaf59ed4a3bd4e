package io.activationsuite.acceptance.bench;

import io.activationsuite.acceptance.connectors.ConnectorDescriptor;
import io.activationsuite.acceptance.connectors.Connectors;
import io.activationsuite.acceptance.harness.ConnectorHarness;
import io.activationsuite.acceptance.kill.KillCase;
import io.activationsuite.acceptance.kill.KillPoint;
import io.activationsuite.acceptance.kill.KillPoints;
import io.activationsuite.acceptance.kill.KillTrials;
import io.activationsuite.acceptance.kill.TrialResult;
import io.activationsuite.acceptance.kill.WriteStarter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * {@code bin/bench kill [--connector NAME] [--case NAME] [--trials 20] [--records 500] [--state-every 25]
 * [--kills 1] [--seed S] [--docker]}: the kill matrix. Per connector, SIGKILLs its jar (or image) at seeded random points
 * of a sync against its sandbox, reruns from the last echoed STATE until a run finishes, and checks the
 * sandbox: no record lost, no duplicate of an idempotent operation, duplicates of a non-idempotent one within
 * the records in flight after the last STATE. Prints one row per connector and case; exits 1 on a violation.
 * A command that prints figures, not a CI test (the suite's {@code KillRerunAcceptanceTest} keeps one trial
 * per case).
 */
public final class KillMatrixBenchmark {

  private KillMatrixBenchmark() {
  }

  /** Runs the matrix; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    Options options = Options.parse(args);
    System.setProperty("acceptance.target", options.docker() ? "docker" : "jar");
    System.out.printf(Locale.ROOT, "kill matrix: seed %d, %d trials x %d kill(s), %d records, STATE every %d, %s; "
        + "load %s%n", options.seed(), options.trials(), options.kills(), options.records(), options.stateEvery(),
        options.docker() ? "docker" : "jar", loadAverage());
    System.out.println("rerun one connector with: bin/bench kill --connector NAME --seed " + options.seed()
        + " --trials " + options.trials() + " --records " + options.records() + " --state-every "
        + options.stateEvery() + " --kills " + options.kills()
        + options.cases().stream().map(c -> " --case " + c).reduce("", String::concat)
        + (options.docker() ? " --docker" : ""));
    Path work = Files.createTempDirectory("kill-matrix");
    List<String[]> rows = new ArrayList<>();
    int violations = 0;
    for (ConnectorDescriptor connector : Connectors.all().toList()) {
      if (!options.connectors().isEmpty() && !options.connectors().contains(connector.tool())) {
        continue;
      }
      violations += runConnector(connector, options, work, rows);
    }
    System.out.println();
    System.out.printf(Locale.ROOT, "%-11s %-12s %-20s %6s %5s %11s %4s %10s %7s %8s %6s %8s%n", "connector", "case",
        "guarantee", "trials", "kills", "mid-request", "lost", "duplicates", "allowed", "rejected", "reruns",
        "wall s");
    rows.forEach(r -> System.out.printf(Locale.ROOT, "%-11s %-12s %-20s %6s %5s %11s %4s %10s %7s %8s %6s %8s%n",
        (Object[]) r));
    System.out.println("load after: " + loadAverage() + "; violations: " + violations);
    System.exit(violations == 0 ? 0 : 1);
  }

  private static int runConnector(ConnectorDescriptor connector, Options options, Path work, List<String[]> rows)
      throws InterruptedException {
    Random random = new Random(options.seed() * 31 + connector.tool().hashCode());
    int violations = 0;
    WriteStarter starter = ConnectorHarness.forTool(connector.tool())::startWrite;
    try (KillTrials trials = new KillTrials(connector, starter, options.records(), options.stateEvery(),
        work.resolve(connector.tool()))) {
      List<KillCase> cases = trials.profile().cases().stream()
          .filter(c -> options.cases().isEmpty() || options.cases().contains(c.name())).toList();
      if (cases.isEmpty()) {
        System.out.println(connector.tool() + ": no case named " + options.cases() + " (its cases: "
            + trials.profile().cases().stream().map(KillCase::name).toList() + ")");
        return 1;
      }
      Map<KillCase, List<TrialResult>> results = new LinkedHashMap<>();
      Map<KillCase, KillPoint.Calibration> calibrations = new LinkedHashMap<>();
      for (KillCase kase : cases) {
        calibrations.put(kase, trials.calibrate(kase));
        results.put(kase, new ArrayList<>());
        System.out.printf(Locale.ROOT, "%s %s: uncut run %d ms, %d write requests%n", connector.tool(), kase.name(),
            calibrations.get(kase).millis(), calibrations.get(kase).writeRequests());
      }
      for (int trial = 1; trial <= options.trials(); trial++) {
        KillCase kase = cases.get((trial - 1) % cases.size());
        List<KillPoint> points = KillPoints.draw(random, options.kills(), options.records(),
            trials.profile().hasJobs() && kase.viaJobs());
        TrialResult result = trials.run(trial, kase, points, calibrations.get(kase));
        results.get(kase).add(result);
        System.out.printf(Locale.ROOT, "%s %s trial %d: %s -> kills %d, mid-request %d, lost %d, duplicates %d "
            + "(allowed %d), rejected %d, reruns %d, %.1f s%s%n", connector.tool(), kase.name(), trial,
            String.join("; ", result.points()), result.kills(), result.midRequest(), result.lost(),
            result.duplicates(), result.allowed(), result.rejected(), result.reruns(), result.millis() / 1000.0,
            result.violations().isEmpty() ? "" : "  VIOLATION");
        result.notes().forEach(n -> System.out.println("    note: " + n));
        result.violations().forEach(v -> System.out.println("    VIOLATION: " + v));
        violations += result.violations().size();
      }
      results.forEach((kase, list) -> rows.add(row(connector.tool(), kase, list)));
    }
    return violations;
  }

  private static String[] row(String tool, KillCase kase, List<TrialResult> results) {
    long millis = results.stream().mapToLong(TrialResult::millis).sum();
    return new String[] {tool, kase.name(), kase.guarantee().name().toLowerCase(Locale.ROOT),
        String.valueOf(results.size()), sum(results, TrialResult::kills), sum(results, TrialResult::midRequest),
        sum(results, TrialResult::lost), sum(results, TrialResult::duplicates), sum(results, TrialResult::allowed),
        sum(results, TrialResult::rejected), sum(results, TrialResult::reruns),
        String.format(Locale.ROOT, "%.0f", millis / 1000.0)};
  }

  private static String sum(List<TrialResult> results, java.util.function.ToIntFunction<TrialResult> figure) {
    return String.valueOf(results.stream().mapToInt(figure).sum());
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return parts[0] + " " + parts[1] + " " + parts[2] + " (" + Runtime.getRuntime().availableProcessors()
          + " cores)";
    } catch (IOException e) {
      return "n/a";
    }
  }

  /** The command's arguments. */
  private record Options(List<String> connectors, List<String> cases, int trials, int records, int stateEvery,
      int kills, long seed, boolean docker) {

    static Options parse(String[] args) {
      List<String> connectors = new ArrayList<>();
      List<String> cases = new ArrayList<>();
      int trials = 20;
      int records = 500;
      int stateEvery = 25;
      int kills = 1;
      long seed = System.currentTimeMillis();
      boolean docker = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--connector" -> connectors.add(args[++i]);
          case "--case" -> cases.add(args[++i]);
          case "--trials" -> trials = Integer.parseInt(args[++i]);
          case "--records" -> records = Integer.parseInt(args[++i].replace("_", ""));
          case "--state-every" -> stateEvery = Integer.parseInt(args[++i]);
          case "--kills" -> kills = Integer.parseInt(args[++i]);
          case "--seed" -> seed = Long.parseLong(args[++i]);
          case "--docker" -> docker = true;
          default -> throw new IllegalArgumentException("unknown argument " + args[i] + " (known: --connector, "
              + "--case, --trials, --records, --state-every, --kills, --seed, --docker)");
        }
      }
      return new Options(List.copyOf(connectors), List.copyOf(cases), trials, records, stateEvery, kills, seed, docker);
    }
  }
}
