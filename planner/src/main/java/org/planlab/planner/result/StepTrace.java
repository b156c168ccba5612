package org.planlab.planner.result;

/**
 * One step of a phase.
 *
 * @param name the step's name, e.g. {@code join_order}
 * @param wallMs wall time
 * @param cpuMs CPU time of the planning thread
 * @param ruleCalls rule calls the step made
 * @param skipped true if the step did not run because the phase was stopped
 */
public record StepTrace(String name, double wallMs, double cpuMs, long ruleCalls,
    boolean skipped) {
}
