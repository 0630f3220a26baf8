package exchange.safeguarding.kit.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PagingTest {

    @Test
    void aPageWhoseFirstRowOverflowsAnIntIsBeyondTheEnd() {
        assertTrue(Paging.beyondEnd(Integer.MAX_VALUE, 200));
        assertTrue(Paging.beyondEnd(10_737_419, 200), "the first page past 2^31 rows of 200");
        assertFalse(Paging.beyondEnd(10_737_418, 200), "the last addressable page");
        assertFalse(Paging.beyondEnd(0, 200));
        assertFalse(Paging.beyondEnd(Integer.MAX_VALUE, 1), "page 2^31-1 of one row each still fits");
    }
}
