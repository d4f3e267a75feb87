package dev.ff.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemTest {
  @TempDir Path dir;

  private static String traditional(Object key, char[] password) throws Exception {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      if (password == null) {
        writer.writeObject(key);
      } else {
        writer.writeObject(
            key,
            new JcePEMEncryptorBuilder("AES-128-CBC")
                .setProvider(new BouncyCastleProvider()) // OpenSSL's key derivation; not registered
                .build(password));
      }
    }
    return out.toString();
  }

  /** An {@code EC PRIVATE KEY} (SEC 1, curve named inside) as {@code openssl ecparam -genkey}. */
  private static String sec1(KeyPair keys) throws Exception {
    ECPrivateKey sec1 =
        new ECPrivateKey(
            256,
            ((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS(),
            SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded()).getPublicKeyData(),
            new X962Parameters(SECObjectIdentifiers.secp256r1));
    StringWriter out = new StringWriter();
    try (PemWriter writer = new PemWriter(out)) {
      writer.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }
    return out.toString();
  }

  private static X509Certificate selfSigned(KeyPair keys, String algorithm) throws Exception {
    X500Name name = new X500Name("CN=localhost");
    Instant now = Instant.now();
    return new JcaX509CertificateConverter()
        .getCertificate(
            new JcaX509v3CertificateBuilder(
                    name,
                    BigInteger.TEN,
                    Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(1))),
                    name,
                    keys.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
  }

  @Test
  void readsPkcs1RsaKeysAndServesWithThem() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();
    String pem = traditional(keys.getPrivate(), null);
    assertThat(pem).startsWith("-----BEGIN RSA PRIVATE KEY-----");
    Path key = dir.resolve("rsa-key.pem");
    Path cert = dir.resolve("rsa.pem");
    Files.writeString(key, pem);
    Files.writeString(cert, Pem.encode(List.of(selfSigned(keys, "SHA256withRSA"))));

    PrivateKey read = Pem.readPrivateKey(key);

    assertThat(read.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    assertThat(ServerTls.sslContext(TlsSettings.pem(cert, key)).isServer()).isTrue();
  }

  @Test
  void readsSec1EcKeysAndPkcs8RoundTrips() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    String sec1 = sec1(keys);
    assertThat(sec1).startsWith("-----BEGIN EC PRIVATE KEY-----");

    PrivateKey read = Pem.readPrivateKey(sec1, "sec1");
    assertThat(((java.security.interfaces.ECPrivateKey) read).getS())
        .isEqualTo(((java.security.interfaces.ECPrivateKey) keys.getPrivate()).getS());
    assertThat(Credentials.matches(read, keys.getPublic())).isTrue();
    String pkcs8 = Pem.encode(keys.getPrivate());
    assertThat(pkcs8).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(Pem.readPrivateKey(pkcs8, "pkcs8")).isEqualTo(keys.getPrivate());
  }

  @Test
  void encryptedAndDuplicateKeys_areExplained() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    KeyPair keys = generator.generateKeyPair();
    String encrypted = traditional(keys.getPrivate(), "pw".toCharArray());

    assertThatThrownBy(() -> Pem.readPrivateKey(encrypted, "enc.pem"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("enc.pem")
        .hasMessageContaining("encrypted");
    String two = Pem.encode(keys.getPrivate()) + Pem.encode(keys.getPrivate());
    assertThatThrownBy(() -> Pem.readPrivateKey(two, "two.pem"))
        .hasMessageContaining("more than one private key");
    assertThatThrownBy(
            () ->
                Pem.readCertificates(
                    "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "bad.pem"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.pem");
  }
}
