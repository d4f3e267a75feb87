package dev.ff.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** {@code GET} of the config document with ETag / If-None-Match. */
public final class ConfigFetcher {

  /** The outcome of one fetch. */
  public sealed interface Result {}

  /**
   * A new document.
   *
   * @param document the document
   * @param etag its ETag, or null
   */
  public record Fetched(JsonNode document, String etag) implements Result {}

  /** 304: the document did not change. */
  public record NotModified() implements Result {}

  /**
   * 401/403: the key is refused.
   *
   * @param status the status
   */
  public record Unauthorized(int status) implements Result {}

  /**
   * Anything else: a transient failure.
   *
   * @param status the HTTP status, or 0 for a network error
   * @param message what happened
   */
  public record Failed(int status, String message) implements Result {}

  private final LazyHttpClient client;
  private final HttpSettings settings;
  private volatile String etag;

  /**
   * A fetcher.
   *
   * @param client the HTTP client, built on the first request
   * @param settings the settings
   */
  public ConfigFetcher(LazyHttpClient client, HttpSettings settings) {
    this.client = client;
    this.settings = settings;
  }

  /**
   * Fetches the document, sending the last ETag unless {@code full}.
   *
   * @param full true to ignore the ETag (refetch after a failed patch)
   * @return the outcome
   */
  public Result fetch(boolean full) {
    Request.Builder b =
        new Request.Builder()
            .url(settings.configUrl())
            .header("Authorization", "Bearer " + settings.sdkKey())
            .header("Accept", "application/json")
            .header("User-Agent", FfVersion.USER_AGENT);
    String tag = etag;
    if (!full && tag != null) {
      b.header("If-None-Match", tag);
    }
    try (Response response = client.get().newCall(b.build()).execute()) {
      int code = response.code();
      if (code == 304) {
        return new NotModified();
      }
      if (code == 401 || code == 403) {
        return new Unauthorized(code);
      }
      if (code != 200) {
        return new Failed(code, "GET " + settings.configUrl().encodedPath() + " → " + code);
      }
      ResponseBody body = response.body();
      JsonNode doc = Json.parse(body == null ? "" : body.string());
      String newTag = response.header("ETag");
      return new Fetched(doc, newTag);
    } catch (IOException | IllegalArgumentException e) {
      return new Failed(0, "GET " + settings.configUrl().encodedPath() + " failed: " + e);
    }
  }

  /**
   * Remembers the ETag of a document that was applied.
   *
   * @param value the ETag
   */
  public void accepted(String value) {
    if (value != null) {
      etag = value;
    }
  }
}
