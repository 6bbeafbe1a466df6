package io.camstream.server.observe;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.NotFoundException;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.observe.DisabledObserverFeature;
import io.helidon.webserver.observe.ObserverConfigBase;
import io.helidon.webserver.observe.health.HealthObserverConfig;
import io.helidon.webserver.observe.spi.Observer;
import io.helidon.webserver.spi.ServerFeature;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * {@code /observe/health} as Helidon's health observer serves it (the same paths, statuses, headers and JSON), over
 * checks that may change while the server runs: Helidon's observer takes its checks once, when it is built, and
 * camstream's cameras come and go with the configuration. Configured under
 * {@code server.features.observe.observers.health} as Helidon's is ({@code endpoint}, {@code enabled},
 * {@code exclude}); details are always shown.
 */
final class HealthEndpoint implements Observer {

    private static final String TYPE = "health";

    private final HealthObserverConfig config;
    private final Supplier<List<HealthCheck>> checks;

    /**
     * @param config Helidon's health observer settings
     * @param checks every check there is now, asked on every request
     */
    HealthEndpoint(HealthObserverConfig config, Supplier<List<HealthCheck>> checks) {
        this.config = config;
        this.checks = checks;
    }

    @Override
    public ObserverConfigBase prototype() {
        return config;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void register(ServerFeature.ServerFeatureContext featureContext, List<HttpRouting.Builder> routings,
                         UnaryOperator<String> endpointFunction) {
        String endpoint = endpointFunction.apply(config.endpoint());
        for (HttpRouting.Builder routing : routings) {
            // A feature, so that the observe feature's weight orders it among the routes.
            routing.addFeature(config.enabled()
                    ? (HttpFeature) rules -> rules.register(endpoint, new Service())
                    : DisabledObserverFeature.create("Health", endpoint + "/*"));
        }
    }

    private final class Service implements HttpService {
        @Override
        public void routing(HttpRules rules) {
            all(rules, "/", check -> true);
            for (HealthCheckType type : HealthCheckType.values()) {
                String path = "/" + type.defaultEndpoint();
                all(rules, path, check -> check.type() == type);
                one(rules, path + "/{name}", check -> check.type() == type);
            }
            one(rules, "/check/{name}", check -> true);
        }

        private void all(HttpRules rules, String path, Predicate<HealthCheck> kind) {
            rules.get(path, (req, res) -> answer(res, responses(kind), true))
                    .head(path, (req, res) -> answer(res, responses(kind), false));
        }

        private void one(HttpRules rules, String path, Predicate<HealthCheck> kind) {
            rules.get(path, (req, res) -> answerOne(req, res, kind, true))
                    .head(path, (req, res) -> answerOne(req, res, kind, false));
        }
    }

    private record Named(String name, HealthCheckResponse response) {
    }

    private List<Named> responses(Predicate<HealthCheck> kind) {
        return checks.get().stream()
                .filter(kind)
                .filter(check -> !config.exclude().contains(check.name()))
                .map(check -> new Named(check.name(), call(check)))
                .toList();
    }

    private void answerOne(ServerRequest req, ServerResponse res, Predicate<HealthCheck> kind, boolean body) {
        String name = req.path().pathParameters().get("name");
        Named found = responses(kind.and(check -> check.path().equals(name))).stream().findFirst()
                .orElseThrow(() -> new NotFoundException(name));
        headers(res, found.response().status(), body);
        if (body) {
            res.send(json(found));
        } else {
            res.send();
        }
    }

    private static void answer(ServerResponse res, List<Named> responses, boolean body) {
        HealthCheckResponse.Status status = HealthCheckResponse.Status.UP;
        for (Named named : responses) {
            HealthCheckResponse.Status one = named.response().status();
            if (one == HealthCheckResponse.Status.ERROR
                    || (one == HealthCheckResponse.Status.DOWN && status == HealthCheckResponse.Status.UP)) {
                status = one;
            }
        }
        res.header(HeaderValues.CACHE_NO_CACHE).header(HeaderValues.X_CONTENT_TYPE_OPTIONS_NOSNIFF);
        headers(res, status, body);
        if (!body) {
            res.send();
            return;
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        responses.forEach(named -> list.add(json(named)));
        res.send(Json.createObjectBuilder().add("status", status.toString()).add("checks", list).build());
    }

    /** Helidon's statuses: UP 200 with details (204 for HEAD, which has none), DOWN 503, ERROR 500. */
    private static void headers(ServerResponse res, HealthCheckResponse.Status status, boolean body) {
        res.status(switch (status) {
            case UP -> body ? Status.OK_200 : Status.NO_CONTENT_204;
            case DOWN -> Status.SERVICE_UNAVAILABLE_503;
            case ERROR -> Status.INTERNAL_SERVER_ERROR_500;
        });
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
    }

    private static HealthCheckResponse call(HealthCheck check) {
        try {
            return check.call();
        } catch (RuntimeException e) {
            return HealthCheckResponse.builder()
                    .status(HealthCheckResponse.Status.ERROR)
                    .detail("error", e.getClass().getName())
                    .detail("message", String.valueOf(e.getMessage()))
                    .build();
        }
    }

    private static JsonObject json(Named named) {
        JsonObjectBuilder check = Json.createObjectBuilder()
                .add("name", named.name())
                .add("status", named.response().status().toString());
        Map<String, Object> details = named.response().details();
        if (!details.isEmpty()) {
            JsonObjectBuilder data = Json.createObjectBuilder();
            details.forEach((key, value) -> add(data, key, value));
            check.add("data", data);
        }
        return check.build();
    }

    private static void add(JsonObjectBuilder data, String key, Object value) {
        switch (value) {
            case Integer i -> data.add(key, i);
            case Long l -> data.add(key, l);
            case Double d -> data.add(key, d);
            case Float f -> data.add(key, f.doubleValue());
            case Boolean b -> data.add(key, b);
            case BigDecimal bd -> data.add(key, bd);
            default -> data.add(key, String.valueOf(value));
        }
    }
}
