package org.ippc.cpm.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.ippc.cpm.command.EmbeddedPostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production profile's sign-in for people: the dashboard sends the browser to a real OpenID Connect provider
 * (NAV's mock-oauth2-server, started here), takes the code back, exchanges it with PKCE for a token and acts with it;
 * the role comes from the token's claim, as for any client.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "server.shutdown=immediate",
            "cpm.audit.checkpoint-key=a-secret-of-this-test",
            "cpm.outreach.link-key=another-secret-of-this-test"
        })
@ActiveProfiles("production")
class OidcSignInBrowserTest {

    private static final String ISSUER = "ippc";
    private static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void providerAndDatabase(DynamicPropertyRegistry registry) {
        PROVIDER.start();
        registry.add(
                "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> PROVIDER.jwksUrl(ISSUER).toString());
        registry.add("cpm.security.issuer", () -> PROVIDER.issuerUrl(ISSUER).toString());
        registry.add("cpm.security.audience", () -> "cpm-engine");
        registry.add(
                "cpm.security.oidc.authorization-uri",
                () -> PROVIDER.authorizationEndpointUrl(ISSUER).toString());
        registry.add(
                "cpm.security.oidc.token-uri",
                () -> PROVIDER.tokenEndpointUrl(ISSUER).toString());
        registry.add("cpm.security.oidc.client-id", () -> "cpm-dashboard");
        EmbeddedPostgresDatabase.register(registry);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.shutdown();
    }

    @Test
    void a_person_signs_in_with_the_organisation_s_provider_and_acts_with_the_role_its_token_names()
            throws IOException {
        // The provider's tokens for this sign-in (the ID token and the access token) name the Secretariat.
        for (int token = 0; token < 2; token++) {
            PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback(
                    ISSUER, "secretary-9", "JWT", List.of("cpm-engine"), Map.of("cpm_role", "SECRETARIAT"), 3600));
        }
        try (Chromium chromium = new Chromium(port)) {
            chromium.open("/dashboard/act.html?command=openRound");
            chromium.wait.until(d -> d.findElement(By.id("sign-in-oidc"))).click();
            chromium.wait.until(d -> d.findElement(By.id("who")).getText().startsWith("secretary-9"));
            assertThat(chromium.browser.findElement(By.id("who")).getText()).isEqualTo("secretary-9 (Secretariat)");
            assertThat(chromium.browser.getCurrentUrl()).endsWith("/dashboard/act.html?command=openRound");
            chromium.wait.until(
                    d -> !d.findElements(By.cssSelector("#workbench details")).isEmpty());
            assertThat(chromium.browser.findElements(By.cssSelector("#workbench details")))
                    .extracting(action -> action.getAttribute("data-command"))
                    .contains("openRound", "proposePriority")
                    .doesNotContain("selectPriority");
            chromium.screenshot("oidc-signed-in");
            chromium.browser.findElement(By.id("sign-out")).click();
            chromium.wait.until(d -> !d.findElements(By.id("sign-in-oidc")).isEmpty());
        }
    }
}
