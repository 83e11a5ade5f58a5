package kr.madang.registration.badges;

import java.util.UUID;

import kr.madang.registration.attendee.AttendeeType;

/**
 * What one badge shows. {@code checkInCode} is the signed code the door scans (as the QR code);
 * {@code shortCode} is the 8-character code of the ticket (issue 14) printed under it for typing, null until
 * registrations have one.
 */
public record Badge(UUID registrationId, String name, String organisation, String jobTitle, AttendeeType type,
                    String checkInCode, String shortCode) {
}
