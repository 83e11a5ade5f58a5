package kr.madang.platform.sealing;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import kr.madang.schemas.sealing.FieldSealer;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keys            key id → base64 of 32 random bytes: the service keys shared by the services that may read
 *                        sealed fields (never by integrators); several while a rotation is under way
 * @param activeKey       the id of the key that seals; the others only open what was sealed before
 * @param consumeSubjectKeys whether this service keeps copies of persons' data keys (it reads their sealed data)
 */
@ConfigurationProperties("madang.sealing")
public record SealingProperties(Map<String, String> keys, String activeKey, Boolean consumeSubjectKeys) {

    public SealingProperties {
        keys = keys == null ? Map.of() : keys;
        consumeSubjectKeys = consumeSubjectKeys != null && consumeSubjectKeys;
    }

    public FieldSealer sealer() {
        if (keys.isEmpty() || activeKey == null) {
            throw new IllegalStateException("madang.sealing.keys and madang.sealing.active-key must be configured");
        }
        Map<String, byte[]> decoded = new LinkedHashMap<>();
        keys.forEach((id, secret) -> decoded.put(id, Base64.getDecoder().decode(secret)));
        return new FieldSealer(decoded, activeKey);
    }
}
