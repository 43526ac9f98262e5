package com.classifiedbilling.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The steps of the authorization code flow as a browser and a client make them, over a {@link
 * WebTestClient}: register, open the consent page, post the form (with its CSRF cookie and field),
 * redeem the code. Each step answers what came back, so tests can also take a step wrongly.
 */
public final class OAuthDance {

    static final String CLAUDE_CALLBACK = "https://claude.ai/api/mcp/auth_callback";

    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebTestClient http;

    final String base;

    /** Steps through this client against the server at this base URL (as the client names it). */
    public OAuthDance(WebTestClient http, String base) {
        this.http = http;
        this.base = base;
    }

    /** A registered client and its secret (null for a public client). */
    public record Client(String id, String secret, String redirectUri) {}

    /** A PKCE pair. */
    record Pkce(String verifier, String challenge) {

        static Pkce create() {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            return new Pkce(verifier, challengeOf(verifier));
        }

        static String challengeOf(String verifier) {
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** What came back from a step: status, headers and body. */
    public record Answer(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** The query parameters of the Location header. */
        MultiValueMap<String, String> redirectParams() {
            String location = headers.getFirst(HttpHeaders.LOCATION);
            assertThat(location).as("Location of a %d answer", status).isNotNull();
            return UriComponentsBuilder.fromUriString(location).build().getQueryParams();
        }

        String redirectParam(String name) {
            String value = redirectParams().getFirst(name);
            return value == null ? null : URLDecoder.decode(value, StandardCharsets.UTF_8);
        }
    }

    /** A consent page as shown: its hidden fields and the CSRF cookie that goes with them. */
    record ConsentPage(Answer answer, Map<String, String> fields, String csrfCookie) {}

    Answer register(String json) {
        return answer(http.post()
                .uri("/oauth/register")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectBody(String.class)
                .returnResult());
    }

    public Client registerClaude() {
        Answer answer = register("""
                {"redirect_uris":["https://claude.ai/api/mcp/auth_callback"],
                 "token_endpoint_auth_method":"client_secret_post",
                 "grant_types":["authorization_code","refresh_token"],
                 "response_types":["code"],"client_name":"Claude"}""");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return new Client(
                answer.json().path("client_id").asString(),
                answer.json().path("client_secret").asString(),
                CLAUDE_CALLBACK);
    }

    Client registerPublic(String redirectUri) {
        Answer answer = register("{\"redirect_uris\":[\"" + redirectUri + "\"],\"token_endpoint_auth_method\":\"none\","
                + "\"grant_types\":[\"authorization_code\",\"refresh_token\"],\"client_name\":\"Local tool\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        return new Client(answer.json().path("client_id").asString(), null, redirectUri);
    }

    /** The usual authorization request parameters for a client. */
    Map<String, String> authorization(Client client, Pkce pkce) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", client.id());
        params.put("redirect_uri", client.redirectUri());
        params.put("state", "state-" + RANDOM.nextInt(1_000_000));
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        params.put("scope", "billing:read billing:write");
        params.put("resource", base + "/mcp");
        return params;
    }

    Answer authorize(Map<String, String> params) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/mcp-connect");
        params.forEach((name, value) -> uri.queryParam(name, "{" + name + "}"));
        return answer(http.get()
                .uri(uri.build().toUriString(), params)
                .exchange()
                .expectBody(String.class)
                .returnResult());
    }

    ConsentPage consentPage(Map<String, String> params) {
        Answer answer = authorize(params);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(answer.body());
        while (matcher.find()) {
            fields.put(matcher.group(1), HtmlUtils.htmlUnescape(matcher.group(2)));
        }
        String cookie = answer.headers().get(HttpHeaders.SET_COOKIE).stream()
                .filter(c -> c.startsWith("XSRF-TOKEN="))
                .findFirst()
                .map(c -> c.substring(0, c.indexOf(';')))
                .orElseThrow();
        return new ConsentPage(answer, fields, cookie);
    }

    /** Posts the consent form as the page's browser would, with this key and decision. */
    Answer decide(ConsentPage page, String apiKey, String decision) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        page.fields().forEach(form::add);
        form.add("api_key", apiKey);
        form.add("decision", decision);
        return answer(http.post()
                .uri("/mcp-connect")
                .header(HttpHeaders.COOKIE, page.csrfCookie())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(form)
                .exchange()
                .expectBody(String.class)
                .returnResult());
    }

    /** The whole browser part: a code for this client, approved with this key. */
    String code(Client client, Pkce pkce, String apiKey) {
        Map<String, String> params = authorization(client, pkce);
        Answer approved = decide(consentPage(params), apiKey, "approve");
        assertThat(approved.status()).as(approved.body()).isEqualTo(303);
        assertThat(approved.redirectParam("state")).isEqualTo(params.get("state"));
        return approved.redirectParam("code");
    }

    Answer token(Map<String, String> fields) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        fields.forEach((name, value) -> {
            if (value != null) {
                form.add(name, value);
            }
        });
        return answer(http.post()
                .uri("/api/mcp-token")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue(form)
                .exchange()
                .expectBody(String.class)
                .returnResult());
    }

    /** The token request that redeems a code for a client. */
    Map<String, String> redemption(Client client, String code, Pkce pkce) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "authorization_code");
        fields.put("code", code);
        fields.put("redirect_uri", client.redirectUri());
        fields.put("code_verifier", pkce.verifier());
        fields.put("client_id", client.id());
        fields.put("client_secret", client.secret());
        fields.put("resource", base + "/mcp");
        return fields;
    }

    /** The tokens for a client, approved with this key. */
    public JsonNode tokens(Client client, String apiKey) {
        Pkce pkce = Pkce.create();
        Answer answer = token(redemption(client, code(client, pkce, apiKey), pkce));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    Answer refresh(Client client, String refreshToken) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("grant_type", "refresh_token");
        fields.put("refresh_token", refreshToken);
        fields.put("client_id", client.id());
        fields.put("client_secret", client.secret());
        return token(fields);
    }

    /** A tool call on the JSON door with this bearer. */
    public Answer callTool(String bearer, String tool, String input) {
        return answer(http.post()
                .uri("/api/mcp-server")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"tool\":\"" + tool + "\",\"input\":" + input + "}")
                .exchange()
                .expectBody(String.class)
                .returnResult());
    }

    static Answer answer(EntityExchangeResult<String> result) {
        return new Answer(
                result.getStatus().value(),
                result.getResponseHeaders(),
                result.getResponseBody() == null ? "" : result.getResponseBody());
    }
}
