package exchange.safeguarding.kit.crypto;

import exchange.safeguarding.kit.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals a secret (AES-256-GCM) so it can travel inside an event that other consumers of the topic also
 * read: only services holding the sealing key can open it. Used for agency gateway signing secrets,
 * which agreement-service issues and notification-service signs with.
 */
@ApplicationScoped
public class SecretSealer {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String PREFIX = "sealed.v1.";

    private final SecureRandom random = new SecureRandom();
    private final PlatformConfig config;

    public SecretSealer(PlatformConfig config) {
        this.config = config;
    }

    public String seal(String secret) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal secret", e);
        }
    }

    public String open(String sealedValue) {
        if (sealedValue == null || !sealedValue.startsWith(PREFIX)) {
            throw new IllegalArgumentException("not a sealed secret");
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealedValue.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed secret cannot be opened with this key", e);
        }
    }

    private SecretKeySpec key() {
        String encoded = config.secretSealingKey()
                .orElseThrow(() -> new IllegalStateException("kit.secret-sealing-key is not configured"));
        byte[] key = Base64.getDecoder().decode(encoded);
        if (key.length != 32) {
            throw new IllegalStateException("kit.secret-sealing-key must be 32 bytes, base64");
        }
        return new SecretKeySpec(key, "AES");
    }
}
