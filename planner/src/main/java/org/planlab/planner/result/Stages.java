package org.planlab.planner.result;

import org.checkerframework.checker.nullness.qual.Nullable;

/** Per-stage times of one query; a stage that was not reached is null. */
public record Stages(@Nullable StageTime parse, @Nullable StageTime validate,
    @Nullable StageTime convert, @Nullable StageTime optimize) {

  public static final Stages NONE = new Stages(null, null, null, null);

  /** Wall time of all stages that ran, in milliseconds. */
  public double totalWallMs() {
    return wall(parse) + wall(validate) + wall(convert) + wall(optimize);
  }

  private static double wall(@Nullable StageTime t) {
    return t == null ? 0 : t.wallMs();
  }

  public Stages withParse(StageTime t) {
    return new Stages(t, validate, convert, optimize);
  }

  public Stages withValidate(StageTime t) {
    return new Stages(parse, t, convert, optimize);
  }

  public Stages withConvert(StageTime t) {
    return new Stages(parse, validate, t, optimize);
  }

  public Stages withOptimize(StageTime t) {
    return new Stages(parse, validate, convert, t);
  }
}
