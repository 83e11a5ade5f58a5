package kr.madang.notification.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kr.madang.events.AgreementParty;
import kr.madang.events.AgreementSummary;
import kr.madang.events.Contact;
import kr.madang.events.ForumEventSummary;
import kr.madang.events.Language;
import kr.madang.events.agreement.AgreementActivated;
import kr.madang.events.agreement.AgreementAmended;
import kr.madang.events.agreement.AgreementCirculated;
import kr.madang.events.agreement.AgreementDrafted;
import kr.madang.events.agreement.AgreementExecuted;
import kr.madang.events.agreement.AgreementExpired;
import kr.madang.events.agreement.AgreementExpiring;
import kr.madang.events.agreement.AgreementRenewed;
import kr.madang.events.agreement.AgreementTerminated;
import kr.madang.events.agreement.CirculationWithdrawn;
import kr.madang.events.agreement.PartyAcceded;
import kr.madang.events.agreement.PartyDeclined;
import kr.madang.events.agreement.PartySigned;
import kr.madang.events.agreement.SigningCeremonyChanged;
import kr.madang.events.agreement.SigningReminderDue;
import kr.madang.events.registration.AttendeeCheckedIn;
import kr.madang.events.registration.ForumEventCancelled;
import kr.madang.events.registration.ForumEventRescheduled;
import kr.madang.events.registration.RegistrationCancelled;
import kr.madang.events.registration.RegistrationConfirmed;
import kr.madang.events.registration.RegistrationPendingApproval;
import kr.madang.events.registration.RegistrationPromoted;
import kr.madang.events.registration.RegistrationAttemptRepeated;
import kr.madang.events.registration.RegistrationRejected;
import kr.madang.events.registration.RegistrationWaitlisted;
import org.apache.avro.specific.SpecificRecord;

/**
 * Which messages an event causes, and for whom: the attendee for registration events, every registered attendee
 * (from the local copy) for event-wide changes, every party's contact for agreement events (each with its own
 * signing link where the event carries one), and the forum secretariat for operational alerts. Free of Spring
 * and Kafka; events it has nothing to say about yield no notices.
 */
public class EventRouter {

    public static final String SECRETARIAT_KEY = "secretariat";

    private final Recipient secretariat;

    public EventRouter(String secretariatEmail, String secretariatLanguage) {
        this.secretariat = new Recipient(SECRETARIAT_KEY, "사무국", secretariatEmail, null, secretariatLanguage);
    }

    public Recipient secretariat() {
        return secretariat;
    }

