package exchange.safeguarding.kit.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleObjectStateException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aWriteThatLostTheRaceWithAnotherIsAConflictNotAServerError() {
        Response atFlush = mappers.unexpected(new OptimisticLockException("row changed"), null);
        assertEquals(409, atFlush.getStatus());
        assertEquals(Problem.MEDIA_TYPE, String.valueOf(atFlush.getMediaType()));
        assertEquals("https://safeguarding.exchange/problems/conflict", ((Problem) atFlush.getEntity()).type());

        RollbackException atCommit = new RollbackException("commit failed");
        atCommit.initCause(new StaleObjectStateException("SharingRequest", "id"));
        assertEquals(409, mappers.unexpected(new IllegalStateException(atCommit), null).getStatus(), "wrapped at commit");
    }

    @Test
    void aProblemNamesAtMostAHundredFieldsHoweverManyAreInvalid() {
        record Recipients(java.util.List<@jakarta.validation.constraints.Email String> emailTo) {
        }
        java.util.List<String> many = java.util.stream.IntStream.range(0, 10_000).mapToObj(i -> "not-an-address-" + i).toList();
        var violations = jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator().validate(new Recipients(many));
        Response refused = mappers.violations(new jakarta.validation.ConstraintViolationException(violations), null);
        Problem problem = (Problem) refused.getEntity();
        assertEquals(400, refused.getStatus());
        assertEquals(100, problem.errors().size());
        assertEquals("10000 field(s) are invalid; the first 100 are named", problem.detail());
    }

    @Test
    void anythingElseUnexpectedStaysAServerErrorWithAReferenceAndNoDetail() {
        Response failed = mappers.unexpected(new IllegalStateException("org.hibernate.SomethingInternal at line 3"), null);
        assertEquals(500, failed.getStatus());
        String detail = ((Problem) failed.getEntity()).detail();
        assertEquals(true, detail.startsWith("The request could not be completed; quote reference "), detail);
    }
}
