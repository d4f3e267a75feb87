package dev.ff.server.tls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The TLS settings of one listener: its identity (a certificate chain and private key) and,
 * optionally, the CA that client certificates must chain to (mutual TLS: clients without such a
 * certificate are refused during the handshake).
 *
 * <p>{@link #none()} (= {@link #defaults()}) is plain HTTP. This record only names files; {@link
 * ServerTls#sslContext(TlsSettings)} reads and checks them. Its {@code toString()} never shows the
 * keystore password.
 *
 * @param identity the server's certificate and key; empty: no TLS
 * @param clientCa PEM file of the CA certificate(s) client certificates must be issued by; present:
 *     mutual TLS, client certificates required
 */
public record TlsSettings(Optional<Identity> identity, Optional<Path> clientCa) {

  /** Environment variable: PEM certificate chain of the server (leaf first). */
  public static final String ENV_CERT = "FF_TLS_CERT";

  /** Environment variable: PEM private key of the server. */
  public static final String ENV_KEY = "FF_TLS_KEY";

  /** Environment variable: PKCS#12 keystore with the server's key and chain. */
  public static final String ENV_KEYSTORE = "FF_TLS_KEYSTORE";

  /** Environment variable: the keystore's password. */
  public static final String ENV_KEYSTORE_PASSWORD = "FF_TLS_KEYSTORE_PASSWORD";

  /** Environment variable: a file holding the keystore's password (first line). */
  public static final String ENV_KEYSTORE_PASSWORD_FILE = "FF_TLS_KEYSTORE_PASSWORD_FILE";

  /** Environment variable: PEM CA certificate(s) for client certificates (mutual TLS). */
  public static final String ENV_CLIENT_CA = "FF_TLS_CLIENT_CA";

  /** Where the server's certificate and key come from. */
  public sealed interface Identity permits PemFiles, Pkcs12File {}

  /**
   * A PEM certificate chain (leaf first, intermediates after it) and a PEM private key (PKCS#8,
   * PKCS#1 or SEC 1, unencrypted).
   *
   * @param certificateChain the chain file
   * @param privateKey the key file
   */
  public record PemFiles(Path certificateChain, Path privateKey) implements Identity {
    /** Checks the members. */
    public PemFiles {
      Objects.requireNonNull(certificateChain, "certificateChain");
      Objects.requireNonNull(privateKey, "privateKey");
    }
  }

  /**
   * A PKCS#12 keystore holding one private key entry with its chain.
   *
   * @param keyStore the keystore file
   * @param password its password (also the key entry's)
   */
  public record Pkcs12File(Path keyStore, String password) implements Identity {
    /** Checks the members. */
    public Pkcs12File {
      Objects.requireNonNull(keyStore, "keyStore");
      Objects.requireNonNull(password, "password");
    }

    /**
     * Without the password.
     *
     * @return a description safe for logs
     */
    @Override
    public String toString() {
      return "Pkcs12File[keyStore=" + keyStore + ", password=***]";
    }
  }

  /** Checks the members: mutual TLS needs a server identity. */
  public TlsSettings {
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(clientCa, "clientCa");
    if (clientCa.isPresent() && identity.isEmpty()) {
      throw new IllegalArgumentException(
          "a client CA (mutual TLS, "
              + ENV_CLIENT_CA
              + ") needs a server certificate: set "
              + ENV_CERT
              + " and "
              + ENV_KEY
              + ", or "
              + ENV_KEYSTORE);
    }
  }

  /**
   * No TLS: plain HTTP.
   *
   * @return the settings
   */
  public static TlsSettings none() {
    return new TlsSettings(Optional.empty(), Optional.empty());
  }

  /**
   * The defaults: {@link #none()}.
   *
   * @return the settings
   */
  public static TlsSettings defaults() {
    return none();
  }

  /**
   * TLS with a PEM certificate chain and private key.
   *
   * @param certificateChain the chain file (leaf first)
   * @param privateKey the key file
   * @return the settings
   */
  public static TlsSettings pem(Path certificateChain, Path privateKey) {
    return new TlsSettings(
        Optional.of(new PemFiles(certificateChain, privateKey)), Optional.empty());
  }

  /**
   * TLS with a PKCS#12 keystore.
   *
   * @param keyStore the keystore file
   * @param password its password
   * @return the settings
   */
  public static TlsSettings pkcs12(Path keyStore, String password) {
    return new TlsSettings(Optional.of(new Pkcs12File(keyStore, password)), Optional.empty());
  }

  /**
   * Copy that requires client certificates issued by a CA (mutual TLS).
   *
   * @param caCertificates PEM file of the CA certificate(s)
   * @return the copy
   * @throws IllegalArgumentException when these settings have no server identity
   */
  public TlsSettings withClientCa(Path caCertificates) {
    return new TlsSettings(identity, Optional.of(caCertificates));
  }

  /**
   * Whether the listener speaks TLS.
   *
   * @return true with an identity
   */
  public boolean enabled() {
    return identity.isPresent();
  }

  /**
   * Whether client certificates are required (mutual TLS).
   *
   * @return true with a client CA
   */
  public boolean mutual() {
    return clientCa.isPresent();
  }

  /**
   * Reads {@code FF_TLS_CERT} + {@code FF_TLS_KEY} (PEM), or {@code FF_TLS_KEYSTORE} + {@code
   * FF_TLS_KEYSTORE_PASSWORD} or {@code FF_TLS_KEYSTORE_PASSWORD_FILE} (PKCS#12), and {@code
   * FF_TLS_CLIENT_CA}. Blank values count as unset; none set: {@link #none()}. The files are not
   * read here (except the password file): {@link ServerTls#sslContext(TlsSettings)} does.
   *
   * @param env the environment, e.g. {@code System.getenv()}
   * @return the settings
   * @throws IllegalArgumentException on an incomplete or contradictory combination, or an
   *     unreadable password file
   */
  public static TlsSettings fromEnvironment(Map<String, String> env) {
    Optional<String> cert = text(env, ENV_CERT);
    Optional<String> key = text(env, ENV_KEY);
    Optional<String> keyStore = text(env, ENV_KEYSTORE);
    Optional<String> password = Optional.ofNullable(env.get(ENV_KEYSTORE_PASSWORD));
    Optional<String> passwordFile = text(env, ENV_KEYSTORE_PASSWORD_FILE);
    Optional<String> clientCa = text(env, ENV_CLIENT_CA);
    if (cert.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException(
          ENV_CERT
              + " and "
              + ENV_KEY
              + " go together: set both (PEM certificate chain and private key) or neither");
    }
    if (cert.isPresent() && keyStore.isPresent()) {
      throw new IllegalArgumentException(
          "set either " + ENV_CERT + "/" + ENV_KEY + " or " + ENV_KEYSTORE + ", not both");
    }
    Optional<String> nonEmptyPassword = password.filter(p -> !p.isEmpty());
    if (nonEmptyPassword.isPresent() && passwordFile.isPresent()) {
      throw new IllegalArgumentException(
          "set either "
              + ENV_KEYSTORE_PASSWORD
              + " or "
              + ENV_KEYSTORE_PASSWORD_FILE
              + ", not both");
    }
    boolean passwordGiven = password.isPresent() || passwordFile.isPresent();
    if (keyStore.isEmpty() && (nonEmptyPassword.isPresent() || passwordFile.isPresent())) {
      throw new IllegalArgumentException(
          ENV_KEYSTORE_PASSWORD
              + " or "
              + ENV_KEYSTORE_PASSWORD_FILE
              + " is set but "
              + ENV_KEYSTORE
              + " is not");
    }
    Optional<Identity> identity = Optional.empty();
    if (cert.isPresent()) {
      identity = Optional.of(new PemFiles(Path.of(cert.get()), Path.of(key.get())));
    } else if (keyStore.isPresent()) {
      if (!passwordGiven) {
        throw new IllegalArgumentException(
            ENV_KEYSTORE
                + " needs "
                + ENV_KEYSTORE_PASSWORD
                + " or "
                + ENV_KEYSTORE_PASSWORD_FILE
                + " (an empty file for a keystore without password)");
      }
      String secret =
          passwordFile.isPresent() ? readPasswordFile(Path.of(passwordFile.get())) : password.get();
      identity = Optional.of(new Pkcs12File(Path.of(keyStore.get()), secret));
    }
    return new TlsSettings(identity, clientCa.map(Path::of));
  }

  /** The first line of a password file (the line break is not part of the password). */
  private static String readPasswordFile(Path file) {
    try {
      String content = Files.readString(file, StandardCharsets.UTF_8);
      int end = content.indexOf('\n');
      String line = end < 0 ? content : content.substring(0, end);
      return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    } catch (IOException e) {
      throw new IllegalArgumentException(
          ENV_KEYSTORE_PASSWORD_FILE
              + ": cannot read "
              + file
              + " ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }

  private static Optional<String> text(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  /**
   * Without the keystore password.
   *
   * @return a description safe for logs
   */
  @Override
  public String toString() {
    return "TlsSettings[identity="
        + identity.map(Object::toString).orElse("none")
        + ", clientCa="
        + clientCa.map(Path::toString).orElse("none")
        + "]";
  }
}