    public List<Notice> route(SpecificRecord event, AttendeeDirectory directory) {
        List<Notice> notices = new ArrayList<>();
        switch (event) {
            case RegistrationConfirmed e -> notices.add(attendee("registration-confirmed", e.getRegistrationId(),
                    e.getForumEvent(), e.getAttendee(), e.getOrganisation(),
                    "cancellationUrl", e.getCancellationUrl(), "checkInCode", e.getCheckInCode(),
                    "ticketUrl", e.getTicketUrl(), "ticketCode", e.getTicketCode()));
            case RegistrationWaitlisted e -> notices.add(attendee("registration-waitlisted", e.getRegistrationId(),
                    e.getForumEvent(), e.getAttendee(), e.getOrganisation(),
                    "waitlistPosition", String.valueOf(e.getWaitlistPosition()), "cancellationUrl", e.getCancellationUrl()));
            case RegistrationPendingApproval e -> {
                notices.add(attendee("registration-pending-approval", e.getRegistrationId(), e.getForumEvent(),
                        e.getAttendee(), e.getOrganisation(), "cancellationUrl", e.getCancellationUrl()));
                Map<String, String> values = attendeeValues(e.getRegistrationId(), e.getForumEvent(), e.getAttendee().getName(),
                        e.getOrganisation(), secretariat.language());
                values.put("attendeeType", orEmpty(e.getAttendeeType()));
                notices.add(new Notice("secretariat-approval-needed", secretariat, values, e.getRegistrationId(), null,
                        e.getForumEvent().getForumEventId()));
            }
            case RegistrationPromoted e -> notices.add(attendee("registration-promoted", e.getRegistrationId(),
                    e.getForumEvent(), e.getAttendee(), e.getOrganisation(), "cancellationUrl", e.getCancellationUrl(),
                    "checkInCode", e.getCheckInCode(), "fromPosition", String.valueOf(e.getFromPosition()),
                    "ticketUrl", e.getTicketUrl(), "ticketCode", e.getTicketCode()));
            case RegistrationAttemptRepeated e -> notices.add(attendee("registration-attempt-repeated",
                    e.getRegistrationId(), e.getForumEvent(), e.getAttendee(), null));
            case RegistrationRejected e -> notices.add(attendee("registration-rejected", e.getRegistrationId(),
                    e.getForumEvent(), e.getAttendee(), e.getOrganisation(), "reason", e.getReason()));
            case RegistrationCancelled e -> notices.add(attendee("registration-cancelled", e.getRegistrationId(),
                    e.getForumEvent(), e.getAttendee(), e.getOrganisation(), "reason", e.getReason(),
                    "cancelledBy", e.getCancelledBy()));
            case AttendeeCheckedIn e -> notices.add(attendee("attendee-checked-in", e.getRegistrationId(),
                    e.getForumEvent(), e.getAttendee(), e.getOrganisation(), "day", String.valueOf(e.getDay()),
                    "checkedInAt", Formats.dateTime(e.getCheckedInAt(), language(e.getAttendee()))));
            case ForumEventRescheduled e -> {
                for (AttendeeDirectory.Attendee a : directory.registeredFor(e.getForumEvent().getForumEventId())) {
                    Map<String, String> values = attendeeValues(a.registrationId(), e.getForumEvent(), a.recipient().name(),
                            a.organisation(), a.recipient().language());
                    values.put("previousStartsAt", Formats.dateTime(e.getPreviousStartsAt(), a.recipient().language()));
                    values.put("previousVenue", orEmpty(e.getPreviousVenue()));
                    notices.add(new Notice("forum-event-rescheduled", a.recipient(), values, a.registrationId(), null,
                            e.getForumEvent().getForumEventId()));
                }
            }
            case ForumEventCancelled e -> {
                for (AttendeeDirectory.Attendee a : directory.registeredFor(e.getForumEvent().getForumEventId())) {
                    Map<String, String> values = attendeeValues(a.registrationId(), e.getForumEvent(), a.recipient().name(),
                            a.organisation(), a.recipient().language());
                    values.put("reason", orEmpty(e.getReason()));
                    notices.add(new Notice("forum-event-cancelled", a.recipient(), values, a.registrationId(), null,
                            e.getForumEvent().getForumEventId()));
                }
            }
            case AgreementDrafted e -> parties(notices, "agreement-drafted", e.getAgreement(), e.getParties(), e.getParties());
            case AgreementCirculated e -> parties(notices, "agreement-circulated", e.getAgreement(), e.getRecipients(),
                    e.getRecipients(), "step", String.valueOf(e.getStep()));
            case SigningReminderDue e -> parties(notices, "signing-reminder", e.getAgreement(), e.getRecipients(),
                    e.getRecipients(), "reminderNumber", String.valueOf(e.getReminderNumber()));
            case PartySigned e -> parties(notices, "party-signed", e.getAgreement(), e.getParties(), e.getParties(),
                    "signerInstitution", e.getParty().getInstitution(), "signerName", e.getSignerName());
            case PartyDeclined e -> {
                parties(notices, "party-declined", e.getAgreement(), e.getParties(), e.getParties(),
                        "declinedInstitution", e.getParty().getInstitution(), "reason", e.getReason());
                Map<String, String> values = partyValues(e.getAgreement(), e.getParties().size(), secretariat.name(),
                        e.getParty().getInstitution());
                values.put("declinedInstitution", e.getParty().getInstitution());
                values.put("reason", orEmpty(e.getReason()));
                notices.add(new Notice("secretariat-party-declined", secretariat, values, null,
                        e.getAgreement().getAgreementId(), e.getAgreement().getForumEventId()));
            }
            case PartyAcceded e -> parties(notices, "party-acceded", e.getAgreement(), e.getParties(), e.getParties(),
                    "accededInstitution", e.getParty().getInstitution());
            case AgreementExecuted e -> parties(notices, "agreement-executed", e.getAgreement(), e.getParties(), e.getParties());
            case AgreementActivated e -> parties(notices, "agreement-activated", e.getAgreement(), e.getParties(), e.getParties());
            case AgreementAmended e -> parties(notices, "agreement-amended", e.getAgreement(), e.getParties(), e.getParties(),
                    "previousVersion", String.valueOf(e.getPreviousVersion()));
            case AgreementExpiring e -> parties(notices, "agreement-expiring", e.getAgreement(), e.getParties(), e.getParties(),
                    "daysLeft", String.valueOf(e.getDaysLeft()));
            case AgreementExpired e -> parties(notices, "agreement-expired", e.getAgreement(), e.getParties(), e.getParties());
            case AgreementRenewed e -> parties(notices, "agreement-renewed", e.getAgreement(), e.getParties(), e.getParties());
            case AgreementTerminated e -> parties(notices, "agreement-terminated", e.getAgreement(), e.getParties(),
                    e.getParties(), "reason", e.getReason());
            case CirculationWithdrawn e -> parties(notices, "circulation-withdrawn", e.getAgreement(), e.getParties(),
                    e.getParties(), "reason", e.getReason());
            case SigningCeremonyChanged e -> parties(notices, "signing-ceremony-changed", e.getAgreement(), e.getParties(),
                    e.getParties(), "change", e.getChange(), "detail", e.getDetail());
            default -> {
                // ForumEventScheduled/Opened/Closed/Completed, AttendeeDataErased: no message, local copy only
            }
        }
        return notices;
    }

