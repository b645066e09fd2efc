package org.landfall.platform.problem;

import java.util.Locale;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolver;
import org.hibernate.validator.spi.messageinterpolation.LocaleResolverContext;

/**
 * Hibernate Validator says its messages in the language our problems are said in ({@link Languages}). Quarkus's own
 * resolver matches Accept-Language against {@code quarkus.locales} by RFC 4647 filtering, which leaves {@code zh-TW}
 * or {@code en-US} unmatched and takes a later range instead: then an English problem would carry Chinese messages.
 * Asked before it (the higher priority), this one answers every request.
 */
@Singleton
@Priority(100)
public class RequestLanguage implements LocaleResolver {

    @Inject
    CurrentVertxRequest request;

    @Override
    public Locale resolve(LocaleResolverContext context) {
        if (!Arc.container().requestContext().isActive()) {
            return null; // not a request (a consumer of events): Hibernate Validator's default, English
        }
        RoutingContext current = request.getCurrent();
        return current == null ? null : Languages.of(current.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
