package exchange.safeguarding.sharing.rest;

/** Example bodies for the OpenAPI document, as the service reads and writes them (checked against the schemas). */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String RECORD_CONSENT = """
            {"adult": {"personId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13", "nhsNumber": "9434765919",
                       "givenName": "Edith", "familyName": "Clarke", "dateOfBirth": "1941-03-02"},
             "decision": "GIVEN", "purposes": ["COORDINATE_RESPONSES"], "recipients": ["NORTHSHIRE-ASC"],
             "recipientTypes": ["POLICE"], "dataCategories": ["IDENTITY", "CONCERN_SUMMARY"], "expiresOn": "2027-11-24",
             "notSoughtReason": null, "explanation": null, "capacity": null, "withdraws": null,
             "howObtained": "In person, with an advocate present", "confidentialityLimitsExplained": true}""";

    static final String CONSENT_RECORD = """
            {"id": "b7d9f1a3-5c6e-4f8a-9b0d-2e4f6a8c0e15", "organisation": "MEADOWBANK-CARE",
             "adult": {"personId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13", "nhsNumber": "9434765919",
                       "givenName": "Edith", "familyName": "Clarke", "dateOfBirth": "1941-03-02"},
             "decision": "GIVEN", "purposes": ["COORDINATE_RESPONSES"], "recipients": ["NORTHSHIRE-ASC"],
             "recipientTypes": ["POLICE"], "dataCategories": ["IDENTITY", "CONCERN_SUMMARY"], "expiresOn": "2027-11-24",
             "notSoughtReason": null, "explanation": null, "capacity": null, "withdraws": null,
             "howObtained": "In person, with an advocate present", "confidentialityLimitsExplained": true,
             "recordedBy": "care.practitioner", "recordedAt": "2026-11-24T10:30:00Z"}""";

    static final String CONSENT_FHIR = """
            {"resourceType": "Consent", "id": "b7d9f1a3-5c6e-4f8a-9b0d-2e4f6a8c0e15",
             "text": {"status": "generated", "div": "<div xmlns=\\"http://www.w3.org/1999/xhtml\\">Edith Clarke consents to MEADOWBANK-CARE sharing [IDENTITY, CONCERN_SUMMARY] for [COORDINATE_RESPONSES] with [NORTHSHIRE-ASC] and any of [POLICE] until 2027-11-24.</div>"},
             "identifier": [{"system": "https://safeguarding.exchange/Id/consent-record", "value": "b7d9f1a3-5c6e-4f8a-9b0d-2e4f6a8c0e15"}],
             "status": "active",
             "scope": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/consentscope", "code": "patient-privacy", "display": "Privacy Consent"}]},
             "category": [{"coding": [{"system": "http://loinc.org", "code": "59284-0", "display": "Patient Consent"}]},
                          {"coding": [{"system": "https://safeguarding.exchange/fhir/CodeSystem/consent-decision", "code": "GIVEN", "display": "GIVEN"}]}],
             "patient": {"type": "Patient", "identifier": {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}, "display": "Edith Clarke"},
             "dateTime": "2026-11-24T10:30Z",
             "performer": [{"type": "Patient", "identifier": {"system": "https://fhir.nhs.uk/Id/nhs-number", "value": "9434765919"}, "display": "Edith Clarke"}],
             "organization": [{"type": "Organization", "identifier": {"system": "https://safeguarding.exchange/Id/organisation", "value": "MEADOWBANK-CARE"}}],
             "policy": [{"uri": "https://safeguarding.exchange/policy/information-sharing"}],
             "provision": {"type": "permit", "period": {"start": "2026-11-24", "end": "2027-11-24"},
                           "actor": [{"role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "IRCP", "display": "information recipient"}]},
                                      "reference": {"type": "Organization", "identifier": {"system": "https://safeguarding.exchange/Id/organisation", "value": "NORTHSHIRE-ASC"}}},
                                     {"role": {"coding": [{"system": "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "code": "IRCP", "display": "information recipient"}]},
                                      "reference": {"type": "Organization", "display": "any POLICE organisation in the partnership"}}],
                           "purpose": [{"system": "https://safeguarding.exchange/fhir/CodeSystem/purpose", "code": "COORDINATE_RESPONSES"}],
                           "class": [{"system": "https://safeguarding.exchange/fhir/CodeSystem/data-category", "code": "IDENTITY"},
                                     {"system": "https://safeguarding.exchange/fhir/CodeSystem/data-category", "code": "CONCERN_SUMMARY"}]}}""";

    static final String WITHDRAWAL_NOTICES = """
            [{"id": "0c2e4a6c-8e0a-4c2e-9a4c-6e8a0c2e4a61", "withdrawnConsentId": "b7d9f1a3-5c6e-4f8a-9b0d-2e4f6a8c0e15",
              "disclosureId": "1d3f5b7d-9f1b-4d3f-8b5d-7f9b1d3f5b72", "recipient": "NORTHSHIRE-ASC",
              "noticeSentAt": "2026-12-01T09:00:00Z", "toldAt": "2026-12-01T09:00:04Z"}]""";

    static final String ACCESS_LOG_ENTRY = """
            {"id": "5c7e9a1b-3d5f-4b7d-9f1b-3d5f7b9d1f35", "what": "CONCERN", "ownerOrganisation": "MEADOWBANK-CARE",
             "readerOrganisation": "NORTHSHIRE-POLICE", "readerSubject": "6a0c2e4f-8b1d-4f3a-9c5e-7b9d1f3a5c70",
             "readerName": "police.officer", "concernId": "6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21", "disclosureId": null,
             "adultPersonId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13",
             "categories": ["CONCERN_SUMMARY", "CONTACT", "IDENTITY", "RISK_INFORMATION"],
             "decisions": ["2e4a6c8e-0a2c-4e6a-8c0e-2a4c6e8a0c23"], "readAt": "2026-11-24T10:05:12.413Z"}""";

    static final String ACCESS_LOG = "[" + ACCESS_LOG_ENTRY + "]";

    static final String EMERGENCY_JUSTIFICATION = """
            {"threat": "She says her nephew will come back tonight and hurt her; he has a key to the flat",
             "whyItCouldNotWait": "He is expected within hours; she is too frightened to decide and no lead is on site"}""";

    static final String NEW_SHARING_REQUEST = """
            {"recipient": "NORTHSHIRE-ASC",
             "adult": {"personId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13", "nhsNumber": "9434765919",
                       "givenName": "Edith", "familyName": "Clarke", "dateOfBirth": "1941-03-02"},
             "concernId": "6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21", "purpose": "COORDINATE_RESPONSES",
             "dataCategories": ["IDENTITY", "CONCERN_SUMMARY"], "emergency": false, "ground": null,
             "justification": "The local authority is deciding on a section 42 enquiry", "publicInterest": null,
             "legalDuty": null, "emergencyJustification": null}""";

    static final String SHARING_REQUEST = """
            {"id": "2e4a6c8e-0a2c-4e6a-8c0e-2a4c6e8a0c23", "organisation": "MEADOWBANK-CARE", "recipient": "NORTHSHIRE-ASC",
             "adult": {"personId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13", "nhsNumber": "9434765919",
                       "givenName": "Edith", "familyName": "Clarke", "dateOfBirth": "1941-03-02"},
             "concernId": "6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21", "purpose": "COORDINATE_RESPONSES",
             "requestedCategories": ["IDENTITY", "CONCERN_SUMMARY"], "emergency": false, "ground": null,
             "justification": "The local authority is deciding on a section 42 enquiry", "publicInterest": null,
             "legalDuty": null, "requestedBy": "care.practitioner", "requestedAt": "2026-11-24T11:00:00Z",
             "outcome": "APPROVED",
             "reasons": [{"check": "parties", "satisfied": true, "detail": "MEADOWBANK-CARE and NORTHSHIRE-ASC are active"},
                         {"check": "agreement", "satisfied": true, "detail": "ISA-5B0E7A4C version 1 is in force between MEADOWBANK-CARE and NORTHSHIRE-ASC and covers COORDINATE_RESPONSES"},
                         {"check": "consent", "satisfied": true, "detail": "consent b7d9f1a3-5c6e-4f8a-9b0d-2e4f6a8c0e15 recorded 2026-11-24T10:30:00Z covers [IDENTITY, CONCERN_SUMMARY]"},
                         {"check": "lawful basis", "satisfied": true, "detail": "Article 6: PUBLIC_TASK_6_1_E"}],
             "releasedCategories": ["IDENTITY", "CONCERN_SUMMARY"], "withheld": [], "withoutConsent": false,
             "consentRecordId": "b7d9f1a3-5c6e-4f8a-9b0d-2e4f6a8c0e15",
             "agreement": {"agreementId": "5b0e7a4c-3f1d-4c2e-9a61-0d8f2b7c4e19", "reference": "ISA-5B0E7A4C",
                           "version": 1, "versionId": "a3c5e8f1-7b2d-4e90-8c16-2f4d6b8a0c31"},
             "lawfulBasis": {"article6": "PUBLIC_TASK_6_1_E", "article9": null, "schedule1": null,
                             "criminalOffenceCondition": null},
             "decidedAt": "2026-11-24T11:00:00Z", "decidedBy": null, "decisionNote": null}""";

    static final String APPROVAL = """
            {"note": "Risk to others outweighs confidentiality; discussed with the Caldicott guardian"}""";

    static final String REASON = """
            {"reason": "The adult has capacity and refused; no ground for sharing without consent is made out"}""";

    static final String RESOLUTION = """
            {"upheld": true, "reason": "New information: a second adult in the same setting is at risk"}""";

    static final String CHALLENGE = """
            {"id": "3f5b7d9f-1b3d-4f5b-9d7f-3b5d7f9b1d34", "requestId": "2e4a6c8e-0a2c-4e6a-8c0e-2a4c6e8a0c23",
             "organisation": "MEADOWBANK-CARE", "raisedBy": "care.lead",
             "reason": "The adult's neighbour is also visited by the same person", "raisedAt": "2026-11-25T09:00:00Z",
             "status": "OPEN", "resolution": null, "resolvedBy": null, "resolvedAt": null}""";

    static final String DISCLOSURE = """
            {"id": "1d3f5b7d-9f1b-4d3f-8b5d-7f9b1d3f5b72", "requestId": "2e4a6c8e-0a2c-4e6a-8c0e-2a4c6e8a0c23",
             "organisation": "MEADOWBANK-CARE", "recipient": "NORTHSHIRE-ASC",
             "adultPersonId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13", "concernId": "6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21",
             "purpose": "COORDINATE_RESPONSES", "categories": ["IDENTITY", "CONCERN_SUMMARY"], "emergency": false,
             "status": "MADE", "madeAt": "2026-11-24T11:00:02Z",
             "snapshotSha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
             "data": {"IDENTITY": {"personId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13", "givenName": "Edith",
                                   "familyName": "Clarke", "dateOfBirth": "1941-03-02", "nhsNumber": "9434765919"},
                      "CONCERN_SUMMARY": {"concernId": "6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21",
                                          "raisingOrganisation": "MEADOWBANK-CARE", "raisedAt": "2026-11-24T10:00:00Z",
                                          "urgency": "ROUTINE", "abuseTypes": ["PHYSICAL"], "status": "REFERRED"}},
             "attempts": 1, "lastError": null}""";

    static final String INFORM_TASK = """
            {"id": "4a6c8e0a-2c4e-4a6c-8e0a-4c6e8a0c2e45", "requestId": "2e4a6c8e-0a2c-4e6a-8c0e-2a4c6e8a0c23",
             "organisation": "MEADOWBANK-CARE", "dueAt": "2026-12-08T11:00:00Z", "overdue": false, "status": "INFORMED",
             "informedAt": "2026-11-26T15:00:00Z", "howInformed": "Told in person by her key worker",
             "exemptionReason": null, "explanation": null, "recordedBy": "care.practitioner",
             "recordedAt": "2026-11-26T15:10:00Z"}""";

    static final String INFORMED = """
            {"informedAt": "2026-11-26T15:00:00Z", "how": "Told in person by her key worker"}""";

    static final String EXEMPTION = """
            {"reason": "WOULD_INCREASE_RISK_TO_ADULT",
             "explanation": "The person alleged to cause harm lives with her and reads her post"}""";

    static final String REVIEW_TASK = """
            {"id": "5b7d9f1b-3d5f-4b7d-9f1b-5d7f9b1d3f56", "requestId": "2e4a6c8e-0a2c-4e6a-8c0e-2a4c6e8a0c23",
             "organisation": "MEADOWBANK-CARE", "dueAt": "2026-11-27T11:00:00Z", "status": "DONE", "appropriate": true,
             "notes": "Life at risk; sharing with the ambulance service was necessary and proportionate",
             "reviewedBy": "care.caldicott", "reviewedAt": "2026-11-25T09:30:00Z"}""";

    static final String REVIEW = """
            {"appropriate": true,
             "notes": "Life at risk; sharing with the ambulance service was necessary and proportionate"}""";

    static final String VERIFICATION = """
            {"intact": true, "entriesChecked": 1284, "firstAlteredEntry": null, "problem": null,
             "entriesWaiting": 0, "checkedAt": "2026-11-24T12:00:00Z"}""";

    static final String SUBJECT_ACCESS = """
            {"adult": {"personId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13", "nhsNumber": "9434765919",
                       "givenName": "Edith", "familyName": "Clarke", "dateOfBirth": "1941-03-02"},
             "organisation": "MEADOWBANK-CARE", "exportedAt": "2026-12-02T10:00:00Z", "exportedBy": "care.dpo",
             "consentHistory": [""" + CONSENT_RECORD + "], \"decisions\": [" + SHARING_REQUEST + "], \"disclosures\": ["
            + DISCLOSURE + "], \"informThePerson\": [" + INFORM_TASK + "], \"seenBy\": " + ACCESS_LOG + "}";
}
