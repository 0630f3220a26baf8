package exchange.safeguarding.concern.rest;

/** Example bodies for the OpenAPI document, as the service reads and writes them (checked against the schemas). */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String RAISE_CONCERN = """
            {"adult": {"givenName": "Edith", "familyName": "Clarke", "dateOfBirth": "1941-03-02",
                       "nhsNumber": "9434765919", "postcode": "NS1 4AB"},
             "abuseTypes": ["PHYSICAL"],
             "location": {"type": "CARE_HOME_RESIDENTIAL", "settingName": "Meadowbank House"},
             "sourceOfRisk": "KNOWN_TO_INDIVIDUAL",
             "personAllegedToCauseHarm": {"person": {"givenName": "Mark", "familyName": "Clarke"},
                                          "relationship": "Visitor (nephew)"},
             "whatHappened": "Bruising on both forearms; says a visitor grabbed her.",
             "immediateActions": "Visitor asked to leave; GP informed",
             "urgency": "ROUTINE",
             "viewsAndWishes": "Wants to keep seeing her nephew, but not alone",
             "desiredOutcomes": "To feel safe during visits",
             "capacity": {"lackedCapacity": "NO", "supportedBy": null},
             "emergencyServicesContacted": false,
             "whistleblowing": {"aboutOwnOrganisation": false, "implicatesSafeguardingLead": false}}""";

    static final String CONCERN = """
            {"id": "6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21", "organisation": "MEADOWBANK-CARE", "raisedBy": "care.practitioner",
             "adult": {"personId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13", "givenName": "Edith", "familyName": "Clarke",
                       "dateOfBirth": "1941-03-02", "nhsNumber": "9434765919", "postcode": "NS1 4AB"},
             "abuseTypes": ["PHYSICAL"], "locationType": "CARE_HOME_RESIDENTIAL", "settingName": "Meadowbank House",
             "sourceOfRisk": "KNOWN_TO_INDIVIDUAL",
             "personAllegedToCauseHarm": {"personId": "8e2a4c6d-0f1b-4d3e-a5c7-9b1d3f5a7c29", "givenName": "Mark",
                                          "familyName": "Clarke", "relationship": "Visitor (nephew)"},
             "whatHappened": "Bruising on both forearms; says a visitor grabbed her.",
             "immediateActions": "Visitor asked to leave; GP informed", "urgency": "ROUTINE",
             "viewsAndWishes": "Wants to keep seeing her nephew, but not alone", "desiredOutcomes": "To feel safe during visits",
             "lackedCapacity": "NO", "capacitySupport": null, "emergencyServicesContacted": false, "whistleblowing": false,
             "status": "AWAITING_ACKNOWLEDGEMENT", "currentStep": "LINE_MANAGER", "ownerOrganisation": "MEADOWBANK-CARE",
             "localAuthority": "NORTHSHIRE-ASC", "responseDueAt": "2026-11-25T10:00:00Z", "section42Met": null,
             "enquiryType": null, "outcome": null, "riskResult": null, "raisedAt": "2026-11-24T10:00:00Z",
             "closedAt": null, "closureReason": null, "closedWithoutReferral": false,
             "access": {"basis": "OWN_RECORD", "released": ["IDENTITY", "CONTACT", "CONCERN_SUMMARY", "RISK_INFORMATION",
                        "HEALTH", "CARE_AND_SUPPORT_NEEDS", "VIEWS_AND_WISHES", "CRIMINAL_OFFENCE_INFORMATION",
                        "PERSON_ALLEGED_TO_CAUSE_HARM"], "withheld": [], "decisions": []}}""";

    static final String STEPS = """
            [{"action": "RAISED", "step": null, "organisation": "MEADOWBANK-CARE", "doneBy": "care.practitioner",
              "doneAt": "2026-11-24T10:00:00Z", "reason": null},
             {"action": "ACKNOWLEDGED", "step": "LINE_MANAGER", "organisation": "MEADOWBANK-CARE", "doneBy": "care.manager",
              "doneAt": "2026-11-24T10:20:00Z", "reason": null}]""";

    static final String TRIAGE = """
            {"section42": {"careAndSupportNeeds": true, "experiencingOrAtRiskOfAbuse": true, "unableToProtectThemselves": true},
             "decision": "REFER_TO_LOCAL_AUTHORITY", "enquiryType": null,
             "reasons": "All three section 42 tests met; the local authority decides on an enquiry"}""";

    static final String OUTCOME = """
            {"outcome": "RISK_IDENTIFIED_ACTION_TAKEN", "riskResult": "REDUCED",
             "notes": "Visits supervised by staff; nephew referred to the police"}""";

    static final String REASON = """
            {"reason": "Manager closed it without speaking to the adult"}""";

    static final String CHRONOLOGY = """
            [{"at": "2026-11-24T10:00:00Z", "concernId": "6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21",
              "organisation": "MEADOWBANK-CARE", "action": "RAISED", "step": null,
              "detail": "PHYSICAL (ROUTINE) by care.practitioner"},
             {"at": "2026-11-24T11:05:00Z", "concernId": "6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21",
              "organisation": "MEADOWBANK-CARE", "action": "REFERRED", "step": "SAFEGUARDING_LEAD",
              "detail": "All three section 42 tests met; the local authority decides on an enquiry"}]""";

    static final String MERGE = """
            {"into": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13",
             "reason": "Same NHS number; the second record misspelt the family name"}""";

    static final String UNMERGE = """
            {"reason": "Different people: twins with the same date of birth"}""";

    static final String PERSON_REF = """
            {"personId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13"}""";

    static final String ALERT = """
            {"id": "f4a6c8e0-2b4d-4f6a-8c0e-1a3c5e7f9b21", "rule": "SAME_ADULT",
             "subject": "person:3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13", "status": "OPEN",
             "concernIds": ["6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21", "0a2c4e6f-8b1d-4f3a-9c5e-7d9f1b3a5c47"],
             "organisations": ["MEADOWBANK-CARE", "NORTHSHIRE-POLICE"], "detectedAt": "2026-11-24T12:00:00Z",
             "updatedAt": "2026-11-24T12:00:00Z", "decision": null, "decisionReason": null, "decidedBy": null,
             "decidedAt": null}""";

    static final String DECISION = """
            {"decision": "START_ENQUIRY", "reason": "Two agencies report injuries within a week"}""";

    static final String CONCERN_EXTRACT = """
            {"IDENTITY": {"personId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13", "givenName": "Edith", "familyName": "Clarke",
                          "dateOfBirth": "1941-03-02", "nhsNumber": "9434765919"},
             "CONCERN_SUMMARY": {"concernId": "6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21", "raisingOrganisation": "MEADOWBANK-CARE",
                                 "raisedAt": "2026-11-24T10:00:00Z", "urgency": "ROUTINE", "abuseTypes": ["PHYSICAL"],
                                 "locationType": "CARE_HOME_RESIDENTIAL", "settingName": "Meadowbank House",
                                 "status": "REFERRED"},
             "CRIMINAL_OFFENCE_INFORMATION": {}}""";

    static final String PERSON_EXTRACT = """
            {"IDENTITY": {"personId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13", "givenName": "Edith", "familyName": "Clarke",
                          "dateOfBirth": "1941-03-02"},
             "CONTACT": {"postcode": "NS1 4AB"}}""";

    static final String REPLICA_FACTS = """
            {"concernId": "6b1f0e4c-2f7e-4a51-9d0b-3c0a1f5e7d21", "organisation": "MEADOWBANK-CARE", "urgency": "ROUTINE",
             "whistleblowing": false, "adultPersonId": "3c1d9e2a-5b7f-4a08-9e61-2d4f6a8b0c13",
             "localAuthority": "NORTHSHIRE-ASC", "raisedAt": "2026-11-24T10:15:00Z",
             "parties": ["MEADOWBANK-CARE", "NORTHSHIRE-ASC"]}""";
}
