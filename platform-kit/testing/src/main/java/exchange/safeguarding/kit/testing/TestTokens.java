package exchange.safeguarding.kit.testing;

import io.smallrye.jwt.build.Jwt;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Signed bearer tokens shaped like Keycloak's: realm roles, the organisation claim and the API audience. */
public final class TestTokens {

    public static final String AUDIENCE = "safeguarding-exchange-api";

    private TestTokens() {
    }

    public static String token(String user, String organisation, String... roles) {
        return Jwt.preferredUserName(user)
                .subject(UUID.nameUUIDFromBytes(user.getBytes()).toString())
                .groups(Set.of(roles))
                .issuer(OidcTestServer.ISSUER)
                .audience(AUDIENCE)
                .claim("organisation", organisation)
                .jws().keyId("1")
                .sign("privateKey.jwk");
    }

    /** A token for another audience: services must refuse it. */
    public static String tokenForAudience(String audience, String user, String organisation, String... roles) {
        return Jwt.preferredUserName(user).groups(Set.of(roles)).issuer(OidcTestServer.ISSUER).audience(audience)
                .claim("organisation", organisation).jws().keyId("1").sign("privateKey.jwk");
    }

    /** A token that expired an hour ago. */
    public static String expiredToken(String user, String organisation, String... roles) {
        Instant past = Instant.now().minusSeconds(3600);
        return Jwt.preferredUserName(user).groups(Set.of(roles)).issuer(OidcTestServer.ISSUER).audience(AUDIENCE)
                .claim("organisation", organisation).issuedAt(past.minusSeconds(600)).expiresAt(past)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
