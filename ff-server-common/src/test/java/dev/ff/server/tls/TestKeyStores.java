package dev.ff.server.tls;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;

/** PKCS#12 keystores made from PEM files, as {@code openssl pkcs12 -export} would. */
final class TestKeyStores {
  private TestKeyStores() {}

  static void write(Path keyStore, String password, Path chain, Path key)
      throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server",
        Pem.readPrivateKey(key),
        password.toCharArray(),
        Pem.readCertificates(chain).toArray(X509Certificate[]::new));
    try (OutputStream out = Files.newOutputStream(keyStore)) {
      store.store(out, password.toCharArray());
    }
  }
}
