package dev.ff.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * PEM files: X.509 certificates ({@code CERTIFICATE}) and unencrypted private keys in the usual
 * encodings ({@code PRIVATE KEY} = PKCS#8, {@code RSA PRIVATE KEY} = PKCS#1, {@code EC PRIVATE KEY}
 * = SEC 1). Every failure is an {@link IllegalArgumentException} whose message names the file and
 * what is wrong with it, never the key material.
 */
public final class Pem {
  private static final Base64.Encoder BASE64 =
      Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));

  private Pem() {}

  /**
   * Reads every certificate of a PEM file, in order (a chain: leaf first; or a CA bundle).
   *
   * @param file the file
   * @return at least one certificate
   * @throws IllegalArgumentException when the file cannot be read, is not PEM, holds no certificate
   *     or a malformed one
   */
  public static List<X509Certificate> readCertificates(Path file) {
    return readCertificates(read(file), file.toString());
  }

  /**
   * Reads every certificate of PEM text.
   *
   * @param pem the text
   * @param source what the text is, for messages (e.g. the file name)
   * @return at least one certificate
   * @throws IllegalArgumentException when the text holds no certificate or a malformed one
   */
  public static List<X509Certificate> readCertificates(String pem, String source) {
    List<X509Certificate> certificates = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    for (Object object : objects(pem, source)) {
      if (object instanceof X509CertificateHolder holder) {
        try {
          certificates.add(converter.getCertificate(holder));
        } catch (CertificateException e) {
          throw new IllegalArgumentException(
              source + ": malformed certificate (" + e.getMessage() + ")", e);
        }
      }
    }
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException(
          source + ": no certificate in it (expected -----BEGIN CERTIFICATE-----)");
    }
    return List.copyOf(certificates);
  }

  /**
   * Reads the one private key of a PEM file.
   *
   * @param file the file
   * @return the key
   * @throws IllegalArgumentException when the file cannot be read, holds no key, more than one key,
   *     or an encrypted key
   */
  public static PrivateKey readPrivateKey(Path file) {
    return readPrivateKey(read(file), file.toString());
  }

  /**
   * Reads the one private key of PEM text.
   *
   * @param pem the text
   * @param source what the text is, for messages (e.g. the file name)
   * @return the key
   * @throws IllegalArgumentException when the text holds no key, more than one, or an encrypted key
   */
  public static PrivateKey readPrivateKey(String pem, String source) {
    JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
    PrivateKey key = null;
    for (Object object : objects(pem, source)) {
      PrivateKey found;
      try {
        if (object instanceof PrivateKeyInfo info) {
          found = converter.getPrivateKey(info);
        } else if (object instanceof PEMKeyPair pair) {
          // SEC 1 / PKCS#1: the public half is optional in SEC 1 files, so take the private info
          found = converter.getPrivateKey(pair.getPrivateKeyInfo());
        } else if (object instanceof PEMEncryptedKeyPair
            || object instanceof PKCS8EncryptedPrivateKeyInfo) {
          throw new IllegalArgumentException(
              source
                  + ": the private key is encrypted; give an unencrypted PEM key (e.g. openssl"
                  + " pkcs8 -topk8 -nocrypt) or a PKCS#12 keystore with its password");
        } else {
          continue;
        }
      } catch (PEMException e) {
        throw new IllegalArgumentException(
            source + ": unsupported or malformed private key (" + e.getMessage() + ")", e);
      }
      if (key != null) {
        throw new IllegalArgumentException(source + ": more than one private key in it");
      }
      key = found;
    }
    if (key == null) {
      throw new IllegalArgumentException(
          source + ": no private key in it (expected -----BEGIN PRIVATE KEY-----)");
    }
    return key;
  }

  /**
   * Certificates as PEM text, one {@code CERTIFICATE} block each.
   *
   * @param certificates the certificates
   * @return the text
   * @throws IllegalArgumentException when a certificate cannot be encoded
   */
  public static String encode(List<X509Certificate> certificates) {
    StringBuilder out = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        block(out, "CERTIFICATE", certificate.getEncoded());
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException("cannot encode certificate", e);
      }
    }
    return out.toString();
  }

  /**
   * A private key as an unencrypted PKCS#8 {@code PRIVATE KEY} block.
   *
   * @param key the key
   * @return the text
   * @throws IllegalArgumentException when the key has no PKCS#8 encoding
   */
  public static String encode(PrivateKey key) {
    byte[] der = key.getEncoded();
    if (der == null || !"PKCS#8".equals(key.getFormat())) {
      throw new IllegalArgumentException("the key has no PKCS#8 encoding");
    }
    StringBuilder out = new StringBuilder();
    block(out, "PRIVATE KEY", der);
    return out.toString();
  }

  private static void block(StringBuilder out, String type, byte[] der) {
    out.append("-----BEGIN ").append(type).append("-----\n");
    out.append(BASE64.encodeToString(der)).append('\n');
    out.append("-----END ").append(type).append("-----\n");
  }

  /** The text of a file, with a message naming the file on failure. */
  static String read(Path file) {
    try {
      if (Files.isDirectory(file)) {
        throw new IllegalArgumentException(file + ": is a directory, not a PEM file");
      }
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new IllegalArgumentException(file + ": not readable (permission denied)", e);
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalArgumentException(
          file + ": not a PEM file (binary content; DER or PKCS#12?)", e);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static List<Object> objects(String pem, String source) {
    List<Object> objects = new ArrayList<>();
    try (Reader reader = new StringReader(pem);
        PEMParser parser = new PEMParser(reader)) {
      Object object;
      while ((object = parser.readObject()) != null) {
        objects.add(object);
      }
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          source + ": malformed PEM (" + e.getClass().getSimpleName() + ")", e);
    }
    if (objects.isEmpty()) {
      throw new IllegalArgumentException(source + ": not a PEM file (no -----BEGIN block)");
    }
    return objects;
  }
}
