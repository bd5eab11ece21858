package dev.imagecensus.fakeapi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** JSON builders and a polling wait shared by the tests. */
final class TestObjects {

  private TestObjects() {}

  /** A pod with one container; labels as key, value pairs. */
  static String pod(String namespace, String name, String image, String... labels) {
    return """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"%s","labels":{%s}},
         "spec":{"containers":[{"name":"main","image":"%s"}]},"status":{"phase":"Running"}}"""
        .formatted(name, namespace, labels(labels), image);
  }

  static byte[] podBytes(String namespace, String name, String image) {
    return pod(namespace, name, image).getBytes(StandardCharsets.UTF_8);
  }

  static String replicaSet(String namespace, String name, String deployment) {
    return """
        {"metadata":{"name":"%s","namespace":"%s","ownerReferences":[{"apiVersion":"apps/v1",
         "kind":"Deployment","name":"%s","uid":"d-1","controller":true}]},
         "spec":{"selector":{"matchLabels":{"app":"%s"}}}}"""
        .formatted(name, namespace, deployment, deployment);
  }

  static String job(String namespace, String name, String cronJob) {
    return """
        {"metadata":{"name":"%s","namespace":"%s","ownerReferences":[{"apiVersion":"batch/v1",
         "kind":"CronJob","name":"%s","uid":"c-1","controller":true}]},"spec":{"template":{}}}"""
        .formatted(name, namespace, cronJob);
  }

  static String namespace(String name, String... labels) {
    return "{\"metadata\":{\"name\":\"%s\",\"labels\":{%s}}}".formatted(name, labels(labels));
  }

  /** Polls until the condition holds; fails the test after the timeout. */
  static void await(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout + " waiting for " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  private static String labels(String... kv) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < kv.length; i += 2) {
      s.append(i == 0 ? "" : ",").append('"').append(kv[i]).append("\":\"").append(kv[i + 1]).append('"');
    }
    return s.toString();
  }
}
