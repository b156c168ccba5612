package org.planlab.planner.phased;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;

import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.planlab.planner.optimize.EffortCounter;
import org.planlab.planner.optimize.OptimizeControl;
import org.planlab.planner.plan.Cost;
import org.planlab.planner.result.PhaseTrace;
import org.planlab.planner.result.StepTrace;
import org.planlab.planner.result.StopReason;
import org.planlab.planner.session.StageClock;

/**
 * Runs a {@link Phase}: every step through one wrapper that checks
 * cancellation, times the step, counts its rule calls and verifies that it
 * kept the plan's row type, as DuckDB's optimizer runs each of its passes.
 */
final class PhaseRunner {
  private PhaseRunner() {
  }

  /**
   * A phase's plan (null if it found none), its trace, and the exception that
   * stopped it, if one did.
   */
  record Outcome(@Nullable RelNode plan, PhaseTrace trace, @Nullable RuntimeException failure) {
  }

  static Outcome run(Phase phase, RelNode input, StepContext ctx, Map<String, RelNode> outputs,
      @Nullable Cost costBefore) {
    OptimizeControl control = ctx.control();
    EffortCounter effort = control.effort();
    EffortCounter.Snapshot start = effort.snapshot();
    StageClock clock = StageClock.start();
    List<StepTrace> steps = new ArrayList<>();
    if (control.expired()) {
      for (Step s : phase.steps()) {
        steps.add(new StepTrace(s.name(), 0, 0, 0, true));
      }
      return new Outcome(null, trace(phase, clock, start, effort, costBefore, null,
          StopReason.CANCELLED, steps, null), null);
    }
    ScheduledFuture<?> timer = phase.budget().time() == null ? null
        : control.stopAfter(phase.budget().time());
    effort.limitRuleCalls(phase.budget().ruleCalls(), control.cancelFlag());
    RelNode rel = input;
    RuntimeException failure = null;
    try {
      for (Step step : phase.steps()) {
        if ((control.cancelled() && !step.required()) || !step.appliesTo(rel)) {
          steps.add(new StepTrace(step.name(), 0, 0, 0, true));
          outputs.put(step.name(), rel);
          continue;
        }
        long callsBefore = effort.ruleCalls();
        StageClock stepClock = StageClock.start();
        RelNode out;
        try {
          out = step.apply(rel, ctx);
          if (out != null) {
            verify(phase, step, rel, out);
          }
        } catch (RelOptPlanner.CannotPlanException e) {
          if (!control.cancelled()) {
            failure = e;
          }
          out = null; // stopped before any complete plan
        } catch (RuntimeException e) {
          // A Hep planner stopped by the flag throws ("Statement preparation
          // aborted"); its rewrites are optional, so the plan goes on as it was.
          if (!control.cancelled() || step.required()) {
            failure = e;
            out = null;
          } else {
            out = rel;
          }
        }
        var t = stepClock.stop();
        steps.add(new StepTrace(step.name(), t.wallMs(), t.cpuMs(),
            effort.ruleCalls() - callsBefore, false));
        if (out == null) {
          control.provenance().afterStep(phase.name() + "/" + step.name(), rel, rel);
          rel = null;
          break;
        }
        control.provenance().afterStep(phase.name() + "/" + step.name(), rel, out);
        outputs.put(step.name(), out);
        rel = out;
      }
    } finally {
      if (timer != null) {
        timer.cancel(false);
      }
      effort.limitRuleCalls(0, null);
    }
    StopReason stop = failure != null ? StopReason.ERROR
        : control.expired() ? StopReason.CANCELLED
        : control.cancelled() ? StopReason.BUDGET : StopReason.COMPLETED;
    control.resume();
    Cost after = rel == null ? null : cost(rel);
    return new Outcome(rel, trace(phase, clock, start, effort, costBefore, after, stop, steps,
        failure == null ? null : describe(failure)), failure);
  }

  /** One line: the exception's class and the first line of its message. */
  static String describe(Throwable e) {
    String m = e.getMessage();
    if (m != null && m.indexOf('\n') >= 0) {
      m = m.substring(0, m.indexOf('\n'));
    }
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  private static PhaseTrace trace(Phase phase, StageClock clock, EffortCounter.Snapshot start,
      EffortCounter effort, @Nullable Cost before, @Nullable Cost after, StopReason stop,
      List<StepTrace> steps, @Nullable String error) {
    var t = clock.stop();
    EffortCounter.Snapshot end = effort.snapshot();
    return new PhaseTrace(phase.name(), t.wallMs(), t.cpuMs(), before, after,
        end.effortSince(start), end.rulesSince(start), stop, false, steps, error);
  }

  static Cost cost(RelNode rel) {
    return Cost.of(rel.getCluster().getMetadataQuery().getCumulativeCost(rel));
  }

  /** A step must not change what the plan returns: same field types, in order. */
  private static void verify(Phase phase, Step step, RelNode before, RelNode after) {
    if (!RelOptUtil.areRowTypesEqual(before.getRowType(), after.getRowType(), false)) {
      throw new IllegalStateException("step " + phase.name() + "/" + step.name()
          + " changed the row type from " + before.getRowType().getFullTypeString() + " to "
          + after.getRowType().getFullTypeString());
    }
  }
}
