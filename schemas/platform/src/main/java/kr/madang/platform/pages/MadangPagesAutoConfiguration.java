package kr.madang.platform.pages;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.util.ClassUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * Page plumbing shared by the services' server-rendered pages: Korean first with an English switch ({@code ?lang=en},
 * kept in a cookie), message bundles ({@code madang/messages} plus each service's {@code messages-*}), a session-based
 * security chain with CSRF and strict headers for every path outside the stateless JSON API, sign-in through the
 * configured OpenID provider and, only when {@code madang.dev-sign-in.enabled=true}, a dev sign-in.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration",
        "org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = {"org.thymeleaf.spring6.SpringTemplateEngine",
        "org.springframework.security.config.annotation.web.builders.HttpSecurity"})
public class MadangPagesAutoConfiguration {

    public static final String LANGUAGE_COOKIE = "madang-lang";
    static final Set<String> LANGUAGES = Set.of("ko", "en");
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    /** Every {@code messages-*.properties} bundle on the class path (one per service), then the shared one. */
    @Bean
    MessageSource messageSource() throws IOException {
        Set<String> basenames = new TreeSet<>();
        for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:messages-*.properties")) {
            String name = r.getFilename();
            if (name != null && !name.matches(".*_[a-z]{2}(_[A-Z]{2})?\\.properties")) {
                basenames.add("classpath:" + name.substring(0, name.length() - ".properties".length()));
            }
        }
        List<String> all = new ArrayList<>(basenames);
        all.add("classpath:madang/messages");
        ReloadableResourceBundleMessageSource messages = new ReloadableResourceBundleMessageSource();
        messages.setBasenames(all.toArray(String[]::new));
        messages.setDefaultEncoding("UTF-8");
        // Korean is the default bundle: an unknown locale falls back to it, never to the server's locale.
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.KOREAN);
        return messages;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        resolver.setDefaultLocale(Locale.KOREAN);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /** {@code ?lang=ko|en} switches and remembers the language; anything else is ignored. */
    @Bean
    WebMvcConfigurer madangLanguageSwitch(LocaleResolver localeResolver) {
        HandlerInterceptor interceptor = new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                String lang = request.getParameter("lang");
                if (lang != null && LANGUAGES.contains(lang)) {
                    localeResolver.setLocale(request, response, Locale.forLanguageTag(lang));
                }
                return true;
            }
        };
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).excludePathPatterns("/api/**", "/actuator/**");
            }
        };
    }

    /** True for requests the page chain owns: everything but the JSON API, actuator and API docs. */
    static boolean isPageRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator")
                || path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui") || path.equals("/error"));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    SecurityFilterChain madangPageSecurity(HttpSecurity http, ObjectProvider<PageSite> sites,
                                           ApplicationContext context) throws Exception {
        List<String> open = new ArrayList<>(List.of("/madang/**", "/static/**", "/favicon.ico", "/sign-in",
                "/sign-in/**", "/login/oauth2/**", "/oauth2/**"));
        sites.orderedStream().forEach(site -> open.addAll(site.publicPaths()));
        http.securityMatcher(MadangPagesAutoConfiguration::isPageRequest)
                .authorizeHttpRequests(a -> a
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        // Signed links carry their grant in the address: never send it on as a referrer.
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                        .permissionsPolicyHeader(p -> p.policy("camera=(self), microphone=(), geolocation=()")))
                .exceptionHandling(e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
                .logout(l -> l.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signedOut")
                        .deleteCookies(context.getEnvironment().getProperty("server.servlet.session.cookie.name", "JSESSIONID")));
        if (OidcSignIn.configured(context)) {
            OidcSignIn.apply(http);
        }
        return http.build();
    }

    @Bean
    PageModelAdvice madangPageModelAdvice(ObjectProvider<PageSite> site, ObjectProvider<ProblemTexts> problemTexts) {
        return new PageModelAdvice(site, problemTexts);
    }

    @Bean
    PageErrorResolver madangPageErrorResolver(PageModelAdvice layout, LocaleResolver localeResolver) {
        return new PageErrorResolver(layout, localeResolver);
    }

    @Bean
    SignInController madangSignInController(ApplicationContext context, ObjectProvider<PageSite> site,
                                            @Value("${madang.dev-sign-in.enabled:false}") boolean devSignIn,
                                            @Value("${madang.pages.regions:JEJU,GWANGJU_JEONNAM,GANGWON,DAEGU_GYEONGBUK,BUSAN_GYEONGNAM,CHUNGCHEONG,SEOUL_CAPITAL,NATIONAL}") List<String> regions) {
        return new SignInController(OidcSignIn.providers(context), site, devSignIn, regions, context);
    }

    /** The OpenID provider's sign-in, only when a client registration is configured (and its classes are here). */
    static final class OidcSignIn {

        private static final boolean PRESENT = ClassUtils.isPresent(
                "org.springframework.security.oauth2.client.registration.ClientRegistrationRepository",
                OidcSignIn.class.getClassLoader());

        static boolean configured(ApplicationContext context) {
            return !providers(context).isEmpty();
        }

        /** (registration id, client name) of each configured provider. */
        static List<String[]> providers(ApplicationContext context) {
            if (!PRESENT) {
                return List.of();
            }
            var repository = context.getBeanProvider(
                    org.springframework.security.oauth2.client.registration.ClientRegistrationRepository.class).getIfAvailable();
            List<String[]> providers = new ArrayList<>();
            if (repository instanceof Iterable<?> registrations) {
                for (Object r : registrations) {
                    var registration = (org.springframework.security.oauth2.client.registration.ClientRegistration) r;
                    providers.add(new String[]{registration.getRegistrationId(), registration.getClientName()});
                }
            }
            return providers;
        }

        static void apply(HttpSecurity http) throws Exception {
            http.oauth2Login(o -> o.loginPage("/sign-in")
                    .userInfoEndpoint(u -> u.userAuthoritiesMapper(OidcRoles::map)));
        }
    }
}
