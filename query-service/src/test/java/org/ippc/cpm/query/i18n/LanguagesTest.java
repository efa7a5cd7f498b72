package org.ippc.cpm.query.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.ippc.cpm.command.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The engine answers people in their language: a refusal's detail by Accept-Language (its type, title and rule
 * unchanged), and the catalogue of any of the six without sign-in. Same engine as {@code SessionPapersTest}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "cpm.demo.load=true",
            "server.shutdown=immediate",
            "spring.datasource.url=jdbc:h2:mem:papers;NON_KEYWORDS=TIMESTAMP,VALUE;DB_CLOSE_DELAY=-1"
        })
class LanguagesTest {

    private static final String SAME_LANGUAGE = """
            {"subject":"programme:surveillance-pilot","text":"PROGRAMME_TITLE","original":"EN","language":"EN",
             "translation":"Pilot","rationale":"Translated"}""";

    @LocalServerPort
    int port;

    @Test
    void a_refusal_s_detail_is_in_the_language_asked_for_and_its_type_title_and_rule_stay() {
        HttpApi api = new HttpApi(port);
        HttpApi.Answer english = api.post("secretariat", "translateText", SAME_LANGUAGE, Map.of());
        HttpApi.Answer french =
                api.post("secretariat", "translateText", SAME_LANGUAGE, Map.of("Accept-Language", "fr-CH, en;q=0.5"));
        HttpApi.Answer arabic =
                api.post("secretariat", "translateText", SAME_LANGUAGE, Map.of("Accept-Language", "ar"));
        assertThat(english.status()).isEqualTo(409);
        assertThat(english.rule()).isEqualTo("T1");
        String facts = english.body().get("detail").asText();
        assertThat(facts).startsWith("T1: a translation of PROGRAMME_TITLE must be in another language");
        for (HttpApi.Answer translated : new HttpApi.Answer[] {french, arabic}) {
            assertThat(translated.status()).isEqualTo(409);
            assertThat(translated.rule()).isEqualTo("T1");
            assertThat(translated.body().get("title")).isEqualTo(english.body().get("title"));
            assertThat(translated.body().get("type")).isEqualTo(english.body().get("type"));
            assertThat(translated.body().get("detail").asText()).contains(facts);
        }
        assertThat(french.body().get("detail").asText())
                .startsWith("Une traduction se fait dans une autre langue que l'originale");
        assertThat(french.headers().firstValue("Content-Language")).hasValue("fr");
        assertThat(arabic.body().get("detail").asText()).startsWith("تكون الترجمة إلى لغة غير اللغة الأصلية");
        HttpApi.Answer chinese = api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/query/sessions/CPM-99/agenda"))
                .header("Authorization", HttpApi.basic("viewer", "viewer"))
                .header("Accept-Language", "zh-CN")
                .build());
        assertThat(chinese.status()).isEqualTo(404);
        assertThat(chinese.body().get("detail").asText())
                .startsWith("此处没有以此名称为标识的内容")
                .contains("CPM-99");
    }

    @Test
    void the_catalogue_of_each_language_is_public_and_says_its_direction() {
        HttpApi api = new HttpApi(port);
        for (String language : new String[] {"ar", "en", "es", "fr", "ru", "zh"}) {
            HttpApi.Answer answer = api.get(null, "/api/messages/" + language);
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("direction").asText()).isEqualTo(language.equals("ar") ? "rtl" : "ltr");
            assertThat(answer.body().get("messages").get("ui.nav.board").asText())
                    .isNotBlank();
        }
        assertThat(api.get(null, "/api/messages/de").status()).isEqualTo(400);
    }
}
