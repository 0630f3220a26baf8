package exchange.safeguarding.concern.domain;

import exchange.safeguarding.kit.vocabulary.DataCategory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

import static exchange.safeguarding.kit.vocabulary.DataCategory.CARE_AND_SUPPORT_NEEDS;
import static exchange.safeguarding.kit.vocabulary.DataCategory.CONCERN_SUMMARY;
import static exchange.safeguarding.kit.vocabulary.DataCategory.CONTACT;
import static exchange.safeguarding.kit.vocabulary.DataCategory.HEALTH;
import static exchange.safeguarding.kit.vocabulary.DataCategory.IDENTITY;
import static exchange.safeguarding.kit.vocabulary.DataCategory.PERSON_ALLEGED_TO_CAUSE_HARM;
import static exchange.safeguarding.kit.vocabulary.DataCategory.RISK_INFORMATION;
import static exchange.safeguarding.kit.vocabulary.DataCategory.VIEWS_AND_WISHES;

/**
 * The one table from each field of a concern to the data category it belongs to. Every read another organisation
 * makes of a concern (its view, the lists, steps, the chronology) and every extract sharing-service discloses go
 * through it, so a field shows only where a sharing decision released its category. Workflow facts (category null)
 * are what an organisation that must act needs: status, step, owner, deadlines, and the local authority's own
 * section 42 assessment and outcome, and the reasons recorded for decisions.
 */
public enum ConcernField {
    ID("id", null, CONCERN_SUMMARY, "concernId", c -> c.id),
    ORGANISATION("organisation", null, CONCERN_SUMMARY, "raisingOrganisation", c -> c.organisation),
    RAISED_BY("raisedBy", null, null, null, c -> c.raisedByName),
    RAISED_AT("raisedAt", null, CONCERN_SUMMARY, "raisedAt", c -> c.raisedAt),
    URGENCY("urgency", null, CONCERN_SUMMARY, "urgency", c -> c.urgency),
    STATUS("status", null, CONCERN_SUMMARY, "status", c -> c.status),
    CURRENT_STEP("currentStep", null, null, null, c -> c.currentStep),
    OWNER("ownerOrganisation", null, null, null, c -> c.ownerOrganisation),
    LOCAL_AUTHORITY("localAuthority", null, null, null, c -> c.localAuthority),
    RESPONSE_DUE_AT("responseDueAt", null, null, null, c -> c.responseDueAt),
    WHISTLEBLOWING("whistleblowing", null, null, null, c -> c.whistleblowing),
    ENQUIRY_TYPE("enquiryType", null, null, null, c -> c.enquiryType),
    CLOSED_AT("closedAt", null, null, null, c -> c.closedAt),
    CLOSED_WITHOUT_REFERRAL("closedWithoutReferral", null, null, null, c -> c.closedWithoutReferral),

    ADULT_PERSON_ID("adult.personId", IDENTITY, IDENTITY, "personId", c -> c.adultPersonId),
    ADULT_GIVEN_NAME("adult.givenName", IDENTITY, IDENTITY, "givenName", c -> c.adultGivenName),
    ADULT_FAMILY_NAME("adult.familyName", IDENTITY, IDENTITY, "familyName", c -> c.adultFamilyName),
    ADULT_DATE_OF_BIRTH("adult.dateOfBirth", IDENTITY, IDENTITY, "dateOfBirth", c -> c.adultDateOfBirth),
    ADULT_NHS_NUMBER("adult.nhsNumber", IDENTITY, IDENTITY, "nhsNumber", c -> c.adultNhsNumber),
    ADULT_POSTCODE("adult.postcode", CONTACT, CONTACT, "postcode", c -> c.adultPostcode),

    ABUSE_TYPES("abuseTypes", CONCERN_SUMMARY, CONCERN_SUMMARY, "abuseTypes", c -> List.of(c.abuseTypes)),
    LOCATION_TYPE("locationType", CONCERN_SUMMARY, CONCERN_SUMMARY, "locationType", c -> c.locationType),
    SETTING_NAME("settingName", CONCERN_SUMMARY, CONCERN_SUMMARY, "settingName", c -> c.settingName),

