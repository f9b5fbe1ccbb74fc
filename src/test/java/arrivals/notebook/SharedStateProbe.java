package arrivals.notebook;

/** Static fields a test and a notebook cell both touch, to prove they share one loaded class. */
public final class SharedStateProbe {

    /** Set by the test before the notebook runs. */
    public static volatile String fromTest;

    /** Set by the cell. */
    public static volatile String fromCell;

    private SharedStateProbe() {
    }
}
