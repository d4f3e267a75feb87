package dev.ff.server.tls;

import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;

/**
 * Why a TLS handshake on a server failed: the {@code reason} label of {@code
 * tls_handshake_failures_total}. A fixed set, so that the metric's cardinality stays bounded.
 */
public enum HandshakeFailure {
  /** A plain-HTTP request on the TLS port (answered with {@code 400}). */
  PLAIN_HTTP("plain_http"),
  /** Bytes that are neither TLS nor HTTP. */
  NOT_TLS("not_tls"),
  /** Mutual TLS: the client presented no certificate. */
  NO_CLIENT_CERTIFICATE("no_client_certificate"),
  /** Mutual TLS: the client's certificate does not chain to the client CA, or is not valid. */
  BAD_CLIENT_CERTIFICATE("bad_client_certificate"),
  /** The client aborted with an alert, e.g. because it does not trust the server's certificate. */
  CLIENT_REFUSED("client_refused"),
  /** No common protocol version or cipher suite. */
  PROTOCOL("protocol"),
  /** The handshake did not finish in time. */
  TIMEOUT("timeout"),
  /**
   * The connection closed during the handshake without an alert the server could read: a TCP health
   * check, or a client (such as the JDK's) that does not trust the server's certificate.
   */
  CLOSED("closed"),
  /** Anything else. */
  OTHER("other");

  private final String label;

  HandshakeFailure(String label) {
    this.label = label;
  }

  /**
   * The metric label value.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Classifies the cause of a failed server-side handshake.
   *
   * @param cause the cause (may be wrapped)
   * @return the reason
   */
  public static HandshakeFailure of(Throwable cause) {
    boolean certificateProblem = false;
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SslHandshakeTimeoutException) {
        return TIMEOUT;
      }
      if (t instanceof NotSslRecordException) {
        return NOT_TLS;
      }
      if (t instanceof ClosedChannelException) {
        return CLOSED;
      }
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (message.contains("empty client certificate chain")) {
        return NO_CLIENT_CERTIFICATE;
      }
      // an alert, or a plaintext alert where the JDK expected an encrypted TLS 1.3 record (what
      // OpenSSL clients send when they reject the server's certificate)
      if (message.startsWith("received fatal alert")
          || message.startsWith("insufficient buffer remaining for aead cipher fragment")) {
        return CLIENT_REFUSED;
      }
      if (message.contains("no cipher suites in common")
          || message.contains("no appropriate protocol")
          || message.contains("protocol version")
          || message.contains("is not enabled or supported")) {
        return PROTOCOL;
      }
      if (message.contains("closed") && message.contains("handshake")) {
        return CLOSED;
      }
      if (t instanceof CertificateException
          || t instanceof CertPathValidatorException
          || t instanceof CertPathBuilderException) {
        certificateProblem = true;
      }
    }
    return certificateProblem ? BAD_CLIENT_CERTIFICATE : OTHER;
  }
}
