package exchange.safeguarding.agreement.rest;

/** Example bodies for the OpenAPI document, as the service reads and writes them (checked against the schemas). */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String TERMS = """
            {"title": "Northshire adult safeguarding information sharing protocol",
             "parties": [{"organisation": "NORTHSHIRE-ASC", "controllerRelationship": "SEPARATE_CONTROLLERS"},
                         {"organisation": "MEADOWBANK-CARE", "controllerRelationship": "SEPARATE_CONTROLLERS"}],
             "purposes": [{"purpose": "COORDINATE_RESPONSES", "article6Basis": "PUBLIC_TASK_6_1_E",
                           "article9Condition": "HEALTH_OR_SOCIAL_CARE_9_2_H",
                           "schedule1Condition": "HEALTH_OR_SOCIAL_CARE_PART1_PARA_2",
                           "dataCategories": ["IDENTITY", "CONTACT", "CONCERN_SUMMARY", "HEALTH"]}],
             "retentionPeriod": "P6Y",
             "retentionAndDeletion": "Reviewed yearly; deleted securely six years after the enquiry closes",
             "security": "Transfers only over the platform; access by role; audit of every disclosure",
             "dataQuality": "Each party corrects what it shared and tells the others",
             "dpiaReference": "DPIA-2026-014",
             "subjectRightsContact": "dpo@northshire.example",
             "breachContact": "breaches@northshire.example",
             "effectiveFrom": "2026-12-01",
             "effectiveTo": null,
             "reviewDate": "2027-12-01"}""";

    static final String VERSION = """
            {"agreementId": "5b0e7a4c-3f1d-4c2e-9a61-0d8f2b7c4e19", "reference": "ISA-5B0E7A4C",
             "versionId": "a3c5e8f1-7b2d-4e90-8c16-2f4d6b8a0c31", "version": 1, "status": "AWAITING_SIGNATURES",
             "terms": """ + TERMS + """
            ,
             "signatures": [{"organisation": "NORTHSHIRE-ASC", "signatoryName": "Dr Ruth Evans",
                             "signatoryRole": "Director of Adult Social Services", "signedBy": "asc.admin",
                             "signedAt": "2026-11-20T14:05:00Z"}],
             "waitingFor": ["signature of MEADOWBANK-CARE"],
             "activatedAt": null, "reviewDueAnnouncedAt": null, "endedAt": null, "statusReason": null}""";

    static final String AGREEMENT = """
            {"id": "5b0e7a4c-3f1d-4c2e-9a61-0d8f2b7c4e19", "reference": "ISA-5B0E7A4C",
             "createdAt": "2026-11-18T09:30:00Z", "createdBy": "asc.admin",
             "versions": [""" + VERSION + "]}";

    static final String AGREEMENT_CHANGES = """
            [{"version": 1, "change": "drafted 'Northshire adult safeguarding information sharing protocol'",
              "changedBy": "asc.admin", "changedAt": "2026-11-18T09:30:00Z"},
             {"version": 1, "change": "signed for NORTHSHIRE-ASC by Dr Ruth Evans (Director of Adult Social Services)",
              "changedBy": "asc.admin", "changedAt": "2026-11-20T14:05:00Z"}]""";

    static final String SIGNATURE = """
            {"signatoryName": "Dr Ruth Evans", "signatoryRole": "Director of Adult Social Services"}""";

    static final String AGREEMENT_REASON = """
            {"reason": "Data breach under investigation; sharing paused until the review on 2026-12-15"}""";

    static final String COVERAGE = """
            {"covered": true, "agreementId": "5b0e7a4c-3f1d-4c2e-9a61-0d8f2b7c4e19", "reference": "ISA-5B0E7A4C",
             "versionId": "a3c5e8f1-7b2d-4e90-8c16-2f4d6b8a0c31", "version": 1, "purpose": "COORDINATE_RESPONSES",
             "lawfulBasis": {"purpose": "COORDINATE_RESPONSES", "article6Basis": "PUBLIC_TASK_6_1_E",
                             "article9Condition": "HEALTH_OR_SOCIAL_CARE_9_2_H",
                             "schedule1Condition": "HEALTH_OR_SOCIAL_CARE_PART1_PARA_2", "criminalOffenceCondition": null,
                             "dataCategories": ["IDENTITY", "CONTACT", "CONCERN_SUMMARY", "HEALTH"]},
             "permittedCategories": ["IDENTITY", "CONCERN_SUMMARY"],
             "reasons": []}""";

    static final String REGISTER_ORGANISATION = """
            {"code": "MEADOWBANK-CARE", "name": "Meadowbank Care Ltd", "type": "CARE_PROVIDER", "areaServed": "Northshire"}""";

    static final String UPDATE_ORGANISATION = """
            {"name": "Meadowbank Care Ltd", "type": "CARE_PROVIDER", "areaServed": "Northshire and Eastvale"}""";

    static final String SAFEGUARDING_SETUP = """
            {"safeguardingLead": {"name": "Carla Chambers", "role": "Designated Safeguarding Lead",
                                  "email": "safeguarding@meadowbank-care.example", "phone": "01632 960123"},
             "whistleblowingPolicy": {"reference": "https://meadowbank-care.example/policies/whistleblowing.pdf",
                                      "owner": "Head of HR", "reviewDate": "2027-06-30"},
             "escalationRoute": [{"step": "LINE_MANAGER", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "PT4H",
                                                                            "ROUTINE": "PT24H", "LOW_LEVEL": "PT72H"}},
                                 {"step": "SAFEGUARDING_LEAD", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "PT8H",
                                                                                 "ROUTINE": "P2D", "LOW_LEVEL": "P5D"}}]}""";

    static final String ORGANISATION = """
            {"code": "MEADOWBANK-CARE", "name": "Meadowbank Care Ltd", "type": "CARE_PROVIDER", "areaServed": "Northshire",
             "status": "ACTIVE", "missing": [],
             "safeguardingLead": {"name": "Carla Chambers", "role": "Designated Safeguarding Lead",
                                  "email": "safeguarding@meadowbank-care.example", "phone": "01632 960123"},
             "whistleblowingPolicy": {"reference": "https://meadowbank-care.example/policies/whistleblowing.pdf",
                                      "owner": "Head of HR", "reviewDate": "2027-06-30"},
             "escalationRoute": [{"step": "LINE_MANAGER", "responseTimes": {"EMERGENCY": "PT1H", "URGENT": "PT4H",
                                                                            "ROUTINE": "PT24H", "LOW_LEVEL": "PT72H"}}],
             "suspensionReason": null,
             "gatewayUrl": "https://gateway.meadowbank-care.example/safeguarding/webhooks",
             "gatewayClient": {"clientId": "gateway-meadowbank-care", "status": "PROVISIONED", "error": null},
             "createdAt": "2026-11-02T10:15:00Z", "updatedAt": "2026-11-03T16:40:00Z"}""";

    static final String ORGANISATION_REASON = """
            {"reason": "Whistleblowing policy withdrawn pending rewrite"}""";

    static final String ORGANISATION_CHANGES = """
            [{"change": "registered as CARE_PROVIDER 'Meadowbank Care Ltd'", "changedBy": "asc.admin", "changedAt": "2026-11-02T10:15:00Z"},
             {"change": "gateway set to https://gateway.meadowbank-care.example/safeguarding/webhooks",
              "changedBy": "care.lead", "changedAt": "2026-11-03T16:40:00Z"}]""";

    static final String CONFIGURE_GATEWAY = """
            {"url": "https://gateway.meadowbank-care.example/safeguarding/webhooks"}""";

    static final String GATEWAY = """
            {"organisation": "MEADOWBANK-CARE", "url": "https://gateway.meadowbank-care.example/safeguarding/webhooks",
             "secretId": "9d2f4b6a-1c3e-4a5f-8b7d-0e2c4a6b8d10",
             "signingSecret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}""";

    static final String GATEWAY_CREDENTIALS = """
            {"clientId": "gateway-meadowbank-care", "clientSecret": "q7Vb2yXc9LmN4pRs8TuW1zAe5HkJ3dFg"}""";
}
