package org.planlab.planner.result;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.Properties;

/**
 * Where a suite ran, so that figures from different machines and versions
 * are never compared by accident.
 */
public record Environment(String planlabVersion, String calciteVersion, String javaVersion,
    String javaVendor, String os, String arch, int cores, long maxHeapBytes, String host,
    String jvmArguments) {

  /** The environment of this JVM. */
  public static Environment current() {
    Properties build = new Properties();
    try (InputStream in = Environment.class.getResourceAsStream("/planlab-build.properties")) {
      if (in != null) {
        build.load(in);
      }
    } catch (IOException e) {
      // Versions stay "unknown".
    }
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "unknown";
    }
    return new Environment(build.getProperty("planlab.version", "unknown"),
        build.getProperty("calcite.version", "unknown"),
        System.getProperty("java.version"), System.getProperty("java.vendor"),
        System.getProperty("os.name") + " " + System.getProperty("os.version"),
        System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory(), host,
        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
  }
}
