package kr.madang.notification.message;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import java.util.Optional;

import kr.madang.notification.alimtalk.AlimTalkProperties;
import kr.madang.notification.alimtalk.AlimTalkStore;
import kr.madang.notification.calendar.CalendarStore;
import kr.madang.notification.dispatch.DispatchSignal;
import kr.madang.notification.dispatch.QuietHours;
import kr.madang.notification.eventchannel.EventTextChannels;
import kr.madang.notification.optout.OptOuts;
import kr.madang.notification.routing.Notice;
import kr.madang.notification.routing.Recipient;
import kr.madang.notification.routing.SourceEvent;
import kr.madang.notification.template.Channel;
import kr.madang.notification.template.SmsLength;
import kr.madang.notification.template.Template;
import kr.madang.notification.template.TemplateCatalog;
import kr.madang.notification.template.InlineQrCode;
import kr.madang.notification.template.TemplateRenderer;
import kr.madang.notification.template.TemplateSpec;
import kr.madang.notification.template.TemplateStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns a notice into message rows, one per channel the recipient can be reached on, rendered now with the live
 * template version. Runs in the transaction of the source event's handling, so the rows, their QUEUED events and
 * the processed-event mark commit together; the dispatcher is woken after commit.
 */
@Component
public class MessageQueue {

    private final TemplateStore templates;
    private final MessageStore messages;
    private final StatusEvents statusEvents;
    private final OptOuts optOuts;
    private final QuietHours quietHours;
    private final DispatchSignal signal;
    private final Clock clock;
    private final CalendarStore calendars;
    private final AlimTalkStore alimTalks;
    private final boolean alimTalkEnabled;
    private final EventTextChannels eventChannels;

    public MessageQueue(TemplateStore templates, MessageStore messages, StatusEvents statusEvents, OptOuts optOuts,
                        QuietHours quietHours, DispatchSignal signal, Clock clock, CalendarStore calendars,
                        AlimTalkStore alimTalks, AlimTalkProperties alimTalkProperties, EventTextChannels eventChannels) {
        this.eventChannels = eventChannels;
        this.calendars = calendars;
        this.alimTalks = alimTalks;
        this.alimTalkEnabled = alimTalkProperties.enabled();
        this.templates = templates;
        this.messages = messages;
        this.statusEvents = statusEvents;
        this.optOuts = optOuts;
        this.quietHours = quietHours;
        this.signal = signal;
        this.clock = clock;
    }

    /** The number of new message rows (0 when the notice was already queued by an earlier delivery). */
    @Transactional(propagation = Propagation.MANDATORY)
    public int enqueue(SourceEvent source, Notice notice) {
        TemplateSpec spec = TemplateCatalog.get(notice.templateCode());
        Recipient recipient = notice.recipient();
        int created = 0;
        for (Channel channel : new Channel[]{Channel.EMAIL, Channel.SMS}) {
            if (!spec.channels().contains(channel)) {
                continue;
            }
            String address = channel == Channel.EMAIL ? recipient.email() : recipient.phone();
            if (address == null || address.isBlank()) {
                continue;
            }
            Optional<Template> alimTalk = channel == Channel.SMS ? alimTalkTemplate(spec, address, recipient.language(), notice.forumEventId())
                    : Optional.empty();
            Template template = alimTalk.or(() -> templates.current(spec.code(), channel, recipient.language()))
                    .orElseThrow(() -> new MissingTemplateException(spec.code(), channel.name(), recipient.language()));
            Message message = render(source, notice, spec, template.channel(), address, template);
            if (messages.insert(message)) {
                if (template.channel() == Channel.ALIMTALK) {
                    alimTalks.save(message.id(), template.alimTalk().vendorTemplateCode(), template.alimTalk().buttons().stream()
                            .map(b -> new Template.Button(b.name(), TemplateRenderer.fill(b.link(), notice.values()))).toList());
                }
                if (channel == Channel.EMAIL && notice.calendar() != null) {
                    calendars.save(message.id(), notice.calendar());
                }
                statusEvents.changed(message.id().toString(), message.sourceEventId(), channel, message.status(), 1,
                        message.correlationId(), message.reason());
                created++;
            }
        }
        if (created > 0) {
            signal.wakeAfterCommit();
        }
        return created;
    }

    /**
     * AlimTalk instead of SMS (it falls back to SMS when it cannot go) when: the channel is switched on, this event's
     * template has a live, active AlimTalk version in the recipient's language (per event type: operations add one
     * once the vendor approved it), the recipient has not asked for SMS instead (an opt-out of ALIMTALK), and ops did
     * not choose SMS/LMS only for the forum event the message is about.
     */
    private Optional<Template> alimTalkTemplate(TemplateSpec spec, String phone, String language, String forumEventId) {
        if (!alimTalkEnabled || optOuts.hasOptedOut(phone, Channel.ALIMTALK) || eventChannels.smsOnly(forumEventId)) {
            return Optional.empty();
        }
        return templates.current(spec.code(), Channel.ALIMTALK, language)
                .filter(t -> t.alimTalk() != null && t.alimTalk().active());
    }

    private Message render(SourceEvent source, Notice notice, TemplateSpec spec, Channel channel, String address,
                           Template template) {
        Instant now = clock.instant();
        String language = notice.recipient().language();
        MessageStatus status = MessageStatus.QUEUED;
        String reason = null;
        // AlimTalk reaches the same phone and falls back to SMS: an SMS opt-out covers it, exactly as for SMS
        Channel optOutChannel = channel == Channel.ALIMTALK ? Channel.SMS : channel;
        if (!spec.essential() && optOuts.hasOptedOut(address, optOutChannel)) {
            status = MessageStatus.SUPPRESSED;
            reason = "recipient opted out of non-essential " + optOutChannel + " messages";
        }
        String subject = TemplateRenderer.fill(template.subject(), notice.values());
        String text = TemplateRenderer.fill(template.body(), notice.values());
        String html = null;
        String smsType = null;
        String unsubscribeUrl = null;
        Instant next = now;
        if (channel == Channel.EMAIL) {
            unsubscribeUrl = spec.essential() ? null : optOuts.unsubscribeUrl(address, channel);
            html = TemplateRenderer.html(subject, text, language, unsubscribeUrl);
            html = InlineQrCode.embed(html, notice.values().get("checkInCode"), language); // drawn when sent
            text = TemplateRenderer.text(text, language, unsubscribeUrl);
        } else {
            int bytes = SmsLength.eucKrBytes(text);
            if (bytes > SmsLength.LMS_MAX_BYTES) {
                status = MessageStatus.PERMANENT_FAILURE;
                reason = "rendered text is " + bytes + " EUC-KR bytes, over the LMS limit of " + SmsLength.LMS_MAX_BYTES;
            } else {
                smsType = SmsLength.kindOf(text).name();
            }
            if (spec.purpose().heldDuringQuietHours()) {
                next = quietHours.nextAllowed(now);
            }
        }
        UUID id = UUID.randomUUID();
        return new Message(id, source.eventId(), source.type(), spec.code(), template.version(), channel,
                language, notice.recipient().key(), address,
                channel == Channel.EMAIL ? Masking.email(address) : Masking.phone(address),
                notice.registrationId(), notice.agreementId(), notice.forumEventId(), subject, text, html, smsType,
                spec.essential(), !spec.purpose().heldDuringQuietHours(), unsubscribeUrl, status, 1, reason, 0, next, null, null,
                source.correlationId(), now, now, null, null, null);
    }
}
