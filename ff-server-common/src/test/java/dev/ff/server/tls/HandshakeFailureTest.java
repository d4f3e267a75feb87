package dev.ff.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.ssl.NotSslRecordException;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import java.nio.channels.ClosedChannelException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class HandshakeFailureTest {
  private static Throwable handshake(String message, Throwable cause) {
    SSLHandshakeException e = new SSLHandshakeException(message);
    e.initCause(cause);
    return new DecoderException(e);
  }

  @Test
  void classifiesTheCausesAServerSees() {
    assertThat(HandshakeFailure.of(handshake("Empty client certificate chain", null)))
        .isEqualTo(HandshakeFailure.NO_CLIENT_CERTIFICATE);
    assertThat(
            HandshakeFailure.of(
                handshake(
                    "PKIX path validation failed",
                    new CertificateException(new CertPathValidatorException("untrusted")))))
        .isEqualTo(HandshakeFailure.BAD_CLIENT_CERTIFICATE);
    assertThat(HandshakeFailure.of(handshake("Received fatal alert: unknown_ca", null)))
        .isEqualTo(HandshakeFailure.CLIENT_REFUSED);
    assertThat(
            HandshakeFailure.of(
                handshake(
                    "Insufficient buffer remaining for AEAD cipher fragment (2). Needs to be more"
                        + " than tag size (16)",
                    null)))
        .isEqualTo(HandshakeFailure.CLIENT_REFUSED);
    assertThat(
            HandshakeFailure.of(
                handshake("Client requested protocol TLSv1.1 is not enabled or supported", null)))
        .isEqualTo(HandshakeFailure.PROTOCOL);
    assertThat(HandshakeFailure.of(new SslHandshakeTimeoutException("timed out")))
        .isEqualTo(HandshakeFailure.TIMEOUT);
    assertThat(HandshakeFailure.of(new DecoderException(new NotSslRecordException("x"))))
        .isEqualTo(HandshakeFailure.NOT_TLS);
    assertThat(HandshakeFailure.of(new ClosedChannelException()))
        .isEqualTo(HandshakeFailure.CLOSED);
    assertThat(HandshakeFailure.of(new IllegalStateException("odd")))
        .isEqualTo(HandshakeFailure.OTHER);
  }

  @Test
  void describe_givesTheMessagesWithoutAStackTrace() {
    Throwable cause =
        handshake("PKIX path building failed", new CertificateException("no valid path"));
    assertThat(HandshakeObserver.describe(cause)).contains("no valid path").doesNotContain("\n\t");
  }
}
