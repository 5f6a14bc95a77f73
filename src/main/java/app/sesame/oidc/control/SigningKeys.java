package app.sesame.oidc.control;

import app.sesame.oidc.entity.SigningKeyRow;
import app.sesame.secrets.control.Sealed;
import app.sesame.secrets.control.SecretBox;
import app.sesame.secrets.control.Tokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The keys the portal signs its tokens with: ES256 (P-256), the private part sealed with the
 * encryption key. A new key is made a day before it starts signing, so that apps that cache the
 * published keys have it by then; the one it replaces stays published a day longer than tokens
 * signed with it live. Every node reads the keys from the database and keeps them a minute.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SigningKeys {
  private static final Logger LOG = Logger.getLogger(SigningKeys.class.getName());
  static final String PURPOSE = "oidc-signing-key";

  /** How long a key signs before the next one takes over. */
  static final Duration LIFETIME = Duration.ofDays(30);

  /** How long a key is published before it signs, and after it stopped. */
  static final Duration OVERLAP = Duration.ofDays(1);

  private static final Duration KEPT_IN_MEMORY = Duration.ofMinutes(1);

  /** For a key rotation: the private keys are sealed. */
  @Produces
  static final Sealed PRIVATE_KEYS =
      Sealed.values("oidc_signing_key", "private_jwk", "'" + PURPOSE + "'");

  @PersistenceContext EntityManager em;
  @Inject SecretBox secrets;

  private volatile Loaded loaded;

  private record Loaded(ECKey signing, JWKSet published, Instant at) {}

  /** Signs the claims with the current key, with the given type in the header. */
  public String sign(JWTClaimsSet claims, JOSEObjectType type) {
    ECKey key = current().signing();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).type(type).build(),
            claims);
    try {
      jwt.sign(new ECDSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException("An ES256 signature failed", e);
    }
    return jwt.serialize();
  }

  /** The public keys an app verifies signatures with. */
  public JWKSet published() {
    return current().published();
  }

  /**
   * The claims of a token this portal signed, if its signature holds with a published key, its
   * algorithm is ES256, its type the one expected and it has not expired (when checked).
   */
  public Optional<JWTClaimsSet> verify(
      String token, JOSEObjectType type, String issuer, boolean checkExpiry) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSTypeVerifier(
        (header, context) -> {
          if (!type.equals(header)) {
            throw new com.nimbusds.jose.proc.BadJOSEException("not a " + type);
          }
        });
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.ES256, new ImmutableJWKSet<>(current().published())));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "iat")) {
          @Override
          public void verify(JWTClaimsSet claims, SecurityContext context)
              throws com.nimbusds.jwt.proc.BadJWTException {
            if (checkExpiry || claims.getExpirationTime() == null) {
              super.verify(claims, context);
            } else if (!issuer.equals(claims.getIssuer())) {
              throw new com.nimbusds.jwt.proc.BadJWTException("another issuer");
            }
          }
        });
    try {
      return Optional.of(processor.process(token, null));
    } catch (ParseException | com.nimbusds.jose.proc.BadJOSEException | JOSEException wrong) {
      return Optional.empty();
    }
  }

  private Loaded current() {
    Loaded now = loaded;
    if (now == null || now.at().plus(KEPT_IN_MEMORY).isBefore(Instant.now())) {
      now = load(Instant.now());
      loaded = now;
    }
    return now;
  }

  /** Reads the keys, making the next one when the current one nears its end. */
  private Loaded load(Instant now) {
    List<SigningKeyRow> rows = rows();
    if (needsNewKey(rows.stream().map(SigningKeyRow::getCreatedAt).toList(), now)) {
      rows.add(0, create(now));
    }
    Choice choice = choose(rows.stream().map(SigningKeyRow::getCreatedAt).toList(), now);
    List<com.nimbusds.jose.jwk.JWK> published = new ArrayList<>();
    ECKey signingKey = null;
    for (int i : choice.published()) {
      ECKey key = open(rows.get(i));
      published.add(key.toPublicJWK());
      if (i == choice.signing()) {
        signingKey = key;
      }
    }
    return new Loaded(signingKey, new JWKSet(published), now);
  }

  /** Which key signs and which are published, by their indexes in the list, newest first. */
  record Choice(int signing, List<Integer> published) {}

  /** Whether a new key is due: none yet, or the newest has signed its time. */
  static boolean needsNewKey(List<Instant> made, Instant now) {
    return made.isEmpty() || made.get(0).isBefore(now.minus(LIFETIME));
  }

  /**
   * The newest key made at least a day ago signs (the very first one signs at once); published are
   * it, any newer one (about to sign), and any older one whose tokens may still be in flight: until
   * a day after it stopped signing.
   */
  static Choice choose(List<Instant> made, Instant now) {
    int signing = made.size() - 1;
    for (int i = 0; i < made.size(); i++) {
      if (!made.get(i).isAfter(now.minus(OVERLAP))) {
        signing = i;
        break;
      }
    }
    List<Integer> published = new ArrayList<>();
    for (int i = 0; i < made.size(); i++) {
      if (i <= signing || made.get(i).isAfter(now.minus(LIFETIME.plus(OVERLAP).plus(OVERLAP)))) {
        published.add(i);
      }
    }
    return new Choice(signing, published);
  }

  private List<SigningKeyRow> rows() {
    return new ArrayList<>(
        em.createQuery(
                "select k from SigningKeyRow k order by k.createdAt desc, k.id desc",
                SigningKeyRow.class)
            .getResultList());
  }

  private SigningKeyRow create(Instant now) {
    try {
      ECKey key =
          new ECKeyGenerator(Curve.P_256)
              .keyUse(KeyUse.SIGNATURE)
              .algorithm(JWSAlgorithm.ES256)
              .keyID(Tokens.newToken().substring(0, 16))
              .generate();
      SigningKeyRow row =
          new SigningKeyRow(
              key.getKeyID(),
              secrets.encrypt(key.toJSONString().getBytes(StandardCharsets.UTF_8), PURPOSE),
              now);
      em.persist(row);
      em.flush();
      LOG.info("Made a new signing key for ID tokens: " + key.getKeyID());
      return row;
    } catch (JOSEException e) {
      throw new IllegalStateException("A P-256 key could not be made", e);
    }
  }

  private ECKey open(SigningKeyRow row) {
    try {
      return ECKey.parse(
          new String(secrets.decrypt(row.getPrivateJwk(), PURPOSE), StandardCharsets.UTF_8));
    } catch (ParseException e) {
      throw new IllegalStateException("Signing key " + row.getKid() + " is not a JWK", e);
    }
  }
}
