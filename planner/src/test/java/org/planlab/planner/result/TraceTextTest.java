package org.planlab.planner.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.planlab.planner.plan.Cost;
import org.planlab.planner.optimize.EffortCounter.Effort;
import org.planlab.planner.result.PhaseTrace;
import org.planlab.planner.result.QueryResult;
import org.planlab.planner.result.QueryStatus;
import org.planlab.planner.result.Stages;
import org.planlab.planner.result.StopReason;

/** A phase that failed under a planned query shows in the lines users read. */
class TraceTextTest {
  private static final Effort NONE = new Effort(0, 0, 0, 0);

  private static QueryResult planned(PhaseTrace... phases) {
    return new QueryResult("q3", "tpch/q03.sql", "", QueryStatus.PLANNED, null, 2, Stages.NONE,
        new Cost(1, 0, 0), NONE, StopReason.COMPLETED, null, List.of(phases), null);
  }

  @Test
  void phaseErrorsNameTheFailedPhaseAndWhatWentWrong() {
    PhaseTrace cheap = new PhaseTrace("cheap", 1, 1, null, new Cost(1, 0, 0), NONE, Map.of(),
        StopReason.COMPLETED, true, List.of());
    PhaseTrace broken = new PhaseTrace("expensive", 1, 1, new Cost(1, 0, 0), null, NONE,
        Map.of(), StopReason.ERROR, false, List.of(), "IllegalStateException: boom");
    assertThat(TraceText.phaseErrors(planned(cheap))).isEmpty();
    assertThat(TraceText.phaseErrors(planned(cheap, broken)))
        .isEqualTo("; phase expensive failed: IllegalStateException: boom");
    assertThat(TraceText.render(planned(cheap, broken)))
        .contains("-- phase expensive:").contains("error; ").contains("boom");
  }
}
