package exchange.safeguarding.deploy.system;

import exchange.safeguarding.deploy.local.PlatformSettings;
import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static exchange.safeguarding.deploy.system.Partnership.url;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one gate, checked from the receiving organisation's side: what it reads of a concern, everywhere it can read
 * it (the concern, the list, the steps, the adult's chronology, its inbox, its gateway's webhooks), is exactly what
 * sharing decisions released to it; and the raising organisation's decision on the route is in the record.
 */
final class WhatTheyRead {

    static final Duration WITHIN = Duration.ofSeconds(30);

    private WhatTheyRead() {
    }

    /**
     * Waits until the organisation's view of the concern rests on decisions that released exactly {@code categories},
     * then checks that none of {@code secrets} (names, words of withheld fields) shows anywhere the organisation reads.
     *
     * @param person a person of the organisation (the chronology is for people), with the gateway checked as well
     */
    static JsonPath exactly(String organisation, String person, String concernId, Set<String> categories, String... secrets) {
        String token = Partnership.user(person);
        JsonPath view = await().atMost(WITHIN).until(() -> given().header("Authorization", token)
                        .get(url(PlatformSettings.CONCERN, "/concerns/" + concernId)).then().statusCode(200).extract().jsonPath(),
                v -> new TreeSet<>(v.getList("access.released", String.class)).equals(new TreeSet<>(categories)));
        assertEquals("SHARING_DECISIONS", view.getString("access.basis"));
        assertFalse(view.getList("access.decisions").isEmpty(), "the reading rests on a recorded decision");
        List<String> withheld = view.getList("access.withheld.category", String.class);
        categories.forEach(c -> assertFalse(withheld.contains(c), c + " is released, so not withheld"));
        assertTrue(view.getList("access.withheld.reason", String.class).stream().noneMatch(String::isBlank),
                "each withheld category says why");

        String concern = given().header("Authorization", token).get(url(PlatformSettings.CONCERN, "/concerns/" + concernId)).asString();
        String gatewayView = given().header("Authorization", Partnership.gateway(organisation))
                .get(url(PlatformSettings.CONCERN, "/concerns/" + concernId)).then().statusCode(200).extract().asString();
        JsonPath list = given().header("Authorization", token).get(url(PlatformSettings.CONCERN, "/concerns?size=200"))
                .then().statusCode(200).extract().jsonPath();
        String listed = String.valueOf(list.getList("findAll { it.id == '" + concernId + "' }"));
        String steps = given().header("Authorization", token).get(url(PlatformSettings.CONCERN, "/concerns/" + concernId + "/steps"))
                .then().statusCode(200).extract().asString();
        String inbox = given().header("Authorization", token).get(url(PlatformSettings.NOTIFICATION, "/inbox?size=200"))
                .then().statusCode(200).extract().asString();
        String webhooks = Partnership.gatewayOf(organisation).received().stream().map(r -> r.body())
                .filter(b -> b.contains(concernId)).toList().toString();
        Map<String, String> read = new java.util.LinkedHashMap<>(Map.of("view", concern, "gateway view", gatewayView,
                "list", listed, "steps", steps, "inbox", inbox, "webhooks", webhooks));
        if (categories.contains("IDENTITY") && view.getString("adult.personId") != null) {
            read.put("chronology", given().header("Authorization", token)
                    .get(url(PlatformSettings.CONCERN, "/persons/" + view.getString("adult.personId") + "/chronology"))
                    .then().statusCode(200).extract().asString());
        }
        for (String secret : secrets) {
            read.forEach((where, body) -> assertFalse(body.contains(secret),
                    organisation + "'s " + where + " shows \"" + secret + "\", which no decision released to it"));
        }
        return view;
    }

    /** The raising organisation's recorded decision on a concern's route to the recipient. */
    static JsonPath routeDecision(String discloserLead, String concernId, String recipient, String route) {
        return await().atMost(WITHIN).until(() -> given().header("Authorization", Partnership.user(discloserLead))
                .get(url(PlatformSettings.SHARING, "/sharing-requests?size=200")).then().statusCode(200).extract().jsonPath(),
                all -> all.getMap("find { it.concernId == '" + concernId + "' && it.recipient == '" + recipient
                        + "' && it.route == '" + route + "' }") != null)
                .setRootPath("find { it.concernId == '" + concernId + "' && it.recipient == '" + recipient
                        + "' && it.route == '" + route + "' }");
    }

    static Set<String> categories(String... names) {
        return Set.of(names);
    }
}