    /** Values every attendee template can use. */
    public static Map<String, String> attendeeValues(String registrationId, ForumEventSummary forum, String name,
                                                     String organisation, String language) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("organisation", orEmpty(organisation));
        values.put("forumTitle", "en".equals(language) && forum.getTitleEn() != null ? forum.getTitleEn() : forum.getTitle());
        values.put("region", Formats.region(forum.getRegion(), language));
        values.put("venue", orEmpty(forum.getVenue()));
        values.put("startsAt", Formats.dateTime(forum.getStartsAt(), language));
        values.put("endsAt", Formats.dateTime(forum.getEndsAt(), language));
        values.put("registrationId", registrationId);
        return values;
    }

    public static String language(Contact contact) {
        return contact.getLanguage() == Language.EN ? "en" : "ko";
    }

    public static Recipient recipient(String key, Contact contact) {
        return new Recipient(key, contact.getName(), contact.getEmail(), contact.getPhone(), language(contact));
    }

    private Notice attendee(String code, String registrationId, ForumEventSummary forum, Contact contact,
                            String organisation, String... extra) {
        String language = language(contact);
        Map<String, String> values = attendeeValues(registrationId, forum, contact.getName(), organisation, language);
        put(values, extra);
        return new Notice(code, recipient(registrationId, contact), values, registrationId, null, forum.getForumEventId());
    }

    private void parties(List<Notice> notices, String code, AgreementSummary agreement, List<AgreementParty> recipients,
                         List<AgreementParty> allParties, String... extra) {
        for (AgreementParty party : recipients) {
            Contact contact = party.getContact();
            if (contact == null) {
                continue; // a party without a contact cannot be told; the agreement service shows it as such
            }
            String name = party.getRepresentativeName() != null ? party.getRepresentativeName() : contact.getName();
            Map<String, String> values = partyValues(agreement, allParties.size(), name, party.getInstitution());
            values.put("signingUrl", orEmpty(party.getSigningUrl()));
            put(values, extra);
            Recipient recipient = new Recipient(party.getPartyId(), name, contact.getEmail(), contact.getPhone(),
                    language(contact));
            notices.add(new Notice(code, recipient, values, null, agreement.getAgreementId(), agreement.getForumEventId()));
        }
    }

    private static Map<String, String> partyValues(AgreementSummary agreement, int partyCount, String name, String institution) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("institution", institution);
        values.put("agreementTitle", agreement.getTitle());
        values.put("agreementVersion", String.valueOf(agreement.getVersion()));
        values.put("agreementId", agreement.getAgreementId());
        values.put("effectiveDate", Formats.date(agreement.getEffectiveDate()));
        values.put("endDate", Formats.date(agreement.getEndDate()));
        values.put("partyCount", String.valueOf(partyCount));
        return values;
    }

    private static void put(Map<String, String> values, String... pairs) {
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], orEmpty(pairs[i + 1]));
        }
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
