package exchange.safeguarding.agreement.service;

import exchange.safeguarding.kit.testing.TestClock;
import exchange.safeguarding.agreement.messaging.AgreementEvents;
import exchange.safeguarding.agreement.messaging.OrganisationEvents;
import exchange.safeguarding.kit.testing.EventProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static exchange.safeguarding.agreement.Fixtures.ADMIN;
import static exchange.safeguarding.agreement.Fixtures.activeOrganisation;
import static exchange.safeguarding.agreement.Fixtures.draft;
import static exchange.safeguarding.agreement.Fixtures.sign;
import static exchange.safeguarding.agreement.Fixtures.terms;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Time passing, with a clock the test moves: review notices, lapse after the grace period, expiry, late activation. */
@QuarkusTest
class AgreementReviewTest {

    @Inject
    AgreementReview review;

    @Inject
    OrganisationActivation organisationActivation;

    @AfterEach
    void backToNow() {
        TestClock.CLOCK.reset();
    }

    @Test
    void partiesAreToldAReviewIsDueAndAnUnreviewedAgreementLapses() {
        LocalDate today = LocalDate.now();
        String care = activeOrganisation("CARE", "CARE_PROVIDER");
        String nhs = activeOrganisation("NHS", "NHS_TRUST");
        String id = draft(terms(care, nhs, today, today.plusMonths(4), null));
        sign(id, 1, care);
        sign(id, 1, nhs);

        review.run();
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/1").then()
                .body("reviewDueAnnouncedAt", equalTo(null));

        TestClock.CLOCK.advance(Duration.ofDays(31 + 2)); // inside the three months' notice before the review date
        review.run();
        review.run(); // a second look announces nothing new
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/1").then()
                .body("status", equalTo("ACTIVE")).body("reviewDueAnnouncedAt", notNullValue());

        TestClock.CLOCK.advance(Duration.ofDays(7 * 30)); // past the review date and the three months' grace
        review.run();
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/1").then()
                .body("status", equalTo("LAPSED")).body("statusReason", containsString("not reviewed"));
        given().header("Authorization", ADMIN).queryParam("from", care).queryParam("to", nhs)
                .queryParam("purpose", "COORDINATE_RESPONSES").queryParam("category", "IDENTITY")
                .get("/coverage").then().body("covered", equalTo(false));

        var types = EventProbe.await(OrganisationEvents.TOPIC, e -> id.equals(e.path("subject").asText()), 6, Duration.ofSeconds(20))
                .stream().map(e -> e.path("type").asText()).toList();
        assertEquals(List.of(AgreementEvents.DRAFTED, AgreementEvents.SIGNED, AgreementEvents.SIGNED, AgreementEvents.ACTIVATED,
                AgreementEvents.REVIEW_DUE, AgreementEvents.LAPSED), types);
    }

    @Test
    void anAgreementEndsOnItsEffectiveToDate() {
        LocalDate today = LocalDate.now();
        String care = activeOrganisation("CARE", "CARE_PROVIDER");
        String police = activeOrganisation("POL", "POLICE");
        String id = draft(terms(care, police, today, today.plusYears(1), today.plusDays(10).toString()));
        sign(id, 1, care);
        sign(id, 1, police);
        TestClock.CLOCK.advance(Duration.ofDays(11));
        review.run();
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/1").then().body("status", equalTo("EXPIRED"));
    }

    @Test
    void anAmendmentSignedAfterItsLastDayExpiresAndTheVersionInForceStays() {
        LocalDate today = LocalDate.now();
        String care = activeOrganisation("CARE", "CARE_PROVIDER");
        String nhs = activeOrganisation("NHS", "NHS_TRUST");
        String id = draft(terms(care, nhs, today, today.plusYears(1), null));
        sign(id, 1, care);
        sign(id, 1, nhs);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(terms(care, nhs, today, today.plusYears(1), today.plusDays(5).toString()))
                .post("/agreements/" + id + "/amendments").then().statusCode(201).body("version", equalTo(2));
        sign(id, 2, care);
        TestClock.CLOCK.advance(Duration.ofDays(6)); // the other party signs only after the amendment's last day

        sign(id, 2, nhs);

        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/2").then()
                .body("status", equalTo("EXPIRED")).body("activatedAt", equalTo(null))
                .body("statusReason", containsString("passed before it came into force"));
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/1").then().body("status", equalTo("ACTIVE"));
        given().header("Authorization", ADMIN).queryParam("from", care).queryParam("to", nhs)
                .queryParam("purpose", "COORDINATE_RESPONSES").queryParam("category", "IDENTITY")
                .get("/coverage").then().body("covered", equalTo(true)).body("version", equalTo(1));
        var types = EventProbe.await(OrganisationEvents.TOPIC, e -> id.equals(e.path("subject").asText()), 8, Duration.ofSeconds(20))
                .stream().map(e -> e.path("type").asText()).toList();
        assertEquals(AgreementEvents.EXPIRED, types.get(types.size() - 1), "the parties are told it expired: " + types);
        assertEquals(1, types.stream().filter(AgreementEvents.ACTIVATED::equals).count(), "only version 1 came into force");
    }

    @Test
    void aSignedAgreementComesIntoForceOnItsEffectiveDate() {
        LocalDate today = LocalDate.now();
        String care = activeOrganisation("CARE", "CARE_PROVIDER");
        String amb = activeOrganisation("AMB", "AMBULANCE");
        String id = draft(terms(care, amb, today.plusDays(3), today.plusYears(1), null));
        sign(id, 1, care);
        sign(id, 1, amb);
        review.run();
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/1").then().body("status", equalTo("SIGNED"));
        TestClock.CLOCK.advance(Duration.ofDays(3));
        review.run();
        given().header("Authorization", ADMIN).get("/agreements/" + id + "/versions/1").then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void anOrganisationWhosePolicyFallsDueStopsBeingActive() {
        String code = activeOrganisation("CARE", "CARE_PROVIDER"); // policy reviewed within a year
        TestClock.CLOCK.advance(Duration.ofDays(370));
        organisationActivation.reconcileAll();
        given().header("Authorization", ADMIN).get("/organisations/" + code).then()
                .body("status", equalTo("INCOMPLETE")).body("missing[0]", containsString("not current"));
        var types = EventProbe.await(OrganisationEvents.TOPIC, e -> code.equals(e.path("subject").asText()), 4, Duration.ofSeconds(20))
                .stream().map(e -> e.path("type").asText()).toList();
        assertEquals(OrganisationEvents.DEACTIVATED, types.get(types.size() - 1));
    }
}
