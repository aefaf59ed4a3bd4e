package io.activationsuite.acceptance.kill;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Draws the kill points of a trial from the matrix's seeded random source. */
public final class KillPoints {

  private KillPoints() {
  }

  /** {@code kills} random points for a sync of {@code records} records; {@code jobs} adds kills during jobs. */
  public static List<KillPoint> draw(Random random, int kills, int records, boolean jobs) {
    List<KillPoint> points = new ArrayList<>();
    for (int i = 0; i < kills; i++) {
      points.add(KillPoint.draw(random, records, jobs));
    }
    return points;
  }
}
