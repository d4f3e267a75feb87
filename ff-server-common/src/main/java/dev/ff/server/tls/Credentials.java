package dev.ff.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

/**
 * A private key with its certificate chain (leaf first), loaded from PEM files or a PKCS#12
 * keystore and checked: the key belongs to the leaf, the chain is in order, every certificate is
 * valid now. Messages name the file, never the key.
 */
record Credentials(PrivateKey key, List<X509Certificate> chain) {

  Credentials {
    chain = List.copyOf(chain);
  }

  X509Certificate leaf() {
    return chain.get(0);
  }

  /** Loads and checks a server or client identity of {@link TlsSettings}. */
  static Credentials load(TlsSettings.Identity identity, Instant now) {
    if (identity instanceof TlsSettings.PemFiles pem) {
      return pem(pem.certificateChain(), pem.privateKey(), now);
    }
    TlsSettings.Pkcs12File store = (TlsSettings.Pkcs12File) identity;
    return pkcs12(store.keyStore(), store.password(), now);
  }

  /** A PEM chain file and a PEM key file. */
  static Credentials pem(Path chainFile, Path keyFile, Instant now) {
    List<X509Certificate> chain = Pem.readCertificates(chainFile);
    PrivateKey key = Pem.readPrivateKey(keyFile);
    Credentials credentials = new Credentials(key, chain);
    credentials.check(chainFile.toString(), keyFile + " does not belong to", now);
    return credentials;
  }

  /** A PKCS#12 keystore with exactly one private-key entry. */
  static Credentials pkcs12(Path file, String password, Instant now) {
    char[] secret = password.toCharArray();
    KeyStore store;
    try (InputStream in = Files.newInputStream(file)) {
      store = KeyStore.getInstance("PKCS12");
      store.load(in, secret);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(file + ": not readable (permission denied)", e);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new IllegalArgumentException(file + ": wrong keystore password", e);
      }
      throw new IllegalArgumentException(
          file + ": not a PKCS#12 keystore, or a wrong password (" + e.getMessage() + ")", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          file + ": cannot open the keystore (" + e.getMessage() + ")", e);
    }
    try {
      List<String> keyAliases = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          keyAliases.add(alias);
        }
      }
      if (keyAliases.isEmpty()) {
        throw new IllegalArgumentException(file + ": holds no private key entry");
      }
      if (keyAliases.size() > 1) {
        throw new IllegalArgumentException(
            file + ": holds " + keyAliases.size() + " private keys " + keyAliases + "; keep one");
      }
      String alias = keyAliases.get(0);
      Key key = store.getKey(alias, secret);
      if (!(key instanceof PrivateKey privateKey)) {
        throw new IllegalArgumentException(file + ": entry " + alias + " is not a private key");
      }
      Certificate[] certificates = store.getCertificateChain(alias);
      if (certificates == null || certificates.length == 0) {
        throw new IllegalArgumentException(file + ": entry " + alias + " has no certificate");
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate certificate : certificates) {
        if (!(certificate instanceof X509Certificate x509)) {
          throw new IllegalArgumentException(file + ": holds a certificate that is not X.509");
        }
        chain.add(x509);
      }
      Credentials credentials = new Credentials(privateKey, chain);
      credentials.check(file.toString(), "the key of " + file + " does not belong to", now);
      return credentials;
    } catch (UnrecoverableKeyException e) {
      throw new IllegalArgumentException(
          file + ": the key entry's password differs from the keystore password", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          file + ": cannot read the keystore (" + e.getMessage() + ")", e);
    }
  }

  /** Chain order, validity dates and the key belonging to the leaf. */
  private void check(String chainSource, String mismatch, Instant now) {
    for (int i = 0; i + 1 < chain.size(); i++) {
      if (!chain
          .get(i)
          .getIssuerX500Principal()
          .equals(chain.get(i + 1).getSubjectX500Principal())) {
        throw new IllegalArgumentException(
            chainSource
                + ": certificate "
                + (i + 2)
                + " ("
                + chain.get(i + 1).getSubjectX500Principal()
                + ") did not issue certificate "
                + (i + 1)
                + "; put the leaf first, then its issuer, and so on");
      }
    }
    checkValidity(chain, chainSource, now);
    if (!matches(key, leaf().getPublicKey())) {
      throw new IllegalArgumentException(
          mismatch
              + " the certificate "
              + leaf().getSubjectX500Principal()
              + " of "
              + chainSource
              + " (mismatched certificate and key)");
    }
  }

  /** Fails when a certificate is expired or not yet valid at {@code now}. */
  static void checkValidity(List<X509Certificate> certificates, String source, Instant now) {
    Date date = Date.from(now);
    for (X509Certificate certificate : certificates) {
      try {
        certificate.checkValidity(date);
      } catch (CertificateExpiredException e) {
        throw new IllegalArgumentException(
            source
                + ": the certificate "
                + certificate.getSubjectX500Principal()
                + " expired on "
                + certificate.getNotAfter().toInstant(),
            e);
      } catch (CertificateNotYetValidException e) {
        throw new IllegalArgumentException(
            source
                + ": the certificate "
                + certificate.getSubjectX500Principal()
                + " is not valid before "
                + certificate.getNotBefore().toInstant(),
            e);
      }
    }
  }

  /**
   * Whether a private key belongs to a public key: a random challenge signed with one verifies with
   * the other. Key types without a known signature scheme are taken as matching (the handshake
   * would show a mismatch).
   */
  static boolean matches(PrivateKey key, java.security.PublicKey publicKey) {
    if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
      return false;
    }
    String algorithm =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
          case "DSA" -> "SHA256withDSA";
          default -> null;
        };
    if (algorithm == null) {
      return true;
    }
    try {
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(challenge);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
