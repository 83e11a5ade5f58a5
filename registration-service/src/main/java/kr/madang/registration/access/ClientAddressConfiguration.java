package kr.madang.registration.access;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The client address of every request, resolved once, before any security chain (see {@link ClientAddresses}). */
@Configuration
public class ClientAddressConfiguration {

    @Bean
    ClientAddresses clientAddresses(@Value("${madang.registration.trusted-proxies:}") List<String> trustedProxies) {
        return new ClientAddresses(trustedProxies);
    }

    @Bean
    FilterRegistrationBean<ClientAddressFilter> madangClientAddressFilter(ClientAddresses addresses) {
        FilterRegistrationBean<ClientAddressFilter> registration =
                new FilterRegistrationBean<>(new ClientAddressFilter(addresses));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20); // long before Spring Security's chains (-100)
        return registration;
    }
}
