package org.ippc.cpm.query.i18n;

import java.util.Locale;
import java.util.Map;
import org.ippc.cpm.domain.shared.Language;
import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Every problem answer's {@code detail} in the language the request prefers (Accept-Language, the first of the six):
 * what the rule (or else the status) means, from the catalogue, followed by the engine's own sentence with the facts,
 * which is English. {@code type}, {@code title} and {@code rule} stay as they are, for programs.
 */
@ControllerAdvice
class LocalizedProblems implements ResponseBodyAdvice<Object> {

    private final Catalogue catalogue;
    private final MessageSource messages;

    LocalizedProblems(Catalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(
            Object body,
            MethodParameter returnType,
            MediaType selectedContentType,
            Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        if (!(body instanceof ProblemDetail problem)) {
            return body;
        }
        Language language = Languages.preferred(request.getHeaders().getFirst(HttpHeaders.ACCEPT_LANGUAGE));
        response.getHeaders().set(HttpHeaders.CONTENT_LANGUAGE, language.name().toLowerCase(Locale.ROOT));
        if (language == Language.EN) {
            return body;
        }
        Object rule =
                problem.getProperties() == null ? null : problem.getProperties().get("rule");
        String key = rule != null && known("problem.rule." + rule)
                ? "problem.rule." + rule
                : "problem.status." + problem.getStatus();
        if (!known(key)) {
            return body;
        }
        String statement = catalogue.text(language, key);
        problem.setDetail(
                problem.getDetail() == null
                        ? statement
                        : catalogue.text(
                                language,
                                "problem.detail",
                                Map.of("statement", statement, "original", problem.getDetail())));
        return problem;
    }

    private boolean known(String key) {
        return messages.getMessage(key, null, null, Locale.ROOT) != null;
    }
}
