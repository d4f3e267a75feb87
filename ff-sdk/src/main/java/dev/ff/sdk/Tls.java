package dev.ff.sdk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * How the client's HTTPS connections (config, stream, events) are secured, for {@link
 * FfClient.Builder#tls}. Without it the JVM's defaults apply: the JDK trust store, no client
 * certificate.
 *
 * <ul>
 *   <li>{@link #trusting(Path)}: trust only the CA certificates of a PEM file (a private CA, such
 *       as the one {@code ff certs dev} writes), instead of the JDK trust store;
 *   <li>{@link #withClientCertificate(Path, Path)}: present a client certificate, for an edge or
 *       control plane that requires mutual TLS ({@code FF_TLS_CLIENT_CA} on the server);
 *   <li>{@link #custom(SSLSocketFactory, X509TrustManager)}: anything else, from the application's
 *       own {@link SSLContext}.
 * </ul>
 *
 * <p>Host names are always verified. Files are read when the client is built; a missing, unreadable
 * or malformed file fails {@link FfClient.Builder#build()} with a message naming it.
 *
 * <pre>{@code
 * FfClient client = FfClient.builder(sdkKey).envKey("prod").endpoint("https://edge:8090")
 *     .edgePaths()
 *     .tls(Tls.trusting(Path.of("certs/ca.pem"))
 *         .withClientCertificate(Path.of("certs/client.pem"), Path.of("certs/client-key.pem")))
 *     .build();
 * }</pre>
 */
public final class Tls {
  private static final Pattern PRIVATE_KEY =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private final Path trustedCa;
  private final Path certificateChain;
  private final Path privateKey;
  private final SSLSocketFactory customFactory;
  private final X509TrustManager customTrust;

  private Tls(
      Path trustedCa,
      Path certificateChain,
      Path privateKey,
      SSLSocketFactory customFactory,
      X509TrustManager customTrust) {
    this.trustedCa = trustedCa;
    this.certificateChain = certificateChain;
    this.privateKey = privateKey;
    this.customFactory = customFactory;
    this.customTrust = customTrust;
  }

  /**
   * The JDK trust store (the default), to combine with {@link #withClientCertificate}.
   *
   * @return the settings
   */
  public static Tls systemTrust() {
    return new Tls(null, null, null, null, null);
  }

  /**
   * Trusts only the CA certificates of a PEM file.
   *
   * @param caCertificates one or more {@code CERTIFICATE} blocks
   * @return the settings
   */
  public static Tls trusting(Path caCertificates) {
    return new Tls(
        Objects.requireNonNull(caCertificates, "caCertificates"), null, null, null, null);
  }

  /**
   * The application's own TLS setup.
   *
   * @param socketFactory from the application's {@link SSLContext}
   * @param trustManager the trust manager that context was initialised with
   * @return the settings
   */
  public static Tls custom(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
    return new Tls(
        null,
        null,
        null,
        Objects.requireNonNull(socketFactory, "socketFactory"),
        Objects.requireNonNull(trustManager, "trustManager"));
  }

  /**
   * Also presents a client certificate (mutual TLS).
   *
   * @param certificateChain PEM: the client certificate first, then any intermediates
   * @param privateKey PEM: its unencrypted PKCS#8 key ({@code -----BEGIN PRIVATE KEY-----})
   * @return new settings
   * @throws IllegalStateException on {@link #custom} settings (their context holds the keys)
   */
  public Tls withClientCertificate(Path certificateChain, Path privateKey) {
    if (customFactory != null) {
      throw new IllegalStateException("custom TLS settings carry their own client certificate");
    }
    return new Tls(
        trustedCa,
        Objects.requireNonNull(certificateChain, "certificateChain"),
        Objects.requireNonNull(privateKey, "privateKey"),
        null,
        null);
  }

  /**
   * The CA file trusted instead of the JDK trust store, if any.
   *
   * @return the file
   */
  public Optional<Path> trustedCa() {
    return Optional.ofNullable(trustedCa);
  }

  /**
   * Whether a client certificate is presented.
   *
   * @return true for mutual TLS
   */
  public boolean presentsClientCertificate() {
    return certificateChain != null;
  }

  /** The socket factory and trust manager an HTTP client is given. */
  record Resolved(SSLSocketFactory socketFactory, X509TrustManager trustManager) {}

  /**
   * Reads the files and builds the TLS context.
   *
   * @return the socket factory and trust manager
   * @throws IllegalArgumentException naming the file at fault
   */
  Resolved resolve() {
    if (customFactory != null) {
      return new Resolved(customFactory, customTrust);
    }
    try {
      X509TrustManager trust = trustManager();
      KeyManager[] keys = certificateChain == null ? null : keyManagers();
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, new TrustManager[] {trust}, null);
      return new Resolved(context.getSocketFactory(), trust);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("tls: " + e.getMessage(), e);
    }
  }

  private X509TrustManager trustManager() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (trustedCa == null) {
      factory.init((KeyStore) null);
    } else {
      KeyStore store = emptyStore();
      List<X509Certificate> cas = certificates(trustedCa);
      for (int i = 0; i < cas.size(); i++) {
        store.setCertificateEntry("ca-" + i, cas.get(i));
      }
      factory.init(store);
    }
    for (TrustManager t : factory.getTrustManagers()) {
      if (t instanceof X509TrustManager x) {
        return x;
      }
    }
    throw new IllegalStateException("the JDK offers no X.509 trust manager");
  }

  private KeyManager[] keyManagers() throws GeneralSecurityException {
    List<X509Certificate> chain = certificates(certificateChain);
    PrivateKey key = privateKey(privateKey, chain.get(0).getPublicKey().getAlgorithm());
    KeyStore store = emptyStore();
    char[] password = new char[0];
    store.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  private static KeyStore emptyStore() throws GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create an in-memory key store", e);
    }
    return store;
  }

  private static List<X509Certificate> certificates(Path file) {
    byte[] pem = read(file);
    try {
      Collection<? extends Certificate> read =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem));
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : read) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException("tls: " + file + ": no certificate in it");
      }
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "tls: " + file + ": not a PEM certificate file (" + e.getMessage() + ")", e);
    }
  }

  private static PrivateKey privateKey(Path file, String algorithm) {
    String pem = new String(read(file), StandardCharsets.US_ASCII);
    Matcher m = PRIVATE_KEY.matcher(pem);
    if (!m.find()) {
      throw new IllegalArgumentException(
          "tls: "
              + file
              + ": expected an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----); convert"
              + " others with: openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8.pem");
    }
    try {
      byte[] der = Base64.getMimeDecoder().decode(m.group(1));
      return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "tls: " + file + ": not a " + algorithm + " key for the certificate", e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("tls: cannot read " + file + ": " + e, e);
    }
  }

  @Override
  public String toString() {
    if (customFactory != null) {
      return "Tls[custom]";
    }
    return "Tls[trust="
        + (trustedCa == null ? "system" : trustedCa)
        + (certificateChain == null ? "" : ", clientCertificate=" + certificateChain)
        + "]";
  }
}
