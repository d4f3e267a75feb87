package dev.ff.jmh.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The versions pinned in {@code jmh/pom.xml}, copied into {@code sdk-versions.properties} at build
 * time, so that every printed result names exactly what it measured.
 */
public final class SdkVersions {
  private SdkVersions() {}

  private static final Properties VERSIONS = load();

  private static Properties load() {
    Properties p = new Properties();
    try (InputStream in =
        SdkVersions.class.getClassLoader().getResourceAsStream("sdk-versions.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  /**
   * One version.
   *
   * @param key {@code ff}, {@code ff-sdk}, {@code launchdarkly}, {@code unleash}, {@code
   *     openfeature.sdk}, {@code flagd} or {@code jmh}
   * @return the version, or {@code ?} when unknown
   */
  public static String get(String key) {
    return VERSIONS.getProperty(key, "?");
  }
}
