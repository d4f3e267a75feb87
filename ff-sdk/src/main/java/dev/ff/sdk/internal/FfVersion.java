package dev.ff.sdk.internal;

/** The SDK's name and version, for the User-Agent header. */
public final class FfVersion {
  /** The User-Agent value. */
  public static final String USER_AGENT = "ff-java-sdk/0.1.0";

  private FfVersion() {}
}
