package kr.madang.registration.importing;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kr.madang.platform.security.CurrentUser;
import kr.madang.platform.web.ApiProblem;
import kr.madang.registration.access.Access;
import kr.madang.registration.attendee.AttendeeForm;
import kr.madang.registration.attendee.AttendeeType;
import kr.madang.registration.attendee.Registration;
import kr.madang.registration.attendee.RegistrationRepository;
import kr.madang.registration.attendee.RegistrationService;
import kr.madang.registration.attendee.RegistrationStatus;
import kr.madang.registration.consent.ConsentPolicies;
import kr.madang.registration.forumevent.ForumEvent;
import kr.madang.registration.forumevent.ForumEventRepository;
import kr.madang.registration.importing.ImportColumns.Column;
import kr.madang.registration.rules.FieldError;
import kr.madang.registration.rules.RuleViolation;
import kr.madang.registration.rules.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk registration from a CSV file. A dry run checks every row exactly as the API would and reports each one
 * (valid, invalid with the fields at fault, duplicate of an existing registration or of an earlier row) without
 * writing anything. The real import registers every valid row in one transaction, through the same code path as
 * the API (seat or waitlist, events through the outbox), and skips the rows the report shows as invalid or
 * duplicate: either all valid rows are registered or none is.
 */
@Service
public class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);
    static final int MAX_ROWS = 5_000;

    public enum RowStatus {
        VALID, INVALID, DUPLICATE, REGISTERED
    }

    /**
     * One row's outcome. {@code name} and {@code organisation} are the cells as decoded, shown in the dry run so the
     * office sees whether the encoding came out right before confirming; a duplicate names the earlier row of the same
     * file ({@code duplicateOfRow}) or says the address is already registered for the event.
     */
    public record RowReport(int row, RowStatus status, List<FieldError> errors, Integer duplicateOfRow,
                            boolean alreadyRegistered, UUID registrationId, RegistrationStatus registrationStatus,
                            String name, String organisation) {

        RowReport registered(Registration r) {
            return new RowReport(row, RowStatus.REGISTERED, List.of(), null, false, r.id(), r.status(), name, organisation);
        }
    }

    public record Report(boolean dryRun, String encoding, int rows, int valid, int invalid, int duplicates,
                         int registered, int confirmed, int waitlisted, Integer wouldConfirm, Integer wouldWaitlist,
                         List<RowReport> report) {
    }

    private final ForumEventRepository events;
    private final RegistrationRepository registrations;
    private final RegistrationService registering;
    private final ConsentPolicies consentPolicies;

    public ImportService(ForumEventRepository events, RegistrationRepository registrations,
                         RegistrationService registering, ConsentPolicies consentPolicies) {
        this.consentPolicies = consentPolicies;
        this.events = events;
        this.registrations = registrations;
        this.registering = registering;
    }

    @Transactional
    public Report importCsv(UUID eventId, byte[] file, Charset declared, boolean dryRun, String policyVersion,
                            CurrentUser user) {
        ForumEvent event = events.find(eventId).orElseThrow(() -> ApiProblem.notFound("Forum event " + eventId));
        Access.requireStaff(user, event);
        consentPolicies.require(policyVersion, "policyVersion"); // the attendees signed a text that exists
        if (file.length == 0) {
            throw new RuleViolation("file", "is empty");
        }
        CsvText.Decoded decoded;
        try {
            decoded = CsvText.decode(file, declared);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("file", e.getMessage());
        }
        List<CsvText.Row> rows = CsvText.parse(decoded.text());
        if (rows.isEmpty()) {
            throw new RuleViolation("file", "has no header row");
        }
        Map<Column, Integer> columns = columns(rows.getFirst());
        List<CsvText.Row> data = rows.subList(1, rows.size()).stream().filter(r -> !r.blank()).toList();
        if (data.size() > MAX_ROWS) {
            throw new RuleViolation("file", "has " + data.size() + " rows; at most " + MAX_ROWS + " per import");
        }

        List<RowReport> report = new ArrayList<>();
        List<AttendeeForm.Valid> toRegister = new ArrayList<>();
        List<Integer> toRegisterRows = new ArrayList<>();
        Map<String, Integer> seenEmails = new HashMap<>();
        int invalid = 0;
        int duplicates = 0;
        // One lookup of every email already registered, not one per row.
        Map<String, UUID> registeredAlready = registrations.findLiveByEmails(eventId, data.stream()
                .map(row -> cell(row, columns, Column.EMAIL)).filter(java.util.Objects::nonNull)
                .map(email -> email.strip().toLowerCase(java.util.Locale.ROOT)).collect(java.util.stream.Collectors.toSet()));
        for (CsvText.Row row : data) {
            List<FieldError> cellErrors = new ArrayList<>();
            AttendeeForm form = form(row, columns, policyVersion, cellErrors);
            AttendeeForm.Checked checked = form.check();
            if (checked instanceof AttendeeForm.Invalid bad) {
                cellErrors.addAll(bad.errors());
            }
            if (!cellErrors.isEmpty() || !(checked instanceof AttendeeForm.Ok ok)) {
                report.add(new RowReport(row.line(), RowStatus.INVALID, dedupe(cellErrors), null, false, null, null,
                        cell(row, columns, Column.NAME), cell(row, columns, Column.ORGANISATION)));
                invalid++;
                continue;
            }
            AttendeeForm.Valid attendee = ok.attendee();
            Integer earlier = seenEmails.putIfAbsent(attendee.emailKey(), row.line());
            Optional<UUID> existing = Optional.ofNullable(registeredAlready.get(attendee.emailKey()));
            if (existing.isPresent() || earlier != null) {
                report.add(new RowReport(row.line(), RowStatus.DUPLICATE,
                        List.of(new FieldError("email", existing.isPresent() ? "is already registered for this event"
                                : "repeats an earlier row of this file")),
                        existing.isPresent() ? null : earlier, existing.isPresent(), null, null, attendee.name(),
                        attendee.organisation()));
                duplicates++;
                continue;
            }
            toRegister.add(attendee);
            toRegisterRows.add(report.size());
            report.add(new RowReport(row.line(), RowStatus.VALID, List.of(), null, false, null, null, attendee.name(),
                    attendee.organisation()));
        }

        int confirmed = 0;
        int waitlisted = 0;
        if (!dryRun && !toRegister.isEmpty()) {
            List<Registration> made;
            try {
                made = registering.importAll(event, toRegister, user.subject());
            } catch (ApiProblem | StateConflict refused) {
                // The event closed, or an email was registered by someone else meanwhile. Nothing of this import
                // stays: the transaction rolls back every row. The refusal's text can quote a row's data, so
                // neither the answer nor the log repeats it.
                log.warn("Import into event {} refused: {}", eventId, refused.getClass().getSimpleName());
                throw new ApiProblem(HttpStatus.CONFLICT, "Import not done",
                        "The event or its registrations changed while the file was being imported (it closed, or one "
                                + "of the emails was registered meanwhile); nothing was imported", "file")
                        .with("reason", "CHANGED_MEANWHILE");
            }
            for (int i = 0; i < made.size(); i++) {
                Registration r = made.get(i);
                int index = toRegisterRows.get(i);
                report.set(index, report.get(index).registered(r));
                if (r.status() == RegistrationStatus.CONFIRMED) {
                    confirmed++;
                } else if (r.status() == RegistrationStatus.WAITLISTED) {
                    waitlisted++;
                }
            }
            log.info("Imported {} registrations into event {} ({} invalid, {} duplicate rows skipped)",
                    toRegister.size(), eventId, invalid, duplicates);
        }
        Integer wouldConfirm = null;
        Integer wouldWaitlist = null;
        if (dryRun) {
            int free = Math.max(0, event.capacity() - event.confirmed());
            wouldConfirm = Math.min(free, toRegister.size());
            wouldWaitlist = toRegister.size() - wouldConfirm;
        }
        return new Report(dryRun, decoded.charset().name(), data.size(), toRegister.size(), invalid, duplicates,
                dryRun ? 0 : toRegister.size(), confirmed, waitlisted, wouldConfirm, wouldWaitlist, report);
    }

    private static Map<Column, Integer> columns(CsvText.Row header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.cells().size(); i++) {
            int index = i;
            ImportColumns.of(header.cells().get(i)).ifPresent(c -> columns.putIfAbsent(c, index));
        }
        List<String> missing = ImportColumns.REQUIRED.stream().filter(c -> !columns.containsKey(c))
                .map(c -> c.name().toLowerCase()).toList();
        if (!missing.isEmpty()) {
            throw new RuleViolation("file", "has no column for " + String.join(", ", missing)
                    + " (headers such as 이름, 이메일, 개인정보동의 or name, email, consent)");
        }
        return columns;
    }

    private static AttendeeForm form(CsvText.Row row, Map<Column, Integer> columns, String policyVersion,
                                     List<FieldError> errors) {
        AttendeeType type = null;
        String language = null;
        boolean wheelchair = false;
        Boolean consent = null;
        try {
            type = ImportColumns.attendeeType(cell(row, columns, Column.ATTENDEE_TYPE));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("attendeeType", e.getMessage()));
        }
        try {
            language = ImportColumns.language(cell(row, columns, Column.LANGUAGE));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("language", e.getMessage()));
        }
        try {
            wheelchair = ImportColumns.yes(cell(row, columns, Column.WHEELCHAIR));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("accessibility.wheelchair", e.getMessage()));
        }
        try {
            consent = ImportColumns.yes(cell(row, columns, Column.CONSENT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("consent.accepted", e.getMessage()));
        }
        return new AttendeeForm(cell(row, columns, Column.NAME), cell(row, columns, Column.EMAIL),
                cell(row, columns, Column.PHONE), cell(row, columns, Column.ORGANISATION),
                cell(row, columns, Column.JOB_TITLE), type, language == null ? "ko" : language,
                cell(row, columns, Column.ACCESSIBILITY), wheelchair, false, false, cell(row, columns, Column.DIETARY),
                List.of(), consent == null ? Boolean.TRUE : consent, policyVersion);
    }

    /** Keeps the first message per field (a cell error and the form's own check may both speak of one field). */
    private static List<FieldError> dedupe(List<FieldError> errors) {
        Map<String, FieldError> byField = new java.util.LinkedHashMap<>();
        errors.forEach(e -> byField.putIfAbsent(e.field(), e));
        return List.copyOf(byField.values());
    }

    private static String cell(CsvText.Row row, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        if (index == null || index >= row.cells().size()) {
            return null;
        }
        String v = row.cells().get(index);
        return v == null || v.isBlank() ? null : v;
    }
}
