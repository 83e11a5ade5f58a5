package kr.madang.registration.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ClientAddressesUnitTests {

    private final ClientAddresses behindProxies = new ClientAddresses(List.of("10.0.0.0/8", " 192.0.2.7 ", "2001:db8::/32"));

    @Test
    void withNoTrustedProxiesTheHeaderIsIgnored() {
        ClientAddresses none = new ClientAddresses(List.of());
        assertThat(none.clientOf("198.51.100.1", "203.0.113.9")).isEqualTo("198.51.100.1");
        assertThat(none.clientOf("10.0.0.1", "203.0.113.9")).isEqualTo("10.0.0.1");
    }

    @Test
    void theHeaderOfAnUntrustedPeerIsIgnored() {
        assertThat(behindProxies.clientOf("198.51.100.1", "203.0.113.9")).isEqualTo("198.51.100.1");
        assertThat(behindProxies.clientOf("10.0.0.255", "203.0.113.9")).isEqualTo("203.0.113.9");
        assertThat(behindProxies.clientOf("11.0.0.1", "203.0.113.9")).as("outside 10/8").isEqualTo("11.0.0.1");
    }

    @Test
    void theHeaderIsReadFromTheRightUpToTheFirstAddressNoTrustedProxyAdded() {
        // The client put "6.6.6.6" in front itself; our proxies appended 203.0.113.7 (the client) and 10.0.0.1.
        assertThat(behindProxies.clientOf("192.0.2.7", "6.6.6.6, 203.0.113.7, 10.0.0.1")).isEqualTo("203.0.113.7");
        assertThat(behindProxies.clientOf("10.1.2.3", "10.0.0.1, 192.0.2.7")).as("only proxies: the leftmost")
                .isEqualTo("10.0.0.1");
        assertThat(behindProxies.clientOf("10.1.2.3", "not-an-address, 10.0.0.9"))
                .as("garbage stops the walk at the last address a proxy vouched for").isEqualTo("10.0.0.9");
        assertThat(behindProxies.clientOf("2001:db8:0:0:0:0:0:1", "2001:db9::5")).isEqualTo("2001:db9::5");
        assertThat(behindProxies.clientOf("10.0.0.1", null)).isEqualTo("10.0.0.1");
    }

    @Test
    void aBadEntryIsAConfigurationErrorNamingTheProperty() {
        assertThatThrownBy(() -> new ClientAddresses(List.of("proxy.example.kr")))
                .hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> new ClientAddresses(List.of("10.0.0.0/33"))).hasMessageContaining("trusted-proxies");
        assertThatThrownBy(() -> new ClientAddresses(List.of("300.0.0.1"))).hasMessageContaining("trusted-proxies");
    }
}
