package dev.ff.server.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Development certificates, made without openssl: a local CA, a server certificate for {@code
 * localhost}, {@code 127.0.0.1}, {@code ::1} and any further host names or IP addresses, and a
 * client certificate for mutual TLS, both issued by that CA. ECDSA P-256 keys, SHA-256 signatures.
 * What {@code ff certs dev} writes; tests make theirs the same way.
 *
 * <pre>{@code
 * DevCertificates.Bundle certs = DevCertificates.create(List.of("edge.internal"), Duration.ofDays(30));
 * certs.writeTo(Path.of("certs"), false); // ca.pem, ca-key.pem, server.pem, server-key.pem, ...
 * }</pre>
 *
 * <p>Not for production: anyone holding {@code ca-key.pem} can issue certificates every server of
 * this CA accepts.
 */
public final class DevCertificates {

  /** Host names and addresses every server certificate covers. */
  public static final List<String> DEFAULT_HOSTS = List.of("localhost", "127.0.0.1", "::1");

  /** Common name of the client certificate. */
  public static final String CLIENT_NAME = "ff-client";

  /** The files {@link Bundle#writeTo} writes, in order. */
  public static final List<String> FILE_NAMES =
      List.of(
          "ca.pem", "ca-key.pem", "server.pem", "server-key.pem", "client.pem", "client-key.pem");

  private static final Pattern DNS_NAME =
      Pattern.compile(
          "^(\\*\\.)?[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$");
  private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");
  private static final Duration BACKDATE = Duration.ofHours(1);
  private static final SecureRandom RANDOM = new SecureRandom();

  private DevCertificates() {}

  /**
   * A certificate and its private key.
   *
   * @param certificate the certificate
   * @param privateKey its key
   */
  public record Issued(X509Certificate certificate, PrivateKey privateKey) {
    /** Checks the members. */
    public Issued {
      Objects.requireNonNull(certificate, "certificate");
      Objects.requireNonNull(privateKey, "privateKey");
    }

    /**
     * Without the key.
     *
     * @return a description safe for logs
     */
    @Override
    public String toString() {
      return "Issued[" + certificate.getSubjectX500Principal() + "]";
    }
  }

  /**
   * A CA with a server and a client certificate it issued.
   *
   * @param ca the CA
   * @param server the server certificate (server authentication)
   * @param client the client certificate (client authentication)
   */
  public record Bundle(Issued ca, Issued server, Issued client) {
    /** Checks the members. */
    public Bundle {
      Objects.requireNonNull(ca, "ca");
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(client, "client");
    }

    /**
     * Writes the {@link #FILE_NAMES} into a folder (created when missing). Keys get owner-only
     * permissions ({@code 0600}) where the file system has POSIX permissions, certificates {@code
     * 0644}. Each file is written to a temporary file first and moved into place.
     *
     * @param folder the folder
     * @param overwrite whether existing files may be replaced
     * @return the written files, in {@link #FILE_NAMES} order
     * @throws FileAlreadyExistsException when a file exists and {@code overwrite} is false (nothing
     *     is written then)
     * @throws IOException when the folder or a file cannot be written
     */
    public List<Path> writeTo(Path folder, boolean overwrite) throws IOException {
      List<Path> files = new ArrayList<>();
      for (String name : FILE_NAMES) {
        files.add(folder.resolve(name));
      }
      if (!overwrite) {
        for (Path file : files) {
          if (Files.exists(file)) {
            throw new FileAlreadyExistsException(file.toString());
          }
        }
      }
      Files.createDirectories(folder);
      Issued[] issued = {ca, server, client};
      for (int i = 0; i < issued.length; i++) {
        write(files.get(2 * i), Pem.encode(List.of(issued[i].certificate())), "rw-r--r--");
        write(files.get(2 * i + 1), Pem.encode(issued[i].privateKey()), "rw-------");
      }
      return List.copyOf(files);
    }

