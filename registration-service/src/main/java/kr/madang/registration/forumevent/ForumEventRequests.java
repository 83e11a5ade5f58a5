package kr.madang.registration.forumevent;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import kr.madang.registration.web.PlainText;

/** Request bodies of the forum event API. Date-times carry their offset; Seoul time is +09:00. */
public final class ForumEventRequests {

    private ForumEventRequests() {
    }

    public record Create(
            @NotBlank @Size(max = 200) @PlainText String title,
            @Size(max = 200) @PlainText String titleEn,
            @Size(max = 4000) @PlainText(multiline = true) String description,
            @NotNull Region region,
            @NotBlank @Size(max = 200) @PlainText String venue,
            @Size(max = 200) @PlainText String venueEn,
            @NotNull OffsetDateTime startsAt,
            @NotNull OffsetDateTime endsAt,
            OffsetDateTime registrationOpensAt,
            OffsetDateTime registrationClosesAt,
            @NotNull @Min(1) @Max(100_000) Integer capacity,
            Boolean selfRegistration,
            Boolean approvalRequired,
            @Size(max = 30) List<@NotBlank @Size(max = 200) @PlainText String> hosts,
            @Size(max = 30) List<@NotBlank @Size(max = 200) @PlainText String> organisers,
            @Size(max = 30) List<@NotBlank @Size(max = 200) @PlainText String> sponsors,
            @Size(max = 100) List<@NotNull @Valid Session> sessions) {

        public ForumEvent.Details details() {
            return new ForumEvent.Details(title.strip(), blankToNull(titleEn), blankToNull(description), region,
                    venue.strip(), blankToNull(venueEn), startsAt.toInstant(), endsAt.toInstant(),
                    registrationOpensAt == null ? null : registrationOpensAt.toInstant(),
                    registrationClosesAt == null ? null : registrationClosesAt.toInstant(), capacity,
                    Boolean.TRUE.equals(selfRegistration), Boolean.TRUE.equals(approvalRequired), hosts, organisers,
                    sponsors, sessions == null ? List.of() : sessions.stream().map(Session::details).toList());
        }
    }

    public record Session(
            @NotNull SessionKind kind,
            @NotBlank @Size(max = 200) @PlainText String title,
            @Size(max = 200) @PlainText String titleEn,
            @Size(max = 200) @PlainText String location,
            @NotNull OffsetDateTime startsAt,
            @NotNull OffsetDateTime endsAt,
            @Min(1) @Max(100_000) Integer capacity) {

        ForumEvent.SessionDetails details() {
            return new ForumEvent.SessionDetails(kind, title.strip(), blankToNull(titleEn), blankToNull(location),
                    startsAt.toInstant(), endsAt.toInstant(), capacity);
        }
    }

    public record Cancel(@Size(max = 500) @PlainText(multiline = true) String reason) {
    }

    public record Reschedule(
            @NotNull OffsetDateTime startsAt,
            @NotNull OffsetDateTime endsAt,
            @Size(max = 200) @PlainText String venue,
            @Size(max = 500) @PlainText(multiline = true) String reason) {
    }

    public record Capacity(@NotNull @Min(1) @Max(100_000) Integer capacity) {
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
