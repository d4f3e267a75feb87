package dev.ff.server.tls;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * The client side of TLS: a JDK {@link SSLContext} that trusts the CA of {@link ClientTlsSettings}
 * (or the JDK's default trust store) and, for mutual TLS, presents the configured client
 * certificate. Host names are still verified by the HTTP client, as usual.
 *
 * <pre>{@code
 * ClientTls tls = ClientTls.create(ClientTlsSettings.defaults().trusting(Path.of("ca.pem"))
 *     .withClientCertificate(Path.of("client.pem"), Path.of("client-key.pem")));
 * HttpClient jdk = HttpClient.newBuilder().sslContext(tls.sslContext()).build();
 * OkHttpClient ok = new OkHttpClient.Builder()
 *     .sslSocketFactory(tls.sslContext().getSocketFactory(), tls.trustManager()).build();
 * }</pre>
 *
 * @param sslContext the context (for {@code java.net.http.HttpClient.Builder#sslContext})
 * @param trustManager its trust manager (OkHttp wants it beside the socket factory)
 */
public record ClientTls(SSLContext sslContext, X509TrustManager trustManager) {

  private static final String ALIAS = "ff-client";

  /** Checks the members. */
  public ClientTls {
    Objects.requireNonNull(sslContext, "sslContext");
    Objects.requireNonNull(trustManager, "trustManager");
  }

  /**
   * Reads and checks the files of the settings.
   *
   * @param settings the settings
   * @return the client TLS
   * @throws IllegalArgumentException when a file is missing, unreadable, malformed, mismatched or
   *     expired (the message names the file)
   */
  public static ClientTls create(ClientTlsSettings settings) {
    return create(settings, Clock.systemUTC());
  }

  /**
   * As {@link #create(ClientTlsSettings)}, checking validity dates against a clock.
   *
   * @param settings the settings
   * @param clock the time the certificates must be valid at
   * @return the client TLS
   * @throws IllegalArgumentException as {@link #create(ClientTlsSettings)}
   */
  public static ClientTls create(ClientTlsSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    try {
      X509TrustManager trust = trustManager(settings, clock);
      KeyManager[] keys = null;
      if (settings.certificate().isPresent()) {
        Credentials credentials =
            Credentials.pem(
                settings.certificate().get(), settings.privateKey().orElseThrow(), clock.instant());
        keys = new KeyManager[] {new FixedKeyManager(credentials)};
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, new TrustManager[] {trust}, null);
      return new ClientTls(context, trust);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot set up client TLS: " + e.getMessage(), e);
    }
  }

  /**
   * Shorthand for {@code create(settings).sslContext()}.
   *
   * @param settings the settings
   * @return the context
   * @throws IllegalArgumentException as {@link #create(ClientTlsSettings)}
   */
  public static SSLContext sslContext(ClientTlsSettings settings) {
    return create(settings).sslContext();
  }

  private static X509TrustManager trustManager(ClientTlsSettings settings, Clock clock)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    if (settings.trustedCa().isPresent()) {
      List<X509Certificate> cas = Pem.readCertificates(settings.trustedCa().get());
      Credentials.checkValidity(cas, settings.trustedCa().get().toString(), clock.instant());
      KeyStore store = KeyStore.getInstance("PKCS12");
      try {
        store.load(null, null);
      } catch (java.io.IOException e) {
        throw new IllegalStateException("cannot create an in-memory keystore", e);
      }
      for (int i = 0; i < cas.size(); i++) {
        store.setCertificateEntry("ca-" + i, cas.get(i));
      }
      factory.init(store);
    } else {
      factory.init((KeyStore) null);
    }
    return Arrays.stream(factory.getTrustManagers())
        .filter(X509TrustManager.class::isInstance)
        .map(X509TrustManager.class::cast)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no X509TrustManager"));
  }

  /**
   * Presents the one configured certificate whenever the server asks for one of its key type,
   * whatever CAs the server names: a server that does not accept it says so in its alert, which is
   * clearer than a silently missing certificate.
   */
  private static final class FixedKeyManager extends X509ExtendedKeyManager {
    private final PrivateKey key;
    private final X509Certificate[] chain;

    FixedKeyManager(Credentials credentials) {
      this.key = credentials.key();
      this.chain = credentials.chain().toArray(X509Certificate[]::new);
    }

    private String alias(String[] keyTypes) {
      if (keyTypes == null) {
        return ALIAS;
      }
      for (String type : keyTypes) {
        if (type != null && type.equalsIgnoreCase(key.getAlgorithm())) {
          return ALIAS;
        }
      }
      return null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
      return alias(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine e) {
      return alias(keyTypes);
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return alias(new String[] {keyType}) == null ? null : new String[] {ALIAS};
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return ALIAS.equals(alias) ? key : null;
    }
  }
}