    private static void write(Path file, String content, String permissions) throws IOException {
      Path parent = file.toAbsolutePath().getParent();
      Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
      try {
        try {
          Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
          // no POSIX permissions on this file system (Windows): the folder's ACL applies
        }
        Files.writeString(tmp, content, StandardCharsets.US_ASCII);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
  }

  /**
   * A new CA with server and client certificates, valid from an hour ago (clock skew) for {@code
   * validity}.
   *
   * @param extraHosts host names or IP addresses the server certificate covers besides {@link
   *     #DEFAULT_HOSTS}
   * @param validity how long the certificates are valid
   * @return the bundle
   * @throws IllegalArgumentException on a malformed host or a non-positive validity
   */
  public static Bundle create(List<String> extraHosts, Duration validity) {
    return create(extraHosts, validity, Clock.systemUTC());
  }

  /**
   * As {@link #create(List, Duration)} with a clock (tests make expired certificates with it).
   *
   * @param extraHosts further host names or IP addresses of the server certificate
   * @param validity how long the certificates are valid
   * @param clock the issue time
   * @return the bundle
   * @throws IllegalArgumentException on a malformed host or a non-positive validity
   */
  public static Bundle create(List<String> extraHosts, Duration validity, Clock clock) {
    Objects.requireNonNull(validity, "validity");
    if (validity.isNegative() || validity.isZero()) {
      throw new IllegalArgumentException("validity must be positive: " + validity);
    }
    Set<String> hosts = new LinkedHashSet<>();
    for (String host : DEFAULT_HOSTS) {
      hosts.add(normalizeHost(host));
    }
    for (String host : extraHosts) {
      hosts.add(normalizeHost(host));
    }
    Instant notBefore = clock.instant().minus(BACKDATE);
    Instant notAfter = clock.instant().plus(validity);
    try {
      KeyPair caKeys = newKeyPair();
      X500Name caName =
          new X500Name("CN=ff development CA " + serial().toString(16).substring(0, 8));
      X509v3CertificateBuilder caBuilder =
          new JcaX509v3CertificateBuilder(
              caName,
              serial(),
              Date.from(notBefore),
              Date.from(notAfter),
              caName,
              caKeys.getPublic());
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      caBuilder
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(
              Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(
              Extension.subjectKeyIdentifier,
              false,
              extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
      X509Certificate caCertificate = sign(caBuilder, caKeys.getPrivate());
      Issued ca = new Issued(caCertificate, caKeys.getPrivate());

      List<GeneralName> names = new ArrayList<>();
      for (String host : hosts) {
        names.add(
            isIpAddress(host)
                ? new GeneralName(GeneralName.iPAddress, host)
                : new GeneralName(GeneralName.dNSName, host));
      }
      Issued server =
          leaf(
              ca,
              "CN=" + hosts.iterator().next(),
              KeyPurposeId.id_kp_serverAuth,
              new GeneralNames(names.toArray(GeneralName[]::new)),
              notBefore,
              notAfter);
      Issued client =
          leaf(ca, "CN=" + CLIENT_NAME, KeyPurposeId.id_kp_clientAuth, null, notBefore, notAfter);
      return new Bundle(ca, server, client);
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot create certificates: " + e.getMessage(), e);
    }
  }

  private static Issued leaf(
      Issued ca,
      String subject,
      KeyPurposeId purpose,
      GeneralNames alternativeNames,
      Instant notBefore,
      Instant notAfter)
      throws GeneralSecurityException, OperatorCreationException, CertIOException {
    KeyPair keys = newKeyPair();
    JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
    X509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
                ca.certificate(),
                serial(),
                Date.from(notBefore),
                Date.from(notAfter),
                new X500Name(subject),
                keys.getPublic())
            .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
            .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
            .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose))
            .addExtension(
                Extension.subjectKeyIdentifier,
                false,
                extensions.createSubjectKeyIdentifier(keys.getPublic()))
            .addExtension(
                Extension.authorityKeyIdentifier,
                false,
                extensions.createAuthorityKeyIdentifier(ca.certificate()));
    if (alternativeNames != null) {
      builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames);
    }
    return new Issued(sign(builder, ca.privateKey()), keys.getPrivate());
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
  }

  private static KeyPair newKeyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static BigInteger serial() {
    return new BigInteger(127, RANDOM).setBit(120);
  }

  /**
   * A host name (lower-cased; a leading {@code *.} wildcard allowed) or an IP address literal.
   *
   * @param host the host as given
   * @return the host as it goes into the certificate
   * @throws IllegalArgumentException when it is neither
   */
  static String normalizeHost(String host) {
    String value = host == null ? "" : host.trim().toLowerCase(Locale.ROOT);
    if (value.startsWith("[") && value.endsWith("]")) {
      value = value.substring(1, value.length() - 1);
    }
    if (isIpAddress(value)) {
      try {
        return InetAddress.getByName(value).getHostAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP address: '" + host + "'", e);
      }
    }
    if (value.length() > 253 || !DNS_NAME.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "not a host name or IP address: '" + host + "' (letters, digits, '-' and '.')");
    }
    return value;
  }

  private static boolean isIpAddress(String value) {
    if (IPV4.matcher(value).matches()) {
      for (String part : value.split("\\.")) {
        if (Integer.parseInt(part) > 255) {
          throw new IllegalArgumentException("not an IP address: '" + value + "'");
        }
      }
      return true;
    }
    return value.contains(":") && value.matches("^[0-9a-f:.]+$");
  }
}
