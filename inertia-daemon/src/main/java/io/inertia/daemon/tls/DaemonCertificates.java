package io.inertia.daemon.tls;

import io.inertia.common.tls.CertificateFingerprints;
import io.inertia.daemon.settings.SecretFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds or creates {@code <secrets>/ssl/daemon.{cert,key}} (docs/original.md#tls-certificate). When both files are missing, it generates
 * an EC P-256 key and a self-signed certificate valid for {@link #VALIDITY} with SANs for the {@code host} argument (an
 * IP SAN for an address, a DNS SAN for a name), {@code localhost} and {@code 127.0.0.1}; the key is written as PKCS#8
 * PEM with mode 0600. Existing files are used as they are (PKCS#8 and PKCS#1 keys load). There is no renewal: after
 * ten years, or to change the host, delete both files and restart (the CLI must then re-pin the fingerprint).
 *
 * <p>Logs "Found certificates in …" or "No certificates found in … - generating new ones..." and the fingerprint.
 */
public final class DaemonCertificates {
  /** Lifetime of a generated certificate. */
  public static final Duration VALIDITY = Duration.ofDays(3650);

  private static final Logger LOG = LoggerFactory.getLogger(DaemonCertificates.class);
  private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

  private DaemonCertificates() {}

  /** The certificate and key files in {@code sslDir}. */
  public static Path certFile(Path sslDir) {
    return sslDir.resolve("daemon.cert");
  }

  public static Path keyFile(Path sslDir) {
    return sslDir.resolve("daemon.key");
  }

  /**
   * Loads the pair from {@code sslDir}, generating it first when both files are missing.
   *
   * @throws TlsSetupException when only one file exists or a file cannot be read, parsed or written
   */
  public static TlsMaterial ensure(Path sslDir, String host) {
    Path cert = certFile(sslDir);
    Path key = keyFile(sslDir);
    boolean certExists = Files.exists(cert);
    boolean keyExists = Files.exists(key);
    if (certExists && keyExists) {
      LOG.info("Found certificates in {}", sslDir);
    } else if (!certExists && !keyExists) {
      LOG.info("No certificates found in {} - generating new ones...", sslDir);
      generate(sslDir, host);
    } else {
      throw new TlsSetupException(
          "found only " + (certExists ? cert : key) + " in " + sslDir
              + ": put both daemon.cert and daemon.key there, or remove both to have new ones generated");
    }
    TlsMaterial material = load(cert, key);
    LOG.info("TLS certificate fingerprint {}", CertificateFingerprints.sha256(material.chain()[0]));
    return material;
  }

  /** Reads a PEM certificate chain and a PEM private key (PKCS#8 or PKCS#1). */
  public static TlsMaterial load(Path certFile, Path keyFile) {
    List<X509Certificate> chain = new ArrayList<>();
    JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
    try (Reader r = Files.newBufferedReader(certFile, StandardCharsets.US_ASCII);
        PEMParser p = new PEMParser(r)) {
      Object o;
      while ((o = p.readObject()) != null) {
        if (o instanceof X509CertificateHolder h) {
          chain.add(converter.getCertificate(h));
        }
      }
    } catch (IOException | CertificateException e) {
      throw new TlsSetupException("cannot read certificate " + certFile + ": " + e.getMessage(), e);
    }
    if (chain.isEmpty()) {
      throw new TlsSetupException("no PEM certificate found in " + certFile);
    }
    PrivateKey privateKey;
    try (Reader r = Files.newBufferedReader(keyFile, StandardCharsets.US_ASCII);
        PEMParser p = new PEMParser(r)) {
      Object o = p.readObject();
      JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
      if (o instanceof PEMKeyPair pair) {
        privateKey = keys.getPrivateKey(pair.getPrivateKeyInfo());
      } else if (o instanceof PrivateKeyInfo info) {
        privateKey = keys.getPrivateKey(info);
      } else {
        throw new TlsSetupException(
            "no unencrypted PEM private key (PKCS#8 or PKCS#1) found in " + keyFile);
      }
    } catch (IOException e) {
      throw new TlsSetupException("cannot read private key " + keyFile + ": " + e.getMessage(), e);
    }
    return new TlsMaterial(privateKey, chain.toArray(X509Certificate[]::new));
  }

  static void generate(Path sslDir, String host) {
    try {
      Files.createDirectories(sslDir);
      // EC P-256 rather than the original's RSA-2048: a TLS handshake costs the server ~10x less CPU, which matters
      // when a burst of webhook deliveries each opens a connection on a small VPS (docs/performance.md, P3).
      KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
      gen.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
      KeyPair pair = gen.generateKeyPair();
      X509Certificate cert = selfSigned(pair, host, "SHA256withECDSA");

      Path keyTmp = sslDir.resolve("daemon.key.tmp");
      Files.deleteIfExists(keyTmp);
      Files.createFile(keyTmp);
      SecretFiles.ownerOnly(keyTmp);
      try (Writer w = Files.newBufferedWriter(keyTmp, StandardCharsets.US_ASCII);
          JcaPEMWriter pem = new JcaPEMWriter(w)) {
        pem.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(pair.getPrivate(), null));
      }
      Path certTmp = sslDir.resolve("daemon.cert.tmp");
      try (Writer w = Files.newBufferedWriter(certTmp, StandardCharsets.US_ASCII);
          JcaPEMWriter pem = new JcaPEMWriter(w)) {
        pem.writeObject(cert);
      }
      Files.move(keyTmp, keyFile(sslDir), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      Files.move(certTmp, certFile(sslDir), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | java.security.GeneralSecurityException | OperatorCreationException e) {
      throw new TlsSetupException("cannot generate a certificate in " + sslDir + ": " + e.getMessage(), e);
    }
  }

  /** A self-signed server certificate for {@code pair} with the SANs of {@link #sans}. */
  static X509Certificate selfSigned(KeyPair pair, String host, String signatureAlgorithm)
      throws java.security.GeneralSecurityException, OperatorCreationException, IOException {
    X500Name subject = new X500Name("O=Inertia,CN=" + sanitise(host == null || host.isBlank() ? "localhost" : host));
    Instant now = Instant.now();
    X509v3CertificateBuilder b =
        new X509v3CertificateBuilder(
            subject,
            new BigInteger(127, new SecureRandom()),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(VALIDITY)),
            subject,
            SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded()));
    b.addExtension(org.bouncycastle.asn1.x509.Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(
        org.bouncycastle.asn1.x509.Extension.keyUsage,
        true,
        new KeyUsage(KeyUsage.digitalSignature));
    b.addExtension(
        org.bouncycastle.asn1.x509.Extension.extendedKeyUsage,
        false,
        new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    b.addExtension(
        org.bouncycastle.asn1.x509.Extension.subjectAlternativeName, false, new GeneralNames(sans(host)));
    X509CertificateHolder holder =
        b.build(new JcaContentSignerBuilder(signatureAlgorithm).build(pair.getPrivate()));
    return new JcaX509CertificateConverter().getCertificate(holder);
  }

  /** SANs for {@code host} plus {@code localhost} and {@code 127.0.0.1}, without duplicates. */
  static GeneralName[] sans(String host) {
    Set<String> dns = new LinkedHashSet<>();
    Set<String> ips = new LinkedHashSet<>();
    if (host != null && !host.isBlank()) {
      String h = host.trim();
      if (h.startsWith("[") && h.endsWith("]")) {
        h = h.substring(1, h.length() - 1);
      }
      if (IPV4.matcher(h).matches() || h.contains(":")) {
        ips.add(h);
      } else {
        dns.add(h);
      }
    }
    dns.add("localhost");
    ips.add("127.0.0.1");
    List<GeneralName> names = new ArrayList<>();
    dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
    for (String ip : ips) {
      try {
        names.add(new GeneralName(GeneralName.iPAddress, InetAddress.getByName(ip).getHostAddress()));
      } catch (IOException e) {
        throw new TlsSetupException("'" + ip + "' is not a valid IP address for the certificate", e);
      }
    }
    return names.toArray(GeneralName[]::new);
  }

  private static String sanitise(String host) {
    return host.replaceAll("[^A-Za-z0-9.:\\-]", "_");
  }
}
