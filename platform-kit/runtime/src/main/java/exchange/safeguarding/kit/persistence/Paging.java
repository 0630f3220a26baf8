package exchange.safeguarding.kit.persistence;

/**
 * Pages of a list. A page so far out that its first row number does not fit an int (page 2147483647 of 200) lies
 * beyond any list this platform holds: it is empty, as any page past the end is, instead of an offset that wraps to a
 * negative number and fails in the database.
 */
public final class Paging {

    private Paging() {
    }

    /** True when the page starts beyond every row a query can address: answer an empty page without querying. */
    public static boolean beyondEnd(int page, int size) {
        return (long) page * size > Integer.MAX_VALUE;
    }
}
