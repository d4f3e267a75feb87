package dev.ff.server.tls;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS settings of a client of an ff server (an edge following the control plane, say): which CA
 * to trust and, for mutual TLS, which certificate to present. {@link ClientTls#create} turns them
 * into a JDK {@code SSLContext}.
 *
 * @param trustedCa PEM file of the CA certificate(s) to trust; empty: the JDK's default trust store
 * @param certificate PEM file of the client certificate chain (leaf first) to present; empty: none
 * @param privateKey PEM file of that certificate's private key; present exactly when {@code
 *     certificate} is
 */
public record ClientTlsSettings(
    Optional<Path> trustedCa, Optional<Path> certificate, Optional<Path> privateKey) {

  /** Checks the members: a client certificate comes with its key. */
  public ClientTlsSettings {
    Objects.requireNonNull(trustedCa, "trustedCa");
    Objects.requireNonNull(certificate, "certificate");
    Objects.requireNonNull(privateKey, "privateKey");
    if (certificate.isPresent() != privateKey.isPresent()) {
      throw new IllegalArgumentException(
          "a client certificate and its private key go together: give both or neither");
    }
  }

  /**
   * The JDK's default trust store, no client certificate.
   *
   * @return the settings
   */
  public static ClientTlsSettings defaults() {
    return new ClientTlsSettings(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * Copy that trusts (only) the CA certificate(s) of a PEM file.
   *
   * @param caCertificates the file
   * @return the copy
   */
  public ClientTlsSettings trusting(Path caCertificates) {
    return new ClientTlsSettings(Optional.of(caCertificates), certificate, privateKey);
  }

  /**
   * Copy that presents a client certificate (mutual TLS).
   *
   * @param certificateChain PEM certificate chain, leaf first
   * @param key PEM private key
   * @return the copy
   */
  public ClientTlsSettings withClientCertificate(Path certificateChain, Path key) {
    return new ClientTlsSettings(trustedCa, Optional.of(certificateChain), Optional.of(key));
  }

  /**
   * Whether these are the JDK defaults (nothing to configure).
   *
   * @return true without a trusted CA and a client certificate
   */
  public boolean isDefault() {
    return trustedCa.isEmpty() && certificate.isEmpty();
  }

  /**
   * Whether a client certificate is presented.
   *
   * @return true with a certificate
   */
  public boolean presentsCertificate() {
    return certificate.isPresent();
  }

  /**
   * Reads {@code <prefix>_CA}, {@code <prefix>_CLIENT_CERT} and {@code <prefix>_CLIENT_KEY}, e.g.
   * {@code FF_CONTROL_CA}, {@code FF_CONTROL_CLIENT_CERT} and {@code FF_CONTROL_CLIENT_KEY} for the
   * prefix {@code FF_CONTROL}. Blank values count as unset.
   *
   * @param env the environment, e.g. {@code System.getenv()}
   * @param prefix the variables' prefix
   * @return the settings
   * @throws IllegalArgumentException when only one of the certificate and the key is set
   */
  public static ClientTlsSettings fromEnvironment(Map<String, String> env, String prefix) {
    Optional<String> cert = text(env, prefix + "_CLIENT_CERT");
    Optional<String> key = text(env, prefix + "_CLIENT_KEY");
    if (cert.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException(
          prefix
              + "_CLIENT_CERT and "
              + prefix
              + "_CLIENT_KEY go together: set both (PEM client certificate and key) or neither");
    }
    return new ClientTlsSettings(
        text(env, prefix + "_CA").map(Path::of), cert.map(Path::of), key.map(Path::of));
  }

  private static Optional<String> text(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
