package exchange.safeguarding.kit.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 of a request as it was understood (re-serialised, so spacing and field order in the sender's JSON do not
 * matter): a retry under the same Idempotency-Key must ask for the same thing.
 */
@ApplicationScoped
public class RequestFingerprint {

    private final ObjectMapper json;

    public RequestFingerprint(ObjectMapper json) {
        this.json = json;
    }

    public String of(Object request) {
        try {
            byte[] canonical = json.writeValueAsString(request).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a request that was read cannot be written again", e);
        }
    }

    /** The key (validated) with the request's fingerprint; null when the caller sent no key. */
    public KeyedRequest keyed(String idempotencyKey, Object request) {
        return IdempotencyKey.validated(idempotencyKey) == null ? null : new KeyedRequest(idempotencyKey, of(request));
    }
}
