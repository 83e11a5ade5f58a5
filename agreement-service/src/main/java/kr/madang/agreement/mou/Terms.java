package kr.madang.agreement.mou;

import java.time.LocalDate;

/** When the agreement takes effect, for how many months, and whether it renews itself at the end. */
public record Terms(LocalDate effectiveDate, int termMonths, boolean autoRenew) {

    /** The last day in force of a term that starts on {@code start}. */
    public LocalDate lastDayFrom(LocalDate start) {
        return start.plusMonths(termMonths).minusDays(1);
    }
}
