package kr.madang.registration.badges;

/**
 * The sheets badges are printed on, in millimetres. Each is an A4 page cut into a grid; a cell holds one badge.
 */
public enum BadgeFormat {

    /** A4 cut into 2 × 4 cards of A7 (105 × 74 mm), cut lines drawn: for plain paper or card and a guillotine. */
    A4_2X4(2, 4, 105f, 74.25f, 0f, 0f, true),

    /**
     * A4 label sheet of 10 die-cut labels, 2 × 5, each 99.1 × 57 mm, no gutter (6 mm top margin, 5.9 mm side margin):
     * the 10-up name-badge label layout Korean offices buy in stationery shops; no cut lines (the labels are die-cut).
     */
    LABEL_99X57(2, 5, 99.1f, 57f, 5.9f, 6f, false);

    public static final float A4_WIDTH_MM = 210f;
    public static final float A4_HEIGHT_MM = 297f;

    private final int columns;
    private final int rows;
    private final float cellWidthMm;
    private final float cellHeightMm;
    private final float leftMarginMm;
    private final float topMarginMm;
    private final boolean cutLines;

    BadgeFormat(int columns, int rows, float cellWidthMm, float cellHeightMm, float leftMarginMm, float topMarginMm,
                boolean cutLines) {
        this.columns = columns;
        this.rows = rows;
        this.cellWidthMm = cellWidthMm;
        this.cellHeightMm = cellHeightMm;
        this.leftMarginMm = leftMarginMm;
        this.topMarginMm = topMarginMm;
        this.cutLines = cutLines;
    }

    public int columns() {
        return columns;
    }

    public int rows() {
        return rows;
    }

    public int perPage() {
        return columns * rows;
    }

    public float cellWidthMm() {
        return cellWidthMm;
    }

    public float cellHeightMm() {
        return cellHeightMm;
    }

    public float leftMarginMm() {
        return leftMarginMm;
    }

    public float topMarginMm() {
        return topMarginMm;
    }

    public boolean cutLines() {
        return cutLines;
    }
}
