package exchange.safeguarding.notification.rest;

/** Example bodies for the OpenAPI document, as the service reads and writes them (checked against the schemas). */
final class ApiExamples {

    private ApiExamples() {
    }

    static final String DELIVERY = """
            {"id": "c2e4a6b8-0d1f-4b3c-9e5a-7f9b1d3c5e70", "eventId": "9b2f6c1e-4b7a-4f43-9a55-2d8f0c7d1e10",
             "eventType": "concern.raised.v1", "subject": "5e0a3d4c-8f21-4a7e-b0c4-1c2d3e4f5a6b",
             "recipient": "MEADOWBANK-CARE", "sequence": 1, "status": "DELIVERED", "attempts": 2,
             "createdAt": "2026-11-24T19:02:11Z", "nextAttemptAt": null, "deliveredAt": "2026-11-24T19:02:17Z",
             "lastError": null,
             "attemptHistory": [{"attempt": 1, "attemptedAt": "2026-11-24T19:02:11Z", "statusCode": 503,
                                 "error": "HTTP 503", "durationMs": 41},
                                {"attempt": 2, "attemptedAt": "2026-11-24T19:02:17Z", "statusCode": 204, "error": null,
                                 "durationMs": 18}]}""";

    static final String DELIVERIES = """
            [{"id": "c2e4a6b8-0d1f-4b3c-9e5a-7f9b1d3c5e70", "eventId": "9b2f6c1e-4b7a-4f43-9a55-2d8f0c7d1e10",
              "eventType": "concern.raised.v1", "subject": "5e0a3d4c-8f21-4a7e-b0c4-1c2d3e4f5a6b",
              "recipient": "MEADOWBANK-CARE", "sequence": 1, "status": "DELIVERED", "attempts": 2,
              "createdAt": "2026-11-24T19:02:11Z", "nextAttemptAt": null, "deliveredAt": "2026-11-24T19:02:17Z",
              "lastError": null, "attemptHistory": null}]""";

    static final String REPLAY_SINCE = """
            {"since": "2026-11-24T00:00:00Z"}""";

    static final String REPLAYED = """
            {"replayed": 2, "deliveryIds": ["c2e4a6b8-0d1f-4b3c-9e5a-7f9b1d3c5e70", "d4f6b8c0-2e3a-4c5d-8f7b-9a1c3e5d7f92"],
             "more": false}""";

    static final String ENDPOINT = """
            {"organisation": "MEADOWBANK-CARE", "url": "https://gateway.meadowbank-care.example/safeguarding/webhooks",
             "enabled": true, "disabledAt": null, "disabledReason": null, "updatedAt": "2026-11-03T16:40:00Z"}""";

    static final String INBOX_MESSAGE = """
            {"id": "e1a3c5e7-9b0d-4f2a-8c4e-6a8c0e2a4c61", "eventId": "9b2f6c1e-4b7a-4f43-9a55-2d8f0c7d1e10",
             "type": "concern.routed.v1", "subject": "5e0a3d4c-8f21-4a7e-b0c4-1c2d3e4f5a6b", "audience": "line-manager",
             "message": {"specversion": "1.0", "id": "9b2f6c1e-4b7a-4f43-9a55-2d8f0c7d1e10",
                         "source": "/safeguarding-exchange/concern-service", "type": "concern.routed.v1",
                         "time": "2026-11-24T19:02:11.415Z", "subject": "5e0a3d4c-8f21-4a7e-b0c4-1c2d3e4f5a6b",
                         "datacontenttype": "application/json",
                         "data": {"concernId": "5e0a3d4c-8f21-4a7e-b0c4-1c2d3e4f5a6b", "organisation": "MEADOWBANK-CARE",
                                  "urgency": "ROUTINE", "audience": "line-manager",
                                  "links": {"concern": "http://localhost:8082/concerns/5e0a3d4c-8f21-4a7e-b0c4-1c2d3e4f5a6b"}}},
             "createdAt": "2026-11-24T19:02:11Z", "readAt": "2026-11-24T19:10:00Z", "readBy": "care.manager",
             "acknowledgedAt": null, "acknowledgedBy": null}""";

    static final String RULE_REQUEST = """
            {"webhook": true, "emailLead": true, "emailTo": ["duty-team@meadowbank-care.example"]}""";

    static final String RULE = """
            {"eventType": "concern.raised.v1", "safetyCritical": false, "configured": true, "webhook": true,
             "emailLead": true, "emailTo": ["duty-team@meadowbank-care.example"]}""";
}
