package org.planlab.planner.result;

/**
 * Time one planning stage took on the thread that ran it.
 *
 * @param wallMs elapsed wall-clock milliseconds
 * @param cpuMs CPU milliseconds of the planning thread
 */
public record StageTime(double wallMs, double cpuMs) {
}
