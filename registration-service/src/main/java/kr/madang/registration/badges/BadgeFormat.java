package kr.madang.registration.badges;

/**
 * The sheets badges are printed on, in millimetres. Each is an A4 page cut into a grid; a cell holds one badge.
 */
public enum BadgeFormat {

    /**
     * A4 paper or card cut into 2 × 4 badges of 95 × 68 mm along the cut lines drawn, inside 10 mm side and 12.5 mm
     * top margins so office printers (which leave 4 to 5 mm unprinted) print every band whole.
     */
    A4_2X4(2, 4, 95f, 68f, 10f, 12.5f, true),

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