    WHAT_HAPPENED("whatHappened", RISK_INFORMATION, RISK_INFORMATION, "whatHappened", c -> c.whatHappened),
    IMMEDIATE_ACTIONS("immediateActions", RISK_INFORMATION, RISK_INFORMATION, "immediateActions", c -> c.immediateActions),
    SOURCE_OF_RISK("sourceOfRisk", RISK_INFORMATION, RISK_INFORMATION, "sourceOfRisk", c -> c.sourceOfRisk),
    EMERGENCY_SERVICES_CONTACTED("emergencyServicesContacted", RISK_INFORMATION, RISK_INFORMATION,
            "emergencyServicesContacted",
            c -> c.emergencyServicesContacted),
    SECTION_42_MET("section42Met", null, RISK_INFORMATION, "section42Met", c -> c.section42Met),
    OUTCOME("outcome", null, RISK_INFORMATION, "outcome", c -> c.outcome),
    RISK_RESULT("riskResult", null, RISK_INFORMATION, "riskResult", c -> c.riskResult),
    /**
     * The reasons recorded for each decision on the concern (triage, closure, challenge): the raiser and the local
     * authority must see them to challenge a decision not to act, so they are workflow facts. Staff are asked to keep
     * names out of them (they also travel in events, decision 22).
     */
    CLOSURE_REASON("closureReason", null, null, null, c -> c.closureReason),
    STEP_REASON("steps[].reason", null, null, null, c -> null),

    LACKED_CAPACITY("lackedCapacity", HEALTH, HEALTH, "lackedCapacity", c -> c.lackedCapacity),
    CAPACITY_SUPPORT("capacitySupport", CARE_AND_SUPPORT_NEEDS, CARE_AND_SUPPORT_NEEDS, "capacitySupport",
            c -> c.capacitySupport),
    VIEWS_AND_WISHES_FIELD("viewsAndWishes", VIEWS_AND_WISHES, VIEWS_AND_WISHES, "viewsAndWishes",
            c -> c.viewsAndWishes),
    DESIRED_OUTCOMES("desiredOutcomes", VIEWS_AND_WISHES, VIEWS_AND_WISHES, "desiredOutcomes", c -> c.desiredOutcomes),

    PAH_PERSON_ID("personAllegedToCauseHarm.personId", PERSON_ALLEGED_TO_CAUSE_HARM, PERSON_ALLEGED_TO_CAUSE_HARM,
            "personId", c -> c.pahPersonId),
    PAH_GIVEN_NAME("personAllegedToCauseHarm.givenName", PERSON_ALLEGED_TO_CAUSE_HARM, PERSON_ALLEGED_TO_CAUSE_HARM,
            "givenName", c -> c.pahGivenName),
    PAH_FAMILY_NAME("personAllegedToCauseHarm.familyName", PERSON_ALLEGED_TO_CAUSE_HARM, PERSON_ALLEGED_TO_CAUSE_HARM,
            "familyName", c -> c.pahFamilyName),
    PAH_RELATIONSHIP("personAllegedToCauseHarm.relationship", PERSON_ALLEGED_TO_CAUSE_HARM, PERSON_ALLEGED_TO_CAUSE_HARM,
            "relationship",
            c -> c.pahRelationship);

    /** The field as the concern view names it. */
    public final String field;
    /** Null for a workflow fact. */
    public final DataCategory category;
    /** The extract section that carries it (its category; for a workflow fact, where a disclosure shows it). */
    public final DataCategory extractSection;
    /** Its key in a disclosure extract, or null when extracts do not carry it. */
    public final String extractKey;
    private final Function<Concern, Object> value;

    ConcernField(String field, DataCategory category, DataCategory extractSection, String extractKey,
                 Function<Concern, Object> value) {
        this.field = field;
        this.category = category;
        this.extractSection = extractSection;
        this.extractKey = extractKey;
        this.value = value;
    }

    public Object of(Concern concern) {
        return value.apply(concern);
    }

    public boolean workflow() {
        return category == null;
    }

    /** The fields a disclosure of one category carries, in table order. */
    public static List<ConcernField> extractOf(DataCategory section) {
        List<ConcernField> fields = new ArrayList<>();
        for (ConcernField f : values()) {
            if (f.extractSection == section && f.extractKey != null) {
                fields.add(f);
            }
        }
        return fields;
    }

    /** The fields of one category, in table order. */
    public static List<ConcernField> of(DataCategory category) {
        List<ConcernField> fields = new ArrayList<>();
        for (ConcernField f : values()) {
            if (f.category == category) {
                fields.add(f);
            }
        }
        return fields;
    }

    /** The field names a reader without these categories does not see. */
    public static List<String> withheldFields(Collection<DataCategory> released) {
        List<String> names = new ArrayList<>();
        for (ConcernField f : values()) {
            if (f.category != null && !released.contains(f.category)) {
                names.add(f.field);
            }
        }
        return names;
    }
}
